import {
  assertAllocation,
  assertBoolean,
  assertCallback,
  assertDtype,
  assertNdim,
  assertSignal,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type PhaseMap,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { conductionStencil, faceWeights } from './conduction-stencil.js';
import { conjugateGradient } from './conjugate-gradient.js';
import { fluxMagnitude } from './flux-magnitude.js';
import { fluxSpread, layerFluxes } from './layer-fluxes.js';
import { MultigridPreconditioner } from './multigrid-preconditioner.js';
import { percolatingVoxels } from './percolating-voxels.js';

const FN = 'tortuosityFactor';

/** Most voxels {@link tortuosityFactor} accepts (Int32 indices of the flood queue). */
export const MAX_TRANSPORT_VOXELS = 2 ** 31 - 1;

/** Bytes per voxel the solve holds at its peak (stencil, five Float64 vectors, multigrid). */
const BYTES_PER_VOXEL = 88;

/** Options of {@link tortuosityFactor}. */
export interface TortuosityFactorOptions {
  /** Axis normal to the two driving faces (array order). Default 0 (TauFactor's x). */
  axis?: number;
  /**
   * Conductivity (diffusivity) of each phase code, `conductivities[code]`, each finite and
   * >= 0; codes with 0 are insulating. Every code in `phases` must have one. Default
   * `[0, 1]`: a binary map whose code 1 conducts, as TauFactor's `Solver`.
   */
  conductivities?: readonly number[];
  /** Voxel size per axis in array order (`[dz, dy, dx]`, `[dy, dx]` in 2D). Default all 1. */
  spacing?: readonly number[];
  /** Name of the length unit of `spacing` (`'um'`). Default `'voxel'`. */
  unit?: string;
  /** Stop when `||b - A x||_2 <= tolerance * ||b||_2`. Default 1e-6. */
  tolerance?: number;
  /** Most conjugate-gradient iterations before a `ConvergenceError`. Default 500. */
  maxIterations?: number;
  /**
   * Also stop as TauFactor does (its `conv_crit`): once the relative spread
   * `(max - min) / max` of the currents through the planes normal to `axis` (see
   * `layerFluxSpread`) is at most `convCrit` and tau changed by less than 2e-3 since the
   * previous iteration. TauFactor's default is 1e-2. Default: not used (the residual rule
   * alone).
   */
  convCrit?: number;
  /** Return the potential `field` and the `percolating` mask. Default false. */
  returnField?: boolean;
  /** Return `fluxMagnitude`, the magnitude of the flux density in each voxel. Default false. */
  returnFlux?: boolean;
  /** Called after each iteration with `(iteration, maxIterations)`. */
  onProgress?: ProgressCallback;
  /** Checked between iterations; aborting throws `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<TortuosityFactorOptions> = {
  axis: true,
  conductivities: true,
  spacing: true,
  unit: true,
  tolerance: true,
  maxIterations: true,
  convCrit: true,
  returnField: true,
  returnFlux: true,
  onProgress: true,
  signal: true,
};

/** Result of {@link tortuosityFactor}. */
export interface TortuosityFactorResult {
  /**
   * Tortuosity factor `meanConductivity / effectiveConductivity` (TauFactor's
   * `tau = D_mean / D_rel`; for a binary map `epsilon / D_rel` with epsilon the volume
   * fraction of the conducting phase, percolating or not). `Infinity` when no conducting
   * path joins the two faces.
   */
  tau: number;
  /**
   * Effective conductivity in the units of `conductivities`: total current x length /
   * (cross-section x potential difference). With conductivity 1 it is the conductivity
   * relative to the bulk phase (TauFactor's `D_rel`, `D_eff / D_0`).
   */
  effectiveConductivity: number;
  /** Volume-weighted mean of the phase conductivities over all voxels (TauFactor's `D_mean`). */
  meanConductivity: number;
  /** Fraction of voxels that conduct (conductivity > 0). */
  volumeFraction: number;
  /** Fraction of voxels connected through conducting voxels to both driving faces. */
  percolatingVolumeFraction: number;
  /** Conducting voxels removed before solving (not face-connected to both faces). */
  removedVoxels: number;
  /**
   * Current entering through the face before plane 0 (potential 1) and leaving through
   * the face after the last plane (potential 0), for a unit potential difference, in
   * conductivity x unit^(ndim - 2) (2D: per unit depth).
   */
  fluxIn: number;
  /** See {@link TortuosityFactorResult.fluxIn}. */
  fluxOut: number;
  /** `|fluxIn - fluxOut| / max(fluxIn, fluxOut)`, a check of convergence (0 without a path). */
  fluxMismatch: number;
  /**
   * `(max - min) / max` of the currents through the `n + 1` plane interfaces normal to
   * `axis`, the two driving faces included (TauFactor's convergence measure, which takes the
   * `n - 1` interior ones); 0 without a path.
   */
  layerFluxSpread: number;
  /** Conjugate-gradient iterations taken. */
  iterations: number;
  /** Final `||b - A x||_2 / ||b||_2`. */
  relativeResidual: number;
  /** The residual tolerance asked for (met unless `convCrit` stopped the solve first). */
  tolerance: number;
  /** Driving axis. */
  axis: number;
  /** Voxel size per axis. */
  spacing: number[];
  /** Length unit. */
  unit: string;
  /** Potential, 1 at the inlet face, 0 at the outlet face, 0 outside the percolating voxels. */
  field?: NdArray<Float64Array>;
  /** 1 for the voxels that took part in the solve. */
  percolating?: NdArray<Uint8Array>;
  /**
   * Magnitude of the flux density in each voxel (conductivity x potential / unit; each
   * component the mean of the voxel's two faces normal to it), 0 outside.
   */
  fluxMagnitude?: NdArray<Float64Array>;
}

/**
 * Steady-state conduction (diffusion) through one or several phases between the two faces
 * normal to `axis`: fixed potential 1 and 0 on the outer faces of the first and last planes,
 * no flux through the other faces; cell-centred finite volumes on the voxel grid with
 * anisotropic `spacing` (face conductance = harmonic mean of the two voxel conductivities x
 * face area / centre distance; half a voxel from a driving face). Conducting voxels not
 * face-connected to both driving faces are removed first (as PoreSpy's `tortuosity_fd`) and
 * counted. Solved by conjugate gradients preconditioned with a multigrid V-cycle, to
 * `||b - A x|| <= tolerance ||b||` (or, with `convCrit`, TauFactor's flux rule).
 *
 * The tortuosity factor follows TauFactor: `tau = D_mean / D_rel`, with `D_rel` the
 * effective conductivity over the full cross-section (current x length / area) and `D_mean`
 * the volume-weighted mean conductivity of all voxels (the volume fraction for a binary map).
 *
 * @param phases - 2D or 3D uint8 phase map (a binary mask is codes 0 / 1)
 * @param options - `axis` (0), `conductivities` ([0, 1]), `spacing` (all 1), `unit`
 *   ('voxel'), `tolerance` (1e-6), `maxIterations` (500), `convCrit` (unused),
 *   `returnField` (false), `returnFlux` (false), `onProgress`, `signal`
 * @returns tau, effective and mean conductivity, volume fractions, face fluxes, the
 *   convergence record, and on request the field, percolating mask and flux magnitude
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code without a
 *   conductivity, a negative or non-finite conductivity, no conducting voxel, a bad axis,
 *   spacing, unit, tolerance, maxIterations or convCrit, or a map too large
 * @throws ConvergenceError when `maxIterations` pass without meeting `tolerance`
 * @throws AbortError when `signal` aborts
 *
 * References: S. J. Cooper et al., "TauFactor: An open-source application for calculating
 * tortuosity factors from tomographic data", SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002; S. Kench et al., "TauFactor 2", J. Open Source Softw. 8
 * (2023) 5358, doi:10.21105/joss.05358; J. Gostick et al., PoreSpy `tortuosity_fd`,
 * J. Open Source Softw. 4 (2019) 1296.
 */
export function tortuosityFactor(
  phases: PhaseMap,
  options?: TortuosityFactorOptions,
): TortuosityFactorResult {
  const opts = checkOptions(FN, options, KEYS);
  assertNdim(FN, 'phases', phases, [2, 3]);
  assertDtype(FN, 'phases', phases, 'uint8');
  const ndim = phases.shape.length;
  if (phases.shape.some((n) => n < 1)) {
    throw new InvalidArgumentError(FN, 'phases', phases, 'a map with at least one voxel per axis');
  }
  const axis = opts.axis ?? 0;
  if (!Number.isInteger(axis) || axis < 0 || axis >= ndim) {
    throw new InvalidArgumentError(FN, 'options.axis', axis, `an integer in 0..${ndim - 1}`);
  }
  const spacing = checkSpacing(opts.spacing, ndim);
  const unit = opts.unit ?? 'voxel';
  if (typeof unit !== 'string' || unit.length === 0) {
    throw new InvalidArgumentError(FN, 'options.unit', unit, "a non-empty string ('um')");
  }
  const tolerance = opts.tolerance ?? 1e-6;
  if (typeof tolerance !== 'number' || !(tolerance > 0 && tolerance < 1)) {
    throw new InvalidArgumentError(FN, 'options.tolerance', tolerance, 'a number in (0, 1)');
  }
  const maxIterations = opts.maxIterations ?? 500;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidArgumentError(
      FN,
      'options.maxIterations',
      maxIterations,
      'a positive integer',
    );
  }
  const convCrit = opts.convCrit;
  if (convCrit !== undefined && (typeof convCrit !== 'number' || !(convCrit > 0 && convCrit < 1))) {
    throw new InvalidArgumentError(FN, 'options.convCrit', convCrit, 'a number in (0, 1)');
  }
  assertBoolean(FN, 'options.returnField', opts.returnField);
  assertBoolean(FN, 'options.returnFlux', opts.returnFlux);
  assertCallback(FN, 'options.onProgress', opts.onProgress);
  assertSignal(FN, 'options.signal', opts.signal);
  const table = checkConductivities(opts.conductivities ?? [0, 1]);
  const size = phases.size;
  assertAllocation(FN, 'phases', phases.shape, size, {
    limit: MAX_TRANSPORT_VOXELS,
    bytesPerElement: BYTES_PER_VOXEL,
    what: 'voxels',
    subject: 'a map',
  });
  throwIfAborted(FN, opts.signal);

  const codes = flatData(phases);
  const dims = (ndim === 3 ? phases.shape : [1, ...phases.shape]) as [number, number, number];
  const h = (ndim === 3 ? spacing : [1, ...spacing]) as [number, number, number];
  const ax = ndim === 3 ? axis : axis + 1;

  // One pass: conducting voxels, codes without a conductivity, mean conductivity.
  const conducts = new Uint8Array(size);
  let conducting = 0;
  let conductivitySum = 0;
  for (let p = 0; p < size; p++) {
    const c = codes[p]!;
    if (c >= table.length) {
      throw new InvalidArgumentError(
        FN,
        'phases',
        `a map holding code ${c}`,
        `codes 0..${table.length - 1}, one per entry of options.conductivities`,
      );
    }
    const s = table[c]!;
    conductivitySum += s;
    if (s > 0) {
      conducts[p] = 1;
      conducting++;
    }
  }
  if (conducting === 0) {
    throw new InvalidArgumentError(
      FN,
      'phases',
      phases,
      'a map with at least one conducting voxel (a code whose conductivity is > 0)',
    );
  }
  const live = percolatingVoxels(conducts, dims, ax, conducting);
  let percolating = 0;
  for (let p = 0; p < size; p++) percolating += live[p]!;

  const { stencil, rhs } = conductionStencil(codes, table, live, dims, h, ax);
  const preconditioner = new MultigridPreconditioner(stencil, ax);
  const boundary = 2 * faceWeights(h)[ax]!;
  const extent = dims.map((n, d) => n * h[d]!);
  const length = extent[ax]!;
  const cross = extent.reduce((a, e, d) => (d === ax ? a : a * e), 1);
  const meanConductivity = conductivitySum / size;
  // TauFactor's rule: layer fluxes within convCrit, tau steady to 2e-3.
  let previousTau = Number.NaN;
  const stop =
    convCrit === undefined
      ? undefined
      : (v: Float64Array) => {
          const fluxes = layerFluxes(v, stencil, codes, table, boundary, ax);
          let mean = 0;
          for (const f of fluxes) mean += f / fluxes.length;
          const tau = meanConductivity / ((mean * length) / cross);
          const steady = Math.abs(tau - previousTau) < 2e-3;
          previousTau = tau;
          return steady && fluxSpread(fluxes) <= convCrit;
        };
  const { x, iterations, relativeResidual } = conjugateGradient(stencil, preconditioner, rhs, {
    tolerance,
    maxIterations,
    stop,
    onProgress: opts.onProgress,
    signal: opts.signal,
    fn: FN,
  });

  const fluxes = layerFluxes(x, stencil, codes, table, boundary, ax);
  const fluxIn = fluxes[0]!;
  const fluxOut = fluxes[fluxes.length - 1]!;
  const effectiveConductivity = (0.5 * (fluxIn + fluxOut) * length) / cross;
  const result: TortuosityFactorResult = {
    tau:
      effectiveConductivity > 0
        ? meanConductivity / effectiveConductivity
        : Number.POSITIVE_INFINITY,
    effectiveConductivity,
    meanConductivity,
    volumeFraction: conducting / size,
    percolatingVolumeFraction: percolating / size,
    removedVoxels: conducting - percolating,
    fluxIn,
    fluxOut,
    fluxMismatch:
      Math.max(fluxIn, fluxOut) > 0 ? Math.abs(fluxIn - fluxOut) / Math.max(fluxIn, fluxOut) : 0,
    layerFluxSpread: fluxSpread(fluxes),
    iterations,
    relativeResidual,
    tolerance,
    axis,
    spacing: [...spacing],
    unit,
  };
  const shape = [...phases.shape];
  if (opts.returnFlux) {
    result.fluxMagnitude = ndarray(fluxMagnitude(x, stencil, codes, table, h, ax), shape);
  }
  if (opts.returnField) {
    result.field = ndarray(x.subarray(stencil.offset, stencil.offset + size), shape);
    result.percolating = ndarray(live, shape);
  }
  return result;
}

function checkSpacing(spacing: unknown, ndim: number): number[] {
  if (spacing === undefined) return new Array<number>(ndim).fill(1);
  if (
    !Array.isArray(spacing) ||
    spacing.length !== ndim ||
    spacing.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s <= 0)
  ) {
    throw new InvalidArgumentError(
      FN,
      'options.spacing',
      spacing,
      `${ndim} finite positive voxel sizes, one per axis in array order`,
    );
  }
  return spacing as number[];
}

function checkConductivities(values: unknown): Float64Array {
  if (
    !Array.isArray(values) ||
    values.length < 1 ||
    values.length > 256 ||
    values.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)
  ) {
    throw new InvalidArgumentError(
      FN,
      'options.conductivities',
      values,
      'an array of 1..256 finite conductivities >= 0, one per phase code',
    );
  }
  return Float64Array.from(values as number[]);
}
