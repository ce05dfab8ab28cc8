import jStat from 'jstat';
import { logGamma, regularizedIncompleteBeta, regularizedLowerGamma } from './special-functions.js';

/**
 * Distribution functions of Student's t, Fisher's F and the standard normal to about 1e-14
 * relative error in both tails, as scipy.stats computes them.
 *
 * jstat (`studentt.cdf`, `centralF.cdf`, `studentt.inv`) is only good to about 1e-9 relative
 * (its log-gamma has six Lanczos terms, and `1 - cdf` cancels in the upper tail): too coarse
 * for agreement with scipy at 1e-9. The tails here come from our own regularized incomplete
 * beta / gamma functions; jstat's quantiles are the starting points of a safeguarded Newton
 * refinement.
 *
 * @packageDocumentation
 */

/**
 * Student t cumulative distribution function `P(T <= t)` with `df` degrees of freedom.
 *
 * @remarks
 * `P(T <= t) = I_{df / (df + t^2)}(df / 2, 1 / 2) / 2` for `t < 0`, by symmetry otherwise.
 */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5, { complement: t2 / (df + t2) });
  return t < 0 ? tail : 1 - tail;
}

/** Student t survival function `P(T > t)` (upper tail, no cancellation). */
export function tSf(t: number, df: number): number {
  return tCdf(-t, df);
}

/**
 * Student t probability density at `t` with `df` degrees of freedom:
 * `Γ((df+1)/2) / (sqrt(df π) Γ(df/2)) (1 + t^2/df)^(-(df+1)/2)`.
 */
export function tPdf(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student t quantile (percent point function): the `t` with `P(T <= t) = q`.
 *
 * @param q - probability in (0, 1)
 * @param df - degrees of freedom > 0
 */
export function tPpf(q: number, df: number): number {
  if (q === 0.5) return 0;
  // solve tSf(s) = p for s > 0 with p the smaller tail, never forming 1 - (1 - q)
  const p = q < 0.5 ? q : 1 - q;
  const s = refine(
    jStat.studentt.inv(1 - p, df),
    (t) => tSf(t, df) - p,
    (t) => -tPdf(t, df),
  );
  return q < 0.5 ? -s : s;
}

/**
 * Fisher F survival function `P(F > f)` with `(d1, d2)` degrees of freedom:
 * `I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2)`.
 */
export function fSf(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  const denominator = d2 + d1 * f;
  return regularizedIncompleteBeta(d2 / denominator, d2 / 2, d1 / 2, {
    complement: (d1 * f) / denominator,
  });
}

/** Standard normal cumulative distribution function, `Φ(z) = P(1/2, z^2/2)` folded at 0. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = 0.5 * regularizedLowerGamma(0.5, (z * z) / 2, { upper: true });
  return z < 0 ? tail : 1 - tail;
}

/**
 * Standard normal quantile `Φ^{-1}(p)` (scipy `norm.ppf`, `ndtri`).
 *
 * @param p - probability in (0, 1)
 */
export function normalPpf(p: number): number {
  if (p === 0.5) return 0;
  const tail = p < 0.5 ? p : 1 - p;
  const z = refine(
    jStat.normal.inv(1 - tail, 0, 1),
    (x) => 0.5 * regularizedLowerGamma(0.5, (x * x) / 2, { upper: true }) - tail,
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
