import type { ParticleRow, WelchRow } from '@mgraph/pipeline';
import { welchTable } from '@mgraph/pipeline';
import { describe, expect, it } from 'vitest';
import {
  plantedEffectsRecovered,
  reportSummary,
  welchSentence,
} from '../paper-workflow/summary.js';

/** Particles whose heterogeneity is lower with a TPB, SOC unrelated, polarization not lower. */
function particles(): ParticleRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const inTpb = i % 2 === 0;
    return {
      node: String(i + 1),
      label: i + 1,
      phase: 'nmc',
      size: 100 + i,
      soc: 8344 + ((i * 7) % 5) / 10,
      heterogeneity: (inTpb ? 0.3 : 0.6) + ((i * 3) % 7) / 100,
      polarization: 1 + ((i * 5) % 9) / 10,
      descriptorsValid: true,
      descriptorNote: '',
      tpbCount: inTpb ? 1 : 0,
      inTpb,
      channelCategory: 'none',
      concurrentChannel: i % 4 < 2,
      degree: i % 6,
      weightedDegree: 0,
      clustering: 0,
      betweenness: 0,
      closeness: 0,
      eigenvector: 0,
      neighbors: { sse: 0, nmc: 0, graphite: 0 },
    };
  });
}

describe('summary sentences', () => {
  const base = {
    feature: 'TPB',
    nWith: 10,
    nWithout: 12,
    meanWith: 0.4,
    meanWithout: 0.5,
    ciLow: -0.15,
    ciHigh: -0.05,
    t: -4.2,
    df: 19.5,
    note: '',
  };
  it('says lower / no difference / not testable', () => {
    const lower: WelchRow = {
      ...base,
      descriptor: 'heterogeneity',
      p: 0.0001,
      cohenD: -0.5,
      meanDifference: -0.1,
      significant: true,
    };
    expect(welchSentence(lower)).toMatch(
      /^Heterogeneity is significantly lower with a TPB \(mean 0\.400 eV vs 0\.500 eV, p = 1\.00e-4/,
    );
    const same: WelchRow = { ...lower, descriptor: 'soc', p: 0.5, significant: false };
    expect(welchSentence(same)).toMatch(/^SOC does not differ significantly/);
    const nan: WelchRow = { ...lower, p: Number.NaN, note: 'too few' };
    expect(welchSentence(nan)).toContain('not testable (too few)');
  });
  it('checks the planted pattern', () => {
    const rows = welchTable(particles(), 'inTpb');
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
