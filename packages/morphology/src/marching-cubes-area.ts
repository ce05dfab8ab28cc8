import {
  assertCallback,
  assertSignal,
  checkOptions,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import { addCompensated, compensatedTotal } from './compensated-sum.js';
import { triangleArea } from './cube-geometry.js';
import { marchCubes } from './march-cubes.js';
import { scalarVolume } from './scalar-volume.js';

/** Options of {@link marchingCubesArea}. */
export interface MarchingCubesAreaOptions {
  /** Isosurface value. Default `(min + max) / 2` of the volume (in float32, as scikit-image). */
  level?: number;
  /** Voxel size per axis in array order `[dz, dy, dx]`. Default `[1, 1, 1]`. */
  spacing?: readonly number[];
  /** Length unit of `spacing`; the area is in `unit`^2. Default `'voxel'`. */
  unit?: string;
  /** Called after each plane of cubes with `(planesDone, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; aborting throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<MarchingCubesAreaOptions> = {
  level: true,
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** Result of {@link marchingCubesArea}. */
export interface IsosurfaceArea {
  /** Surface area in `unit`^2. */
  area: number;
  /** Length unit (the area's unit is its square). */
  unit: string;
}

/**
 * Area of the isosurface of a 3D volume at `level`: what
 * `mesh_surface_area(*marching_cubes(volume, level, spacing=spacing)[:2])` of scikit-image
 * returns, computed cube by cube without building the mesh (memory: the input and a few
 * numbers). Same triangulation and the same limits as {@link marchingCubes}.
 *
 * @param volume - 3D numeric ndarray, at least 2 voxels per axis, finite values
 * @param options - `level` (midpoint of the range), `spacing` (`[1, 1, 1]`), `unit`
 *   (`'voxel'`), `onProgress`, `signal`
 * @returns `{ area, unit }`, `area` 0 when the level crosses no cube
 * @throws InvalidArgumentError as {@link marchingCubes}; AbortError when `signal` fires
 *
 * References: Lewiner et al. 2003 (see {@link marchingCubes}); scikit-image
 * `mesh_surface_area`.
 */
export function marchingCubesArea(
  volume: NdArray,
  options?: MarchingCubesAreaOptions,
): IsosurfaceArea {
  const fn = 'marchingCubesArea';
  const o = checkOptions(fn, options, KEYS);
  const vol = scalarVolume(fn, volume, o.level, o.spacing, o.unit);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const area = new Float64Array(2);
  const p0 = [0, 0, 0];
  const p1 = [0, 0, 0];
  const p2 = [0, 0, 0];
  marchCubes(
    fn,
    vol.data,
    vol.shape,
    vol.level,
    vol.spacing,
    (tri, positions) => {
      for (let t = 0; t < tri.length; t += 3) {
        for (let i = 0; i < 3; i++) {
          p0[i] = positions[tri[t]! * 3 + i]!;
          p1[i] = positions[tri[t + 1]! * 3 + i]!;
          p2[i] = positions[tri[t + 2]! * 3 + i]!;
        }
        addCompensated(area, triangleArea(p0, p1, p2));
      }
    },
    o.onProgress,
    o.signal,
  );
  return { area: compensatedTotal(area), unit: vol.unit };
}
