/**
 * Hostile inputs for every export of @mgraph/stats: wrong types, shapes, NaN / Infinity,
 * extreme magnitudes, option mistakes (null options, misspelled keys, non-boolean
 * booleans), graphs with self-loops / no edges / multi-edges. Each case asserts the typed
 * error and a fragment of its message, or the correct result; none may return NaN.
 */
import {
  AbortError,
  CATHODE_SCHEME,
  ConvergenceError,
  InvalidArgumentError,
  ShapeMismatchError,
} from '@mgraph/core';
import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPeakRss, runCases, type TupleCase } from '../../../test-utils/hostile.js';
import {
  anova2,
  betweennessCentrality,
  boxplotStats,
  closenessCentrality,
  clustering,
  correlationTable,
  degree,
  eigenvectorCentrality,
  fSf,
  logBeta,
  logGamma,
  nodeMetrics,
  normalCdf,
  normalPpf,
  pearson,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTTest,
  tCdf,
  tPdf,
  tPpf,
  tSf,
  weightedDegree,
  welchTTest,
} from '../src/index.js';

type Case = TupleCase;

/** No NaN anywhere in a result (the README's promise). */
function noNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isNaN(value), path).toBe(false);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      noNaN(v, `${path}[${i}]`);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) noNaN(v, `${path}.${k}`);
  }
}

/** A function as a JavaScript caller sees it: any arguments. */
const js = <F extends (...args: never[]) => unknown>(f: F) =>
  f as unknown as (...args: unknown[]) => ReturnType<F>;

function triangle(extra?: (g: UndirectedGraph) => void): UndirectedGraph {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  for (const [k, phase] of [
    ['1', 'nmc'],
    ['2', 'sse'],
    ['3', 'graphite'],
  ]) {
    g.addNode(k!, { phase });
  }
  g.addEdge('1', '2', { weight: 1 });
  g.addEdge('2', '3', { weight: 2 });
  g.addEdge('1', '3', { weight: 3 });
  extra?.(g);
  return g;
}
const withLoop = triangle((g) => g.addEdge('1', '1', { weight: 5 }));
const noEdges = (() => {
  const g = new UndirectedGraph();
  g.addNode('a');
  g.addNode('b');
  return g;
})();
const empty = new UndirectedGraph();
const multi = (() => {
  const g = new MultiUndirectedGraph();
  g.addNode('a');
  g.addNode('b');
  g.addEdge('a', 'b');
  g.addEdge('a', 'b');
  return g;
})();
const directed = (() => {
  const g = new DirectedGraph();
  g.addNode('a');
  g.addNode('b');
  g.addEdge('a', 'b');
  return g;
})();
const nanWeight = triangle((g) => g.setEdgeAttribute('1', '2', 'weight', Number.NaN));
const zeroWeight = triangle((g) => g.setEdgeAttribute('1', '2', 'weight', 0));
const aborted = (() => {
  const c = new AbortController();
  c.abort();
  return c.signal;
})();
const x = [1.2, 1.4, 1.1, 1.6, 1.3];
const y = [1.9, 1.7, 2.2, 1.8, 2.0, 2.1];
const design = {
  y: [1.2, 1.4, 1.1, 1.6, 1.3, 1.9, 1.7, 2.2, 1.8, 2.0, 2.1],
  a: [1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0],
  b: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1],
};
const hugeLength = { length: 2 ** 40 } as unknown as number[];

const graphMetrics = [
  ['degree', (g: unknown) => degree(g as never)],
  ['weightedDegree', (g: unknown) => weightedDegree(g as never)],
  ['clustering', (g: unknown) => clustering(g as never)],
  ['betweennessCentrality', (g: unknown) => betweennessCentrality(g as never)],
  ['closenessCentrality', (g: unknown) => closenessCentrality(g as never)],
  ['eigenvectorCentrality', (g: unknown) => eigenvectorCentrality(g as never)],
  ['nodeMetrics', (g: unknown) => nodeMetrics(g as never, { scheme: CATHODE_SCHEME })],
] as const;

