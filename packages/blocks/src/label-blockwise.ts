import {
  assertAllocation,
  assertCallback,
  assertNdim,
  assertNumericData,
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
import { as3d } from './as-3d.js';
import { checkBlockShape, planOf } from './block-plan.js';
import { copyBox } from './copy-box.js';
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

/** Most voxels of the int32 result (2^31 - 1). */
const LABELS_LIMIT = 2 ** 31 - 1;

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
 * @throws InvalidArgumentError for a mask `label` refuses, a bad block shape or option, a
 *   volume of more than 2^31 - 1 voxels (before allocating), or more than 2^31 - 1 objects (an int32 result cannot hold them; use {@link stitchLabels}'s
 *   Float64 relabelling block by block)
 * @throws AbortError when `options.signal` aborts
 */
export function labelBlockwise(mask: NdArray, options: LabelBlockwiseOptions): LabelResult {
  const fn = 'labelBlockwise';
  const o = checkOptions(fn, options, KEYS);
  assertNdim(fn, 'mask', mask, [2, 3]);
  assertNumericData(fn, 'mask', mask);
  const blockShape = checkBlockShape(fn, 'options.blockShape', o.blockShape, mask.shape.length);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const plan = planOf(
    fn,
    mask.shape,
    blockShape,
    mask.shape.map(() => 0),
  );
  const size = mask.shape.reduce((a, b) => a * b, 1);
  assertAllocation(fn, 'mask', mask, size, {
    limit: LABELS_LIMIT,
    bytesPerElement: 4,
    what: 'labels',
    subject: 'a volume (larger ones: labelBlock and stitchLabels block by block)',
  });
  const out = new Int32Array(size);
  const labels: LabelImage = ndarray(out, mask.shape.slice());
  const total = 2 * plan.blocks.length;
  const partials: LabelPartial[] = [];
  let done = 0;
  for (const block of plan.blocks) {
    throwIfAborted(fn, o.signal);
    const ext = block.stop.map((s, d) => s - block.start[d]!);
    const box = copyBox(mask, block.start, ext);
    const { labels: local, partial } = labelBlock(box, block, plan, {
      connectivity: o.connectivity,
    });
    const src = local.data;
    let k = 0;
    forEachRow(mask.shape, block.start, ext, (at, n) => {
      out.set(src.subarray(k, k + n), at);
      k += n;
    });
    partials.push(partial);
    done++;
    o.onProgress?.(done, total);
  }
  const { count, relabel } = stitchLabels(plan, partials, { connectivity: o.connectivity });
  if (count > 2 ** 31 - 1) {
    throw new InvalidArgumentError(fn, 'mask', mask, 'a volume of at most 2^31 - 1 objects');
  }
  for (const block of plan.blocks) {
    throwIfAborted(fn, o.signal);
    const map = relabel[block.id]!;
    const ext = block.stop.map((s, d) => s - block.start[d]!);
    forEachRow(mask.shape, block.start, ext, (at, n) => {
      for (let i = at; i < at + n; i++) out[i] = map[out[i]!]!;
    });
    done++;
    o.onProgress?.(done, total);
  }
  return { labels, count };
}

/**
 * Call `fn(offset, length)` for each row of the box `[start, start + ext)` of a row-major
 * array of `shape`, in raster order.
 */
function forEachRow(
  shape: readonly number[],
  start: readonly number[],
  ext: readonly number[],
  fn: (offset: number, n: number) => void,
): void {
  const [, NY, NX] = as3d(shape);
  const [z0, y0, x0] = as3d(start, 0);
  const [nz, ny, nx] = as3d(ext);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) fn(((z0 + z) * NY + (y0 + y)) * NX + x0, nx);
  }
}
