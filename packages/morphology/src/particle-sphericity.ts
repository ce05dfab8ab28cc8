import {
  assertCallback,
  assertSignal,
  checkOptions,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import { labelGrid } from './label-grid.js';
import { particleSizes } from './particle-sizes.js';
import { particleSurfaceAreas } from './particle-surface-areas.js';
import type { UnitOptions } from './voxel-grid.js';

/** Options of {@link particleSphericity}. */
export interface ParticleSphericityOptions extends UnitOptions {
  /** Called after each plane of cubes with `(planesDone, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; aborting throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<ParticleSphericityOptions> = {
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** One particle of {@link ParticleSphericityResult}. */
export interface ParticleShape {
  /** The particle's label. */
  label: number;
  /** Volume in `unit`^3 (area in `unit`^2 in 2D), voxel count times the voxel volume. */
  volume: number;
  /** Marching-cubes surface area in `unit`^2 (contour length in `unit` in 2D). */
  surfaceArea: number;
  /**
   * `pi^(1/3) (6 volume)^(2/3) / surfaceArea` (Wadell's sphericity: area of the ball of the
   * same volume over the particle's area); in 2D `2 sqrt(pi area) / perimeter` (perimeter of
   * the disc of the same area over the particle's). NaN when the surface area is 0.
   */
  sphericity: number;
  /** Whether the particle touches the map's border (its surface is cut open there). */
  touchesBorder: boolean;
}

/** Result of {@link particleSphericity}. */
export interface ParticleSphericityResult {
  /** One entry per label present, by increasing label. */
  particles: ParticleShape[];
  /** The length unit. */
  unit: string;
}

/**
 * Sphericity of every particle of an instance map from its marching-cubes surface area:
 * the area of each particle is scikit-image's
 * `mesh_surface_area(*marching_cubes(labels == l, 0.5, spacing=spacing)[:2])` (the same
 * triangulation as {@link marchingCubesAreas}), computed for all particles in one pass over
 * the cubes; the volume is the voxel count times the voxel volume. Marching cubes on a
 * voxelised ball overestimates its area by several percent, so a digitised ball scores
 * below 1 (see the README for measured values). Particles cut by the map's border have
 * open surfaces and are flagged by `touchesBorder`.
 *
 * @param instances - 2D or 3D label map (int32 / uint32 / uint16 / uint8), 0 = no particle
 * @param options - `spacing` (all 1), `unit` (`'voxel'`), `onProgress`, `signal`
 * @returns one entry per particle, by label
 * @throws InvalidArgumentError as {@link particleSizes}; AbortError when `signal` fires
 *
 * @remarks
 * References: H. Wadell, "Volume, shape, and roundness of quartz particles", J. Geology 43
 * (1935) 250-280, doi:10.1086/624298; Lewiner et al. 2003 (see {@link marchingCubes}).
 */
export function particleSphericity(
  instances: NdArray,
  options: ParticleSphericityOptions | null = {},
): ParticleSphericityResult {
  const fn = 'particleSphericity';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = labelGrid(fn, 'instances', instances, opts.spacing, opts.unit);
  const areas = particleSurfaceAreas(fn, grid, opts.onProgress, opts.signal);
  const sizes = particleSizes(instances, {
    spacing: opts.spacing,
    unit: opts.unit,
    signal: opts.signal,
  });
  const particles = sizes.particles.map((p) => {
    const a = areas[p.label]!;
    const ideal =
      grid.ndim === 3
        ? Math.PI ** (1 / 3) * (6 * p.volume) ** (2 / 3)
        : 2 * Math.sqrt(Math.PI * p.volume);
    return {
      label: p.label,
      volume: p.volume,
      surfaceArea: a,
      sphericity: a > 0 ? ideal / a : Number.NaN,
      touchesBorder: p.touchesBorder,
    };
  });
  return { particles, unit: grid.unit };
}
