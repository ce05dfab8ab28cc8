import { InvalidArgumentError } from '@mgraph/core';
import { normalUpperStart, tUpperStarts } from './quantile-starts.js';
import { betaUnchecked, logBetaUnchecked, lowerGammaUnchecked } from './special-functions.js';

/**
 * Distribution functions of Student's t, Fisher's F and the standard normal to about 1e-14
 * relative error in both tails, as scipy.stats computes them.
 *
 * jstat (`studentt.cdf`, `centralF.cdf`, `studentt.inv`) is only good to about 1e-9 relative
 * (its log-gamma has six Lanczos terms, and `1 - cdf` cancels in the upper tail): too coarse
 * for agreement with scipy at 1e-9. The tails here come from our own regularized incomplete
 * beta / gamma functions; closed-form approximations (./quantile-starts.ts) are the starting
 * points of a safeguarded Newton refinement of the quantiles.
 *
 * Every argument is checked: NaN, a probability outside [0, 1] or a degree of freedom <= 0
 * is an `InvalidArgumentError` (scipy returns NaN). `df = Infinity` is the limit: the
 * standard normal for t, chi-square over its df for F.
 *
 * @packageDocumentation
 */

/** A number, not NaN (+-Infinity allowed). */
function checkReal(fn: string, argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InvalidArgumentError(fn, argument, value, 'a number (not NaN)');
  }
}

/** A degree of freedom: > 0, Infinity allowed (the limit). */
function checkDf(fn: string, argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value > 0)) {
    throw new InvalidArgumentError(fn, argument, value, 'a number > 0 (Infinity for the limit)');
  }
}

/** A probability in [0, 1]. */
function checkProbability(fn: string, argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidArgumentError(fn, argument, value, 'a probability in [0, 1]');
  }
}

/**
 * Student t cumulative distribution function `P(T <= t)` with `df` degrees of freedom
 * (`df = Infinity`: the standard normal).
 *
 * @param t - any number but NaN (+-Infinity give 0 and 1)
 * @param df - degrees of freedom, > 0 or Infinity
 * @throws InvalidArgumentError for NaN or `df <= 0`
 *
 * @remarks
 * `P(T <= t) = I_{df / (df + t^2)}(df / 2, 1 / 2) / 2` for `t < 0`, by symmetry otherwise.
 */
export function tCdf(t: number, df: number): number {
  checkReal('tCdf', 't', t);
  checkDf('tCdf', 'df', df);
  return tCdfUnchecked(t, df);
}

function tCdfUnchecked(t: number, df: number): number {
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalCdfUnchecked(t);
  const t2 = t * t;
  const x = df / (df + t2);
  const tail = 0.5 * betaUnchecked(x, df / 2, 0.5, t2 / (df + t2), false);
  return t < 0 ? tail : 1 - tail;
}

/**
 * Student t survival function `P(T > t)` (upper tail, no cancellation).
 *
 * @throws InvalidArgumentError for NaN or `df <= 0`
 */
export function tSf(t: number, df: number): number {
  checkReal('tSf', 't', t);
  checkDf('tSf', 'df', df);
  return tCdfUnchecked(-t, df);
}

/**
 * Student t probability density at `t` with `df` degrees of freedom:
 * `Γ((df+1)/2) / (sqrt(df π) Γ(df/2)) (1 + t^2/df)^(-(df+1)/2)` (`df = Infinity`: the normal
 * density).
 *
 * @throws InvalidArgumentError for NaN or `df <= 0`
 */
export function tPdf(t: number, df: number): number {
  checkReal('tPdf', 't', t);
  checkDf('tPdf', 'df', df);
  return tPdfUnchecked(t, df);
}

