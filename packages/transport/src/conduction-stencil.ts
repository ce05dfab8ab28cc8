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
  const plain = [n1 * n2, n2, 1];
  const weight = faceWeights(spacing);
  const couplings: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(length),
    new Float64Array(length),
    new Float64Array(length),
  ];
  const diagonal = new Float64Array(length);
  const rhs = new Float64Array(length);
  const boundary = 2 * weight[axis]!;
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      for (let k = 0; k < n2; k++) {
        const v = i * plain[0]! + j * n2 + k;
        if (!live[v]) continue;
        const p = v + offset;
        const a = table[codes[v]!]!;
        const at = [i, j, k];
        for (let d = 0; d < 3; d++) {
          if (at[d] === dims[d]! - 1) continue;
          const w = v + plain[d]!;
          if (!live[w]) continue;
          const b = table[codes[w]!]!;
          const g = ((2 * a * b) / (a + b)) * weight[d]!;
          couplings[d]![p] = g;
          diagonal[p]! += g;
          diagonal[p + strides[d]!]! += g;
        }
        if (at[axis] === 0) {
          rhs[p] = boundary * a;
          diagonal[p]! += boundary * a;
        }
        if (at[axis] === dims[axis]! - 1) diagonal[p]! += boundary * a;
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
