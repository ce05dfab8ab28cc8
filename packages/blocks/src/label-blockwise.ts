import {
  assertCallback,
  assertNdim,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import type { LabelResult } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { checkBlockShape, planOf } from './block-plan.js';
import { type LabelPartial, labelBlock } from './label-block.js';
import { stitchLabels } from './stitch-labels.js';

/** Options of {@link labelBlockwise}. */
export interface LabelBlockwiseOptions {
  /** Block size per axis (required); blocks larger than the volume are clipped to it. */
  blockShape: readonly number[];
  /** 1 = faces (scipy's default), up to ndim. Default 1. */
  connectivity?: number;
  /** Called with `(done, total)`: each block labelled, then each block relabelled (2 x blocks). */
  onProgress?: ProgressCallback;
  /** Checked between blocks (`AbortError`). */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<LabelBlockwiseOptions> = {
  blockShape: true,
  connectivity: true,
  onProgress: true,
  signal: true,
};

/**
 * Connected components of a 2D / 3D volume computed block by block: each block is
 * labelled alone ({@link labelBlock}), the blocks are joined across their faces and
 * numbered in raster order ({@link stitchLabels}), and the local labels are rewritten to
 * global ones. The result equals `@mgraph/watershed`'s `label` on the whole volume
 * (`scipy.ndimage.label`) element for element, whatever the block shape. Memory: the
 * result, one block's copy and the blocks' faces.
 *
 * @param mask - 2D or 3D ndarray of any numeric dtype and strides; nonzero = object
 * @param options - {@link LabelBlockwiseOptions}: `blockShape` (required), `connectivity`
 *   (1), `onProgress`, `signal`
 * @returns `{ labels, count }` as `label`: int32 labels, 0 = background
 * @throws InvalidArgumentError for a mask `label` refuses, a bad block shape or option, or
 *   more than 2^31 - 1 objects (an int32 result cannot hold them; use {@link stitchLabels}'s
 *   Float64 relabelling block by block)
 * @throws AbortError when `options.signal` aborts
 */
export function labelBlockwise(mask: NdArray, options: LabelBlockwiseOptions): LabelResult {
  const fn = 'labelBlockwise';
  const o = checkOptions(fn, options, KEYS);
  assertNdim(fn, 'mask', mask, [2, 3]);
  const blockShape = checkBlockShape(fn, 'options.blockShape', o.blockShape, mask.shape.length);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const plan = planOf(
    fn,
    mask.shape,
    blockShape,
    mask.shape.map(() => 0),
  );
  const out = new Int32Array(mask.shape.reduce((a, b) => a * b, 1));
  const labels: LabelImage = ndarray(out, mask.shape.slice());
  const total = 2 * plan.blocks.length;
  const partials: LabelPartial[] = [];
  let done = 0;
  for (const block of plan.blocks) {
    throwIfAborted(fn, o.signal);
    const box = mask.lo(...block.start).hi(...block.stop.map((s, d) => s - block.start[d]!));
    const { labels: local, partial } = labelBlock(box, block, plan, {
      connectivity: o.connectivity,
    });
    copyInto(labels, block.start, local);
    partials.push(partial);
    o.onProgress?.(++done, total);
  }
  const { count, relabel } = stitchLabels(plan, partials, { connectivity: o.connectivity });
  if (count > 2 ** 31 - 1) {
    throw new InvalidArgumentError(fn, 'mask', mask, 'a volume of at most 2^31 - 1 objects');
  }
  for (const block of plan.blocks) {
    throwIfAborted(fn, o.signal);
    const map = relabel[block.id]!;
    const ext = block.stop.map((s, d) => s - block.start[d]!);
    const view = labels.lo(...block.start).hi(...ext);
    forEachRow(view, (base, n, step) => {
      for (let k = 0, i = base; k < n; k++, i += step) out[i] = map[out[i]!]!;
    });
    o.onProgress?.(++done, total);
  }
  return { labels, count };
}

/** Write the row-major `local` labels into `target` at `start`. */
function copyInto(target: LabelImage, start: number[], local: LabelImage): void {
  const src = local.data;
  const view = target.lo(...start).hi(...local.shape);
  let k = 0;
  forEachRow(view, (base, n, step) => {
    for (let j = 0, i = base; j < n; j++, i += step) view.data[i] = src[k++]!;
  });
}

/** Call `fn(base, length, step)` for each row (last axis) of a 2D / 3D view, in raster order. */
function forEachRow(view: NdArray, fn: (base: number, n: number, step: number) => void): void {
  const [nz, ny, nx] = view.shape.length === 3 ? view.shape : [1, ...view.shape];
  const [sz, sy, sx] = view.stride.length === 3 ? view.stride : [0, ...view.stride];
  for (let z = 0; z < nz!; z++) {
    for (let y = 0; y < ny!; y++) fn(view.offset + z * sz! + y * sy!, nx!, sx!);
  }
}
