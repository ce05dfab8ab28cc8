import { InvalidArgumentError } from '@mgraph/core';

/** The physical-units options of the merges (as `@mgraph/morphology`'s measures take them). */
export interface UnitOptions {
  /** Voxel size per axis, in array axis order (`[dz, dy, dx]`). Default all 1. */
  spacing?: readonly number[];
  /** Name of the length unit of `spacing` (`'um'`, `'nm'`). Default `'voxel'`. */
  unit?: string;
}

/**
 * Check `spacing` and `unit` for an `ndim`-D volume by `@mgraph/morphology`'s rules (`ndim`
 * finite positive sizes, a non-empty unit) and return the spacing as 3D (`[1, sy, sx]` in
 * 2D), so that the merged figures are computed with the same numbers as morphology's.
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
  const s = spacing ?? new Array<number>(ndim).fill(1);
  if (
    !Array.isArray(s) ||
    s.length !== ndim ||
    !s.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.spacing',
      spacing,
      `${ndim} finite positive voxel sizes, one per axis in array order`,
    );
  }
  const u = unit ?? 'voxel';
  if (typeof u !== 'string' || u.length === 0) {
    throw new InvalidArgumentError(fn, 'options.unit', unit, "a non-empty string ('um', 'nm')");
  }
  return { spacing: (ndim === 3 ? s : [1, ...s]) as [number, number, number], unit: u };
}

/** Physical volume of a grid of `size` voxels (area in 2D). @internal */
export function physicalVolume(size: number, ndim: number, spacing: readonly number[]): number {
  const [sz, sy, sx] = spacing;
  return size * (ndim === 3 ? sz! * sy! * sx! : sy! * sx!);
}
