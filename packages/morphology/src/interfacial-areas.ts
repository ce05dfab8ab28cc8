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

/** Options of {@link interfacialAreas}. */
export interface InterfacialAreasOptions extends UnitOptions {
  /** Called with `(planes done, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; an aborted signal throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<InterfacialAreasOptions> = {
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** One phase pair of {@link InterfacialAreasResult}. */
export interface InterfacialArea {
  /** The two phase names, in code order. */
  phases: [string, string];
  /** Interface area in `unit`^2 (length in `unit` in 2D). */
  area: number;
  /** `area` over the total volume of the map, in `unit`^-1. */
  specificArea: number;
}

/** Result of {@link interfacialAreas}. */
export interface InterfacialAreasResult {
  /** Every unordered pair of the scheme's phases, in code order (`(0,1), (0,2), ..., (1,2)`). */
  pairs: InterfacialArea[];
  /** Total volume of the map in `unit`^3 (area in `unit`^2 in 2D). */
  totalVolume: number;
  /** The length unit. */
  unit: string;
}

/**
 * Interfacial area of every phase pair by face counting, TauFactor's
 * `interfacial_areas(img, spacing, method='face_counting', periodic=[False]*3,
 * normalize=True)`: voxel faces between a voxel of one phase and one of the other, each with
 * its physical area from the anisotropic spacing, border faces not counted (non-periodic);
 * `specificArea` is normalised by the volume of the whole map (TauFactor's `normalize=True`),
 * `area` is not. Unlike TauFactor every pair of the scheme is listed, absent ones with 0.
 * The per-phase sums of these pairs are {@link specificSurfaceArea}.
 *
 * @param phases - 2D or 3D uint8 phase map of codes of `scheme`
 * @param scheme - the map's {@link PhaseScheme}
 * @param options - `spacing` (all 1), `unit` (`'voxel'`), `onProgress`, `signal`
 * @returns area and specific area of every pair
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, a bad spacing / unit / callback / signal, or an unknown option; AbortError when
 *   `signal` is aborted
 *
 * @remarks
 * References: S. J. Cooper et al., SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002 (TauFactor; `taufactor.metrics.interfacial_areas`).
 */
export function interfacialAreas(
  phases: PhaseMap,
  scheme: PhaseScheme,
  options: InterfacialAreasOptions | null = {},
): InterfacialAreasResult {
  const fn = 'interfacialAreas';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = voxelGrid(fn, phases, scheme, opts);
  const counts = faceCounts(fn, grid, opts.onProgress, opts.signal);
  const areas = faceAreas(grid);
  const names = grid.scheme.phases;
  const n = names.length;
  const totalVolume = gridVolume(grid);
  const pairs: InterfacialArea[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let area = 0;
      for (let axis = 0; axis < 3; axis++) area += counts[axis]![a * n + b]! * areas[axis]!;
      pairs.push({ phases: [names[a]!, names[b]!], area, specificArea: area / totalVolume });
    }
  }
  return { pairs, totalVolume, unit: grid.unit };
}
