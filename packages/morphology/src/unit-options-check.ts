import { InvalidArgumentError } from '@mgraph/core';

/**
 * Check `spacing` and `unit` of a measure on an `ndim`-D array and return them as 3D
 * (`[1, sy, sx]` in 2D). Same rules as the phase-map measures of this package: `ndim`
 * finite positive sizes in array axis order (default all 1), a non-empty unit name (default
 * `'voxel'`).
 *
 * Exported so that packages computing the same figures piecewise (`@mgraph/blocks`' merges)
 * check their units by exactly these rules.
 *
 * @param fn - the calling function's name, for the error
 * @param ndim - dimensions of the array (2 or 3)
 * @param spacing - `options.spacing` as given (`undefined`: all 1)
 * @param unit - `options.unit` as given (`undefined` or `null`: `'voxel'`)
 * @returns the spacing as 3D (`[1, sy, sx]` in 2D) and the unit name
 * @throws InvalidArgumentError naming `fn` and `options.spacing` / `options.unit`
 */
export function checkUnitOptions(
  fn: string,
  ndim: number,
  spacing: unknown,
  unit: unknown,
): { spacing: [number, number, number]; unit: string } {
  let s: number[];
  if (spacing === undefined) s = new Array<number>(ndim).fill(1);
  else if (
    Array.isArray(spacing) &&
    spacing.length === ndim &&
    spacing.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)
  ) {
    s = spacing as number[];
  } else {
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
