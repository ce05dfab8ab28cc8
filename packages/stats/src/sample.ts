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
export function sumOfSquares(values: Float64Array, centre: number): number {
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
