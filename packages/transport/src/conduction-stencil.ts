import { layoutOf, liveRuns, type VoxelStencil } from './voxel-stencil.js';

/**
 * The finite-volume system of steady conduction between the two faces normal to `axis`:
 * face conductance between neighbours = harmonic mean of their conductivities x face area /
 * centre distance; on a driving face, conductivity x face area / half the voxel size (the
 * fixed value sits on the outer face of the first / last voxel, as TauFactor); no flux
 * through the other faces. Only `live` voxels take part. Internal.
 *
 * @param codes - phase code of each voxel (row-major over `dims`)
 * @param table - conductivity of each phase code
 * @param live - 1 for the voxels of the system (percolating, conducting)
 * @param dims - `[n0, n1, n2]`
 * @param spacing - voxel size per axis `[h0, h1, h2]`
 * @param axis - driving axis
 * @returns the operator, and the right-hand side of potential 1 on the face before plane 0
 *   and 0 on the face after the last plane (in the stencil's layout)
 * @internal
 */
export function conductionStencil(
  codes: Uint8Array,
  table: Float64Array,
  live: Uint8Array,
  dims: readonly [number, number, number],
  spacing: readonly [number, number, number],
  axis: number,
): { stencil: VoxelStencil; rhs: Float64Array } {
  const [n0, n1, n2] = dims;
  const { strides, offset, length } = layoutOf(dims);
  const plain0 = n1 * n2;
  const weight = faceWeights(spacing);
  const couplings: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(length),
    new Float64Array(length),
    new Float64Array(length),
  ];
  const diagonal = new Float64Array(length);
  const rhs = new Float64Array(length);
  const boundary = 2 * weight[axis]!;
  const [w0, w1, w2] = weight as [number, number, number];
  const [t0, t1, t2] = strides;
  const [g0, g1, g2] = couplings;
  const last = dims[axis]! - 1;
  for (let i = 0; i < n0; i++) {
    const down = i < n0 - 1;
    for (let j = 0; j < n1; j++) {
      const south = j < n1 - 1;
      const row = (i * n1 + j) * n2;
      for (let k = 0; k < n2; k++) {
        const v = row + k;
        if (!live[v]) continue;
        const p = v + offset;
        const a = table[codes[v]!]!;
        // Couplings to the next neighbour along each axis, when it takes part.
        if (k < n2 - 1 && live[v + 1]) {
          const b = table[codes[v + 1]!]!;
          const g = ((2 * a * b) / (a + b)) * w2;
          g2[p] = g;
          diagonal[p]! += g;
          diagonal[p + t2]! += g;
        }
        if (south && live[v + n2]) {
          const b = table[codes[v + n2]!]!;
          const g = ((2 * a * b) / (a + b)) * w1;
          g1[p] = g;
          diagonal[p]! += g;
          diagonal[p + t1]! += g;
        }
        if (down && live[v + plain0]) {
          const b = table[codes[v + plain0]!]!;
          const g = ((2 * a * b) / (a + b)) * w0;
          g0[p] = g;
          diagonal[p]! += g;
          diagonal[p + t0]! += g;
        }
        const at = axis === 0 ? i : axis === 1 ? j : k;
        if (at === 0) {
          rhs[p] = boundary * a;
          diagonal[p]! += boundary * a;
        }
        if (at === last) diagonal[p]! += boundary * a;
      }
    }
  }
  const inverse = new Float64Array(length);
  for (let p = offset; p < offset + n0 * n1 * n2; p++) {
    if (diagonal[p]! > 0) inverse[p] = 1 / diagonal[p]!;
  }
  const runs = liveRuns(dims, offset, diagonal);
  return { stencil: { dims, strides, offset, couplings, diagonal, inverse, runs }, rhs };
}

/**
 * Face area / centre distance per axis: the conductance factor of a face normal to it
 * (2D grids are one voxel of size 1 deep).
 *
 * @internal
 */
export function faceWeights(spacing: readonly [number, number, number]): number[] {
  const volume = spacing[0] * spacing[1] * spacing[2];
  return spacing.map((h) => volume / (h * h));
}
