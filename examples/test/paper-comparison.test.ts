// The "paper vs ours" tables: the d interval against a hand-worked case and a simulation, and
// the agreement verdicts on rows made up to agree and to differ.
import { createRng } from '@mgraph/core';
import { PAPER_FIGURES } from '@mgraph/phantom';
import type { AnovaRow, WelchRow } from '@mgraph/pipeline';
import { describe, expect, it } from 'vitest';
import {
  cohenDInterval,
  compareAnova,
  compareCounts,
  compareTableS1,
} from '../paper-workflow/paper-comparison.js';

const welch = (feature: string, descriptor: string, d: number, p: number): WelchRow => ({
  feature,
  descriptor: descriptor as WelchRow['descriptor'],
  nWith: 48,
  nWithout: 302,
  meanWith: 0,
  meanWithout: 0,
  meanDifference: d,
  ciLow: 0,
  ciHigh: 0,
  t: 0,
  df: 100,
  p,
  cohenD: d,
  significant: p < 0.05,
  note: '',
});

const anova = (response: string, term: string, F: number, p: number): AnovaRow =>
  ({ response, term, sumSq: 1, df: 1, F, p, note: '' }) as AnovaRow;

describe('cohenDInterval', () => {
  it('is d -+ 1.96 sqrt((n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2)))', () => {
    // d = -0.43, n = 48 / 302: se^2 = 350 / 14496 + 0.1849 / 700 = 0.024145 + 0.000264
    const [low, high] = cohenDInterval(-0.43, 48, 302);
    const se = Math.sqrt(350 / 14496 + 0.1849 / 700);
    expect(low).toBeCloseTo(-0.43 - 1.96 * se, 12);
    expect(high).toBeCloseTo(-0.43 + 1.96 * se, 12);
    expect(se).toBeCloseTo(0.15624, 4);
  });
  it('holds the sample d of two normal groups about 95% of the time', () => {
    const rng = createRng(7);
    const [n1, n2, d] = [48, 302, -0.43];
    const [low, high] = cohenDInterval(d, n1, n2);
    let inside = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const a = Array.from({ length: n1 }, () => rng.normal(d, 1));
      const b = Array.from({ length: n2 }, () => rng.normal(0, 1));
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const ss = (v: number[], m: number) => v.reduce((s, x) => s + (x - m) ** 2, 0);
      const [ma, mb] = [mean(a), mean(b)];
      const sd = Math.sqrt((ss(a, ma) + ss(b, mb)) / (n1 + n2 - 2));
      const sample = (ma - mb) / sd;
      if (sample >= low && sample <= high) inside++;
    }
    // binomial sd at 2000 trials: 0.5 points
    expect(inside / trials).toBeGreaterThan(0.935);
    expect(inside / trials).toBeLessThan(0.965);
  });
});

describe('compareTableS1', () => {
  it('agrees with the paper rows, in the paper order, and flags a differing d or verdict', () => {
    const ours = PAPER_FIGURES.tableS1.map((r) =>
      welch(r.feature, r.descriptor, r.cohenD ?? 0.01, r.significant === false ? 0.5 : 0.001),
    );
    const rows = compareTableS1(ours);
    expect(rows.map((r) => `${r.feature}/${r.descriptor}`)).toEqual(
      PAPER_FIGURES.tableS1.map((r) => `${r.feature}/${r.descriptor}`),
    );
    expect(rows.every((r) => r.agrees)).toBe(true);
    expect(rows[0].paperSignificant).toBe('no');
    expect(Number.isNaN(rows[0].paperD)).toBe(true);
    // d outside the interval
    const far = ours.map((w) => (w.descriptor === 'heterogeneity' ? { ...w, cohenD: 0.2 } : w));
    expect(
      compareTableS1(far)
        .filter((r) => !r.agrees)
        .map((r) => r.descriptor),
    ).toEqual(['heterogeneity', 'heterogeneity']);
    // SOC significant where the paper's is not
    const soc = ours.map((w) =>
      w.descriptor === 'soc' ? { ...w, p: 0.01, significant: true } : w,
    );
    expect(
      compareTableS1(soc)
        .filter((r) => !r.agrees)
        .map((r) => r.descriptor),
    ).toEqual(['soc', 'soc']);
    // a missing row never agrees
    expect(compareTableS1([])[1].agrees).toBe(false);
  });
});

describe('compareAnova', () => {
  const pattern = [
    anova('log heterogeneity', 'TPB', 4, 0.04),
    anova('log heterogeneity', 'channel', 12, 0.001),
    anova('log polarization', 'TPB', 1, 0.3),
    anova('log polarization', 'channel', 40, 1e-8),
  ];
  it('agrees on the paper pattern (channel significant and stronger, TPB not for polarization)', () => {
    const rows = compareAnova(pattern);
    expect(rows.map((r) => [r.table, r.term, r.agrees])).toEqual([
      ['S2', 'TPB', true],
      ['S2', 'channel', true],
      ['S3', 'TPB', true],
      ['S3', 'channel', true],
    ]);
  });
  it('differs when TPB is significant for polarization or stronger than the channel', () => {
    const tpb = pattern.map((r) =>
      r.response === 'log polarization' && r.term === 'TPB' ? { ...r, F: 6, p: 0.01 } : r,
    );
    expect(compareAnova(tpb).map((r) => r.agrees)).toEqual([true, true, false, true]);
    const stronger = pattern.map((r) =>
      r.response === 'log heterogeneity' && r.term === 'TPB' ? { ...r, F: 20, p: 1e-5 } : r,
    );
    expect(compareAnova(stronger).map((r) => r.agrees)).toEqual([false, false, true, true]);
  });
});

describe('compareCounts', () => {
  it('counts particles, shares and the most common category', () => {
    const p = (inTpb: boolean, concurrentChannel: boolean, channelCategory: string) => ({
      inTpb,
      concurrentChannel,
      channelCategory,
    });
    const rows = compareCounts([
      p(true, true, 'both'),
      p(false, false, 'ionic-only'),
      p(false, false, 'ionic-only'),
      p(false, false, 'ionic-only'),
      p(false, true, 'both'),
    ]);
    expect(rows.map((r) => [r.quantity, r.ours])).toEqual([
      ['images', ''],
      ['NMC particles', '5'],
      ['in a TPB', '1 (20.0%)'],
      ['in a concurrent channel', '2 (40.0%)'],
      ['most common Fig. 3c category', 'ionic-only (3 (60.0%))'],
    ]);
    expect(rows[2].paper).toBe('48 (13.7%)');
    expect(rows[3].paper).toBe('136 (38.9%)');
  });
});
