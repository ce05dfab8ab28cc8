import {
  assertDtype,
  assertNdarray,
  assertNumber,
  assertNumericData,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type NumberConstraint,
  type TypedArray,
} from '@mgraph/core';
import ndarray from 'ndarray';

/**
 * The elements of `input` as a row-major Float64Array (`input.data` itself when it already
 * is a contiguous Float64Array: read-only by contract) and its shape.
 *
 * @throws InvalidArgumentError when `input` is not an ndarray or has no element
 * @internal
 */
export function floatElements(
  fn: string,
  argument: string,
  input: unknown,
): { data: Float64Array; shape: number[] } {
  assertNdarray(fn, argument, input);
  if (input.shape.length === 0) {
    throw new InvalidArgumentError(fn, argument, input, 'an ndarray with at least one axis');
  }
  assertNumericData(fn, argument, input);
  const flat = flatData(input as NdArray<Float64Array>);
  const data = flat instanceof Float64Array ? flat : Float64Array.from(flat as ArrayLike<number>);
  return { data, shape: input.shape.slice() };
}

/**
 * The most elements a Gaussian kernel may have (2 radius + 1 <= 2^24 + 1: 128 MiB of
 * float64 weights); a larger one is refused before it is allocated.
 *
 * @internal
 */
export const MAX_KERNEL_RADIUS = 2 ** 23;

type TypedArrayConstructor = new (values: ArrayLike<number>) => TypedArray;

/**
 * `values` as a new contiguous ndarray of `like`'s dtype (Float64Array for a plain-array
 * ndarray): scipy's filters return the input's dtype. Assignment follows typed arrays'
 * conversion (integers truncate toward zero, `uint8_clamped` rounds).
 *
 * @internal
 */
export function likeInput(like: NdArray, values: Float64Array, shape: number[]): NdArray {
  const data = like.data as unknown;
  if (data instanceof Float64Array || !ArrayBuffer.isView(data)) return ndarray(values, shape);
  const Ctor = (data as TypedArray).constructor as TypedArrayConstructor;
  return ndarray(new Ctor(values), shape);
}

/** Integer dtypes scipy accepts for labels. @internal */
export const INTEGER_DTYPES = [
  'int8',
  'int16',
  'int32',
  'uint8',
  'uint16',
  'uint32',
  'uint8_clamped',
] as const;

/**
 * Validate an integer-typed ndarray (labels) with at least one axis.
 *
 * @internal
 */
export function assertIntegerArray(fn: string, argument: string, input: unknown): NdArray {
  assertNdarray(fn, argument, input);
  if (input.shape.length === 0) {
    throw new InvalidArgumentError(fn, argument, input, 'an ndarray with at least one axis');
  }
  assertDtype(fn, argument, input, INTEGER_DTYPES);
  return input;
}

/**
 * Per-axis values: one number for every axis, or one per axis.
 *
 * @throws InvalidArgumentError unless a number or `ndim` numbers, each passing `check`
 * @internal
 */
export function perAxis(
  fn: string,
  argument: string,
  value: number | readonly number[],
  ndim: number,
  constraint: NumberConstraint,
): number[] {
  const list = typeof value === 'number' ? new Array<number>(ndim).fill(value) : value;
  if (!Array.isArray(list) || list.length !== ndim) {
    throw new InvalidArgumentError(fn, argument, value, `a number or ${ndim} numbers`);
  }
  list.forEach((v, d) => {
    assertNumber(fn, typeof value === 'number' ? argument : `${argument}[${d}]`, v, constraint);
  });
  return [...list];
}
