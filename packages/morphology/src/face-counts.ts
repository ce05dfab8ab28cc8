import { AbortError, type ProgressCallback } from '@mgraph/core';
import type { VoxelGrid } from './voxel-grid.js';

/**
 * Faces between unlike neighbours, per axis and unordered phase pair: `counts[axis][a * n + b]`
 * with `a < b` codes (`n` phases), axes internal `[z, y, x]` (2D maps have no z faces). Faces
 * on the map's border are not counted (TauFactor's non-periodic default). One pass, no
 * per-voxel allocation.
 *
 * @internal
 */
export function faceCounts(
  fn: string,
  grid: VoxelGrid,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): Float64Array[] {
  const { codes, shape } = grid;
  const [nz, ny, nx] = shape;
  const n = grid.scheme.phases.length;
  const counts = [new Float64Array(n * n), new Float64Array(n * n), new Float64Array(n * n)];
  const [cz, cy, cx] = counts as [Float64Array, Float64Array, Float64Array];
  const plane = ny * nx;
  for (let z = 0; z < nz; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny; y++) {
      const row = (z * ny + y) * nx;
      for (let x = 0; x < nx; x++) {
        const i = row + x;
        const c = codes[i]!;
        if (x > 0) {
          const o = codes[i - 1]!;
          if (o !== c) cx[o < c ? o * n + c : c * n + o]!++;
        }
        if (y > 0) {
          const o = codes[i - nx]!;
          if (o !== c) cy[o < c ? o * n + c : c * n + o]!++;
        }
        if (z > 0) {
          const o = codes[i - plane]!;
          if (o !== c) cz[o < c ? o * n + c : c * n + o]!++;
        }
      }
    }
    onProgress?.(z + 1, nz);
  }
  return counts;
}

/**
 * Physical area of one voxel face normal to each internal axis `[z, y, x]`: the product of
 * the two other spacings in 3D, the other spacing (a length) in 2D.
 *
 * @internal
 */
export function faceAreas(grid: VoxelGrid): [number, number, number] {
  const [sz, sy, sx] = grid.spacing;
  return grid.ndim === 3 ? [sy * sx, sz * sx, sz * sy] : [0, sx, sy];
}
