import type { NdArray, TypedArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { as3d } from './as-3d.js';

/**
 * The box `[start, start + ext)` of `arr` as a fresh row-major ndarray of its dtype
 * (rows copied with `set` when the last axis is contiguous).
 */
export function copyBox(arr: NdArray, start: number[], ext: number[]): NdArray {
  const src = arr.data as TypedArray;
  const out = new (src.constructor as new (n: number) => TypedArray)(
    ext.reduce((a, b) => a * b, 1),
  );
  const view = arr.lo(...start).hi(...ext);
  const [nz, ny, nx] = as3d(ext);
  const [sz, sy, sx] = view.stride.length === 3 ? view.stride : [0, ...view.stride];
  for (let z = 0, k = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++, k += nx) {
      const at = view.offset + z * sz! + y * sy!;
      if (sx === 1 && typeof src.subarray === 'function') out.set(src.subarray(at, at + nx), k);
      else for (let x = 0; x < nx; x++) out[k + x] = src[at + x * sx!]!;
    }
  }
  return ndarray(out, ext);
}
