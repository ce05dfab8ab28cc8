import { assertNumber, checkOptions, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { normalPpf } from './distributions.js';
import { mean, sampleOf, scaleExponent, scaleInPlace } from './sample.js';
import { betaUnchecked } from './special-functions.js';

/** Options of {@link pearson}. */
export interface PearsonOptions {
  /** Confidence level of the Fisher-z interval of r, in (0, 1). Default 0.95. */
  confidence?: number;
}

/** Result of {@link pearson}. */
export interface PearsonResult {
  /** Pearson correlation coefficient, clipped to [-1, 1]. */
  r: number;
  /** Two-sided p-value of `r = 0` (exact, from the beta distribution of r under the null). */
  p: number;
  /** Number of pairs. */
  n: number;
  /** Fisher-z confidence interval of r (`[-1, 1]` when n <= 3). */
  ci: [number, number];
  /** The confidence level of `ci`. */
  confidence: number;
}

/**
 * Pearson correlation of paired samples, as `scipy.stats.pearsonr` (with its
 * `confidence_interval()`).
 *
 * `r = sum(xm ym) / (|xm| |ym|)` over centred samples; `p = 2 I_{(1-|r|)/2}(n/2 - 1, n/2 - 1)`
 * (the exact null distribution of r for normal data; p = 1 when n = 2); CI
 * `tanh(atanh(r) ± z_{(1+c)/2} / sqrt(n - 3))`.
 *
 * @param x - first sample (finite numbers, at least 2)
 * @param y - second sample, same length
 * @param options - `confidence` (0.95)
 * @returns `{ r, p, n, ci, confidence }`
 * @throws ShapeMismatchError when lengths differ
 * @throws InvalidArgumentError for fewer than 2 pairs, non-finite values, or a constant sample
 *   (r undefined; scipy returns NaN with a warning)
 *
 * @remarks
 * References: R. A. Fisher, "Frequency distribution of the values of the correlation
 * coefficient in samples from an indefinitely large population", Biometrika 10 (1915),
 * doi:10.2307/2331838. scipy 1.10 `stats.pearsonr`.
 */
export function pearson(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: PearsonOptions = {},
): PearsonResult {
  const fn = 'pearson';
  const { confidence = 0.95 } = checkOptions(fn, options, { confidence: true });
  assertNumber(fn, 'options.confidence', confidence, { greaterThan: 0, lessThan: 1 });
  const xs = sampleOf(fn, 'x', x, 2);
  const ys = sampleOf(fn, 'y', y, 0);
  if (ys.length !== xs.length)
    throw new ShapeMismatchError(fn, 'y (vs x)', [xs.length], [ys.length]);
  for (const [name, sample, given] of [
    ['x', xs, x],
    ['y', ys, y],
  ] as const) {
    if (sample.every((v) => v === sample[0])) {
      throw new InvalidArgumentError(fn, name, given, 'a non-constant sample (r is undefined)');
    }
  }
  const n = xs.length;
  if (n === 2) {
    const r = Math.sign(xs[1]! - xs[0]!) * Math.sign(ys[1]! - ys[0]!);
    return { r, p: 1, n, ci: [-1, 1], confidence };
  }
  // r is scale-free: bring each sample to magnitude ~1 (exactly, by a power of two) so that
  // sums and squares neither overflow near 1e200 nor underflow near 1e-200; then, as scipy,
  // divide the centred samples by their largest magnitude before squaring
  const xm = unitMax(centred(scaleInPlace(xs, scaleExponent(xs))));
  const ym = unitMax(centred(scaleInPlace(ys, scaleExponent(ys))));
  const nx = norm(xm);
  const ny = norm(ym);
  let dot = 0;
  for (let i = 0; i < n; i++) dot += (xm[i]! / nx) * (ym[i]! / ny);
  const r = Math.max(-1, Math.min(1, dot));
  const ab = n / 2 - 1;
  const a = Math.abs(r);
  const p = Math.min(1, 2 * betaUnchecked((1 - a) / 2, ab, ab, (1 + a) / 2, false));
  return { r, p, n, ci: fisherInterval(r, n, confidence), confidence };
}

function fisherInterval(r: number, n: number, confidence: number): [number, number] {
  if (n <= 3) return [-1, 1];
  const z = Math.atanh(r);
  const h = normalPpf(0.5 + confidence / 2) * Math.sqrt(1 / (n - 3));
  return [Math.tanh(z - h), Math.tanh(z + h)];
}

function centred(values: Float64Array): Float64Array {
  const m = mean(values);
  return values.map((v) => v - m);
}

function unitMax(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / max;
  return values;
}

function norm(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return Math.sqrt(s);
}