function tPdfUnchecked(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (df === Number.POSITIVE_INFINITY) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  // Γ((df+1)/2) / (sqrt(df π) Γ(df/2)) = 1 / (sqrt(df) B(df/2, 1/2))
  const logC = -logBetaUnchecked(df / 2, 0.5) - 0.5 * Math.log(df);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student t quantile (percent point function): the `t` with `P(T <= t) = q`.
 *
 * @param q - probability in [0, 1] (0 and 1 give -Infinity and Infinity)
 * @param df - degrees of freedom, > 0 or Infinity (the normal quantile)
 * @throws InvalidArgumentError for `q` outside [0, 1], NaN or `df <= 0`
 */
export function tPpf(q: number, df: number): number {
  checkProbability('tPpf', 'q', q);
  checkDf('tPpf', 'df', df);
  return tPpfUnchecked(q, df);
}

/** {@link tPpf} without the argument checks (q in [0, 1], df > 0). */
export function tPpfUnchecked(q: number, df: number): number {
  if (q === 0.5) return 0;
  if (q === 0) return Number.NEGATIVE_INFINITY;
  if (q === 1) return Number.POSITIVE_INFINITY;
  if (df === Number.POSITIVE_INFINITY) return normalPpfUnchecked(q);
  // solve tSf(s) = p for s > 0 with p the smaller tail, never forming 1 - (1 - q)
  const p = q < 0.5 ? q : 1 - q;
  const g = (t: number) => tCdfUnchecked(-t, df) - p;
  // the candidate start nearest the root, in relative terms of the tail probability
  const starts = tUpperStarts(p, df).filter((t) => Number.isFinite(t) && t > 0);
  const miss = (t: number) => Math.abs(Math.log((tCdfUnchecked(-t, df) || Number.MIN_VALUE) / p));
  const start = starts.reduce((best, t) => (miss(t) < miss(best) ? t : best), starts[0] ?? 1);
  const s = refine(start, g, (t) => -tPdfUnchecked(t, df));
  return q < 0.5 ? -s : s;
}

/** {@link tSf} without the argument checks. */
export function tSfUnchecked(t: number, df: number): number {
  return tCdfUnchecked(-t, df);
}

/**
 * Fisher F survival function `P(F > f)` with `(d1, d2)` degrees of freedom:
 * `I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2)`. One df may be Infinity: `d2 = Infinity` gives
 * `chi2(d1) / d1`, `d1 = Infinity` gives `d2 / chi2(d2)`.
 *
 * @param f - any number but NaN (`f <= 0` gives 1)
 * @throws InvalidArgumentError for NaN, a df <= 0, or both df infinite
 */
export function fSf(f: number, d1: number, d2: number): number {
  const fn = 'fSf';
  checkReal(fn, 'f', f);
  checkDf(fn, 'd1', d1);
  checkDf(fn, 'd2', d2);
  if (d1 === Number.POSITIVE_INFINITY && d2 === Number.POSITIVE_INFINITY) {
    throw new InvalidArgumentError(fn, 'd2', d2, 'finite when d1 is Infinity (F is then 1)');
  }
  return fSfUnchecked(f, d1, d2);
}

/** {@link fSf} without the argument checks. */
export function fSfUnchecked(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  if (d2 === Number.POSITIVE_INFINITY) return lowerGammaUnchecked(d1 / 2, (d1 * f) / 2, true);
  if (d1 === Number.POSITIVE_INFINITY) return lowerGammaUnchecked(d2 / 2, d2 / (2 * f), false);
  const denominator = d2 + d1 * f;
  return betaUnchecked(d2 / denominator, d2 / 2, d1 / 2, (d1 * f) / denominator, false);
}

/**
 * Standard normal cumulative distribution function, `Φ(z) = P(1/2, z^2/2)` folded at 0.
 *
 * @throws InvalidArgumentError for NaN
 */
export function normalCdf(z: number): number {
  checkReal('normalCdf', 'z', z);
  return normalCdfUnchecked(z);
}

function normalCdfUnchecked(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * lowerGammaUnchecked(0.5, (z * z) / 2, true);
  return z < 0 ? tail : 1 - tail;
}

/**
 * Standard normal quantile `Φ^{-1}(p)` (scipy `norm.ppf`, `ndtri`).
 *
 * @param p - probability in [0, 1] (0 and 1 give -Infinity and Infinity)
 * @throws InvalidArgumentError for `p` outside [0, 1] or NaN
 */
export function normalPpf(p: number): number {
  checkProbability('normalPpf', 'p', p);
  return normalPpfUnchecked(p);
}

/** {@link normalPpf} without the argument check. */
function normalPpfUnchecked(p: number): number {
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tail = p < 0.5 ? p : 1 - p;
  const z = refine(
    normalUpperStart(tail),
    (x) => 0.5 * lowerGammaUnchecked(0.5, (x * x) / 2, true) - tail,
    (x) => -Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI),
  );
  return p < 0.5 ? -z : z;
}

/**
 * Newton's method on a decreasing function `g` of `x >= 0`, from `start`, safeguarded by
 * bisection once a bracket is known; stops at full double precision.
 */
function refine(start: number, g: (x: number) => number, dg: (x: number) => number): number {
  let x = Number.isFinite(start) && start > 0 ? start : 1;
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let iter = 0; iter < 200; iter++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx > 0) lo = Math.max(lo, x);
    else hi = Math.min(hi, x);
    let next = x - gx / dg(x);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * x + 1;
    if (Math.abs(next - x) <= 4 * Number.EPSILON * Math.abs(next)) return next;
    x = next;
  }
  return x;
}
