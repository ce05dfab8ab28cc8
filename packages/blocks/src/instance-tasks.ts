import type { LabelImage, PhaseMap, TaskContext } from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { blockAdjacencyCounts } from './block-adjacency-counts.js';
import { type Block, type BlockPlan, blockPlan } from './block-plan.js';
import { blockRegionSums, type RegionSumsPartial } from './block-region-sums.js';
import { writeLabelChunk } from './label-chunks.js';
import { type SegmentBlockOptions, type SegmentPartial, segmentBlock } from './segment-block.js';
import { openVolumeSource, type VolumeSource } from './volume-source.js';

/** Array paths of the label arrays in the output store. */
export const LOCAL_LABELS = 'local-labels';
export const INSTANCE_LABELS = 'instances';

/** Input of the `segmentBlock` task. */
export interface SegmentTaskInput {
  source: VolumeSource;
  /** Directory of the output store (holds {@link LOCAL_LABELS} and {@link INSTANCE_LABELS}). */
  output: string;
  blockShape: number[];
  halo: number[];
  block: number;
  options: SegmentBlockOptions;
}

/** Input of the `relabelBlock` task. */
export interface RelabelTaskInput {
  output: string;
  blockShape: number[];
  block: number;
  /** Local id -> global label of the block (`stitchSegments`' relabel, as a plain array). */
  relabel: number[];
}

/** Input of the `adjacencyBlock` task. */
export interface AdjacencyTaskInput {
  output: string;
  blockShape: number[];
  block: number;
  window: number;
}

/** The plan and block of a task, from the volume's shape. */
function planned(
  shape: number[],
  blockShape: number[],
  id: number,
  halo?: number[],
): { plan: BlockPlan; block: Block } {
  const plan = blockPlan(shape, blockShape, { halo: halo ?? 0 });
  const block = plan.blocks[id];
  if (block === undefined) throw new RangeError(`block ${id} is not in the plan`);
  return { plan, block };
}

/**
 * Segment one block with its halo (`segmentBlock`), write its provisional ids as its chunk of
 * the output's {@link LOCAL_LABELS} array, and return its `SegmentPartial` for the stitch.
 */
export async function segmentBlockTask(
  input: SegmentTaskInput,
  context: TaskContext,
): Promise<SegmentPartial> {
  const volume = await openVolumeSource('segmentBlock', 'input.source', input.source);
  const { plan, block } = planned(volume.shape, input.blockShape, input.block, input.halo);
  const phases = (await volume.readRegion(block.outerStart, block.outerStop, {
    signal: context.signal,
  })) as PhaseMap;
  const { labels, partial } = segmentBlock(phases, block, plan, input.options);
  await writeLabelChunk('segmentBlock', input.output, LOCAL_LABELS, block, labels.data);
  return partial;
}

/**
 * Rewrite one block's provisional ids as global labels ({@link INSTANCE_LABELS}) and return its
 * region sums (node sizes, centroids, boxes). Reads {@link LOCAL_LABELS}, writes the other
 * array: a retry gives the same chunk.
 */
export async function relabelBlockTask(
  input: RelabelTaskInput,
  context: TaskContext,
): Promise<RegionSumsPartial> {
  const local = await openVolumeSource('relabelBlock', 'input.output', {
    store: input.output,
    path: LOCAL_LABELS,
  });
  const { block } = planned(local.shape, input.blockShape, input.block);
  const ids = (await local.readRegion(block.start, block.stop, {
    signal: context.signal,
  })) as LabelImage;
  const data = ids.data;
  const map = input.relabel;
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = map[data[i]!]!;
  await writeLabelChunk('relabelBlock', input.output, INSTANCE_LABELS, block, out);
  const ndarray = (await import('ndarray')).default;
  return blockRegionSums(ndarray(out, ids.shape), block);
}

/** A block's share of the adjacency counts of the instance labels (halo: the window radius). */
export async function adjacencyBlockTask(
  input: AdjacencyTaskInput,
  context: TaskContext,
): Promise<AdjacencyCounts> {
  const labels = await openVolumeSource('adjacencyBlock', 'input.output', {
    store: input.output,
    path: INSTANCE_LABELS,
  });
  const r = (input.window - 1) / 2;
  const halo = labels.shape.map(() => r);
  const { plan, block } = planned(labels.shape, input.blockShape, input.block, halo);
  const outer = await labels.readRegion(block.outerStart, block.outerStop, {
    signal: context.signal,
  });
  return blockAdjacencyCounts(outer, block, plan, { window: input.window });
}
