import {
  assertBoolean,
  assertCallback,
  assertSignal,
  checkOptions,
  checkScheme,
  type Executor,
  MGraphError,
  type OptionKeys,
  type PhaseScheme,
  type RunProgress,
  type TaskSpec,
} from '@mgraph/core';
import { type BoundaryReach, type PhaseConnectivityResult, tpbSetup } from '@mgraph/morphology';
import { tpbCodesOf } from './block-measures.js';
import { blockPlan, checkBlockShape } from './block-plan.js';
import { type ActiveTpbFigures, mergeActiveTpb } from './merge-active-tpb.js';
import { type MergedMeasures, mergeMeasures, type TpbFigures } from './merge-measures.js';
import { mergePhaseConnectivity } from './merge-phase-connectivity.js';
import { fromPlainJson } from './plain-partials.js';
import type { BlockMorphologyInput, BlockMorphologyOutput } from './tasks.js';
import type { UnitOptions } from './unit-options.js';
import { openVolumeSource, type VolumeSource } from './volume-source.js';

/** Options of {@link analyzeVolumeBlockwise}. */
export interface AnalyzeVolumeBlockwiseOptions extends UnitOptions {
  /** The phase map: a uint8 Zarr array of codes of `scheme`. */
  source: VolumeSource;
  /** The map's phase scheme. */
  scheme: PhaseScheme;
  /** Block size per axis (required); the store's chunk shape or a multiple reads least. */
  blockShape: readonly number[];
  /** TPB phases. Default the scheme's `tpb`; `null` counts no TPB. */
  tpbPhases?: readonly [string, string, string] | null;
  /** Connectivity of the phase components: 1 (faces) .. ndim. Default 1. */
  connectivity?: number;
  /** Compute the active TPB too (when there are TPB phases). Default true. */
  active?: boolean;
  /**
   * Boundary each TPB phase's component must reach for an edge to be active, by phase name;
   * phases left out take `@mgraph/morphology`'s `defaultBoundaryReach`.
   */
  reach?: Readonly<Record<string, BoundaryReach>>;
  /** Called after each block settles (the executor's progress). */
  onProgress?: (progress: RunProgress) => void;
  /** Cancels the run (the executor rejects with `AbortError`). */
  signal?: AbortSignal;
  /** Tries per block (default 1). */
  attempts?: number;
}

const KEYS: OptionKeys<AnalyzeVolumeBlockwiseOptions> = {
  source: true,
  scheme: true,
  blockShape: true,
  tpbPhases: true,
  connectivity: true,
  active: true,
  reach: true,
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
  attempts: true,
};

/** The TPB of {@link VolumeBlockwiseResult}: `triplePhaseBoundaryDensity`'s without edge maps. */
export type BlockwiseTpb = TpbFigures & {
  /** The active TPB (`mergeActiveTpb`), or `null` with `active: false`. */
  active: ActiveTpbFigures | null;
};

/** What {@link analyzeVolumeBlockwise} returns. */
export interface VolumeBlockwiseResult extends Omit<MergedMeasures, 'tpb'> {
  /**
   * = `triplePhaseBoundaryDensity(phases, scheme, { spacing, unit, tpbPhases, active, reach,
   * connectivity })` without its edge maps; `null` without TPB phases.
   */
  tpb: BlockwiseTpb | null;
  /** Shape of the volume. */
  shape: number[];
  /** Blocks the volume was cut into. */
  blocks: number;
  /** = `@mgraph/morphology`'s `phaseConnectivity` of the whole volume. */
  connectivity: PhaseConnectivityResult;
}

/** A block that failed for good. */
export class BlockTaskError extends MGraphError {
  override readonly name: string = 'BlockTaskError';
  static readonly CODE = 'BLOCK_TASK_FAILED';
  /** Every failed block: task key (`block-<id>`) and its error. */
  readonly failures: { key: string; error: { name: string; message: string } }[];

  constructor(fn: string, failures: BlockTaskError['failures'], total: number) {
    const first = failures[0]!;
    super(
      fn,
      `${failures.length} of ${total} blocks failed; first ${first.key}: ${first.error.name}: ${first.error.message}`,
      'BLOCK_TASK_FAILED',
    );
    this.failures = failures;
  }
}

