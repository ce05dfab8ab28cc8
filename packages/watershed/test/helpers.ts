import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ndarray, { type NdArray } from 'ndarray';
import { loadFixture as load } from '../../../test-utils/fixtures.js';

/** A fixture array: `{ shape, dtype, data }` (row-major). */
export interface FixtureArray {
  shape: number[];
  dtype: 'uint8' | 'int32' | 'float64';
  data: (number | null)[];
}

const here = dirname(fileURLToPath(import.meta.url));

/** A fixture of `test/fixtures/` (shared ones from `$MGRAPH_FIXTURES` when set). */
export function loadFixture<T = unknown>(name: string): T {
  return load<T>(join(here, 'fixtures'), name);
}

/** A fixture array as an ndarray over the matching typed array. */
export function toNd(a: FixtureArray): NdArray {
  const data = a.data.map((v) => (v === null ? Number.NaN : v));
  const typed =
    a.dtype === 'uint8'
      ? Uint8Array.from(data)
      : a.dtype === 'int32'
        ? Int32Array.from(data)
        : Float64Array.from(data);
  return ndarray(typed, a.shape);
}

/** Row-major flat index of a coordinate. */
export function flatIndex(shape: readonly number[], coord: readonly number[]): number {
  return coord.reduce((s, x, d) => s * shape[d]! + x, 0);
}

/**
 * An n x n image of the 11 values `(7 x + 3 y) mod 11`: every value recurs 11 pixels apart
 * along x, so markers placed on it share values (floods that start in the heap phase).
 */
export function residueImage(n: number): NdArray {
  const image = ndarray(new Float64Array(n * n), [n, n]);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) image.set(y, x, (x * 7 + y * 3) % 11);
  return image;
}
