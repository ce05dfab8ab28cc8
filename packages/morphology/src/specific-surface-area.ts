import {
  assertCallback,
  assertSignal,
  checkOptions,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import { faceAreas, faceCounts } from './face-counts.js';
import { gridVolume, type UnitOptions, voxelGrid } from './voxel-grid.js';

/** Options of {@link specificSurfaceArea}. */
export interface SpecificSurfaceAreaOptions extends UnitOptions {
  /** Called with `(planes done, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; an aborted signal throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<SpecificSurfaceAreaOptions> = {
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** Result of {@link specificSurfaceArea}. */
export interface SpecificSurfaceAreaResult {
  /** Surface area of each phase in `unit`^2 (perimeter length in `unit` in 2D), by phase name. */
  area: Record<string, number>;
  /** `area` over the total volume of the map, in `unit`^-1, by phase name. */
  specificArea: Record<string, number>;
  /** Total volume of the map in `unit`^3 (area in `unit`^2 in 2D). */
  totalVolume: number;
  /** The length unit. */
  unit: string;
}

/**
 * Specific surface area of every phase by face counting, TauFactor's
 * `specific_surface_area(img, spacing, method='face_counting')` with its default
 * `periodic=[False, False, False]`: every voxel face between two different phases counts for
 * both phases, with its physical area from the anisotropic spacing (a face normal to axis 0
 * has area `spacing[1] * spacing[2]`); faces on the border of the map are not surfaces
 * (non-periodic). The sum is divided by the volume of the whole map (not of the phase).
 * In 2D the faces are pixel edges (length the other axis' spacing) and the result is a
 * perimeter per area.
 *
 * @param phases - 2D or 3D uint8 phase map of codes of `scheme`
 * @param scheme - the map's {@link PhaseScheme}; results are keyed by its phase names
 * @param options - `spacing` (all 1), `unit` (`'voxel'`), `onProgress`, `signal`
 * @returns surface area and specific surface area per phase (0 for absent phases)
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, a bad spacing / unit / callback / signal, or an unknown option; AbortError when
 *   `signal` is aborted
 *
 * @remarks
 * References: S. J. Cooper et al., SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002 (TauFactor; `taufactor.metrics.specific_surface_area`).
 */
export function specificSurfaceArea(
  phases: PhaseMap,
  scheme: PhaseScheme,
  options: SpecificSurfaceAreaOptions | null = {},
): SpecificSurfaceAreaResult {
  const fn = 'specificSurfaceArea';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = voxelGrid(fn, phases, scheme, opts);
  const counts = faceCounts(fn, grid, opts.onProgress, opts.signal);
  const areas = faceAreas(grid);
  const n = grid.scheme.phases.length;
  const perCode = new Float64Array(n);
  for (let axis = 0; axis < 3; axis++) {
    const c = counts[axis]!;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const faces = c[a * n + b]! * areas[axis]!;
        perCode[a]! += faces;
        perCode[b]! += faces;
      }
    }
  }
  const totalVolume = gridVolume(grid);
  const area: Record<string, number> = {};
  const specificArea: Record<string, number> = {};
  grid.scheme.phases.forEach((name, code) => {
    area[name] = perCode[code]!;
    specificArea[name] = perCode[code]! / totalVolume;
  });
  return { area, specificArea, totalVolume, unit: grid.unit };
}
