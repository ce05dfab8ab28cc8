import {
  assertFinite,
  assertNdim,
  assertNumber,
  flatData,
  InvalidArgumentError,
  type TypedArray,
} from '@mgraph/core';
import type { NdArray } from 'ndarray';

/** A 1D signal: a plain or typed array of numbers, or a 1D ndarray (any stride). */
export type Signal = ArrayLike<number> | NdArray;

/**
 * The signal as a fresh Float64Array (so float32 input is read as float64, like SciPy's
 * `np.asarray(x, dtype=np.float64)`), after checking it is 1D and finite.
 *
 * @throws InvalidArgumentError when `x` is not a 1D array of finite numbers
 */
export function asSignal(fn: string, argument: string, x: unknown): Float64Array {
  if (typeof x !== 'object' || x === null) {
    throw new InvalidArgumentError(fn, argument, x, 'a 1D array of numbers');
  }
  let values: ArrayLike<number>;
  if ('shape' in x && Array.isArray((x as NdArray).shape)) {
    const nd = x as NdArray;
    assertNdim(fn, argument, nd, 1);
    values = flatData(nd as NdArray<TypedArray>);
  } else if (typeof (x as ArrayLike<number>).length === 'number') {
    values = x as ArrayLike<number>;
  } else {
    throw new InvalidArgumentError(fn, argument, x, 'a 1D array of numbers');
  }
  const out = Float64Array.from(values);
  assertFinite(fn, argument, out);
  return out;
}

/**
 * Peak indices as an Int32Array, each an integer in `0..length-1`.
 *
 * @throws InvalidArgumentError naming the first bad index
 */
export function asPeakIndices(
  fn: string,
  argument: string,
  peaks: ArrayLike<number>,
  length: number,
): Int32Array {
  if (typeof peaks !== 'object' || peaks === null || typeof peaks.length !== 'number') {
    throw new InvalidArgumentError(fn, argument, peaks, 'an array of sample indices');
  }
  const out = new Int32Array(peaks.length);
  for (let k = 0; k < peaks.length; k++) {
    assertNumber(fn, `${argument}[${k}]`, peaks[k], { integer: true, min: 0, max: length - 1 });
    out[k] = peaks[k]!;
  }
  return out;
}

/**
 * SciPy's `_arg_wlen_as_expected`: `undefined` means no window (-1); otherwise a number
 * greater than 1, rounded up to an integer.
 *
 * @throws InvalidArgumentError when `wlen <= 1`
 */
export function asWlen(fn: string, wlen: number | undefined): number {
  if (wlen === undefined) return -1;
  assertNumber(fn, 'options.wlen', wlen, { greaterThan: 1 });
  return Math.ceil(wlen);
}
