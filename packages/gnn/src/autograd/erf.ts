import { InvalidArgumentError } from '@mgraph/core';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * The error function `erf(z) = 2/sqrt(pi) * int_0^z exp(-t^2) dt` to about 1e-15 relative
 * accuracy (JavaScript has no `Math.erf`).
 *
 * Uses the everywhere-convergent series with positive terms
 * `erf(z) = 2/sqrt(pi) * exp(-z^2) * sum_n 2^n z^(2n+1) / (1*3*...*(2n+1))`, which has no
 * cancellation, and `erf(z) = sign(z)` for `|z| >= 6` (where `erfc` is below 2.2e-17).
 *
 * @param z - any number; NaN gives NaN
 * @returns erf(z) in [-1, 1]
 *
 * @remarks
 * References: M. Abramowitz, I. A. Stegun, Handbook of Mathematical Functions (1964),
 * formula 7.1.6.
 */
export function erf(z: number): number {
  if (typeof z !== 'number') throw new InvalidArgumentError('erf', 'z', z, 'a number');
  if (Number.isNaN(z)) return Number.NaN;
  const a = Math.abs(z);
  if (a >= 6) return Math.sign(z);
  const z2 = 2 * a * a;
  let term = a;
  let sum = a;
  for (let n = 1; n < 400; n++) {
    term *= z2 / (2 * n + 1);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  const v = TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
  return z < 0 ? -v : v;
}
