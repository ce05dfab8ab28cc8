import { checkOptions, type OptionKeys, type PhaseMap, type PhaseScheme } from '@mgraph/core';
import { gridVolume, type UnitOptions, voxelGrid } from './voxel-grid.js';

/** Options of {@link volumeFractions}. */
export interface VolumeFractionsOptions extends UnitOptions {}

const KEYS: OptionKeys<VolumeFractionsOptions> = { spacing: true, unit: true };

/** Result of {@link volumeFractions}. */
export interface VolumeFractionsResult {
  /** Fraction of the voxels of each phase, by phase name (sums to 1). */
  fractions: Record<string, number>;
  /** Voxels of each phase, by phase name. */
  voxels: Record<string, number>;
  /** Physical volume of each phase in `unit`^3 (area in `unit`^2 in 2D), by phase name. */
  volumes: Record<string, number>;
  /** Physical volume (area in 2D) of the whole map. */
  totalVolume: number;
  /** The length unit. */
  unit: string;
}

/**
 * Volume fraction of every phase of a phase map (area fraction in 2D), as TauFactor's
 * `volume_fraction`: voxels of the phase over all voxels. Every phase of the scheme is
 * reported, absent ones with 0.
 *
 * @param phases - 2D or 3D uint8 phase map of codes of `scheme`
 * @param scheme - the map's {@link PhaseScheme}; results are keyed by its phase names
 * @param options - `spacing` (all 1), `unit` (`'voxel'`)
 * @returns fractions, voxel counts and physical volumes per phase
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, a bad spacing or unit, or an unknown option
 *
 * @remarks
 * References: S. J. Cooper et al., "TauFactor: An open-source application for calculating
 * tortuosity factors from tomographic data", SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002.
 */
export function volumeFractions(
  phases: PhaseMap,
  scheme: PhaseScheme,
  options: VolumeFractionsOptions | null = {},
): VolumeFractionsResult {
  const fn = 'volumeFractions';
  const opts = checkOptions(fn, options, KEYS);
  const grid = voxelGrid(fn, phases, scheme, opts);
  const voxelVolume = gridVolume(grid) / grid.size;
  const fractions: Record<string, number> = {};
  const voxels: Record<string, number> = {};
  const volumes: Record<string, number> = {};
  grid.scheme.phases.forEach((name, code) => {
    const n = grid.counts[code]!;
    fractions[name] = n / grid.size;
    voxels[name] = n;
    volumes[name] = n * voxelVolume;
  });
  return { fractions, voxels, volumes, totalVolume: gridVolume(grid), unit: grid.unit };
}
