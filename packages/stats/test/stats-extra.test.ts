import { join } from 'node:path';
import { CATHODE_SCHEME, ConvergenceError } from '@mgraph/core';
import betweennessGraphology from 'graphology-metrics/centrality/betweenness.js';
import closenessGraphology from 'graphology-metrics/centrality/closeness.js';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  anova2,
  betweennessCentrality,
  boxplotStats,
  closenessCentrality,
  clustering,
  degree,
  eigenvectorCentrality,
  nodeMetrics,
  pearson,
  studentTTest,
  weightedDegree,
  welchTTest,
} from '../src/index.js';
import { type AnovaTable, expectTable, graphFromEdges, rel } from './helpers.js';

interface Extra {
  pearson: { x: number[]; y: number[]; r: number; p: number; ci95: number[]; ci90: number[] }[];
  ttest: Record<string, unknown>[];
  anova2: {
    a: string[];
    b: number[];
    y: number[];
    interaction: boolean;
    transform: 'none' | 'log';
    typ1: AnovaTable;
    typ2: AnovaTable;
    typ3_sum_coding: AnovaTable;
  }[];
  boxplot: {
    values: number[];
    whis: number | [number, number];
    q1: number;
    med: number;
    q3: number;
    mean: number;
    iqr: number;
    whislo: number;
    whishi: number;
    cilo: number;
    cihi: number;
    fliers: number[];
  }[];
  grid_betweenness: { n: number; edges: [number, number, number][]; betweenness: number[] };
  self_loops: Record<string, unknown> & { n: number; edges: [number, number, number][] };
  slow_eigenvector: {
    n: number;
    edges: [number, number, number][];
    fails_at_100: boolean;
    eigenvector_max_iter_1000: number[];
  };
}
const FIXTURES = join(import.meta.dirname, 'fixtures');
const extra = loadFixture<Extra>(FIXTURES, 'stats-extra.json');

const asArray = (r: Record<string, number>, n: number) =>
  Array.from({ length: n }, (_, i) => r[String(i)]!);
const maxAbs = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

describe('pearson: Fisher-z confidence interval (scipy confidence_interval)', () => {
  extra.pearson.forEach((c, k) => {
    it(`case ${k}: n = ${c.x.length}`, () => {
      const r = pearson(c.x, c.y);
      expect(rel(r.r, c.r)).toBeLessThan(1e-9);
      expect(rel(r.p, c.p)).toBeLessThan(1e-9);
      expect(rel(r.ci[0], c.ci95[0]!)).toBeLessThan(1e-9);
      expect(rel(r.ci[1], c.ci95[1]!)).toBeLessThan(1e-9);
      const r90 = pearson(c.x, c.y, { confidence: 0.9 });
      expect(rel(r90.ci[0], c.ci90[0]!)).toBeLessThan(1e-9);
      expect(rel(r90.ci[1], c.ci90[1]!)).toBeLessThan(1e-9);
    });
  });
});

describe('welchTTest / studentTTest: alternatives, CIs, Cohen d (scipy ttest_ind)', () => {
  extra.ttest.forEach((c, k) => {
    const x = c.x as number[];
    const y = c.y as number[];
    it(`case ${k}: n = ${x.length} vs ${y.length}`, () => {
      for (const [name, test] of [
        ['welch', welchTTest],
        ['student', studentTTest],
      ] as const) {
        for (const alternative of ['two-sided', 'less', 'greater'] as const) {
          const want = c[`${name}_${alternative}`] as { t: number; p: number };
          const got = test(x, y, { alternative });
          expect(rel(got.t, want.t)).toBeLessThan(1e-9);
          expect(rel(got.p, want.p)).toBeLessThan(1e-9);
        }
        const two = test(x, y);
        expect(rel(two.df, c[`${name}_df`] as number)).toBeLessThan(1e-12);
        const ci = c[`${name}_ci95`] as number[];
        expect(rel(two.ci[0], ci[0]!)).toBeLessThan(1e-8);
        expect(rel(two.ci[1], ci[1]!)).toBeLessThan(1e-8);
        expect(rel(two.cohenD, c.cohen_d_pooled as number)).toBeLessThan(1e-12);
      }
      const ci90 = welchTTest(x, y, { confidence: 0.9 }).ci;
      expect(rel(ci90[0], (c.welch_ci90 as number[])[0]!)).toBeLessThan(1e-8);
      const less = welchTTest(x, y, { alternative: 'less' }).ci;
      expect(less[0]).toBe(Number.NEGATIVE_INFINITY);
      expect(rel(less[1], c.welch_less_ci95_high as number)).toBeLessThan(1e-8);
      const greater = welchTTest(x, y, { alternative: 'greater' }).ci;
      expect(rel(greater[0], c.welch_greater_ci95_low as number)).toBeLessThan(1e-8);
      expect(greater[1]).toBe(Number.POSITIVE_INFINITY);
    });
  });
});

