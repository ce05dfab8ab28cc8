import { argsortNumpy, assertNdim, assertNumber, type NdArray } from '@mgraph/core';

/**
 * Check that `arr` is a 2D or 3D ndarray.
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 * @internal
 */
export function assertImage(fn: string, argument: string, arr: unknown): asserts arr is NdArray {
  assertNdim(fn, argument, arr as NdArray, [2, 3]);
}

/**
 * Validate a connectivity option (1 = faces ... ndim = faces, edges and corners).
 *
 * @throws InvalidArgumentError when not an integer in 1..ndim
 * @internal
 */
export function checkConnectivity(fn: string, connectivity: unknown, ndim: number): number {
  assertNumber(fn, 'options.connectivity', connectivity, { integer: true, min: 1, max: ndim });
  return connectivity;
}

/**
 * Coordinate offsets of the neighbours of a pixel for a connectivity (offsets whose number
 * of nonzero components is at most `connectivity`), ordered as scikit-image orders them:
 * row-major enumeration of the 3^ndim structuring element, then numpy's (unstable) argsort
 * of the Euclidean distance to the centre, centre dropped.
 *
 * @returns one `ndim`-long array per neighbour
 * @internal
 */
export function neighborOffsets(ndim: number, connectivity: number): number[][] {
  const all: number[][] = [];
  const total = 3 ** ndim;
  for (let k = 0; k < total; k++) {
    const off = new Array<number>(ndim);
    let rest = k;
    let nonzero = 0;
    for (let d = ndim - 1; d >= 0; d--) {
      off[d] = (rest % 3) - 1;
      rest = Math.floor(rest / 3);
      if (off[d] !== 0) nonzero++;
    }
    if (nonzero <= connectivity) all.push(off);
  }
  const dist = all.map((o) => Math.sqrt(o.reduce((s, x) => s + x * x, 0)));
  const order = argsortNumpy(dist);
  return Array.from(order.subarray(1), (i) => all[i]!);
}

/** Flat (raveled) offsets of coordinate offsets in an array with the given row-major strides. */
export function ravelOffsets(offsets: readonly number[][], strides: readonly number[]): Int32Array {
  return Int32Array.from(offsets, (o) => o.reduce((s, x, d) => s + x * strides[d]!, 0));
}
