import { faceWeights } from './conduction-stencil.js';
import type { VoxelStencil } from './voxel-stencil.js';

/**
 * Magnitude of the flux density in each voxel of the system: per axis, the mean of the
 * currents through the voxel's two faces normal to it (Dirichlet faces included, no-flux
 * faces 0) divided by the face area; 0 outside the system. Internal.
 *
 * @param x - the potential in the stencil's layout
 * @param s - the operator
 * @param codes - phase code per voxel (row-major, unpadded)
 * @param table - conductivity per code
 * @param h - voxel size per axis
 * @param ax - driving axis
 * @returns row-major, unpadded
 * @internal
 */
export function fluxMagnitude(
  x: Float64Array,
  s: VoxelStencil,
  codes: Uint8Array,
  table: Float64Array,
  h: readonly [number, number, number],
  ax: number,
): Float64Array {
  const [n0, n1, n2] = s.dims;
  const volume = h[0] * h[1] * h[2];
  const area = h.map((v) => volume / v);
  const boundary = 2 * faceWeights(h)[ax]!;
  const out = new Float64Array(n0 * n1 * n2);
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      for (let k = 0; k < n2; k++) {
        const v = (i * n1 + j) * n2 + k;
        const p = v + s.offset;
        if (s.diagonal[p] === 0) continue;
        const at = [i, j, k];
        let sq = 0;
        for (let d = 0; d < 3; d++) {
          const st = s.strides[d]!;
          const g = s.couplings[d]!;
          // Current leaving through the lower face (towards p - st) and the upper face; a
          // coupling is 0 across an edge of the grid or towards a voxel outside the system.
          let lower = at[d]! > 0 ? g[p - st]! * (x[p]! - x[p - st]!) : 0;
          let upper = at[d]! < s.dims[d]! - 1 ? g[p]! * (x[p + st]! - x[p]!) : 0;
          if (d === ax) {
            const gb = boundary * table[codes[v]!]!;
            if (at[d] === 0) lower = gb * (x[p]! - 1);
            if (at[d] === s.dims[d]! - 1) upper = gb * (0 - x[p]!);
          }
          const q = (0.5 * (lower + upper)) / area[d]!;
          sq += q * q;
        }
        out[v] = Math.sqrt(sq);
      }
    }
  }
  return out;
}
