import {
  CATHODE_SCHEME,
  ConvergenceError,
  InvalidArgumentError,
  MGraphError,
  ShapeMismatchError,
} from '@mgraph/core';
import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  anova2,
  betweennessCentrality,
  boxplotStats,
  closenessCentrality,
  clustering,
  correlationTable,
  degree,
  eigenvectorCentrality,
  nodeMetrics,
  pearson,
  studentTTest,
  weightedDegree,
  welchTTest,
} from '../src/index.js';
import { graphFromEdges } from './helpers.js';

const graph = graphFromEdges;

describe('graph metrics: hand-worked cases and edge cases', () => {
  it('star K1,3: betweenness 1 at the centre, closeness 1 and 3/5', () => {
    const g = graph(4, [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(betweennessCentrality(g)).toEqual({ 0: 1, 1: 0, 2: 0, 3: 0 });
    expect(betweennessCentrality(g, { normalized: false })).toEqual({ 0: 3, 1: 0, 2: 0, 3: 0 });
    expect(closenessCentrality(g)).toEqual({ 0: 1, 1: 0.6, 2: 0.6, 3: 0.6 });
    expect(clustering(g)).toEqual({ 0: 0, 1: 0, 2: 0, 3: 0 });
    expect(degree(g)).toEqual({ 0: 3, 1: 1, 2: 1, 3: 1 });
    // eigenvector of a star: centre / leaf = sqrt(3), unit norm
    const e = eigenvectorCentrality(g, { tol: 1e-12, maxIter: 1000 });
    expect(e['0']! / e['1']!).toBeCloseTo(Math.sqrt(3), 8);
    expect(Math.hypot(...Object.values(e))).toBeCloseTo(1, 14);
  });
  it('two disjoint triangles: Wasserman-Faust closeness 2/5, clustering 1, betweenness 0', () => {
    const g = graph(6, [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 4],
      [4, 5],
      [5, 3],
    ]);
    for (const v of Object.values(closenessCentrality(g))) expect(v).toBeCloseTo(0.4, 15);
    for (const v of Object.values(closenessCentrality(g, { wfImproved: false }))) expect(v).toBe(1);
    for (const v of Object.values(clustering(g))) expect(v).toBe(1);
    for (const v of Object.values(betweennessCentrality(g))) expect(v).toBe(0);
  });
  it('empty graph: empty records; eigenvector throws (networkx: pointless concept)', () => {
    const g = new UndirectedGraph();
    expect(degree(g)).toEqual({});
    expect(weightedDegree(g)).toEqual({});
    expect(clustering(g)).toEqual({});
    expect(betweennessCentrality(g)).toEqual({});
    expect(closenessCentrality(g)).toEqual({});
    expect(() => eigenvectorCentrality(g)).toThrow(InvalidArgumentError);
    expect(nodeMetrics(g, { scheme: CATHODE_SCHEME })).toEqual([]);
  });
  it('isolated nodes get 0 everywhere; a lone node has eigenvector 1', () => {
    const lone = graph(1, []);
    expect(eigenvectorCentrality(lone)).toEqual({ 0: 1 });
    expect(closenessCentrality(lone)).toEqual({ 0: 0 });
    expect(betweennessCentrality(lone)).toEqual({ 0: 0 });
    const g = graph(4, [[0, 1, 2]]);
    expect(weightedDegree(g)).toEqual({ 0: 2, 1: 2, 2: 0, 3: 0 });
    expect(closenessCentrality(g)['2']).toBe(0);
    expect(closenessCentrality(g)['0']).toBeCloseTo(1 / 3, 15);
  });
  it('a missing weight attribute counts as 1 (networkx)', () => {
    const g = graph(3, [
      [0, 1, 5],
      [1, 2],
    ]);
    expect(weightedDegree(g)).toEqual({ 0: 5, 1: 6, 2: 1 });
    expect(closenessCentrality(g, { distance: 'weight' })['2']).toBeCloseTo(2 / 7, 15);
  });
  it('eigenvector: ConvergenceError carrying maxIter and tol', () => {
    const g = graph(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    try {
      eigenvectorCentrality(g, { maxIter: 3, tol: 1e-12 });
      expect.unreachable();
    } catch (error) {
      expect(ConvergenceError.isInstance(error)).toBe(true);
      expect((error as ConvergenceError).iterations).toBe(3);
      expect((error as Error).message).toMatch(/^eigenvectorCentrality: did not converge/);
    }
  });
  it('bad graphs and options throw typed errors naming the argument', () => {
    const directed = new DirectedGraph();
    directed.addNode('a');
    expect(() => degree(directed)).toThrow(/degree: argument graph must be a simple undirected/);
    const multi = new MultiUndirectedGraph();
    expect(() => clustering(multi)).toThrow(InvalidArgumentError);
    expect(() => betweennessCentrality({} as UndirectedGraph)).toThrow(InvalidArgumentError);
    const g = graph(3, [
      [0, 1, 0],
      [1, 2, 1],
    ]);
    expect(() => betweennessCentrality(g, { weight: 'weight' })).toThrow(
      /finite number > 0, got 0/,
    );
    expect(() => closenessCentrality(g, { distance: 'weight' })).toThrow(InvalidArgumentError);
    const h = graph(2, []);
    h.addEdge('0', '1', { weight: 'heavy' });
    expect(() => weightedDegree(h)).toThrow(
      /argument edge attribute weight \("weight"\) must be a finite number/,
    );
    expect(() => eigenvectorCentrality(g, { maxIter: 0 })).toThrow(/options.maxIter/);
    expect(() => eigenvectorCentrality(g, { tol: -1 })).toThrow(/options.tol/);
    expect(() => clustering(g, { weight: '' })).toThrow(/options.weight/);
  });
  it('inputs are not mutated', () => {
    const g = graph(4, [
      [0, 1, 2],
      [1, 2, 3],
      [2, 0, 1],
      [2, 3, 4],
    ]);
    g.setAttribute('scheme', CATHODE_SCHEME);
    g.forEachNode((node) => g.setNodeAttribute(node, 'phase', 'nmc'));
    const before = JSON.stringify(g.export());
    nodeMetrics(g);
    betweennessCentrality(g, { weight: 'weight' });
    expect(JSON.stringify(g.export())).toBe(before);
  });
});

describe('statistics: edge cases', () => {
  it('pearson: n < 2, constant input, length mismatch, n = 2, perfect correlation', () => {
    expect(() => pearson([1], [2])).toThrow(
      /pearson: argument x must be at least 2 values \(got 1\)/,
    );
    expect(() => pearson([1, 1, 1], [1, 2, 3])).toThrow(/argument x must be a non-constant sample/);
    expect(() => pearson([1, 2, 3], [4, 4, 4])).toThrow(/argument y must be a non-constant sample/);
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(ShapeMismatchError);
    expect(() => pearson([1, Number.NaN, 3], [1, 2, 3])).toThrow(/x\[1\]/);
    expect(() => pearson([1, 2, 3], [1, 2, 4], { confidence: 1 })).toThrow(/options.confidence/);
    expect(pearson([1, 2], [5, 3])).toEqual({ r: -1, p: 1, n: 2, ci: [-1, 1], confidence: 0.95 });
    const perfect = pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(perfect.r).toBe(1);
    expect(perfect.p).toBe(0);
    expect(perfect.ci).toEqual([1, 1]);
  });
  it('t-tests: n < 2 in a group, zero variance, bad alternative', () => {
    expect(() => welchTTest([1], [1, 2, 3])).toThrow(
      /welchTTest: argument x must be at least 2 values/,
    );
    expect(() => studentTTest([1, 2], [3])).toThrow(/argument y must be at least 2 values/);
    expect(() => welchTTest([2, 2, 2], [5, 5])).toThrow(/zero variance/);
    expect(() => studentTTest([2, 2, 2], [5, 5])).toThrow(/zero variance/);
    // one constant group: Welch's df falls back to the other group's n - 1
    const r = welchTTest([1, 1, 1, 1], [0, 1, 2, 3, 4]);
    expect(r.df).toBeCloseTo(4, 12);
    expect(r.t).toBeCloseTo(-1 / Math.sqrt(2.5 / 5), 12);
    expect(r.sd1).toBe(0);
    expect(() => welchTTest([1, 2], [3, 4], { alternative: 'two' as 'less' })).toThrow(
      /options.alternative/,
    );
  });
  it('t-tests: Welch equals Student for equal sizes and variances; p halves one-sided', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [3, 4, 5, 6, 7];
    const w = welchTTest(x, y);
    const s = studentTTest(x, y);
    expect(w.t).toBeCloseTo(s.t, 14);
    expect(w.df).toBeCloseTo(8, 12);
    expect(w.cohenD).toBeCloseTo(-2 / Math.sqrt(2.5), 14);
    expect(welchTTest(x, y, { alternative: 'less' }).p).toBeCloseTo(w.p / 2, 15);
  });
  it('anova2: lengths, levels, empty cells, log of non-positive, bad options', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8];
    const a = [0, 0, 0, 0, 1, 1, 1, 1];
    const b = [0, 1, 0, 1, 0, 1, 0, 1];
    expect(() => anova2({ y, a: a.slice(1), b })).toThrow(ShapeMismatchError);
    expect(() => anova2({ y, a: a.map(() => 0), b })).toThrow(/at least 2 levels/);
    expect(() => anova2({ y, a, b: a })).toThrow(/every \(a, b\) cell observed/);
    expect(() => anova2({ y: [0, ...y.slice(1)], a, b }, { transform: 'log' })).toThrow(
      /data.y\[0\]/,
    );
    expect(() => anova2({ y, a, b }, { type: 4 as 1 })).toThrow(/options.type/);
    expect(() => anova2({ y: [1, 2, 3, 4], a: [0, 0, 1, 1], b: [0, 1, 0, 1] })).toThrow(
      /more than 4 observations/,
    );
    expect(() => anova2({ y, a: [0, 0, 0, 0, 'x', 'x', 'x', 'x'], b })).toThrow(
      /labels of one type/,
    );
  });
  it('anova2: a balanced design gives the same a, b, a:b rows for types 1, 2 and 3', () => {
    const y = [3.1, 2.7, 4.4, 5.0, 6.2, 5.9, 2.2, 3.3, 4.8, 7.5, 6.1, 5.2];
    const a = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const b = ['u', 'u', 'u', 'v', 'v', 'v', 'u', 'u', 'u', 'v', 'v', 'v'];
    const rows = ([1, 2, 3] as const).map((type) =>
      anova2({ y, a, b }, { type }).rows.filter((r) => r.term !== 'Intercept'),
    );
    for (const t of [1, 2]) {
      rows[t]!.forEach((row, i) => {
        expect(row.sumSq).toBeCloseTo(rows[0]![i]!.sumSq, 12);
      });
    }
    // hand-worked: grand mean 4.7, a means 4.55 / 4.85, SS(a) = 12 * 0.15^2
    expect(rows[0]![0]!.sumSq).toBeCloseTo(12 * 0.15 ** 2, 12);
  });
  it('boxplotStats: empty, single value, all equal, bad whis', () => {
    expect(() => boxplotStats([])).toThrow(
      /boxplotStats: argument values must be at least 1 value/,
    );
    expect(boxplotStats([4])).toMatchObject({
      q1: 4,
      median: 4,
      q3: 4,
      whiskerLow: 4,
      whiskerHigh: 4,
      outliers: [],
    });
    expect(boxplotStats([2, 2, 2])).toMatchObject({
      iqr: 0,
      whiskerLow: 2,
      whiskerHigh: 2,
      outliers: [],
    });
    expect(() => boxplotStats([1, 2], { whis: -1 })).toThrow(/options.whis/);
    expect(() => boxplotStats([1, 2], { whis: [90, 10] })).toThrow(/options.whis/);
  });
  it('correlationTable: pairwise deletion of missing values, symmetric, typed errors', () => {
    const rows = [
      { a: 1, b: 2, c: 0.5 },
      { a: 2, b: 4.5, c: null },
      { a: 3, b: 5.5, c: 0.1 },
      { a: 4, b: 9, c: Number.NaN },
      { a: 5, b: 9.5, c: 0.7 },
    ];
    const t = correlationTable(rows, ['a', 'b', 'c']);
    expect(t.r[0]![1]).toBeCloseTo(pearson([1, 2, 3, 4, 5], [2, 4.5, 5.5, 9, 9.5]).r, 15);
    expect(t.r[0]![2]).toBeCloseTo(pearson([1, 3, 5], [0.5, 0.1, 0.7]).r, 15);
    expect(t.r[2]![0]).toBe(t.r[0]![2]);
    expect(t.n).toEqual([
      [5, 5, 3],
      [5, 5, 3],
      [3, 3, 3],
    ]);
    expect(t.r[1]![1]).toBe(1);
    expect(() => correlationTable(rows, ['a', 'a'])).toThrow(/columns/);
    expect(() => correlationTable([{ a: 1, b: 'x' }], ['a', 'b'])).toThrow(/rows\[0\].b/);
    expect(() =>
      correlationTable(
        [
          { a: 1, b: 1 },
          { a: 1, b: 2 },
        ],
        ['a', 'b'],
      ),
    ).toThrow(/non-constant/);
    expect(() => correlationTable(rows, ['a', 'b'], { confidence: 2 })).toThrow(
      /options.confidence/,
    );
    const e = (() => {
      try {
        correlationTable(rows, ['a', 'zz']);
      } catch (error) {
        return error;
      }
    })();
    expect(MGraphError.isInstance(e)).toBe(true);
  });
  it('statistics never mutate their inputs', () => {
    const x = Object.freeze([3, 1, 2, 5]);
    const y = Object.freeze([1, 0, 4, 4]);
    welchTTest(x, y);
    pearson(x, y);
    boxplotStats(x);
    anova2({
      y: Object.freeze([...x, ...y]),
      a: [0, 0, 1, 1, 0, 0, 1, 1],
      b: [0, 1, 0, 1, 1, 0, 1, 0],
    });
    expect(x).toEqual([3, 1, 2, 5]);
  });
});