const cases: Case[] = [
  // ---- graphs: wrong types, multi / directed, self-loops, no edges, bad weights
  ...graphMetrics.flatMap(([name, f]): Case[] => [
    [`${name}: null graph`, () => f(null), InvalidArgumentError, `${name}: argument graph`],
    [
      `${name}: a plain object`,
      () => f({ nodes: [] }),
      InvalidArgumentError,
      `${name}: argument graph`,
    ],
    [`${name}: a multigraph`, () => f(multi), InvalidArgumentError, `${name}: argument graph`],
    [
      `${name}: a directed graph`,
      () => f(directed),
      InvalidArgumentError,
      `${name}: argument graph`,
    ],
  ]),
  [
    'degree: a self-loop counts twice',
    () => degree(withLoop),
    (r) => expect(r).toEqual({ 1: 4, 2: 2, 3: 2 }),
  ],
  [
    'weightedDegree: a self-loop counts twice',
    () => weightedDegree(withLoop),
    (r) => expect(r).toEqual({ 1: 14, 2: 3, 3: 5 }),
  ],
  [
    'clustering: self-loop ignored',
    () => clustering(withLoop),
    (r) => expect(r).toEqual({ 1: 1, 2: 1, 3: 1 }),
  ],
  [
    'betweennessCentrality: no edges',
    () => betweennessCentrality(noEdges),
    (r) => expect(r).toEqual({ a: 0, b: 0 }),
  ],
  [
    'closenessCentrality: no edges',
    () => closenessCentrality(noEdges),
    (r) => expect(r).toEqual({ a: 0, b: 0 }),
  ],
  [
    'eigenvectorCentrality: no nodes',
    () => eigenvectorCentrality(empty),
    InvalidArgumentError,
    'eigenvectorCentrality',
  ],
  [
    'eigenvectorCentrality: no edges',
    () => eigenvectorCentrality(noEdges),
    (r) => expect(Object.keys(r as object)).toEqual(['a', 'b']),
  ],
  [
    'eigenvectorCentrality: maxIter 1 does not converge',
    () =>
      eigenvectorCentrality(
        triangle((g) => g.addNode('4', { phase: 'nmc' }) && g.addEdge('3', '4', { weight: 1 })),
        { maxIter: 1 },
      ),
    ConvergenceError,
    'did not converge within maxIter = 1',
  ],
  [
    'nodeMetrics: empty graph with a scheme',
    () => nodeMetrics(empty, { scheme: CATHODE_SCHEME }),
    (r) => expect(r).toEqual([]),
  ],
  [
    'weightedDegree: NaN weight',
    () => weightedDegree(nanWeight),
    InvalidArgumentError,
    'weightedDegree: argument',
  ],
  [
    'betweennessCentrality: zero length',
    () => betweennessCentrality(zeroWeight, { weight: 'weight' }),
    InvalidArgumentError,
    'a finite number > 0',
  ],
  [
    'closenessCentrality: NaN distance',
    () => closenessCentrality(nanWeight, { distance: 'weight' }),
    InvalidArgumentError,
    'closenessCentrality: argument',
  ],
  [
    'clustering: NaN weight',
    () => clustering(nanWeight, { weight: 'weight' }),
    InvalidArgumentError,
    'clustering: argument',
  ],
  [
    'eigenvectorCentrality: Infinity weight',
    () =>
      eigenvectorCentrality(
        triangle((g) => g.setEdgeAttribute('1', '2', 'weight', Number.POSITIVE_INFINITY)),
        { weight: 'weight' },
      ),
    InvalidArgumentError,
    'eigenvectorCentrality: argument',
  ],
  [
    'weightedDegree: weights near 1e308 sum to Infinity, refused',
    () =>
      weightedDegree(
        triangle((g) => {
          g.setEdgeAttribute('1', '2', 'weight', 1.5e308);
          g.setEdgeAttribute('1', '3', 'weight', 1.5e308);
        }),
      ),
    InvalidArgumentError,
    'weightedDegree',
  ],
  [
    'nodeMetrics: an aborted signal',
    () => nodeMetrics(triangle(), { signal: aborted }),
    AbortError,
    'nodeMetrics: aborted',
  ],
  [
    'betweennessCentrality: an aborted signal',
    () => betweennessCentrality(triangle(), { signal: aborted }),
    AbortError,
    'aborted',
  ],
  // ---- graph metric options: null, misspelled, non-boolean, wrong types
  [
    'betweennessCentrality: null options are defaults',
    () => js(betweennessCentrality)(triangle(), null),
    (r) => expect(r).toEqual({ 1: 0, 2: 0, 3: 0 }),
  ],
  [
    'betweennessCentrality: "normalised"',
    () => js(betweennessCentrality)(triangle(), { normalised: false }),
    InvalidArgumentError,
    'argument options.normalised must be a known option (did you mean "normalized"?)',
  ],
  [
    'betweennessCentrality: normalized "no"',
    () => js(betweennessCentrality)(triangle(), { normalized: 'no' }),
    InvalidArgumentError,
    'argument options.normalized must be true or false, got "no"',
  ],
  [
    'betweennessCentrality: onProgress not a function',
    () => js(betweennessCentrality)(triangle(), { onProgress: 1 }),
    InvalidArgumentError,
    'options.onProgress',
  ],
  [
    'betweennessCentrality: signal not a signal',
    () => js(betweennessCentrality)(triangle(), { signal: true }),
    InvalidArgumentError,
    'options.signal',
  ],
  [
    'closenessCentrality: wfImproved 0',
    () => js(closenessCentrality)(triangle(), { wfImproved: 0 }),
    InvalidArgumentError,
    'argument options.wfImproved must be true or false, got 0',
  ],
  [
    'closenessCentrality: "wf_improved"',
    () => js(closenessCentrality)(triangle(), { wf_improved: true }),
    InvalidArgumentError,
    'did you mean "wfImproved"?',
  ],
  [
    'closenessCentrality: null options',
    () => js(closenessCentrality)(triangle(), null),
    (r) => expect(r).toEqual({ 1: 1, 2: 1, 3: 1 }),
  ],
  [
    'clustering: "weigth"',
    () => js(clustering)(triangle(), { weigth: 'weight' }),
    InvalidArgumentError,
    'did you mean "weight"?',
  ],
  [
    'clustering: null options',
    () => js(clustering)(triangle(), null),
    (r) => expect(r).toEqual({ 1: 1, 2: 1, 3: 1 }),
  ],
  [
    'clustering: options a string',
    () => js(clustering)(triangle(), 'weight'),
    InvalidArgumentError,
    'clustering: argument options must be an options object',
  ],
  [
    'weightedDegree: null options',
    () => js(weightedDegree)(triangle(), null),
    (r) => expect(r).toEqual({ 1: 4, 2: 3, 3: 5 }),
  ],
  [
    'weightedDegree: weight 3',
    () => js(weightedDegree)(triangle(), { weight: 3 }),
    InvalidArgumentError,
    'options.weight',
  ],
  [
    'eigenvectorCentrality: "max_iter"',
    () => js(eigenvectorCentrality)(triangle(), { max_iter: 10 }),
    InvalidArgumentError,
    'did you mean "maxIter"?',
  ],
  [
    'eigenvectorCentrality: maxIter NaN',
    () => js(eigenvectorCentrality)(triangle(), { maxIter: Number.NaN }),
    InvalidArgumentError,
    'options.maxIter',
  ],
  [
    'eigenvectorCentrality: tol 0',
    () => js(eigenvectorCentrality)(triangle(), { tol: 0 }),
    InvalidArgumentError,
    'options.tol',
  ],
  [
    'eigenvectorCentrality: null options',
    () => js(eigenvectorCentrality)(triangle(), null),
    (r) => expect(Object.keys(r as object).length).toBe(3),
  ],
  [
    'nodeMetrics: "eigenWeight"',
    () => js(nodeMetrics)(triangle(), { eigenWeight: 'weight' }),
    InvalidArgumentError,
    'nodeMetrics: argument options.eigenWeight must be a known option',
  ],
  [
    'nodeMetrics: null options read the graph scheme',
    () => js(nodeMetrics)(triangle(), null),
    (r) => expect((r as unknown[]).length).toBe(3),
  ],
  [
    'nodeMetrics: onProgress "log"',
    () => js(nodeMetrics)(triangle(), { onProgress: 'log' }),
    InvalidArgumentError,
    'options.onProgress',
  ],
  [
    'nodeMetrics: another scheme',
    () => js(nodeMetrics)(triangle(), { scheme: { ...CATHODE_SCHEME, name: 'other' } }),
    InvalidArgumentError,
    'nodeMetrics: argument options.scheme',
  ],
  [
    'nodeMetrics: no scheme at all',
    () => nodeMetrics(noEdges),
    InvalidArgumentError,
    'nodeMetrics: argument graph attribute scheme',
  ],
  // ---- samples: wrong types, shapes, NaN / Infinity, huge lengths
  [
    'pearson: strings',
    () => js(pearson)(['1', '2', '3'], [1, 2, 3]),
    InvalidArgumentError,
    'pearson: argument x[0] must be a finite number',
  ],
  [
    'pearson: a number',
    () => js(pearson)(3, [1, 2, 3]),
    InvalidArgumentError,
    'pearson: argument x must be an array or typed array',
  ],
  [
    'pearson: a DataView',
    () => js(pearson)(new DataView(new ArrayBuffer(8)), [1]),
    InvalidArgumentError,
    'pearson: argument x',
  ],
  [
    'pearson: lengths differ',
    () => pearson([1, 2, 3], [1, 2]),
    ShapeMismatchError,
    'pearson: argument y (vs x) must have shape [3], got [2]',
  ],
  [
    'pearson: NaN',
    () => pearson([1, 2, 3], [1, Number.NaN, 3]),
    InvalidArgumentError,
    'pearson: argument y[1] must be a finite number, got NaN',
  ],
  [
    'pearson: Infinity',
    () => pearson([1, Number.POSITIVE_INFINITY, 3], [1, 2, 3]),
    InvalidArgumentError,
    'x[1]',
  ],
  ['pearson: one pair', () => pearson([1], [1]), InvalidArgumentError, 'at least 2 values'],
  [
    'pearson: constant x',
    () => pearson([2, 2, 2], [1, 2, 3]),
    InvalidArgumentError,
    'a non-constant sample',
  ],
  [
    'pearson: a typed-array view',
    () => pearson(new Float64Array([9, 1, 2, 3, 4]).subarray(1), [1, 3, 2, 5]).r,
    (r) => expect(r).toBeCloseTo(0.8315218406203, 12),
  ],
  [
    'pearson: values near 1e-200',
    () => pearson([1e-200, 2e-200, 3e-200], [1e-200, 2.1e-200, 3e-200]),
    (r) => expect((r as { p: number }).p).toBeCloseTo(0.03671450200173388, 12),
  ],
  [
    'pearson: values near 1.5e308 (their sum overflows a double)',
    () => pearson([1.5e308, 1.6e308, -1.2e308, 1e307], [1, 4, -4, 0.5]),
    (r) => expect((r as { r: number }).r).toBeCloseTo(0.9151610351436238, 13),
  ],
  [
    'pearson: a length of 2^40 refused before allocating',
    () => js(pearson)(hugeLength, hugeLength),
    InvalidArgumentError,
    /pearson: argument x/,
  ],
  [
    'pearson: null options',
    () => js(pearson)(x, [1, 2, 3, 4, 6], null),
    (r) => expect((r as { confidence: number }).confidence).toBe(0.95),
  ],
  [
    'pearson: "confidance"',
    () => js(pearson)(x, x, { confidance: 0.9 }),
    InvalidArgumentError,
    'did you mean "confidence"?',
  ],
  [
    'pearson: confidence 1',
    () => pearson(x, x, { confidence: 1 }),
    InvalidArgumentError,
    'options.confidence',
  ],
  [
    'welchTTest: values near 1e-160',
    () => welchTTest([1e-160, 2e-160, 3e-160, 4e-160], [2e-160, 3e-160, 5e-160, 7e-160]),
    (r) => expect((r as { df: number }).df).toBeCloseTo(4.824272094820922, 12),
  ],
  [
    'welchTTest: values near 1e200',
    () => welchTTest([1e200, 2e200, 3e200, 4e200], [2e200, 3e200, 5e200, 7e200]).t,
    (r) => expect(r).toBeCloseTo(-1.364096585169425, 12),
  ],
  [
    'welchTTest: both constant',
    () => welchTTest([1, 1], [2, 2]),
    InvalidArgumentError,
    'welchTTest: argument y must be a sample with non-zero variance',
  ],
  [
    'welchTTest: one value',
    () => welchTTest([1], [1, 2]),
    InvalidArgumentError,
    'at least 2 values',
  ],
  [
    'welchTTest: NaN',
    () => welchTTest([1, Number.NaN], [1, 2]),
    InvalidArgumentError,
    'welchTTest: argument x[1]',
  ],
  [
    'welchTTest: null options',
    () => js(welchTTest)(x, y, null),
    (r) => expect((r as { alternative: string }).alternative).toBe('two-sided'),
  ],
  [
    'welchTTest: "alternate"',
    () => js(welchTTest)(x, y, { alternate: 'less' }),
    InvalidArgumentError,
    'did you mean "alternative"?',
  ],
  [
    'welchTTest: alternative "two_sided"',
    () => js(welchTTest)(x, y, { alternative: 'two_sided' }),
    InvalidArgumentError,
    'options.alternative',
  ],
  [
    'studentTTest: values near 1e-300',
    () => studentTTest([1e-300, 2e-300, 3e-300, 4e-300], [2e-300, 3e-300, 5e-300, 7e-300]).t,
    (r) => expect(r).toBeCloseTo(-1.364096585169425, 12),
  ],
  [
    'studentTTest: pooled variance zero',
    () => studentTTest([1, 1], [1, 1]),
    InvalidArgumentError,
    'studentTTest: argument y',
  ],
  [
    'studentTTest: options a number',
    () => js(studentTTest)(x, y, 0.95),
    InvalidArgumentError,
    'studentTTest: argument options must be an options object',
  ],
  [
    'correlationTable: a text cell',
    () =>
      correlationTable(
        [
          { a: 1, b: 'x' },
          { a: 2, b: 3 },
        ],
        ['a', 'b'],
      ),
    InvalidArgumentError,
    'correlationTable: argument rows[0].b',
  ],
  [
    'correlationTable: Infinity cell',
    () => correlationTable([{ a: 1, b: Number.POSITIVE_INFINITY }], ['a', 'b']),
    InvalidArgumentError,
    'rows[0].b',
  ],
  [
    'correlationTable: repeated columns',
    () => correlationTable([], ['a', 'a']),
    InvalidArgumentError,
    'correlationTable: argument columns',
  ],
  [
    'correlationTable: too few complete rows',
    () =>
      correlationTable(
        [
          { a: 1, b: null },
          { a: 2, b: 3 },
        ],
        ['a', 'b'],
      ),
    InvalidArgumentError,
    'at least 2 complete rows',
  ],
  [
    'correlationTable: null options',
    () =>
      js(correlationTable)(
        [
          { a: 1, b: 2 },
          { a: 2, b: 1 },
          { a: 3, b: 5 },
        ],
        ['a', 'b'],
        null,
      ),
    (r) =>
      expect((r as { n: number[][] }).n).toEqual([
        [3, 3],
        [3, 3],
      ]),
  ],
  [
    'correlationTable: "confidence " (a space)',
    () => js(correlationTable)([], ['a'], { 'confidence ': 0.9 }),
    InvalidArgumentError,
    'options.confidence ',
  ],
  [
    'boxplotStats: empty',
    () => boxplotStats([]),
    InvalidArgumentError,
    'boxplotStats: argument values must be at least 1 value',
  ],
  ['boxplotStats: NaN', () => boxplotStats([1, Number.NaN]), InvalidArgumentError, 'values[1]'],
  [
    'boxplotStats: whis -1',
    () => boxplotStats([1, 2], { whis: -1 }),
    InvalidArgumentError,
    'options.whis',
  ],
  [
    'boxplotStats: whis [90, 10]',
    () => js(boxplotStats)([1, 2], { whis: [90, 10] }),
    InvalidArgumentError,
    'options.whis',
  ],
  [
    'boxplotStats: "whisker"',
    () => js(boxplotStats)([1, 2], { whisker: 2 }),
    InvalidArgumentError,
    'boxplotStats knows "whis"',
  ],
  [
    'boxplotStats: values near 1e308',
    () => boxplotStats([1.7e308, -1.7e308, 1e308]),
    (r) => expect((r as { median: number }).median).toBe(1e308),
  ],
  [
    'boxplotStats: one value',
    () => boxplotStats([5]),
    (r) => expect((r as { iqr: number }).iqr).toBe(0),
  ],
  ['anova2: null data', () => js(anova2)(null), InvalidArgumentError, 'anova2: argument data'],
  [
    'anova2: y strings',
    () => js(anova2)({ ...design, y: design.y.map(String) }),
    InvalidArgumentError,
    'anova2: argument data.y[0]',
  ],
  [
    'anova2: a shorter',
    () => anova2({ ...design, a: design.a.slice(1) }),
    ShapeMismatchError,
    'anova2: argument data.a (vs data.y)',
  ],
  [
    'anova2: one level',
    () => anova2({ ...design, a: design.a.map(() => 1) }),
    InvalidArgumentError,
    'at least 2 levels',
  ],
  [
    'anova2: mixed label types',
    () => js(anova2)({ ...design, a: [...design.a.slice(1), 'x'] }),
    InvalidArgumentError,
    'labels of one type',
  ],
  [
    'anova2: NaN label',
    () => anova2({ ...design, a: [Number.NaN, ...design.a.slice(1)] }),
    InvalidArgumentError,
    'finite numeric labels',
  ],
  [
    'anova2: log of 0',
    () => anova2({ ...design, y: [0, ...design.y.slice(1)] }, { transform: 'log' }),
    InvalidArgumentError,
    "anova2: argument data.y[0] must be > 0 (transform 'log')",
  ],
  [
    'anova2: y exactly fitted (no residual)',
    () =>
      anova2({
        y: [1, 1, 2, 2, 3, 3, 4, 4].map((v) => v * 0.5),
        a: [0, 0, 0, 0, 1, 1, 1, 1],
        b: [0, 0, 1, 1, 0, 0, 1, 1],
      }),
    InvalidArgumentError,
    'the model fits y exactly',
  ],
  [
    'anova2: y near 1e200 (sums of squares overflow)',
    () => anova2({ ...design, y: design.y.map((v) => v * 1e200) }),
    InvalidArgumentError,
    'values whose sums of squares fit a double',
  ],
  [
    'anova2: y near 1e100 gives F as at scale 1',
    () => anova2({ ...design, y: design.y.map((v) => v * 1e100) }, { type: 2 }).rows[0]!.F,
    (r) => expect(r).toBeCloseTo(0.5399889196675908, 12),
  ],
  [
    'anova2: null options',
    () => js(anova2)(design, null),
    (r) => expect((r as { type: number }).type).toBe(1),
  ],
  [
    'anova2: "interation"',
    () => js(anova2)(design, { interation: false }),
    InvalidArgumentError,
    'did you mean "interaction"?',
  ],
  [
    'anova2: interaction "false"',
    () => js(anova2)(design, { interaction: 'false' }),
    InvalidArgumentError,
    'options.interaction',
  ],
  ['anova2: type 4', () => js(anova2)(design, { type: 4 }), InvalidArgumentError, 'options.type'],
  // ---- distributions and special functions: domains
  ['tCdf: df 0', () => tCdf(1, 0), InvalidArgumentError, 'tCdf: argument df must be a number > 0'],
  [
    'tCdf: df Infinity is the normal',
    () => tCdf(1, Number.POSITIVE_INFINITY),
    (r) => expect(r).toBeCloseTo(0.8413447460685429, 15),
  ],
  ['tCdf: t a string', () => js(tCdf)('1', 3), InvalidArgumentError, 'tCdf: argument t'],
  ['tCdf: t -Infinity', () => tCdf(Number.NEGATIVE_INFINITY, 3), (r) => expect(r).toBe(0)],
  ['tSf: t NaN', () => tSf(Number.NaN, 3), InvalidArgumentError, 'tSf: argument t'],
  ['tSf: df 1e300', () => tSf(1, 1e300), (r) => expect(r).toBeCloseTo(0.15865525393145707, 14)],
  ['tPdf: df -1', () => tPdf(0, -1), InvalidArgumentError, 'tPdf: argument df'],
  ['tPdf: t Infinity', () => tPdf(Number.POSITIVE_INFINITY, 3), (r) => expect(r).toBe(0)],
  [
    'tPpf: q 1.5',
    () => tPpf(1.5, 3),
    InvalidArgumentError,
    'tPpf: argument q must be a probability in [0, 1], got 1.5',
  ],
  ['tPpf: q 1 is Infinity', () => tPpf(1, 3), (r) => expect(r).toBe(Number.POSITIVE_INFINITY)],
  ['tPpf: q 0 is -Infinity', () => tPpf(0, 3), (r) => expect(r).toBe(Number.NEGATIVE_INFINITY)],
  [
    'normalPpf: p -0.1',
    () => normalPpf(-0.1),
    InvalidArgumentError,
    'normalPpf: argument p must be a probability in [0, 1], got -0.1',
  ],
  ['normalPpf: p NaN', () => normalPpf(Number.NaN), InvalidArgumentError, 'normalPpf: argument p'],
  ['normalCdf: z NaN', () => normalCdf(Number.NaN), InvalidArgumentError, 'normalCdf: argument z'],
  ['normalCdf: z Infinity', () => normalCdf(Number.POSITIVE_INFINITY), (r) => expect(r).toBe(1)],
  [
    'fSf: both df Infinity',
    () => fSf(1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
    InvalidArgumentError,
    'fSf: argument d2',
  ],
  [
    'fSf: d2 Infinity is chi-square',
    () => fSf(1, 3, Number.POSITIVE_INFINITY),
    (r) => expect(r).toBeCloseTo(0.3916251762710877, 14),
  ],
  ['fSf: f -1', () => fSf(-1, 2, 3), (r) => expect(r).toBe(1)],
  ['logGamma: NaN', () => logGamma(Number.NaN), InvalidArgumentError, 'logGamma: argument x'],
  [
    'logGamma: a pole is Infinity (as gammaln)',
    () => logGamma(-2),
    (r) => expect(r).toBe(Number.POSITIVE_INFINITY),
  ],
  [
    'logGamma: 1e305',
    () => logGamma(1e305) / 1e307,
    (r) => expect(r).toBeCloseTo(7.01288453363184, 12),
  ],
  [
    'logBeta: a 0',
    () => logBeta(0, 1),
    InvalidArgumentError,
    'logBeta: argument a must be a finite number > 0',
  ],
  [
    'logBeta: b Infinity',
    () => logBeta(1, Number.POSITIVE_INFINITY),
    InvalidArgumentError,
    'logBeta: argument b',
  ],
  [
    'logBeta: 1e10, 0.5 without cancellation',
    () => logBeta(1e10, 0.5),
    (r) => expect(r).toBeCloseTo(-10.940560522033028, 13),
  ],
  [
    'regularizedIncompleteBeta: x 2',
    () => regularizedIncompleteBeta(2, 1, 1),
    InvalidArgumentError,
    'regularizedIncompleteBeta: argument x must be a number in [0, 1]',
  ],
  [
    'regularizedIncompleteBeta: a NaN',
    () => regularizedIncompleteBeta(0.5, Number.NaN, 1),
    InvalidArgumentError,
    'argument a',
  ],
  [
    'regularizedIncompleteBeta: null options',
    () => js(regularizedIncompleteBeta)(0.5, 1, 1, null),
    (r) => expect(r).toBe(0.5),
  ],
  [
    'regularizedIncompleteBeta: "complment"',
    () => js(regularizedIncompleteBeta)(0.5, 1, 1, { complment: 0.5 }),
    InvalidArgumentError,
    'did you mean "complement"?',
  ],
  [
    'regularizedIncompleteBeta: upper "yes"',
    () => js(regularizedIncompleteBeta)(0.5, 1, 1, { upper: 'yes' }),
    InvalidArgumentError,
    'options.upper must be true or false',
  ],
  [
    'regularizedIncompleteBeta: complement 2',
    () => regularizedIncompleteBeta(0.5, 1, 1, { complement: 2 }),
    InvalidArgumentError,
    'options.complement',
  ],
  [
    'regularizedLowerGamma: x -1',
    () => regularizedLowerGamma(1, -1),
    InvalidArgumentError,
    'regularizedLowerGamma: argument x must be a number >= 0',
  ],
  [
    'regularizedLowerGamma: x Infinity',
    () => regularizedLowerGamma(1, Number.POSITIVE_INFINITY),
    (r) => expect(r).toBe(1),
  ],
  [
    'regularizedLowerGamma: upper 1',
    () => js(regularizedLowerGamma)(1, 1, { upper: 1 }),
    InvalidArgumentError,
    'options.upper',
  ],
  [
    'regularizedLowerGamma: null options',
    () => js(regularizedLowerGamma)(1, 1, null),
    (r) => expect(r).toBeCloseTo(1 - Math.exp(-1), 15),
  ],
];

describe('stats: hostile inputs, every export', () => {
  runCases(cases, (result) => noNaN(result));
  it(`has ${cases.length} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
  });
});

afterAll(() => {
  expectPeakRss('stats', cases.length);
});
