import { assertNumber, InvalidArgumentError } from '@mgraph/core';

/**
 * A `spacing` option checked and expanded to one voxel size per axis: one positive finite
 * number (every axis) or `ndim` of them, in the image's axis order.
 *
 * @throws InvalidArgumentError naming `name` (and the axis) for anything else
 * @internal
 */
export function checkSpacing(
  fn: string,
  name: string,
  spacing: number | readonly number[],
  ndim: number,
): number[] {
  const list = typeof spacing === 'number' ? new Array<number>(ndim).fill(spacing) : spacing;
  if (!Array.isArray(list) || list.length !== ndim) {
    throw new InvalidArgumentError(
      fn,
      name,
      spacing,
      `a positive number or ${ndim} positive numbers (voxel size per axis)`,
    );
  }
  list.forEach((s, d) => {
    assertNumber(fn, `${name}[${d}]`, s, { greaterThan: 0 });
  });
  return [...list];
}