/**
 * Volume fractions, face-counting surface and interfacial areas, triple phase boundary
 * density (total and active) and phase connectivity of a phase map stored as Zarr, block by
 * block on any executor of `@mgraph/core`'s contract (`@mgraph/executor`'s
 * `inThreadExecutor`, `poolExecutor`, or the BullMQ executor) made on the task module
 * `@mgraph/blocks/tasks`: one `blockMorphology` task per block reads its block from the store
 * and returns its small partials, which are merged here (`mergeMeasures`,
 * `mergePhaseConnectivity`, `mergeActiveTpb`). The figures are those of
 * `@mgraph/morphology`'s `volumeFractions`, `specificSurfaceArea`, `interfacialAreas`,
 * `triplePhaseBoundaryDensity` (without its edge maps) and `phaseConnectivity` on the whole
 * volume, identical number for number. Memory here: the partials (per block: the faces of
 * its phase components, 4 bytes per face voxel and phase, and its TPB edge groups, 9 numbers
 * per group); in the workers: the blocks in flight.
 *
 * @param executor - an executor made on `@mgraph/blocks/tasks`
 * @param options - {@link AnalyzeVolumeBlockwiseOptions}: `source`, `scheme`, `blockShape`
 *   (required), `tpbPhases` (the scheme's), `connectivity` (1), `active` (true), `reach`
 *   (morphology's `defaultBoundaryReach`), `spacing` (the OME-Zarr
 *   scale, else all 1), `unit` (the OME-Zarr unit, else `'voxel'`), `onProgress`, `signal`,
 *   `attempts` (1)
 * @returns the merged figures, the shape and the block count
 * @throws InvalidArgumentError for a bad option or source (before any task runs)
 * @throws BlockTaskError when blocks fail for good (each with its key and error)
 * @throws AbortError when `signal` aborts
 */
export async function analyzeVolumeBlockwise(
  executor: Executor,
  options: AnalyzeVolumeBlockwiseOptions,
): Promise<VolumeBlockwiseResult> {
  const fn = 'analyzeVolumeBlockwise';
  const o = checkOptions(fn, options, KEYS);
  const scheme = checkScheme(fn, 'options.scheme', o.scheme);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  assertBoolean(fn, 'options.active', o.active);
  const withTpb = tpbCodesOf(fn, scheme, o.tpbPhases) !== null;
  const volume = await openVolumeSource(fn, 'options.source', o.source);
  const ndim = volume.shape.length;
  const blockShape = checkBlockShape(fn, 'options.blockShape', o.blockShape, ndim);
  const withActive = withTpb && o.active !== false;
  const tpbOptions = {
    tpbPhases: o.tpbPhases ?? undefined,
    reach: o.reach,
    connectivity: o.connectivity,
  };
  if (withActive) tpbSetup(fn, scheme, ndim, tpbOptions);
  const plan = blockPlan(volume.shape, blockShape);
  const spacing = o.spacing ?? volume.spacing;
  const unit = o.unit ?? (volume.spacing !== undefined ? volume.unit : undefined);
  const tasks: TaskSpec<BlockMorphologyInput>[] = plan.blocks.map((b) => ({
    kind: 'blockMorphology',
    key: `block-${b.id}`,
    input: {
      source: { store: o.source.store, path: o.source.path ?? '' },
      blockShape,
      block: b.id,
      scheme,
      ...(o.tpbPhases !== undefined
        ? {
            tpbPhases: o.tpbPhases === null ? null : ([...o.tpbPhases] as [string, string, string]),
          }
        : {}),
      ...(o.connectivity !== undefined ? { connectivity: o.connectivity } : {}),
      active: withActive,
    },
  }));
  const outcomes = await executor.run<BlockMorphologyOutput>(tasks, {
    signal: o.signal,
    onProgress: o.onProgress,
    attempts: o.attempts,
  });
  const failures = outcomes.flatMap((r) => (r.ok ? [] : [{ key: r.key, error: r.error }]));
  if (failures.length > 0) throw new BlockTaskError(fn, failures, tasks.length);
  const values = outcomes.map((r) =>
    r.ok ? fromPlainJson<BlockMorphologyOutput>(r.value) : (undefined as never),
  );
  const measures = mergeMeasures(
    plan,
    values.map((v) => v.measures),
    scheme,
    { spacing, unit, tpbPhases: o.tpbPhases },
  );
  const connectivity = mergePhaseConnectivity(
    plan,
    values.map((v) => v.labels),
    scheme,
    { spacing, unit, connectivity: o.connectivity },
  );
  const active = withActive
    ? mergeActiveTpb(
        plan,
        values.map((v) => v.labels),
        values.map((v) => v.activeTpb!),
        scheme,
        { spacing, unit, ...tpbOptions },
      )
    : null;
  return {
    ...measures,
    tpb: measures.tpb === null ? null : { ...measures.tpb, active },
    connectivity,
    shape: volume.shape.slice(),
    blocks: plan.blocks.length,
  };
}
