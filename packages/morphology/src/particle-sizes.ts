import {
  assertCallback,
  assertSignal,
  checkOptions,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import { regionProps } from '@mgraph/watershed';
import { labelGrid } from './label-grid.js';
import type { UnitOptions } from './voxel-grid.js';

/** Options of {@link particleSizes}. */
export interface ParticleSizesOptions extends UnitOptions {
  /** Called by the region measurement with `(done, total)`. */
  onProgress?: ProgressCallback;
  /** Checked between regions; aborting throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<ParticleSizesOptions> = {
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** One particle of {@link ParticleSizesResult}. */
export interface ParticleSize {
  /** The particle's label. */
  label: number;
  /** Voxel (pixel) count. */
  voxels: number;
  /** Volume in `unit`^3 (area in `unit`^2 in 2D): `voxels` times the voxel volume. */
  volume: number;
  /**
   * Diameter of the ball (disc in 2D) of the same volume, in `unit`:
   * `(6 volume / pi)^(1/3)`, `(4 area / pi)^(1/2)` in 2D.
   */
  equivalentDiameter: number;
  /** Whether the particle touches the map's border (its size may be cut). */
  touchesBorder: boolean;
}

/** Result of {@link particleSizes}. */
export interface ParticleSizesResult {
  /** One entry per label present, by increasing label. */
  particles: ParticleSize[];
  /** The length unit. */
  unit: string;
}

/**
 * Particle size distribution of an instance map: volume and equivalent diameter of every
 * particle in physical units, with anisotropic voxels. With spacing 1 `equivalentDiameter`
 * is scikit-image's `regionprops(labels).equivalent_diameter_area`; with a spacing it is
 * what `regionprops(labels, spacing=spacing)` (scikit-image >= 0.20) gives: the diameter of
 * the ball of the particle's physical volume. Counts and bounding boxes come from
 * `regionProps` of `@mgraph/watershed` (convex hulls not computed). Bin the diameters with
 * {@link sizeHistogram}.
 *
 * @param instances - 2D or 3D label map (int32 / uint32 / uint16 / uint8), 0 = no particle
 * @param options - `spacing` (all 1), `unit` (`'voxel'`), `onProgress`, `signal`
 * @returns one entry per particle, by label
 * @throws InvalidArgumentError for a map that is not a 2D / 3D integer ndarray, a negative
 *   label, a bad spacing or unit, an unknown option; AbortError when `signal` fires
 *
 * @remarks
 * References: scikit-image `regionprops` (`equivalent_diameter_area`, `spacing`).
 */
export function particleSizes(
  instances: NdArray,
  options: ParticleSizesOptions | null = {},
): ParticleSizesResult {
  const fn = 'particleSizes';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = labelGrid(fn, 'instances', instances, opts.spacing, opts.unit);
  const [sz, sy, sx] = grid.spacing;
  const ndim = grid.ndim;
  const voxel = ndim === 3 ? sz * sy * sx : sy * sx;
  const shape = instances.shape;
  const props = regionProps(instances, {
    convex: false,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  const particles = props.map((r) => {
    const volume = r.area * voxel;
    return {
      label: r.label,
      voxels: r.area,
      volume,
      equivalentDiameter: ((2 * ndim * volume) / Math.PI) ** (1 / ndim),
      touchesBorder: shape.some((n, d) => r.bbox[d] === 0 || r.bbox[d + ndim] === n),
    };
  });
  return { particles, unit: grid.unit };
}
