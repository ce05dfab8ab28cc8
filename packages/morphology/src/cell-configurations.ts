import { AbortError, type ProgressCallback } from '@mgraph/core';

/**
 * Visitor of {@link forEachMixedCell}: the distinct values of one cell (cube in 3D, square
 * in 2D) and, for each, its binary configuration (bit k set when corner k holds that value;
 * corner `k = dz * 4 + dy * 2 + dx`, or `dy * 2 + dx` in 2D). `n` entries are valid.
 *
 * @internal
 */
export type MixedCellVisitor = (values: Float64Array, configs: Uint8Array, n: number) => void;

/**
 * Visit every cell of a label or phase grid whose corners do not all hold the same value,
 * plane pair by plane pair (2D grids, `nz = 1`, are scanned as squares; a 3D grid of one
 * plane has no cube). Nothing is allocated per voxel.
 *
 * @throws AbortError when `signal` fires (checked per plane)
 * @internal
 */
export function forEachMixedCell(
  fn: string,
  data: ArrayLike<number>,
  shape: readonly [number, number, number],
  ndim: 2 | 3,
  visit: MixedCellVisitor,
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
): void {
  const [nz, ny, nx] = shape;
  const plane = ny * nx;
  const three = ndim === 3;
  const corner = new Float64Array(8);
  const values = new Float64Array(8);
  const configs = new Uint8Array(8);
  const corners = three ? 8 : 4;
  const planes = three ? nz - 1 : 1; // a 3D map of one plane has no cube
  const dz = three ? plane : 0;
  for (let z = 0; z < planes; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny - 1; y++) {
      const base = z * plane + y * nx;
      // the column of corners at x (rows y, y + 1 of planes z, z + 1), slid along x: four
      // reads per cell (in 2D the plane z + 1 is the plane z itself)
      let a0 = data[base]!;
      let a1 = data[base + nx]!;
      let a2 = data[base + dz]!;
      let a3 = data[base + dz + nx]!;
      for (let x = 0; x < nx - 1; x++) {
        const i = base + x + 1;
        const b0 = data[i]!;
        const b1 = data[i + nx]!;
        const b2 = data[i + dz]!;
        const b3 = data[i + dz + nx]!;
        if (
          a0 !== a1 ||
          a0 !== a2 ||
          a0 !== a3 ||
          a0 !== b0 ||
          a0 !== b1 ||
          a0 !== b2 ||
          a0 !== b3
        ) {
          // corner k = dz * 4 + dy * 2 + dx
          corner[0] = a0;
          corner[1] = b0;
          corner[2] = a1;
          corner[3] = b1;
          corner[4] = a2;
          corner[5] = b2;
          corner[6] = a3;
          corner[7] = b3;
          let n = 0;
          for (let k = 0; k < corners; k++) {
            const v = corner[k]!;
            let j = 0;
            while (j < n && values[j] !== v) j++;
            if (j === n) {
              values[n] = v;
              configs[n] = 0;
              n++;
            }
            configs[j]! |= 1 << k;
          }
          visit(values, configs, n);
        }
        a0 = b0;
        a1 = b1;
        a2 = b2;
        a3 = b3;
      }
    }
    onProgress?.(z + 1, planes);
  }
}
