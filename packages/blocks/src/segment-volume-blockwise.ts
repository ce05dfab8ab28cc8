import {
  assertCallback,
  assertNumber,
  assertSignal,
  checkOptions,
  checkScheme,
  type Executor,
  InvalidArgumentError,
  type OptionKeys,
  type RunProgress,
  type TaskSpec,
} from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { BlockTaskError } from './analyze-volume-blockwise.js';
import { blockPlan, checkBlockShape } from './block-plan.js';
import type { RegionSumsPartial } from './block-region-sums.js';
import {
  type AdjacencyTaskInput,
  INSTANCE_LABELS,
  type RelabelTaskInput,
  type SegmentTaskInput,
} from './instance-tasks.js';
import { createLabelArray } from './label-chunks.js';
import { mergeAdjacencyCounts } from './merge-adjacency-counts.js';
import { mergeRegionSums, type RegionSums } from './merge-region-sums.js';
import { fromPlainJson } from './plain-partials.js';
import {
  SEGMENT_BLOCK_KEYS,
  type SegmentBlockOptions,
  type SegmentPartial,
} from './segment-block.js';
import { DEFAULT_PARTICLE_RADIUS, segmentHalo } from './segment-halo.js';
import { stitchSegments } from './stitch-segments.js';
import { openVolumeSource, type VolumeSource } from './volume-source.js';

/** Options of {@link segmentVolumeBlockwise}. */
export interface SegmentVolumeBlockwiseOptions extends SegmentBlockOptions {
  /** The phase map: a uint8 Zarr array of codes of `scheme`. */
  source: VolumeSource;
  /**
   * Directory of the output Zarr store (created; every worker must see it): the instance
   * labels are written to its array `instances` (int32, one chunk per block), the blocks'
   * provisional ids to `local-labels`.
   */
  output: string;
  /** Block size per axis (required). */
  blockShape: readonly number[];
  /** Largest particle radius that matters, voxels (the halo, `segmentHalo`). Default 12. */
  particleRadius?: number;
  /** Objects with fewer voxels (whole, after stitching) get label 0. Default 1. */
  minSize?: number;
  /** Side of the contact window (odd), the paper's 7. Default 7. */
  window?: number;
  /** Called after each task settles, with the pass (`'segment'`, `'relabel'`, `'adjacency'`). */
  onProgress?: (progress: RunProgress & { pass: string }) => void;
  /** Cancels the run. */
  signal?: AbortSignal;
  /** Tries per task (default 1). */
  attempts?: number;
}

const KEYS: OptionKeys<SegmentVolumeBlockwiseOptions> = {
  ...SEGMENT_BLOCK_KEYS,
  source: true,
  output: true,
  blockShape: true,
  particleRadius: true,
  minSize: true,
  window: true,
  onProgress: true,
  signal: true,
  attempts: true,
};

/** A node of {@link VolumeGraphBlockwise}: an instance with its phase, size and position. */
export interface InstanceNode extends RegionSums {
  /** Phase name of the instance. */
  phase: string;
}

/** What {@link segmentVolumeBlockwise} returns (the labels are in the output store). */
export interface VolumeGraphBlockwise {
  /** Instances (labels 1..count in the output's `instances` array). */
  count: number;
  /** One node per instance present, by label: `regionProps`' area, bbox, centroid, and phase. */
  nodes: InstanceNode[];
  /** Contacts: `adjacencyCounts` of the instance labels (`source`, `target`, `count`). */
  edges: AdjacencyCounts;
  /** Blocks of the plan. */
  blocks: number;
  /** Path of the instance labels array in the output store. */
  labelsPath: string;
}

/**
 * Instances and contact graph of a phase map stored as Zarr, block by block on an executor made
 * on `@mgraph/blocks/tasks`, in three passes: `segmentBlock` (each block with its halo:
 * `instanceSegmentationBlockwise`'s scheme, provisional ids written as the block's chunk),
 * the stitch here (`stitchSegments`), `relabelBlock` (global labels written as the block's
 * chunk of `instances`, and the region sums of the nodes), `adjacencyBlock` (contact counts
 * with a halo of the window radius). The labels equal `instanceSegmentationBlockwise` of the
 * volume in memory with the same options, and the nodes and edges `regionProps` and
 * `@mgraph/graph`'s `adjacencyCounts` of those labels. Chunks are written to a temporary name
 * and renamed: a killed task leaves no half chunk, a retried one writes the same bytes.
 *
 * @param executor - an executor made on `@mgraph/blocks/tasks`
 * @param options - {@link SegmentVolumeBlockwiseOptions}: `source`, `output`, `blockShape`,
 *   `scheme` (required); `instanceSegmentation`'s options; `particleRadius` (12), `minSize`
 *   (1), `window` (7), `onProgress`, `signal`, `attempts` (1)
 * @returns the {@link VolumeGraphBlockwise}
 * @throws InvalidArgumentError for a bad option or source
 * @throws BlockTaskError when blocks fail for good (the pass stops there)
 */
