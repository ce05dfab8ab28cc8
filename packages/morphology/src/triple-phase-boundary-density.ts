import {
  assertBoolean,
  assertCallback,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
  phaseCode,
} from '@mgraph/core';
import { activeTpbEdges, type CodeReach } from './active-tpb-edges.js';
import { type BoundaryReach, defaultBoundaryReach, reachMask } from './boundary-reach.js';
import { checkConnectivity } from './connectivity-option.js';
import { phaseComponents } from './phase-components.js';
import { candidateEdges, type TpbEdgeMap, tpbEdges } from './tpb-edges.js';
import { gridVolume, type UnitOptions, type VoxelGrid, voxelGrid } from './voxel-grid.js';

/** Options of {@link triplePhaseBoundaryDensity}. */
export interface TriplePhaseBoundaryOptions extends UnitOptions {
  /** The three phases that meet. Default the scheme's `tpb`. */
  tpbPhases?: readonly [string, string, string];
  /** Compute the active TPB too. Default true. */
  active?: boolean;
  /**
   * Boundary each TPB phase's component must reach for an edge to be active, by phase name;
   * phases left out take {@link defaultBoundaryReach}'s value.
   */
  reach?: Readonly<Record<string, BoundaryReach>>;
  /**
   * Connectivity of the phase components of the active TPB: 1 = faces (6 neighbours in 3D,
   * 4 in 2D) .. ndim = faces, edges and corners (26 / 8). Default 1.
   */
  connectivity?: number;
  /** Called with `(planes done, planes)`, once for the edge search and once for the components. */
  onProgress?: ProgressCallback;
  /** Checked between planes; an aborted signal throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<TriplePhaseBoundaryOptions> = {
  spacing: true,
  unit: true,
  tpbPhases: true,
  active: true,
  reach: true,
  connectivity: true,
  onProgress: true,
  signal: true,
};

/** TPB edges of one kind (all, or active) of {@link TriplePhaseBoundaryResult}. */
export interface TpbMeasure {
  /** Edges (3D) or points (2D). */
  count: number;
  /** In 3D the edges along axes 0, 1, 2; in 2D `[count]`. */
  countPerAxis: number[];
  /** 3D: total length in `unit` (each edge along axis d is `spacing[d]` long); 2D: `null`. */
  length: number | null;
  /** 3D: `length` per volume of the map, `unit`^-2 (unit / unit^3); 2D: points per area, `unit`^-2. */
  density: number;
  /** The edge map. */
  edges: TpbEdgeMap;
}

/** Active TPB of {@link TriplePhaseBoundaryResult}. */
export interface ActiveTpbMeasure extends TpbMeasure {
  /** Active edges over all TPB edges (0 when there is no TPB). */
  fractionOfTpb: number;
  /** The reach used for each TPB phase. */
  reach: Record<string, BoundaryReach>;
  /** The component connectivity used. */
  connectivity: number;
}

/** Result of {@link triplePhaseBoundaryDensity}. */
export interface TriplePhaseBoundaryResult extends TpbMeasure {
  /** The three phases. */
  phases: [string, string, string];
  /** Candidate edges (those with four voxels), TauFactor's denominator. */
  candidates: number;
  /** `count / candidates`: TauFactor's `triple_phase_boundary` (0 for a map without candidates). */
  fraction: number;
  /** The active TPB, or `null` with `active: false`. */
  active: ActiveTpbMeasure | null;
  /** Total volume of the map in `unit`^3 (area in 2D). */
  totalVolume: number;
  /** The length unit. */
  unit: string;
}

/**
 * Triple phase boundary density by voxel-edge counting. In 3D a TPB edge is a voxel edge
 * whose four surrounding voxels hold all three TPB phases (a fourth phase may fill the
 * remaining voxel); edges on the map's border (fewer than four voxels) are not candidates.
 * `fraction` is TauFactor's `triple_phase_boundary` (TPB edges over candidate edges); the
 * length counts each edge along axis d as `spacing[d]`, and `density` divides it by the
 * map's volume. In 2D the same test runs on the points where four pixels meet: the result is
 * a count of TPB points and `density` is points per area.
 *
 * Active TPB (Wilson et al. 2006, Joos et al. 2014): an edge is active when each of the three
 * phases has, among the edge's four voxels, one whose connected component (connectivity
 * option) touches the boundary the phase must reach (`reach`, {@link defaultBoundaryReach}).
 * The map is not periodic.
 *
 * Memory: 3 bits per voxel for the edge map (3 more for the active one), two planes of
 * phase bits, and the run tables of the components (no per-voxel buffer).
 *
 * @param phases - 2D or 3D uint8 phase map of codes of `scheme`
 * @param scheme - the map's {@link PhaseScheme}
 * @param options - `tpbPhases` (the scheme's tpb), `active` (true), `reach`
 *   ({@link defaultBoundaryReach}), `connectivity` (1), `spacing` (all 1), `unit`
 *   (`'voxel'`), `onProgress`, `signal`
 * @returns counts, fraction, length, density and edge maps, total and active
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, no TPB phases (a scheme without `tpb` and no `tpbPhases`), a reach for a phase
 *   not in the TPB or an axis the map lacks, a bad connectivity / spacing / unit, or an
 *   unknown option; AbortError when `signal` is aborted
 *
 * @remarks
 * References: J. R. Wilson et al., "Three-dimensional reconstruction of a solid-oxide fuel-cell
 * anode", Nature Materials 5 (2006) 541-544, doi:10.1038/nmat1668; J. Joos et al., J. Power
 * Sources 246 (2014) 819-830, doi:10.1016/j.jpowsour.2013.08.025; S. J. Cooper et al.,
 * SoftwareX 5 (2016) 203-210, doi:10.1016/j.softx.2016.09.002 (TauFactor).
 */
export function triplePhaseBoundaryDensity(
  phases: PhaseMap,
  scheme: PhaseScheme,
  options: TriplePhaseBoundaryOptions | null = {},
): TriplePhaseBoundaryResult {
  const fn = 'triplePhaseBoundaryDensity';
  const opts = checkOptions(fn, options, KEYS);
  assertBoolean(fn, 'options.active', opts.active);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = voxelGrid(fn, phases, scheme, opts);
  const setup = tpbSetup(fn, grid.scheme, grid.ndim, opts);
  const found = tpbEdges(fn, grid, setup.codes, opts.onProgress, opts.signal);
  const total = measure(grid, found.map, found.counts);
  const candidates = candidateEdges(grid);
  let active: ActiveTpbMeasure | null = null;
  if (opts.active !== false) {
    const comps = phaseComponents(
      fn,
      grid,
      setup.connectivity,
      false,
      opts.onProgress,
      opts.signal,
    );
    const act = activeTpbEdges(grid, found.map, comps, setup.codeReach);
    const m = measure(grid, act.map, act.counts);
    active = {
      ...m,
      fractionOfTpb: total.count === 0 ? 0 : m.count / total.count,
      reach: setup.reach,
      connectivity: setup.connectivity,
    };
  }
  return {
    phases: setup.phases,
    ...total,
    candidates,
    fraction: candidates === 0 ? 0 : total.count / candidates,
    active,
    totalVolume: gridVolume(grid),
    unit: grid.unit,
  };
}

/** Checked TPB phases, their codes, reach and the component connectivity ({@link tpbSetup}). */
export interface TpbSetup {
  /** The three TPB phases. */
  phases: [string, string, string];
  /** Their codes in the scheme. */
  codes: [number, number, number];
  /** The reach of each TPB phase (given, else {@link defaultBoundaryReach}'s). */
  reach: Record<string, BoundaryReach>;
  /** The reach of each TPB phase as face bits, in the order of `phases`. */
  codeReach: [CodeReach, CodeReach, CodeReach];
  /** The component connectivity (default 1). */
  connectivity: number;
}

/**
 * Check the `tpbPhases` (default the scheme's `tpb`), `reach` (default
 * {@link defaultBoundaryReach}) and `connectivity` (default 1) options of
 * {@link triplePhaseBoundaryDensity} against a scheme and the map's dimensions.
 *
 * Exported so that packages computing the active TPB piecewise (`@mgraph/blocks`' merge)
 * take the same options with the same defaults and errors.
 *
 * @param fn - the calling function's name, for the errors
 * @param scheme - the map's phase scheme
 * @param ndim - dimensions of the map (2 or 3)
 * @param opts - `tpbPhases`, `reach`, `connectivity` as given
 * @returns the checked {@link TpbSetup}
 * @throws InvalidArgumentError for no TPB phases, phases not distinct or not in the scheme, a
 *   reach for a phase not in the TPB or an unknown reach / an axis the map lacks, or a
 *   connectivity outside 1..ndim
 */
export function tpbSetup(
  fn: string,
  scheme: PhaseScheme,
  ndim: number,
  opts: Pick<TriplePhaseBoundaryOptions, 'tpbPhases' | 'reach' | 'connectivity'>,
): TpbSetup {
  const given = opts.tpbPhases ?? scheme.tpb;
  if (
    given === null ||
    !Array.isArray(given) ||
    given.length !== 3 ||
    new Set(given).size !== 3 ||
    given.some((p) => !scheme.phases.includes(p))
  ) {
    throw new InvalidArgumentError(
      fn,
      opts.tpbPhases === undefined ? 'scheme.tpb' : 'options.tpbPhases',
      given,
      `three distinct phases of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.join(', ')})`,
    );
  }
  const tpb = [...given] as [string, string, string];
  const codes = tpb.map((p) => phaseCode(scheme, p)) as [number, number, number];
  const reachGiven = opts.reach ?? {};
  if (typeof reachGiven !== 'object' || reachGiven === null || Array.isArray(reachGiven)) {
    throw new InvalidArgumentError(fn, 'options.reach', reachGiven, 'an object { phase: reach }');
  }
  for (const key of Object.keys(reachGiven)) {
    if (!tpb.includes(key)) {
      throw new InvalidArgumentError(
        fn,
        `options.reach.${key}`,
        reachGiven[key],
        `a key among the TPB phases (${tpb.join(', ')})`,
      );
    }
  }
  const defaults = defaultBoundaryReach({ ...scheme, tpb });
  const reach: Record<string, BoundaryReach> = {};
  const codeReach = tpb.map((p, k) => {
    const r = reachGiven[p] ?? defaults[p]!;
    reach[p] = r;
    return { code: codes[k]!, ...reachMask(fn, `options.reach.${p}`, r, ndim) };
  }) as [CodeReach, CodeReach, CodeReach];
  const connectivity = checkConnectivity(fn, opts.connectivity, ndim);
  return { phases: tpb, codes, reach, codeReach, connectivity };
}

function measure(grid: VoxelGrid, edges: TpbEdgeMap, counts: [number, number, number]): TpbMeasure {
  const volume = gridVolume(grid);
  if (grid.ndim === 2) {
    return {
      count: counts[0],
      countPerAxis: [counts[0]],
      length: null,
      density: counts[0] / volume,
      edges,
    };
  }
  const [sz, sy, sx] = grid.spacing;
  const length = counts[0] * sz + counts[1] * sy + counts[2] * sx;
  return {
    count: counts[0] + counts[1] + counts[2],
    countPerAxis: counts.slice(),
    length,
    density: length / volume,
    edges,
  };
}
