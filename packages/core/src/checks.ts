import type { NdArray } from 'ndarray';
import { flatData } from './contiguous.js';
import { InvalidArgumentError, ShapeMismatchError } from './errors.js';
import { forEachOffset } from './strides.js';
import type { Dtype } from './types.js';

/**
 * Assert that `value` is an ndarray (scijs `ndarray` or anything with `data`, `shape`,
 * `stride`, `offset`).
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 */
export function assertNdarray(
  fn: string,
  argument: string,
  value: unknown,
): asserts value is NdArray {
  const v = value as Partial<NdArray> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    !Array.isArray(v.shape) ||
    !Array.isArray(v.stride) ||
    typeof v.offset !== 'number' ||
    v.data === undefined
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `an ndarray (scijs ndarray)${wrapHint(value)}`,
    );
  }
  assertInBounds(fn, argument, v as NdArray);
}

/**
 * How to fix the common mistake of passing a plain array or a bare typed array where an
 * ndarray is expected ('' for any other value).
 */
function wrapHint(value: unknown): string {
  const how =
    "wrap it with ndarray(data, shape) from the 'ndarray' package (import ndarray from 'ndarray')";
  if (Array.isArray(value)) {
    return `; a plain array is not one: ${how}, data a flat typed array in row-major order, e.g. ndarray(new Uint8Array(values), [rows, cols]) for a phase map`;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return `; a bare typed array is not one: ${how}, e.g. ndarray(data, [rows, cols]) or ndarray(data, [depth, rows, cols])`;
  }
  return '';
}

/**
 * Hint for a dtype mismatch on a phase map (an argument whose name says `phase`): phase maps
 * are uint8 codes, and a uint16 / float map of raw file values is converted by `applyScheme`.
 */
function dtypeHint(argument: string, list: readonly string[]): string {
  if (!list.includes('uint8') || !/phase/i.test(argument)) return '';
  return '; phase maps are uint8 codes 0..n-1 of a phase scheme: convert a map of raw file values (uint16, 0/128/255...) with applyScheme(raw, scheme) of @mgraph/core';
}

/**
 * Assert that every index an ndarray view can address lies inside its `data` (shape of
 * non-negative integers, integer strides and offset): scijs `ndarray` accepts a view larger
 * than its data, and reading it would give `undefined` (0 once copied into a typed array).
 *
 * @throws InvalidArgumentError naming `fn`, `argument`, the addressable range and the data length
 */
export function assertInBounds(fn: string, argument: string, arr: NdArray): void {
  const { shape, stride, offset } = arr;
  if (
    stride.length !== shape.length ||
    !shape.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    !stride.every((s) => Number.isSafeInteger(s)) ||
    !Number.isSafeInteger(offset)
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      arr,
      'an ndarray with a shape of non-negative integers and integer strides and offset',
    );
  }
  if (shape.some((n) => n === 0)) return;
  let lo = offset;
  let hi = offset;
  for (let d = 0; d < shape.length; d++) {
    const reach = (shape[d]! - 1) * stride[d]!;
    if (reach > 0) hi += reach;
    else lo += reach;
  }
  const length = (arr.data as ArrayLike<unknown>).length;
  if (lo < 0 || hi >= length) {
    throw new InvalidArgumentError(
      fn,
      argument,
      arr,
      `a view inside its data (it addresses elements ${lo}..${hi} of a data array of length ${length})`,
    );
  }
}

/**
 * Assert the number of dimensions.
 *
 * @param allowed - one ndim or a list, e.g. `[2, 3]` for 2D or 3D images
 * @throws InvalidArgumentError naming the actual shape
 */
export function assertNdim(
  fn: string,
  argument: string,
  arr: NdArray,
  allowed: number | readonly number[],
): void {
  assertNdarray(fn, argument, arr);
  const list = typeof allowed === 'number' ? [allowed] : allowed;
  if (!list.includes(arr.shape.length)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      arr,
      `${list.map((n) => `${n}D`).join(' or ')} (got ${arr.shape.length}D)`,
    );
  }
}

/**
 * Assert two arrays have the same shape.
 *
 * @throws ShapeMismatchError naming `argumentB`, with `a`'s shape as the expected one
 */
export function assertSameShape(
  fn: string,
  argumentA: string,
  a: NdArray,
  argumentB: string,
  b: NdArray,
): void {
  assertNdarray(fn, argumentA, a);
  assertNdarray(fn, argumentB, b);
  const same = a.shape.length === b.shape.length && a.shape.every((s, i) => s === b.shape[i]);
  if (!same) throw new ShapeMismatchError(fn, `${argumentB} (vs ${argumentA})`, a.shape, b.shape);
}

