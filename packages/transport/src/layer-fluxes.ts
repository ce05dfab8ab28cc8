import type { VoxelStencil } from './voxel-stencil.js';

/**
 * The current through every plane interface normal to `axis`: the inlet face, the
 * `n - 1` interfaces between planes, and the outlet face (`n + 1` values, potential 1 before
 * plane 0 and 0 after the last). At the exact solution all are equal; TauFactor's
 * convergence check is their relative spread. Internal.
 *
 * @param x - the potential in the stencil's layout
 * @param s - the operator (its couplings along `axis` give the interior currents)
 * @param codes - phase code per voxel (row-major, unpadded)
 * @param table - conductivity per code
 * @param boundary - Dirichlet conductance of a voxel of conductivity 1 on a driving face
 * @param axis - driving axis
 * @internal
 */
export function layerFluxes(
  x: Float64Array,
  s: VoxelStencil,
  codes: Uint8Array,
  table: Float64Array,
  boundary: number,
  axis: number,
): Float64Array {
  const [n0, n1, n2] = s.dims;
  const n = s.dims[axis]!;
  const out = new Float64Array(n + 1);
  const g = s.couplings[axis]!;
  const st = s.strides[axis]!;
  const { rows, runs } = s.runs;
  for (let r = 0; r < n0 * n1; r++) {
    const i = Math.floor(r / n1);
    const j = r - i * n1;
    const base = s.offset + r * n2;
    for (let q = rows[r]!; q < rows[r + 1]!; q++) {
      const k1 = runs[2 * q + 1]!;
      for (let k = runs[2 * q]!; k < k1; k++) {
        const p = base + k;
        const at = axis === 0 ? i : axis === 1 ? j : k;
        if (at === 0) out[0]! += boundary * table[codes[p - s.offset]!]! * (1 - x[p]!);
        if (at === n - 1) out[n]! += boundary * table[codes[p - s.offset]!]! * x[p]!;
        else out[at + 1]! += g[p]! * (x[p]! - x[p + st]!);
      }
    }
  }
  return out;
}

/** `(max - min) / max` of `fluxes` (TauFactor's `relative_error`; 0 when all are 0). @internal */
export function fluxSpread(fluxes: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const f of fluxes) {
    min = Math.min(min, f);
    max = Math.max(max, f);
  }
  return max > 0 ? (max - min) / max : 0;
}
