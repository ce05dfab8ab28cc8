import { rowMajorStrides } from '@mgraph/core';

/**
 * Peak spacing, as scikit-image's `ensure_spacing` (`skimage/_shared/coord.py`): walk the
 * candidates in the given order (highest first) and keep one when no kept peak lies closer
 * than `spacing` in the Minkowski `pNorm` distance, stopping after `maxOut` kept peaks.
 * scikit-image finds the close pairs with a k-d tree; here the kept peaks are bucketed on a
 * grid of cells `spacing` wide, so that a peak closer than `spacing` lies in one of the
 * `3^ndim` cells around.
 *
 * @param order - flat (row-major) indices of the candidates, in the order they are tried
 * @param shape - shape of the array the indices point into
 * @param spacing - minimum distance between kept peaks (0 keeps every candidate)
 * @param pNorm - Minkowski p (1, 2, ..., Infinity = Chebyshev)
 * @param maxOut - keep at most this many peaks (Infinity = all)
 * @param scale - voxel size per axis: distances (and `spacing`) are then physical, the
 *   coordinate along axis `d` times `scale[d]`; default 1 on every axis (index distances)
 * @returns coordinates of the kept peaks, in `order`'s order
 * @internal
 */
export function ensureSpacing(
  order: ArrayLike<number>,
  shape: readonly number[],
  spacing: number,
  pNorm: number,
  maxOut: number,
  scale?: readonly number[],
): number[][] {
  const strides = rowMajorStrides(shape);
  const ndim = shape.length;
  const size = scale ?? new Array<number>(ndim).fill(1);
  // grid padded by one cell on each side, so that every probe stays inside; cells at least
  // one voxel wide on every axis, so the grid is never finer than the image
  const cell = Math.max(spacing, ...size);
  const dims = shape.map((s, d) => Math.floor(((s - 1) * size[d]!) / cell) + 3);
  const cellStrides = rowMajorStrides(dims);
  const probes: number[] = [];
  for (let n = 0; n < 3 ** ndim; n++) {
    let rest = n;
    let off = 0;
    for (let d = 0; d < ndim; d++) {
      off += ((rest % 3) - 1) * cellStrides[d]!;
      rest = Math.floor(rest / 3);
    }
    probes.push(off);
  }
  const grid = new Map<number, number[][]>();
  const kept: number[][] = [];
  for (let k = 0; k < order.length && kept.length < maxOut; k++) {
    const i = order[k]!;
    const c = shape.map((s, d) => Math.floor(i / strides[d]!) % s);
    const p = scale === undefined ? c : c.map((x, d) => x * size[d]!);
    const key = p.reduce((acc, x, d) => acc + (Math.floor(x / cell) + 1) * cellStrides[d]!, 0);
    let free = true;
    if (spacing > 0) {
      for (let n = 0; n < probes.length && free; n++) {
        for (const q of grid.get(key + probes[n]!) ?? []) {
          if (minkowski(p, q, pNorm) < spacing) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.push(c);
    const bucket = grid.get(key);
    if (bucket === undefined) grid.set(key, [p]);
    else bucket.push(p);
  }
  return kept;
}

/** Minkowski distance of order `p` (Infinity = Chebyshev), as `scipy.spatial.distance.minkowski`. */
function minkowski(a: number[], b: number[], p: number): number {
  let s = 0;
  if (p === Number.POSITIVE_INFINITY) {
    for (let d = 0; d < a.length; d++) s = Math.max(s, Math.abs(a[d]! - b[d]!));
    return s;
  }
  if (p === 1) {
    for (let d = 0; d < a.length; d++) s += Math.abs(a[d]! - b[d]!);
    return s;
  }
  if (p === 2) {
    for (let d = 0; d < a.length; d++) s += (a[d]! - b[d]!) ** 2;
    return Math.sqrt(s);
  }
  for (let d = 0; d < a.length; d++) s += Math.abs(a[d]! - b[d]!) ** p;
  return s ** (1 / p);
}
