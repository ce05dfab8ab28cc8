import { assertFinite, InvalidArgumentError } from '@mgraph/core';

/**
 * Check a sample argument (array or typed array of finite numbers, at least `min` long) and
 * return it as a `Float64Array` copy.
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 */
export function sampleOf(fn: string, argument: string, values: unknown, min: number): Float64Array {
  const ok = Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView));
  if (!ok) {
    throw new InvalidArgumentError(fn, argument, values, 'an array or typed array of numbers');
  }
  const list = values as ArrayLike<number>;
  if (list.length < min) {
    throw new InvalidArgumentError(
      fn,
      argument,
      values,
      `at least ${min} value${min === 1 ? '' : 's'} (got ${list.length})`,
    );
  }
  assertFinite(fn, argument, list);
  return Float64Array.from(list);
}

/** Arithmetic mean. */
export function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sum of squared deviations from `centre` (two-pass, as numpy's `var`). */
function sumOfSquares(values: Float64Array, centre: number): number {
  let s = 0;
  for (const v of values) {
    const d = v - centre;
    s += d * d;
  }
  return s;
}

/** Size, mean and sample variance of one group. */
export interface GroupSummary {
  n: number;
  mean: number;
  /** Sample variance, ddof = 1. */
  variance: number;
}

/** n, mean and ddof-1 variance of a sample (at least 2 values). */
export function summarize(values: Float64Array): GroupSummary {
  const m = mean(values);
  return { n: values.length, mean: m, variance: sumOfSquares(values, m) / (values.length - 1) };
}

/**
 * Exponent `k` such that the largest magnitude of `samples` times `2^k` lies in [0.5, 1):
 * multiplying by a power of two is exact, so statistics computed on scaled samples equal
 * those of the samples themselves (no squares under- or overflowing near 1e-160 or 1e200),
 * and location / scale results are scaled back exactly. 0 when every value is 0.
 */
export function scaleExponent(...samples: Float64Array[]): number {
  let max = 0;
  for (const s of samples) for (const v of s) max = Math.max(max, Math.abs(v));
  if (max === 0) return 0;
  let k = -Math.floor(Math.log2(max)) - 1;
  // Math.log2 may round at a power of two's edge: settle k exactly
  while (timesPowerOfTwo(max, k) >= 1) k--;
  while (timesPowerOfTwo(max, k) < 0.5) k++;
  return k;
}

/** `v * 2^k` exactly (two steps, so `2^k` itself never over- or underflows). */
export function timesPowerOfTwo(v: number, k: number): number {
  const half = Math.trunc(k / 2);
  return v * 2 ** half * 2 ** (k - half);
}

/** Multiply every value of `values` by `2^k` in place (exact). */
export function scaleInPlace(values: Float64Array, k: number): Float64Array {
  if (k !== 0) for (let i = 0; i < values.length; i++) values[i] = timesPowerOfTwo(values[i]!, k);
  return values;
}