describe('anova2: no interaction, 3- and 4-level factors, string levels, log transform', () => {
  extra.anova2.forEach((c, k) => {
    it(`case ${k}: interaction ${c.interaction}, transform ${c.transform}`, () => {
      const data = { y: c.y, a: c.a, b: c.b };
      const opts = { interaction: c.interaction, transform: c.transform };
      expectTable(anova2(data, { ...opts, type: 1 }).rows, c.typ1, 1e-8);
      expectTable(anova2(data, { ...opts, type: 2 }).rows, c.typ2, 1e-8);
      expectTable(anova2(data, { ...opts, type: 3 }).rows, c.typ3_sum_coding, 1e-8);
    });
  });
});

describe('boxplotStats: matplotlib cbook.boxplot_stats', () => {
  extra.boxplot.forEach((c, k) => {
    it(`case ${k}: n = ${c.values.length}, whis ${JSON.stringify(c.whis)}`, () => {
      const s = boxplotStats(c.values, { whis: c.whis });
      expect([s.q1, s.median, s.q3, s.iqr]).toEqual([c.q1, c.med, c.q3, c.iqr]);
      expect([s.whiskerLow, s.whiskerHigh]).toEqual([c.whislo, c.whishi]);
      expect(s.outliers).toEqual(c.fliers);
      expect(s.mean).toBeCloseTo(c.mean, 13);
      expect(s.notch[0]).toBeCloseTo(c.cilo, 13);
      expect(s.notch[1]).toBeCloseTo(c.cihi, 13);
    });
  });
});

describe('graph metrics beyond centrality.json', () => {
  it('betweenness on a 34 x 34 grid, where shortest-path counts pass 2^32', () => {
    const { n, edges, betweenness } = extra.grid_betweenness;
    const g = graphFromEdges(n, edges);
    const ours = asArray(betweennessCentrality(g), n);
    expect(maxAbs(ours, betweenness)).toBeLessThan(1e-9);
    // graphology-metrics counts paths in a Uint32Array: it wraps and goes wrong here
    const theirs = asArray(betweennessGraphology(g, { getEdgeWeight: null }), n);
    expect(maxAbs(theirs, betweenness)).toBeGreaterThan(1e-3);
  });
  it('self-loops: networkx semantics for every metric', () => {
    const c = extra.self_loops;
    const g = graphFromEdges(c.n, c.edges);
    const want = (name: string) => c[name] as number[];
    const checks: [string, Record<string, number>][] = [
      ['degree', degree(g)],
      ['weighted_degree', weightedDegree(g)],
      ['clustering', clustering(g)],
      ['clustering_weighted', clustering(g, { weight: 'weight' })],
      ['betweenness', betweennessCentrality(g)],
      ['betweenness_distance_weight', betweennessCentrality(g, { weight: 'weight' })],
      ['closeness', closenessCentrality(g)],
      ['closeness_distance_weight', closenessCentrality(g, { distance: 'weight' })],
      ['eigenvector', eigenvectorCentrality(g, { maxIter: 1000 })],
      ['eigenvector_weighted', eigenvectorCentrality(g, { weight: 'weight', maxIter: 1000 })],
    ];
    for (const [name, got] of checks)
      expect(maxAbs(asArray(got, c.n), want(name)), name).toBeLessThan(1e-9);
    // graphology-metrics' closeness gives isolated node 6 a non-zero value once loops exist
    const theirs = closenessGraphology(g, { wassermanFaust: true });
    expect(want('closeness')[6]).toBe(0);
    expect(theirs['6']).toBeGreaterThan(0.3);
  });
  it('a 30-node path: networkx fails at 100 iterations and so do we; nodeMetrics (1000) matches', () => {
    const c = extra.slow_eigenvector;
    const g = graphFromEdges(c.n, c.edges);
    expect(c.fails_at_100).toBe(true);
    expect(() => eigenvectorCentrality(g)).toThrow(ConvergenceError);
    const want = c.eigenvector_max_iter_1000;
    expect(maxAbs(asArray(eigenvectorCentrality(g, { maxIter: 1000 }), c.n), want)).toBeLessThan(
      1e-9,
    );
    g.forEachNode((node) => g.setNodeAttribute(node, 'phase', 'nmc'));
    const rows = nodeMetrics(g, { scheme: CATHODE_SCHEME });
    expect(
      maxAbs(
        rows.map((r) => r.eigenvector),
        want,
      ),
    ).toBeLessThan(1e-9);
  });
});
