import { welchTTest } from '@mgraph/stats';
import { describe, expect, it } from 'vitest';
import {
  anovaTable,
  correlationCells,
  validParticles,
  type WelchRow,
  welchTable,
} from '../paper-workflow/statistics.js';
import {
  plantedEffectsRecovered,
  reportSummary,
  welchSentence,
} from '../paper-workflow/summary.js';
import type { ParticleRow } from '../paper-workflow/types.js';

/** Particles whose heterogeneity is lower with a TPB, SOC unrelated. */
function particles(): ParticleRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const inTpb = i % 2 === 0;
    return {
      status: 'ok',
      descriptorsValid: true,
      inTpb,
      concurrentChannel: i % 4 < 2,
      soc: 8344 + ((i * 7) % 5) / 10,
      heterogeneity: (inTpb ? 0.3 : 0.6) + ((i * 3) % 7) / 100,
      polarization: 1 + ((i * 5) % 9) / 10,
      size: 100 + i,
      degree: i % 6,
    } as unknown as ParticleRow;
  });
}

describe('welchTable', () => {
  it('is welchTTest of each descriptor between the two groups', () => {
    const rows = welchTable(particles(), 'inTpb', 'TPB');
    expect(rows.map((r) => r.descriptor)).toEqual(['soc', 'heterogeneity', 'polarization']);
    const p = particles();
    const direct = welchTTest(
      p.filter((x) => x.inTpb).map((x) => x.heterogeneity),
      p.filter((x) => !x.inTpb).map((x) => x.heterogeneity),
    );
    expect(rows[1]).toMatchObject({ nWith: 20, nWithout: 20, t: direct.t, p: direct.p, note: '' });
    expect(rows[1].significant).toBe(true);
    expect(rows[1].meanDifference).toBeLessThan(0);
  });
  it('turns an untestable group into a row with the reason, not a crash', () => {
    const one = particles().map((x, i) => ({ ...x, inTpb: i === 0 }));
    const rows = welchTable(one, 'inTpb', 'TPB');
    expect(rows[0].nWith).toBe(1);
    expect(Number.isNaN(rows[0].p)).toBe(true);
    expect(rows[0].note).toMatch(/welchTTest/);
  });
});

describe('anovaTable and correlationCells', () => {
  it('gives the four type II rows per response', () => {
    const rows = anovaTable(particles());
    expect(rows.map((r) => `${r.response}|${r.term}`)).toEqual([
      'log heterogeneity|TPB',
      'log heterogeneity|channel',
      'log heterogeneity|TPB:channel',
      'log heterogeneity|Residual',
      'log polarization|TPB',
      'log polarization|channel',
      'log polarization|TPB:channel',
      'log polarization|Residual',
    ]);
    expect(rows[0].p).toBeLessThan(1e-6);
  });
  it('correlates metrics with descriptors and leaves constant columns NaN', () => {
    const cells = correlationCells(particles());
    const size = cells.find((c) => c.metric === 'size' && c.descriptor === 'soc')!;
    expect(size.n).toBe(40);
    expect(Math.abs(size.r)).toBeLessThanOrEqual(1);
    // clustering is undefined on these rows: NaN, no throw
    const constant = cells.find((c) => c.metric === 'clustering')!;
    expect(Number.isNaN(constant.r)).toBe(true);
  });
  it('validParticles drops failed rows and invalid descriptors', () => {
    const p = particles();
    p[0] = { ...p[0], descriptorsValid: false };
    p[1] = { ...p[1], status: 'failed' };
    expect(validParticles(p)).toHaveLength(38);
  });
});

describe('summary sentences', () => {
  const base = {
    feature: 'TPB',
    nWith: 10,
    nWithout: 12,
    meanWith: 0.4,
    meanWithout: 0.5,
    note: '',
  };
  it('says lower / no difference / not testable', () => {
    const lower = {
      ...base,
      descriptor: 'heterogeneity',
      p: 0.0001,
      cohenD: -0.5,
      meanDifference: -0.1,
      significant: true,
    };
    expect(welchSentence(lower as WelchRow)).toMatch(
      /^Heterogeneity is significantly lower with a TPB \(mean 0\.400 eV vs 0\.500 eV, p = 1\.00e-4/,
    );
    const same = { ...lower, descriptor: 'soc', p: 0.5, significant: false };
    expect(welchSentence(same as WelchRow)).toMatch(/^SOC does not differ significantly/);
    const nan = { ...lower, p: Number.NaN, note: 'too few' };
    expect(welchSentence(nan as WelchRow)).toContain('not testable (too few)');
  });
  it('checks the planted pattern', () => {
    const rows = welchTable(particles(), 'inTpb', 'TPB');
    // polarization is not lower here, so the planted pattern is not recovered
    expect(plantedEffectsRecovered(rows)).toBe(false);
    const planted = rows.map((r) =>
      r.descriptor === 'soc'
        ? { ...r, significant: false }
        : { ...r, significant: true, meanDifference: -1 },
    );
    expect(plantedEffectsRecovered(planted)).toBe(true);
  });
  it('lists completion, failures, mIoU and the skipped GNN', () => {
    const lines = reportSummary({
      images: 3,
      failures: [{ name: 'bad', reason: 'InvalidArgumentError: not a TIFF' }],
      valid: 12,
      meanIoU: 0.93,
      welch: [],
      anova: [],
      phantoms: false,
      gnn: null,
      gnnSkipped: 'needs 5 graphs',
      omitted: [],
    });
    expect(lines[0]).toBe(
      '2 of 3 images completed; 1 failed: bad (InvalidArgumentError: not a TIFF).',
    );
    expect(lines).toContain('Segmentation mIoU against the truth: 0.93.');
    expect(lines).toContain('GNN skipped: needs 5 graphs.');
  });
});
