import {
  assertFinite,
  assertNdim,
  assertNumber,
  assertNumericData,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type TypedArray,
} from '@mgraph/core';
import { checkUnitOptions } from './unit-options-check.js';

/** A checked 3D scalar volume for marching cubes. @internal */
export interface ScalarVolume {
  data: ArrayLike<number>;
  shape: [number, number, number];
  level: number;
  spacing: [number, number, number];
  unit: string;
}

/**
 * Check a volume and the `level` / `spacing` / `unit` options as scikit-image's
 * `marching_cubes` does: 3D, at least 2 voxels per axis, finite numbers (read as float32),
 * level inside the data range, default level `(min + max) / 2` computed in float32.
 *
 * @throws InvalidArgumentError naming `fn`, the argument and the value
 * @internal
 */
export function scalarVolume(
  fn: string,
  volume: NdArray,
  level: unknown,
  spacing: unknown,
  unit: unknown,
): ScalarVolume {
  assertNdim(fn, 'volume', volume, 3);
  assertNumericData(fn, 'volume', volume);
  const shape = volume.shape.slice() as [number, number, number];
  if (shape.some((n) => n < 2)) {
    throw new InvalidArgumentError(fn, 'volume', volume, 'a volume of at least 2x2x2 voxels');
  }
  const units = checkUnitOptions(fn, 3, spacing, unit);
  assertFinite(fn, 'volume', volume);
  const data = flatData(volume as NdArray<TypedArray>) as ArrayLike<number>;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = Math.fround(data[i]!);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let lv: number;
  if (level === undefined) lv = Math.fround(0.5 * Math.fround(min + max));
  else {
    assertNumber(fn, 'options.level', level);
    if (level < min || level > max) {
      throw new InvalidArgumentError(
        fn,
        'options.level',
        level,
        `a level within the volume's data range [${min}, ${max}]`,
      );
    }
    lv = level;
  }
  return { data, shape, level: lv, ...units };
}