export async function segmentVolumeBlockwise(
  executor: Executor,
  options: SegmentVolumeBlockwiseOptions,
): Promise<VolumeGraphBlockwise> {
  const fn = 'segmentVolumeBlockwise';
  const o = checkOptions(fn, options, KEYS);
  const {
    source,
    output,
    blockShape: blockShapeArg,
    particleRadius = DEFAULT_PARTICLE_RADIUS,
    minSize = 1,
    window = 7,
    onProgress,
    signal,
    attempts,
    ...segment
  } = o;
  const scheme = checkScheme(fn, 'options.scheme', segment.scheme);
  if (typeof output !== 'string' || output.length === 0) {
    throw new InvalidArgumentError(fn, 'options.output', output, 'a directory path');
  }
  assertNumber(fn, 'options.particleRadius', particleRadius, { min: 0 });
  assertNumber(fn, 'options.minSize', minSize, { integer: true, min: 0 });
  assertNumber(fn, 'options.window', window, { integer: true, min: 1 });
  if (window % 2 === 0) throw new InvalidArgumentError(fn, 'options.window', window, 'odd');
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const volume = await openVolumeSource(fn, 'options.source', source);
  const shape = volume.shape;
  const blockShape = checkBlockShape(fn, 'options.blockShape', blockShapeArg, shape.length);
  const h = segmentHalo(segment.minDistance ?? 5, particleRadius);
  const plan = blockPlan(shape, blockShape, { halo: h });
  for (const path of ['local-labels', INSTANCE_LABELS]) {
    await createLabelArray(output, path, shape, blockShape);
  }
  const run = async <I, O>(pass: string, tasks: TaskSpec<I>[]): Promise<O[]> => {
    const outcomes = await executor.run<O>(tasks, {
      signal,
      attempts,
      onProgress: onProgress && ((p) => onProgress({ ...p, pass })),
    });
    const failures = outcomes.flatMap((r) => (r.ok ? [] : [{ key: r.key, error: r.error }]));
    if (failures.length > 0) throw new BlockTaskError(fn, failures, tasks.length);
    return outcomes.map((r) => (r.ok ? fromPlainJson<O>(r.value) : (undefined as never)));
  };
  const segmentOptions: SegmentBlockOptions = { ...segment, scheme };
  const partials = await run<SegmentTaskInput, SegmentPartial>(
    'segment',
    plan.blocks.map((b) => ({
      kind: 'segmentBlock',
      key: `segment-${b.id}`,
      input: {
        source: { store: source.store, path: source.path ?? '' },
        output,
        blockShape,
        halo: plan.halo,
        block: b.id,
        options: segmentOptions,
      },
    })),
  );
  const { count, relabel, phaseOfLabel } = stitchSegments(plan, partials, { minSize });
  const sums = await run<RelabelTaskInput, RegionSumsPartial>(
    'relabel',
    plan.blocks.map((b) => ({
      kind: 'relabelBlock',
      key: `relabel-${b.id}`,
      input: { output, blockShape, block: b.id, relabel: Array.from(relabel[b.id]!) },
    })),
  );
  const counts = await run<AdjacencyTaskInput, AdjacencyCounts>(
    'adjacency',
    plan.blocks.map((b) => ({
      kind: 'adjacencyBlock',
      key: `adjacency-${b.id}`,
      input: { output, blockShape, block: b.id, window },
    })),
  );
  const nodes = mergeRegionSums(sums, shape.length as 2 | 3).map((n) => ({
    ...n,
    phase: scheme.phases[phaseOfLabel[n.label]!]!,
  }));
  return {
    count,
    nodes,
    edges: mergeAdjacencyCounts(counts),
    blocks: plan.blocks.length,
    labelsPath: INSTANCE_LABELS,
  };
}