/**
 * Assert the dtype of an ndarray (scijs `dtype` strings: `'uint8'`, `'int32'`, `'float32'`...).
 *
 * @throws InvalidArgumentError naming the actual dtype
 */
export function assertDtype(
  fn: string,
  argument: string,
  arr: NdArray,
  allowed: Dtype | readonly Dtype[],
): void {
  assertNdarray(fn, argument, arr);
  const list: readonly string[] = typeof allowed === 'string' ? [allowed] : allowed;
  if (!list.includes(arr.dtype)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      arr,
      `of dtype ${list.join(' or ')} (got ${arr.dtype})${dtypeHint(argument, list)}`,
    );
  }
}

/** dtypes whose elements are numbers (scijs names). */
const NUMERIC_DTYPES: readonly string[] = [
  'int8',
  'int16',
  'int32',
  'uint8',
  'uint16',
  'uint32',
  'uint8_clamped',
  'float32',
  'float64',
];

/**
 * Assert that the elements of an ndarray are numbers: a numeric typed array, or a plain
 * array whose every element (of the view) is a number. BigInt64 arrays, strings and booleans
 * are refused: they would be converted silently or throw a raw TypeError, and `0n`, `''` and
 * `false` are not `0` (they would silently count as nonzero).
 *
 * @throws InvalidArgumentError naming `fn`, `argument` and the dtype or the first bad element
 */
export function assertNumericData(fn: string, argument: string, arr: NdArray): void {
  if (NUMERIC_DTYPES.includes(arr.dtype)) return;
  if (arr.dtype !== 'array') {
    throw new InvalidArgumentError(
      fn,
      argument,
      arr,
      `an ndarray of numbers (a numeric typed array or a plain array of numbers; got dtype ${arr.dtype})`,
    );
  }
  const flat = flatData(arr as NdArray<Float64Array>) as ArrayLike<unknown>;
  for (let k = 0; k < flat.length; k++) {
    if (typeof flat[k] !== 'number') {
      throw new InvalidArgumentError(fn, `${argument}[${k}]`, flat[k], 'a number');
    }
  }
}

/**
 * Assert every element is finite (no NaN, no +-Infinity). Accepts ndarrays (any strides)
 * and plain or typed arrays.
 *
 * @throws InvalidArgumentError naming the first offending element's row-major index and value
 */
export function assertFinite(
  fn: string,
  argument: string,
  values: NdArray | ArrayLike<number>,
): void {
  const bad = (index: number, v: number) =>
    new InvalidArgumentError(fn, `${argument}[${index}]`, v, 'a finite number');
  if (isNdarrayLike(values)) {
    const data = values.data as ArrayLike<number>;
    forEachOffset(values, (i, k) => {
      if (!Number.isFinite(data[i])) throw bad(k, data[i]!);
    });
    return;
  }
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw bad(k, values[k]!);
  }
}

/** Bounds for {@link assertNumber}; every field optional. */
export interface NumberConstraint {
  /** Require an integer. Default false. */
  integer?: boolean;
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive lower bound (e.g. 0 for "positive"). */
  greaterThan?: number;
  /** Exclusive upper bound. */
  lessThan?: number;
}

/**
 * Assert a scalar argument or option is a finite number meeting `constraint`.
 *
 * @throws InvalidArgumentError whose expectation spells out the constraint
 */
export function assertNumber(
  fn: string,
  argument: string,
  value: unknown,
  constraint: NumberConstraint = {},
): asserts value is number {
  const { integer = false, min, max, greaterThan, lessThan } = constraint;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (greaterThan === undefined || value > greaterThan) &&
    (lessThan === undefined || value < lessThan);
  if (ok) return;
  const parts = [integer ? 'an integer' : 'a finite number'];
  if (min !== undefined) parts.push(`>= ${min}`);
  if (greaterThan !== undefined) parts.push(`> ${greaterThan}`);
  if (max !== undefined) parts.push(`<= ${max}`);
  if (lessThan !== undefined) parts.push(`< ${lessThan}`);
  throw new InvalidArgumentError(fn, argument, value, parts.join(' '));
}

function isNdarrayLike(v: unknown): v is NdArray {
  const o = v as Partial<NdArray>;
  return Array.isArray(o.shape) && Array.isArray(o.stride) && typeof o.offset === 'number';
}
