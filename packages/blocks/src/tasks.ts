/**
 * `@mgraph/blocks/tasks`: the task module of the block-wise volume analysis (Node). Executors
 * of `@mgraph/executor` load it in every worker thread or process (`inThreadExecutor(
 * '@mgraph/blocks/tasks')`, `poolExecutor({ tasksModule: '@mgraph/blocks/tasks' })`); the
 * runner `analyzeVolumeBlockwise` of `@mgraph/blocks/node` builds its tasks.
 *
 * @packageDocumentation
 */
import {
  checkScheme,
  defineTasks,
  flatData,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
  type TaskContext,
} from '@mgraph/core';
import { type ActiveTpbPartial, activeTpbGroups } from './block-active-tpb.js';
import { blockMeasures, type MeasuresPartial, measuresBox, tpbCodesOf } from './block-measures.js';
import { blockPlan } from './block-plan.js';
import { adjacencyBlockTask, relabelBlockTask, segmentBlockTask } from './instance-tasks.js';
import { type PhaseLabelPartial, phaseLabels } from './phase-label-block.js';
import { toPlainJson } from './plain-partials.js';
import { openVolumeSource, type VolumeSource } from './volume-source.js';

/** Input of the `blockMorphology` task (plain JSON: where to read, never voxels). */
export interface BlockMorphologyInput {
  /** The phase map: a uint8 Zarr array of codes of `scheme`. */
  source: VolumeSource;
  /** Block size per axis of the plan (`blockPlan(volumeShape, blockShape)`). */
  blockShape: number[];
  /** The block's id in the plan. */
  block: number;
  /** The map's phase scheme. */
  scheme: PhaseScheme;
  /** TPB phases (default the scheme's `tpb`; `null`: none). */
  tpbPhases?: [string, string, string] | null;
  /** Connectivity of the phase components, 1..ndim (default 1). */
  connectivity?: number;
  /** Group the block's TPB edges for the active TPB (default true; none without TPB phases). */
  active?: boolean;
}

/** Output of the `blockMorphology` task: the block's partials. */
export interface BlockMorphologyOutput {
  measures: MeasuresPartial;
  labels: PhaseLabelPartial;
  /** The block's TPB edge groups (`blockActiveTpb`'s), or `null` without TPB or with `active: false`. */
  activeTpb: ActiveTpbPartial | null;
}

export {
  type AdjacencyTaskInput,
  adjacencyBlockTask,
  type RelabelTaskInput,
  relabelBlockTask,
  type SegmentTaskInput,
  segmentBlockTask,
} from './instance-tasks.js';

/**
 * Read one block of a phase map (with the one-voxel low halo of {@link measuresBox}) and
 * compute its {@link MeasuresPartial} (`blockMeasures`), {@link PhaseLabelPartial}
 * (`phaseLabelBlock`) and, with TPB phases and `active` (default true), its
 * {@link ActiveTpbPartial} (`blockActiveTpb`), from one labelling of the block.
 *
 * @throws InvalidArgumentError as `openZarr` / `readRegion` (a missing store, a corrupt
 *   chunk), `blockPlan`, `blockMeasures`, `phaseLabelBlock` and `blockActiveTpb`, or for a block id outside
 *   the plan
 */
export async function blockMorphologyTask(
  input: BlockMorphologyInput,
  context: TaskContext,
): Promise<BlockMorphologyOutput> {
  const fn = 'blockMorphology';
  const volume = await openVolumeSource(fn, 'input.source', input.source);
  const plan = blockPlan(volume.shape, input.blockShape);
  const block = plan.blocks[input.block];
  if (block === undefined || !Number.isInteger(input.block)) {
    throw new InvalidArgumentError(
      fn,
      'input.block',
      input.block,
      `a block id of the plan (0..${plan.blocks.length - 1})`,
    );
  }
  const box = measuresBox(block);
  // blockMeasures checks the dtype (uint8) and the codes
  const phases = (await volume.readRegion(box.start, box.stop, {
    signal: context.signal,
  })) as PhaseMap;
  const measures = blockMeasures(phases, block, plan, input.scheme, {
    tpbPhases: input.tpbPhases,
  });
  const scheme = checkScheme(fn, 'input.scheme', input.scheme);
  const tpbCodes = tpbCodesOf(fn, scheme, input.tpbPhases);
  const withActive = tpbCodes !== null && input.active !== false;
  const inner = phases
    .lo(...block.start.map((s, d) => s - box.start[d]!))
    .hi(...block.stop.map((s, d) => s - block.start[d]!)) as PhaseMap;
  const { partial: labels, local } = phaseLabels(
    fn,
    flatData(inner),
    inner.shape,
    block,
    plan,
    scheme,
    input.connectivity,
    withActive ? tpbCodes : [],
  );
  const activeTpb = withActive
    ? activeTpbGroups(flatData(phases), box.start, phases.shape, block, plan, local!, tpbCodes)
    : null;
  return { measures, labels, activeTpb };
}

/** A handler whose result is made plain JSON ({@link toPlainJson}: typed arrays run-length encoded). */
function plain<I, O>(
  handler: (input: I, context: TaskContext) => Promise<O>,
): (input: I, context: TaskContext) => Promise<unknown> {
  return async (input, context) => toPlainJson(await handler(input, context));
}

/**
 * The tasks by kind: `blockMorphology` ({@link blockMorphologyTask}); `segmentBlock`,
 * `relabelBlock`, `adjacencyBlock` (the three passes of `segmentVolumeBlockwise`). Results
 * are plain JSON (typed arrays run-length encoded), so that every executor carries them,
 * BullMQ's included; the runners decode them.
 */
export default defineTasks({
  blockMorphology: plain(blockMorphologyTask),
  segmentBlock: plain(segmentBlockTask),
  relabelBlock: plain(relabelBlockTask),
  adjacencyBlock: plain(adjacencyBlockTask),
});
