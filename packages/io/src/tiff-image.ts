import type { NdArray, TypedArray } from '@mgraph/core';
import type { TiffInfo } from './tiff-plan.js';

/**
 * What the TIFF readers return.
 *
 * - `data`: `(rows, cols)` for one page, `(pages, rows, cols)` for a stack, or the
 *   hyperstack shape of ImageJ / OME metadata (e.g. `(Z, C, rows, cols)`), row-major.
 * - `spacing`: voxel size per axis in the array's axis order (`[dz, dy, dx]` for a
 *   Z stack), or undefined when the file gives none. See `readSeries` for the rules.
 * - `unit`: the unit of `spacing` as the file writes it (`"um"`, `"µm"`, `"nm"`, ...).
 * - `axes`: one letter per axis (`"YX"`, `"ZYX"`, `"ZCYX"`, ...; `Q` for unnamed axes).
 * - `info`: how the file stores its pages.
 */
export interface TiffImage<T extends TypedArray = TypedArray> {
  data: NdArray<T>;
  spacing: number[] | undefined;
  unit: string | undefined;
  axes: string;
  info: TiffInfo;
}
