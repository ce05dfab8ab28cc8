import { logGamma } from './special-functions.js';

/**
 * Starting points of the safeguarded Newton refinement of `normalPpf` / `tPpf` (which then
 * converge to full double precision): closed-form approximations, so the package needs no
 * general statistics library for its quantiles.
 *
 * @packageDocumentation
 */

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549671010114798,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * Upper standard normal quantile `z` with `P(Z > z) = tail`, for `tail` in (0, 1/2], to about
 * 1e-9 relative (P. J. Acklam's rational approximation).
 *
 * @internal
 * @remarks
 * References: P. J. Acklam, "An algorithm for computing the inverse normal cumulative
 * distribution function" (2003), the lower-region and central rational functions.
 */
export function normalUpperStart(tail: number): number {
  if (tail < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(tail));
    return -(
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = tail - 0.5;
  const r = q * q;
  return -(
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/**
 * Candidates for the upper Student t quantile `t > 0` with `P(T > t) = tail` (`tail` in
 * (0, 1/2), `df` finite and > 0): the exact closed forms for 1 and 2 degrees of freedom,
 * else the Cornish-Fisher expansion around the normal quantile (good near the centre and
 * for large df) and the power-law tail `P(T > t) ~ K t^-df` (good far in the tail for small
 * df). The caller keeps the candidate nearest the root.
 *
 * @internal
 * @remarks
 * References: M. Abramowitz and I. A. Stegun, Handbook of Mathematical Functions (1964),
 * 26.7.5 (Cornish-Fisher expansion of the t quantile) and 26.7.3 (the df = 1, 2 forms; df = 1 as `cot(pi tail)`, exact for tiny tails).
 */
export function tUpperStarts(tail: number, df: number): number[] {
  if (df === 1) return [1 / Math.tan(Math.PI * tail)];
  if (df === 2) return [(1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail))];
  const z = normalUpperStart(tail);
  const z2 = z * z;
  const cornishFisher =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  // log K = log Gamma((df+1)/2) - log Gamma(df/2) - log(sqrt(pi df)) + ((df-1)/2) log df
  const logK =
    logGamma((df + 1) / 2) -
    logGamma(df / 2) -
    0.5 * Math.log(Math.PI * df) +
    ((df - 1) / 2) * Math.log(df);
  const powerTail = Math.exp((logK - Math.log(tail)) / df);
  return [cornishFisher, powerTail];
}
