import { checkOptions, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { fSfUnchecked } from './distributions.js';
import { householderEffects } from './householder.js';
import { sampleOf, scaleExponent, scaleInPlace, timesPowerOfTwo } from './sample.js';

/** A factor level: a number, string or boolean label. */
export type FactorLevel = number | string | boolean;

/** Data of {@link anova2}: a response and two factors, one entry per observation. */
export interface Anova2Data {
  /** Response (finite numbers; > 0 with the `log` transform). */
  y: ArrayLike<number>;
  /** First factor (e.g. TPB involvement), at least 2 levels. */
  a: ArrayLike<FactorLevel>;
  /** Second factor (e.g. concurrent channel), at least 2 levels. */
  b: ArrayLike<FactorLevel>;
}

/** Options of {@link anova2}. */
export interface Anova2Options {
  /**
   * Sums of squares: 1 sequential (a, then b, then a:b), 2 each main effect after the other
   * (interaction excluded), 3 each term after all others with sum-to-zero coding (statsmodels
   * `anova_lm(typ=3)` on `C(a, Sum) * C(b, Sum)`, with an `Intercept` row). Default 1, as
   * statsmodels; the paper's unbalanced design is better served by 2 or 3.
   */
  type?: 1 | 2 | 3;
  /** Include the `a:b` interaction (`y ~ a * b`; else `y ~ a + b`). Default true. */
  interaction?: boolean;
  /** `'log'` analyses `ln(y)` (the paper's log(heterogeneity), log(polarization)). Default `'none'`. */
  transform?: 'none' | 'log';
}

/** One row of the ANOVA table. */
export interface Anova2Row {
  /** `'Intercept'` (type 3), `'a'`, `'b'`, `'a:b'` or `'Residual'`. */
  term: string;
  /** Sum of squares. */
  sumSq: number;
  /** Degrees of freedom. */
  df: number;
  /** `sumSq / df`. */
  meanSq: number;
  /** F statistic against the residual mean square; null on the Residual row. */
  F: number | null;
  /** p-value `P(F > F)`; null on the Residual row. */
  p: number | null;
}

/** Result of {@link anova2}. */
export interface Anova2Result {
  rows: Anova2Row[];
  /** Levels of each factor, sorted as patsy sorts them (first = reference level). */
  levels: { a: FactorLevel[]; b: FactorLevel[] };
  /** Number of observations. */
  n: number;
  type: 1 | 2 | 3;
}

/**
 * Two-way analysis of variance of `y` on factors `a` and `b` by ordinary least squares,
 * matching statsmodels `anova_lm(ols('y ~ C(a) * C(b)'), typ=1|2)` and, for type 3,
 * `anova_lm(ols('y ~ C(a, Sum) * C(b, Sum)'), typ=3)`, on balanced and unbalanced designs.
 *
 * Each sum of squares is the squared norm of the block of `Q^T y` (Householder QR) that the
 * term adds to the terms fitted before it (type 1: a, b, a:b in turn; type 2: a after b, b
 * after a, a:b after both; type 3: each term after all the others), so no subtraction of
 * residual sums is needed.
 *
 * @param data - `{ y, a, b }`, equal lengths
 * @param options - `type` (1), `interaction` (true), `transform` (`'none'`)
 * @returns `{ rows, levels, n, type }`, rows in statsmodels' order
 * @throws ShapeMismatchError when `y`, `a`, `b` differ in length
 * @throws InvalidArgumentError for a bad option, non-finite `y` (or `y <= 0` with `log`), a
 *   factor with fewer than 2 levels or mixed label types, an empty cell when `interaction`
 *   (the model is not identifiable), confounded factors, or no residual degree of freedom
 *
 * @remarks
 * References: J. Fox, "Applied Regression Analysis and Generalized Linear Models", 3rd ed.
 * (2016), chapter 8; statsmodels 0.13 `stats.anova.anova_lm`; Li, Deng, Liu, Hu,
 * arXiv:2512.16085 (two-way ANOVA of log heterogeneity and log polarization).
 */
export function anova2(data: Anova2Data, options: Anova2Options = {}): Anova2Result {
  const fn = 'anova2';
  const {
    type = 1,
    interaction = true,
    transform = 'none',
  } = checkOptions(fn, options, {
    type: true,
    interaction: true,
    transform: true,
  });
  if (type !== 1 && type !== 2 && type !== 3) {
    throw new InvalidArgumentError(fn, 'options.type', type, '1, 2 or 3');
  }
  if (typeof interaction !== 'boolean') {
    throw new InvalidArgumentError(fn, 'options.interaction', interaction, 'a boolean');
  }
  if (transform !== 'none' && transform !== 'log') {
    throw new InvalidArgumentError(fn, 'options.transform', transform, "'none' or 'log'");
  }
  if (typeof data !== 'object' || data === null) {
    throw new InvalidArgumentError(fn, 'data', data, 'an object { y, a, b }');
  }
  let y = sampleOf(fn, 'data.y', data.y, 1);
  const n = y.length;
  if (transform === 'log') {
    const bad = y.findIndex((v) => !(v > 0));
    if (bad >= 0)
      throw new InvalidArgumentError(fn, `data.y[${bad}]`, y[bad], "> 0 (transform 'log')");
    y = y.map(Math.log);
  }
  // sums of squares of y times 2^k (exact), scaled back at the end: no overflow of the
  // squares near 1e200 nor underflow near 1e-200 inside the fit; F and p do not depend on k
  const k = scaleExponent(y);
  scaleInPlace(y, k);
  const a = factor(fn, 'data.a', data.a, n);
  const b = factor(fn, 'data.b', data.b, n);
  const sum = type === 3;
  const colsA = contrasts(a.codes, a.levels.length, sum);
  const colsB = contrasts(b.codes, b.levels.length, sum);
  const colsAB: Float64Array[] = [];
  if (interaction) {
    for (const cb of colsB) for (const ca of colsA) colsAB.push(ca.map((v, i) => v * cb[i]!));
  }
  const intercept = new Float64Array(n).fill(1);
  const terms: [string, Float64Array[]][] = [
    ['Intercept', [intercept]],
    ['a', colsA],
    ['b', colsB],
  ];
  if (interaction) terms.push(['a:b', colsAB]);
  const p = terms.reduce((s, [, c]) => s + c.length, 0);
  if (n - p < 1) {
    throw new InvalidArgumentError(
      fn,
      'data.y',
      data.y,
      `more than ${p} observations (the model has ${p} parameters)`,
    );
  }

  const fit = (order: string[]) => {
    const columns = order.flatMap((name) => terms.find(([t]) => t === name)![1]);
    const effects = householderEffects(columns, y);
    if (effects === undefined) {
      throw new InvalidArgumentError(
        fn,
        'data',
        `${a.levels.length} x ${b.levels.length} design`,
        interaction
          ? 'a design with every (a, b) cell observed and factors not confounded'
          : 'factors that are not confounded',
      );
    }
    return effects;
  };
  /** Sum of squares of the last term of `order` after the ones before it. */
  const lastTerm = (order: string[]) => {
    const effects = fit(order);
    const width = (name: string) => terms.find(([t]) => t === name)![1].length;
    const end = order.reduce((s, name) => s + width(name), 0);
    let s = 0;
    for (let i = end - width(order[order.length - 1]!); i < end; i++) s += effects[i]! ** 2;
    return s;
  };

  const all = terms.map(([t]) => t);
  const full = fit(all);
  let rss = 0;
  for (let i = p; i < n; i++) rss += full[i]! ** 2;
  const dfResid = n - p;
  const sums: [string, number][] = [];
  if (type === 1) {
    let k = 1;
    for (const [name, cols] of terms.slice(1)) {
      let s = 0;
      for (let i = k; i < k + cols.length; i++) s += full[i]! ** 2;
      sums.push([name, s]);
      k += cols.length;
    }
  } else if (type === 2) {
    sums.push(['a', lastTerm(['Intercept', 'b', 'a'])]);
    sums.push(['b', lastTerm(['Intercept', 'a', 'b'])]);
    if (interaction) sums.push(['a:b', lastTerm(all)]);
  } else {
    for (const name of all) sums.push([name, lastTerm([...all.filter((t) => t !== name), name])]);
  }
  // y is scaled to magnitude ~1: a residual at rounding level means an exact fit
  let total = 0;
  for (const v of y) total += v * v;
  if (rss <= (n * Number.EPSILON) ** 2 * total) {
    throw new InvalidArgumentError(
      fn,
      'data.y',
      data.y,
      'values with a residual sum of squares > 0 (the model fits y exactly: F is undefined)',
    );
  }
  const mse = rss / dfResid;
  /** A sum of squares in the units of y^2, refused when a double cannot hold it. */
  const back = (term: string, scaled: number) => {
    const value = timesPowerOfTwo(scaled, -2 * k);
    if (scaled > 0 && !(value >= 2 ** -1022 && value < Number.POSITIVE_INFINITY)) {
      throw new InvalidArgumentError(
        fn,
        'data.y',
        data.y,
        `values whose sums of squares fit a double (the ${term} sum of squares is ${scaled.toPrecision(6)} * 2^${-2 * k}; rescale y: F and p do not depend on its unit)`,
      );
    }
    return value;
  };
  const rows: Anova2Row[] = sums.map(([term, scaled]) => {
    const df = terms.find(([t]) => t === term)![1].length;
    const F = scaled / df / mse;
    const sumSq = back(term, scaled);
    return { term, sumSq, df, meanSq: sumSq / df, F, p: fSfUnchecked(F, df, dfResid) };
  });
  const rssBack = back('Residual', rss);
  rows.push({
    term: 'Residual',
    sumSq: rssBack,
    df: dfResid,
    meanSq: rssBack / dfResid,
    F: null,
    p: null,
  });
  return { rows, levels: { a: a.levels, b: b.levels }, n, type };
}

/** Factor codes `0 .. levels-1` with levels sorted as patsy (numbers by value, strings by code unit). */
function factor(fn: string, argument: string, values: ArrayLike<FactorLevel>, n: number) {
  const ok = Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView));
  if (!ok) throw new InvalidArgumentError(fn, argument, values, 'an array of factor levels');
  const list = Array.from(values as ArrayLike<FactorLevel>);
  if (list.length !== n)
    throw new ShapeMismatchError(fn, `${argument} (vs data.y)`, [n], [list.length]);
  const kinds = new Set(list.map((v) => typeof v));
  const kind = [...kinds][0];
  const numeric = kind === 'number' || kind === 'boolean';
  if (kinds.size !== 1 || !['number', 'string', 'boolean'].includes(kind!)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      values,
      'labels of one type: numbers, strings or booleans',
    );
  }
  if (kind === 'number' && list.some((v) => !Number.isFinite(v as number))) {
    throw new InvalidArgumentError(fn, argument, values, 'finite numeric labels');
  }
  const levels = [...new Set(list)].sort((x, y) =>
    numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0,
  );
  if (levels.length < 2) {
    throw new InvalidArgumentError(
      fn,
      argument,
      values,
      `at least 2 levels (got ${levels.length})`,
    );
  }
  const code = new Map(levels.map((v, i) => [v, i]));
  return { levels, codes: Int32Array.from(list, (v) => code.get(v)!) };
}

/** Treatment (first level as reference) or sum-to-zero (last level = minus the others) contrasts. */
function contrasts(codes: Int32Array, count: number, sum: boolean): Float64Array[] {
  const out: Float64Array[] = [];
  for (let j = 0; j < count - 1; j++) {
    out.push(
      Float64Array.from(codes, (c) => {
        if (sum) return c === j ? 1 : c === count - 1 ? -1 : 0;
        return c === j + 1 ? 1 : 0;
      }),
    );
  }
  return out;
}
