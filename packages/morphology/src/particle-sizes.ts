import {
  AbortError,
  assertCallback,
  assertSignal,
  checkOptions,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import { labelGrid } from './label-grid.js';
import type { UnitOptions } from './voxel-grid.js';

/** Options of {@link particleSizes}. */
export interface ParticleSizesOptions extends UnitOptions {
  /** Called after each plane with `(planesDone, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; aborting throws core's `AbortError`. */
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
 * the ball of the particle's physical volume. One counting pass over the map (a bincount, not
 * `regionProps`, whose centroids and boxes this does not need) and one over its border
 * faces. Bin the diameters with {@link sizeHistogram}.
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
  const { labels, maxLabel } = grid;
  const [nz, ny, nx] = grid.shape;
  const plane = ny * nx;
  const counts = new Float64Array(maxLabel + 1);
  for (let z = 0; z < nz; z++) {
    if (opts.signal?.aborted) throw new AbortError(fn);
    const end = (z + 1) * plane;
    for (let i = z * plane; i < end; i++) counts[labels[i]!]!++;
    opts.onProgress?.(z + 1, nz);
  }
  const border = new Uint8Array(maxLabel + 1);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = (z * ny + y) * nx;
      const edgeRow = y === 0 || y === ny - 1 || (ndim === 3 && (z === 0 || z === nz - 1));
      if (edgeRow) for (let x = 0; x < nx; x++) border[labels[row + x]!] = 1;
      else {
        border[labels[row]!] = 1;
        border[labels[row + nx - 1]!] = 1;
      }
    }
  }
  const particles: ParticleSize[] = [];
  for (let l = 1; l <= maxLabel; l++) {
    if (counts[l] === 0) continue;
    const volume = counts[l]! * voxel;
    particles.push({
      label: l,
      voxels: counts[l]!,
      volume,
      equivalentDiameter: ((2 * ndim * volume) / Math.PI) ** (1 / ndim),
      touchesBorder: border[l] === 1,
    });
  }
  return { particles, unit: grid.unit };
}
