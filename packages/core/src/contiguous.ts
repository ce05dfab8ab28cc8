import ndarray, { type NdArray } from 'ndarray';
import { assertInBounds } from './checks.js';
import { InvalidArgumentError } from './errors.js';
import { forEachOffset, rowMajorStrides } from './strides.js';
import type { TypedArray } from './types.js';

type TypedArrayConstructor = new (length: number) => TypedArray;

/**
 * True when `arr` is a row-major array that starts at `data[0]` and spans exactly `data`:
 * its `data` can then be read as the flat image. Strides of axes of length 1 are ignored.
 */
export function isContiguous(arr: NdArray): boolean {
  if (arr.offset !== 0 || arr.data.length !== arr.size) return false;
  const expected = rowMajorStrides(arr.shape);
  for (let d = 0; d < arr.shape.length; d++) {
    if (arr.shape[d]! > 1 && arr.stride[d] !== expected[d]) return false;
  }
  return true;
}

/**
 * A contiguous row-major version of any strided view (transposed, sliced, stepped,
 * negative strides): the array itself when {@link isContiguous} already holds, else a new
 * ndarray over a fresh typed array of the same type. The input is never modified; treat
 * the result as read-only, since it may be the input.
 *
 * @param arr - any ndarray over a typed array or a plain array
 * @returns `arr`, or a row-major copy with offset 0
 * @throws InvalidArgumentError when the view addresses elements outside its data
 */
export function toContiguous<T extends NdArray>(arr: T): T {
  if (isContiguous(arr)) return arr;
  assertInBounds('toContiguous', 'arr', arr);
  return ndarray(copyData(arr), arr.shape.slice()) as unknown as T;
}

/**
 * The elements of `arr` as a flat row-major array: `arr.data` itself when contiguous,
 * otherwise a copy. Read-only by contract.
 *
 * @throws InvalidArgumentError when the view addresses elements outside its data
 */
export function flatData<D extends TypedArray>(arr: NdArray<D>): D {
  if (isContiguous(arr)) return arr.data;
  assertInBounds('flatData', 'arr', arr);
  return copyData(arr) as D;
}

function copyData(arr: NdArray): TypedArray | unknown[] {
  const src = arr.data as ArrayLike<unknown>;
  let out: TypedArray | unknown[];
  try {
    out = Array.isArray(src)
      ? new Array<unknown>(arr.size)
      : new (src.constructor as TypedArrayConstructor)(arr.size);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // e.g. a broadcast view of 1e15 elements over one byte: refused before any copy
    throw new InvalidArgumentError(
      'toContiguous',
      'arr',
      arr,
      `a view whose copy can be allocated (${arr.size} elements: ${error.message})`,
    );
  }
  const o = out as unknown as Record<number, unknown>;
  forEachOffset(arr, (i, k) => {
    o[k] = src[i];
  });
  return out;
}
