import { InvalidArgumentError } from '@mgraph/core';
import { anova2, correlationTable, pearson, welchTTest } from '@mgraph/stats';
import { describe, expect, it } from 'vitest';
import {
  analyzePhaseMap,
  anovaTable,
  DESCRIPTORS,
  defaultMetrics,
  type ParticleRow,
  pearsonTable,
  statisticsTables,
  validParticles,
  welchTable,
} from '../src/index.js';
import { phantom } from './helpers.js';

/** The particles of three 192x192 phantoms (truth phases): every cell of the 2x2 design filled. */
const batch: ParticleRow[] = [6000, 6001, 6002].flatMap((seed) => {
  const c = phantom(seed, [192, 192]);
  return analyzePhaseMap({ phases: c.phases, energy: c.energy }).particles;
});
const valid = batch.filter((p) => p.descriptorsValid);

describe('validParticles', () => {
  it('keeps the rows with valid, finite descriptors', () => {
    expect(valid.length).toBeGreaterThan(30);
    expect(validParticles(batch)).toEqual(valid);
    const broken = { ...valid[0]!, heterogeneity: Number.NaN };
    const invalid = { ...valid[2]!, descriptorsValid: false };
    expect(validParticles([broken, valid[1]!, invalid])).toEqual([valid[1]]);
    expect(() => validParticles('rows' as unknown as ParticleRow[])).toThrow(InvalidArgumentError);
  });
});

describe('welchTable', () => {
  it('is welchTTest of each descriptor, with vs without the feature', () => {
    for (const feature of ['inTpb', 'concurrentChannel'] as const) {
      const rows = welchTable(batch, feature);
      expect(rows.map((r) => r.descriptor)).toEqual([...DESCRIPTORS]);
      for (const row of rows) {
        const withF = valid.filter((p) => p[feature]).map((p) => p[row.descriptor]);
        const without = valid.filter((p) => !p[feature]).map((p) => p[row.descriptor]);
        const r = welchTTest(withF, without, { confidence: 0.95 });
        expect(row).toEqual({
          feature: feature === 'inTpb' ? 'TPB' : 'concurrent channel',
          descriptor: row.descriptor,
          nWith: withF.length,
          nWithout: without.length,
          meanWith: r.mean1,
          meanWithout: r.mean2,
          meanDifference: r.meanDifference,
          ciLow: r.ci[0],
          ciHigh: r.ci[1],
          t: r.t,
          df: r.df,
          p: r.p,
          cohenD: r.cohenD,
          significant: r.p < 0.05,
          note: '',
        });
      }
    }
  });
  it('uses alpha for the interval and the verdict, and names the feature as asked', () => {
    const rows = welchTable(batch, 'inTpb', { alpha: 0.5, featureName: 'triple boundary' });
    const withF = valid.filter((p) => p.inTpb).map((p) => p.soc);
    const without = valid.filter((p) => !p.inTpb).map((p) => p.soc);
    const r = welchTTest(withF, without, { confidence: 0.5 });
    expect(rows[0]).toMatchObject({ feature: 'triple boundary', ciLow: r.ci[0], ciHigh: r.ci[1] });
    expect(rows[0]!.significant).toBe(r.p < 0.5);
  });
  it('turns an untestable group into NaN with the reason, and rejects bad arguments', () => {
    const one = valid.map((p, i) => ({ ...p, inTpb: i === 0 }));
    const rows = welchTable(one, 'inTpb');
    expect(rows[0]!.nWith).toBe(1);
    expect(rows[0]!.p).toBeNaN();
    expect(rows[0]!.significant).toBe(false);
    expect(rows[0]!.note).toMatch(/welchTTest/);
    expect(() => welchTable(batch, 'size' as 'inTpb')).toThrow(/welchTable.*feature/);
    expect(() => welchTable(batch, 'inTpb', { alpha: 1 })).toThrow(/options\.alpha/);
  });
});

