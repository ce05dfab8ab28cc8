import {
  assertNdarray,
  assertNumericData,
  flatData,
  InvalidArgumentError,
  type NdArray,
} from '@mgraph/core';

/**
 * The nonzero elements of a footprint (structuring element) as coordinate offsets from its
 * centre `shape // 2` (scipy's origin 0), in row-major order, and whether every element is
 * nonzero.
 *
 * @throws InvalidArgumentError when not an ndarray of `ndim` axes with a nonzero element
 * @internal
 */
export function footprintOffsets(
  fn: string,
  argument: string,
  footprint: unknown,
  ndim: number,
): { offsets: number[][]; shape: number[]; full: boolean } {
  assertNdarray(fn, argument, footprint);
  const shape = footprint.shape.slice();
  if (shape.length !== ndim) {
    throw new InvalidArgumentError(fn, argument, footprint, `${ndim}D like the input`);
  }
  assertNumericData(fn, argument, footprint);
  const data = flatData(footprint as NdArray<Uint8Array>) as ArrayLike<unknown>;
  const offsets: number[][] = [];
  const coord = new Array<number>(ndim).fill(0);
  for (let i = 0; i < data.length; i++) {
    if (data[i]) offsets.push(coord.map((c, d) => c - Math.floor(shape[d]! / 2)));
    for (let d = ndim - 1; d >= 0; d--) {
      if (++coord[d]! < shape[d]!) break;
      coord[d] = 0;
    }
  }
  if (offsets.length === 0) {
    throw new InvalidArgumentError(fn, argument, footprint, 'a footprint with a nonzero element');
  }
  return { offsets, shape, full: offsets.length === data.length };
}
