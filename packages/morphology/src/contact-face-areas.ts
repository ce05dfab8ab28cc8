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
 * per particle and phase of the neighbour, and per pair of particles. Faces are counted per
 * axis as integers and multiplied by their area at the end (no rounding from summing
 * millions of areas). Faces on the map's border are not counted. One pass, nothing
 * allocated per voxel.
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
  // counts[(label * nPhases + phase) * 3 + axis]; pair rows hold [z, y, x] face counts
  const counts = new Float64Array((maxLabel + 1) * nPhases * 3);
  const pairCounts = new Map<number, Map<number, Float64Array>>();
  const add = (i: number, j: number, axis: number) => {
    const a = labels[i]!;
    const b = labels[j]!;
    if (a === b) return;
    if (a !== 0) counts[(a * nPhases + codes[j]!) * 3 + axis]!++;
    if (b !== 0) counts[(b * nPhases + codes[i]!) * 3 + axis]!++;
    if (a !== 0 && b !== 0) {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      let row = pairCounts.get(lo);
      if (row === undefined) {
        row = new Map();
        pairCounts.set(lo, row);
      }
      let c = row.get(hi);
      if (c === undefined) {
        c = new Float64Array(3);
        row.set(hi, c);
      }
      c[axis]!++;
    }
  };
  for (let z = 0; z < nz; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny; y++) {
      const row = (z * ny + y) * nx;
      for (let x = 0; x < nx; x++) {
        const i = row + x;
        if (x > 0) add(i - 1, i, 2);
        if (y > 0) add(i - nx, i, 1);
        if (z > 0) add(i - plane, i, 0);
      }
    }
    onProgress?.(z + 1, nz);
  }
  const area = (c: ArrayLike<number>, k: number) =>
    c[k]! * face[0]! + c[k + 1]! * face[1]! + c[k + 2]! * face[2]!;
  const perPhase = new Float64Array((maxLabel + 1) * nPhases);
  for (let k = 0; k < perPhase.length; k++) perPhase[k] = area(counts, k * 3);
  const pairs = new Map<number, Map<number, number>>();
  for (const [lo, row] of pairCounts) {
    pairs.set(lo, new Map([...row].map(([hi, c]) => [hi, area(c, 0)])));
  }
  return { perPhase, pairs };
}
