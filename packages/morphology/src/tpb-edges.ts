import { AbortError, type ProgressCallback } from '@mgraph/core';
import type { VoxelGrid } from './voxel-grid.js';

/**
 * Triple phase boundary edges of a map, bit-packed: one bitmap per axis along which edges
 * run (three in 3D; one in 2D, where the "edges" are the points where four pixels meet).
 * The edge along axis `d` stored at voxel index `i` (row-major) is the voxel edge shared by
 * voxel `i` and its three neighbours at -1 along the two other axes, so it exists only where
 * those coordinates are at least 1 (TauFactor's `triple_phase_boundary` indexes its map the
 * same way). Bit `i` is `(axes[d][i >> 3] >> (i & 7)) & 1`.
 */
export interface TpbEdgeMap {
  /** Shape of the phase map. */
  shape: number[];
  /** In 3D the edges along axes 0, 1, 2; in 2D one bitmap of points. `ceil(voxels / 8)` bytes each. */
  axes: Uint8Array[];
}

/**
 * Find the edges whose four surrounding voxels hold all three codes of `tpbCodes` (a fourth
 * phase may be there as well). Streams plane by plane with two plane buffers of phase bits;
 * allocates the bitmaps (3 bits per voxel in 3D) and nothing else per voxel.
 *
 * @returns the edge map and the count of edges per internal axis `[z, y, x]`
 * @internal
 */
export function tpbEdges(
  fn: string,
  grid: VoxelGrid,
  tpbCodes: readonly [number, number, number],
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): { map: TpbEdgeMap; counts: [number, number, number] } {
  const { codes, shape } = grid;
  const [nz, ny, nx] = shape;
  const plane = ny * nx;
  const lut = new Uint8Array(256);
  lut[tpbCodes[0]] = 1;
  lut[tpbCodes[1]] = 2;
  lut[tpbCodes[2]] = 4;
  const bytes = Math.ceil(grid.size / 8);
  const bz = new Uint8Array(bytes);
  const by = grid.ndim === 3 ? new Uint8Array(bytes) : bz;
  const bx = grid.ndim === 3 ? new Uint8Array(bytes) : bz;
  // phase bits of the current and previous plane, each with a leading row of zeros (row -1);
  // the previous plane of plane 0 is all zeros. A missing neighbour holds no phase, so an
  // edge with fewer than four voxels can never see all three phases and needs no test.
  let cur = new Uint8Array(plane + nx);
  let prev = new Uint8Array(plane + nx);
  let countZ = 0;
  let countY = 0;
  let countX = 0;
  for (let z = 0; z < nz; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    const base = z * plane;
    for (let j = 0; j < plane; j++) cur[nx + j] = lut[codes[base + j]!]!;
    for (let y = 0; y < ny; y++) {
      const o = (y + 1) * nx;
      const rowIndex = base + y * nx;
      // voxels at x - 1 (b: this row, d: the row above, f: previous plane), zero at x = 0
      let b = 0;
      let d = 0;
      let f = 0;
      for (let x = 0; x < nx; x++) {
        const a = cur[o + x]!;
        const c = cur[o - nx + x]!;
        const e = prev[o + x]!;
        const g = prev[o - nx + x]!;
        if ((a | b | c | d | e | f | g) === 7) {
          const i = rowIndex + x;
          const bit = 1 << (i & 7);
          if ((a | b | c | d) === 7) {
            bz[i >>> 3]! |= bit;
            countZ++;
          }
          if ((a | b | e | f) === 7) {
            by[i >>> 3]! |= bit;
            countY++;
          }
          if ((a | c | e | g) === 7) {
            bx[i >>> 3]! |= bit;
            countX++;
          }
        }
        b = a;
        d = c;
        f = e;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
    onProgress?.(z + 1, nz);
  }
  const axes = grid.ndim === 3 ? [bz, by, bx] : [bz];
  const ndShape = grid.ndim === 3 ? [nz, ny, nx] : [ny, nx];
  return { map: { shape: ndShape, axes }, counts: [countZ, countY, countX] };
}

/**
 * Candidate edges of TauFactor's `triple_phase_boundary`: the edges with four voxels,
 * `nz (ny-1)(nx-1) + ny (nz-1)(nx-1) + nx (nz-1)(ny-1)`; `(ny-1)(nx-1)` points in 2D.
 *
 * @internal
 */
export function candidateEdges(grid: VoxelGrid): number {
  const [nz, ny, nx] = grid.shape;
  if (grid.ndim === 2) return (ny - 1) * (nx - 1);
  return nz * (ny - 1) * (nx - 1) + ny * (nz - 1) * (nx - 1) + nx * (nz - 1) * (ny - 1);
}
