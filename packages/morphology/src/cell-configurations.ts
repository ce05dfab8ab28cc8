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
 * plane pair by plane pair (2D grids, `nz = 1`, are scanned as squares). Nothing is
 * allocated per voxel.
 *
 * @throws AbortError when `signal` fires (checked per plane)
 * @internal
 */
export function forEachMixedCell(
  fn: string,
  data: ArrayLike<number>,
  shape: readonly [number, number, number],
  visit: MixedCellVisitor,
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
): void {
  const [nz, ny, nx] = shape;
  const plane = ny * nx;
  const corners = nz === 1 ? 4 : 8;
  const step = Array.from(
    { length: corners },
    (_, k) => ((k >> 2) & 1) * plane + ((k >> 1) & 1) * nx + (k & 1),
  );
  const values = new Float64Array(8);
  const configs = new Uint8Array(8);
  const planes = nz === 1 ? 1 : nz - 1;
  for (let z = 0; z < planes; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny - 1; y++) {
      let base = z * plane + y * nx;
      for (let x = 0; x < nx - 1; x++, base++) {
        const first = data[base]!;
        let mixed = false;
        for (let k = 1; k < corners; k++) {
          if (data[base + step[k]!] !== first) {
            mixed = true;
            break;
          }
        }
        if (!mixed) continue;
        let n = 0;
        for (let k = 0; k < corners; k++) {
          const v = data[base + step[k]!]!;
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
    }
    onProgress?.(z + 1, planes);
  }
}
