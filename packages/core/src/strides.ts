import type { NdArray } from 'ndarray';
import { InvalidArgumentError } from './errors.js';

/**
 * Row-major (C order) strides of a shape: the last axis varies fastest.
 *
 * @throws InvalidArgumentError when a size is not an integer >= 0
 * @example rowMajorStrides([4, 5, 6]) // [30, 6, 1]
 */
export function rowMajorStrides(shape: readonly number[]): number[] {
  if (!Array.isArray(shape) || !shape.every((s) => Number.isSafeInteger(s) && s >= 0)) {
    throw new InvalidArgumentError('rowMajorStrides', 'shape', shape, 'a list of integers >= 0');
  }
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d]!;
  }
  return strides;
}

/**
 * Visit every element of a strided ndarray in row-major order, calling
 * `visit(dataIndex, flatIndex)` with the element's index into `arr.data` and its row-major
 * position. Works for any number of dimensions, negative strides and offsets.
 */
export function forEachOffset(
  arr: Pick<NdArray, 'shape' | 'stride' | 'offset'>,
  visit: (dataIndex: number, flatIndex: number) => void,
): void {
  const { shape, stride } = arr;
  const ndim = shape.length;
  let size = 1;
  for (const s of shape) size *= s;
  if (size === 0) return;
  if (ndim === 0) {
    visit(arr.offset, 0);
    return;
  }
  const counter = new Array<number>(ndim).fill(0);
  const last = ndim - 1;
  const lastLen = shape[last]!;
  const lastStride = stride[last]!;
  let base = arr.offset;
  let flat = 0;
  for (;;) {
    let p = base;
    for (let i = 0; i < lastLen; i++, p += lastStride) visit(p, flat++);
    // advance the outer counters (odometer), keeping `base` in step
    let d = last - 1;
    for (; d >= 0; d--) {
      counter[d]!++;
      base += stride[d]!;
      if (counter[d]! < shape[d]!) break;
      base -= stride[d]! * shape[d]!;
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}
