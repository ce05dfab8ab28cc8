import { AbortError, type ProgressCallback } from '@mgraph/core';

/** Face-counting contact areas of every particle, see {@link contactFaceAreas}. @internal */
export interface ContactFaceAreas {
  /** `perPhase[l * nPhases + p]`: area between particle `l` and voxels of phase `p` outside it. */
  perPhase: Float64Array;
  /** `pairs.get(a).get(b)` (a < b): area between particles `a` and `b`. */
  pairs: Map<number, Map<number, number>>;
}

/**
 * Voxel faces between each particle and its face neighbours outside it, each face with its
 * physical area (the product of the other axes' spacing in 3D, the other spacing in 2D):
 * per particle and phase of the neighbour, and per pair of particles. Faces on the map's
 * border are not counted. One pass, nothing allocated per voxel.
 *
 * @internal
 */
export function contactFaceAreas(
  fn: string,
  labels: ArrayLike<number>,
  codes: Uint8Array,
  shape: readonly [number, number, number],
  spacing: readonly [number, number, number],
  ndim: 2 | 3,
  nPhases: number,
  maxLabel: number,
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
): ContactFaceAreas {
  const [nz, ny, nx] = shape;
  const [sz, sy, sx] = spacing;
  const face = ndim === 3 ? [sy * sx, sz * sx, sz * sy] : [0, sx, sy];
  const plane = ny * nx;
  const perPhase = new Float64Array((maxLabel + 1) * nPhases);
  const pairs = new Map<number, Map<number, number>>();
  const add = (i: number, j: number, area: number) => {
    const a = labels[i]!;
    const b = labels[j]!;
    if (a === b) return;
    if (a !== 0) perPhase[a * nPhases + codes[j]!]! += area;
    if (b !== 0) perPhase[b * nPhases + codes[i]!]! += area;
    if (a !== 0 && b !== 0) {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      let row = pairs.get(lo);
      if (row === undefined) {
        row = new Map();
        pairs.set(lo, row);
      }
      row.set(hi, (row.get(hi) ?? 0) + area);
    }
  };
  for (let z = 0; z < nz; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny; y++) {
      const row = (z * ny + y) * nx;
      for (let x = 0; x < nx; x++) {
        const i = row + x;
        if (x > 0) add(i - 1, i, face[2]!);
        if (y > 0) add(i - nx, i, face[1]!);
        if (z > 0) add(i - plane, i, face[0]!);
      }
    }
    onProgress?.(z + 1, nz);
  }
  return { perPhase, pairs };
}
