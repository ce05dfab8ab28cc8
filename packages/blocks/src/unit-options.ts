import { checkUnitOptions } from '@mgraph/morphology';

/** The physical-units options of the merges (as `@mgraph/morphology`'s measures take them). */
export interface UnitOptions {
  /** Voxel size per axis, in array axis order (`[dz, dy, dx]`). Default all 1. */
  spacing?: readonly number[];
  /** Name of the length unit of `spacing` (`'um'`, `'nm'`). Default `'voxel'`. */
  unit?: string;
}

/**
 * Check `spacing` and `unit` for an `ndim`-D volume by `@mgraph/morphology`'s rules
 * ({@link checkUnitOptions}: `ndim` finite positive sizes, a non-empty unit) and return the
 * spacing as 3D (`[1, sy, sx]` in 2D), so that the merged figures are computed with the same
 * numbers as morphology's. A `null` spacing is taken as the default (all 1), as before.
 *
 * @throws InvalidArgumentError naming `options.spacing` / `options.unit`
 * @internal
 */
export function checkUnits(
  fn: string,
  ndim: number,
  spacing: unknown,
  unit: unknown,
): { spacing: [number, number, number]; unit: string } {
  return checkUnitOptions(fn, ndim, spacing ?? undefined, unit);
}

/** Physical volume of a grid of `size` voxels (area in 2D). @internal */
export function physicalVolume(size: number, ndim: number, spacing: readonly number[]): number {
  const [sz, sy, sx] = spacing;
  return size * (ndim === 3 ? sz! * sy! * sx! : sy! * sx!);
}