describe('anovaTable', () => {
  it('is anova2 (type II, interaction, log) of heterogeneity and positive polarization', () => {
    const rows = anovaTable(batch);
    for (const key of ['heterogeneity', 'polarization'] as const) {
      const used = valid.filter((p) => p[key] > 0);
      const r = anova2(
        {
          y: used.map((p) => p[key]),
          a: used.map((p) => (p.inTpb ? 'TPB' : 'no TPB')),
          b: used.map((p) => (p.concurrentChannel ? 'channel' : 'no channel')),
        },
        { type: 2, interaction: true, transform: 'log' },
      );
      const mine = rows.filter((x) => x.response === `log ${key}`);
      expect(mine.map((x) => x.term)).toEqual(['TPB', 'channel', 'TPB:channel', 'Residual']);
      mine.forEach((x, i) => {
        const y = r.rows[i]!;
        expect([x.sumSq, x.df, x.F, x.p, x.note]).toEqual([
          y.sumSq,
          y.df,
          y.F ?? Number.NaN,
          y.p ?? Number.NaN,
          '',
        ]);
      });
    }
    const type3 = anovaTable(batch, { type: 3 });
    expect(type3[0]!.sumSq).not.toBe(rows[0]!.sumSq);
  });
  it('reports an empty design cell as a row with the reason', () => {
    const none = valid.map((p) => ({ ...p, concurrentChannel: false }));
    const rows = anovaTable(none);
    expect(rows.map((r) => `${r.response}|${r.term}`)).toEqual([
      'log heterogeneity|-',
      'log polarization|-',
    ]);
    expect(rows[0]!.note).toMatch(/anova2/);
    expect(() => anovaTable(batch, { type: 4 as 2 })).toThrow(/options\.type/);
  });
});

describe('pearsonTable', () => {
  it('is correlationTable of every metric with every descriptor', () => {
    const metrics = defaultMetrics(valid);
    expect(metrics).toEqual([
      'degree',
      'weightedDegree',
      'clustering',
      'betweenness',
      'closeness',
      'eigenvector',
      'sseNeighbors',
      'nmcNeighbors',
      'graphiteNeighbors',
      'size',
    ]);
    const rows = pearsonTable(batch);
    expect(rows).toHaveLength(metrics.length * 3);
    const records = valid.map((p) => ({
      ...p,
      sseNeighbors: p.neighbors.sse,
      nmcNeighbors: p.neighbors.nmc,
      graphiteNeighbors: p.neighbors.graphite,
    }));
    const table = correlationTable(records, [...metrics, ...DESCRIPTORS]);
    for (const row of rows) {
      const i = table.columns.indexOf(row.metric);
      const j = table.columns.indexOf(row.descriptor);
      expect([row.r, row.p, row.n]).toEqual([table.r[i]![j], table.p[i]![j], table.n[i]![j]]);
    }
    const size = rows.find((r) => r.metric === 'size' && r.descriptor === 'heterogeneity')!;
    const direct = pearson(
      valid.map((p) => p.size),
      valid.map((p) => p.heterogeneity),
    );
    expect(size.r).toBeCloseTo(direct.r, 12);
    expect(size.n).toBe(valid.length);
  });
  it('follows the metrics asked for, NaN for a constant column, and rejects unknown names', () => {
    const flat = valid.map((p) => ({ ...p, clustering: 0.5 }));
    const rows = pearsonTable(flat, { metrics: ['nmcNeighbors', 'clustering'] });
    expect(rows.map((r) => r.metric)).toEqual([
      'nmcNeighbors',
      'nmcNeighbors',
      'nmcNeighbors',
      'clustering',
      'clustering',
      'clustering',
    ]);
    expect(rows[0]!.n).toBe(valid.length);
    expect(rows[3]).toMatchObject({ r: Number.NaN, n: 0 });
    expect(() => pearsonTable(batch, { metrics: ['colour'] })).toThrow(
      /pearsonTable.*options\.metrics\[0\]/,
    );
  });
});

describe('statisticsTables', () => {
  it('is the four tables of the same particles', () => {
    const t = statisticsTables(batch);
    expect(t.valid).toBe(valid.length);
    expect(t.welchTpb).toEqual(welchTable(batch, 'inTpb'));
    expect(t.welchChannel).toEqual(welchTable(batch, 'concurrentChannel'));
    expect(t.anova).toEqual(anovaTable(batch));
    expect(t.pearson).toEqual(pearsonTable(batch));
  });
});
