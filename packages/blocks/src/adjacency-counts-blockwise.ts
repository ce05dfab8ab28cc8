import {
  assertCallback,
  assertNdim,
  assertSignal,
  checkOptions,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { blockAdjacencyCounts, checkWindow } from './block-adjacency-counts.js';
import { checkBlockShape, planOf } from './block-plan.js';
import { mergeAdjacencyCounts } from './merge-adjacency-counts.js';

/** Options of {@link adjacencyCountsBlockwise}. */
export interface AdjacencyCountsBlockwiseOptions {
  /** Block size per axis (required); blocks larger than the volume are clipped to it. */
  blockShape: readonly number[];
  /** Side of the square / cube window, an odd integer >= 1. Default 7. */
  window?: number;
  /** Called with `(blocksDone, blocks)` after each block. */
  onProgress?: ProgressCallback;
  /** Checked between blocks (`AbortError`). */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<AdjacencyCountsBlockwiseOptions> = {
  blockShape: true,
  window: true,
  onProgress: true,
  signal: true,
};

/**
 * `@mgraph/graph`'s `adjacencyCounts` computed block by block: a plan with a halo of the
 * window radius, {@link blockAdjacencyCounts} on each block's outer box (a copy), the
 * partial counts summed ({@link mergeAdjacencyCounts}). Identical to the whole-volume
 * counts; memory: one outer box and the pair table.
 *
 * @param labels - 2D or 3D instance labels (non-negative integers, any strides)
 * @param options - {@link AdjacencyCountsBlockwiseOptions}: `blockShape` (required),
 *   `window` (7), `onProgress`, `signal`
 * @returns `AdjacencyCounts`, sorted by source, then target
 * @throws InvalidArgumentError for a bad array, label, block shape or option
 * @throws AbortError when `options.signal` aborts
 */
export function adjacencyCountsBlockwise(
  labels: NdArray,
  options: AdjacencyCountsBlockwiseOptions,
): AdjacencyCounts {
  const fn = 'adjacencyCountsBlockwise';
  const o = checkOptions(fn, options, KEYS);
  assertNdim(fn, 'labels', labels, [2, 3]);
  const blockShape = checkBlockShape(fn, 'options.blockShape', o.blockShape, labels.shape.length);
  const r = checkWindow(fn, o.window ?? 7);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const plan = planOf(
    fn,
    labels.shape,
    blockShape,
    labels.shape.map(() => r),
  );
  const partials: AdjacencyCounts[] = [];
  for (const block of plan.blocks) {
    throwIfAborted(fn, o.signal);
    const box = labels
      .lo(...block.outerStart)
      .hi(...block.outerStop.map((s, d) => s - block.outerStart[d]!));
    partials.push(blockAdjacencyCounts(box, block, plan, { window: o.window }));
    o.onProgress?.(partials.length, plan.blocks.length);
  }
  return mergeAdjacencyCounts(partials);
}
