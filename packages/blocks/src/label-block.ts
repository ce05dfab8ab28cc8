import {
  assertAllocation,
  checkOptions,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import { label } from '@mgraph/watershed';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';

/** Most voxels of one block (2^28). */
const BLOCK_LIMIT = 2 ** 28;

/** Options of {@link labelBlock} and {@link stitchLabels}. */
export interface LabelBlockOptions {
  /** 1 = faces (scipy's default), up to ndim = faces, edges and corners. Default 1. */
  connectivity?: number;
}

/** The option keys of {@link LabelBlockOptions}. */
export const LABEL_BLOCK_KEYS: OptionKeys<LabelBlockOptions> = { connectivity: true };

/**
 * What {@link stitchLabels} needs of one labelled block: small (its faces and one number
 * per object), so that the blocks of a volume larger than memory can be stitched.
 */
export interface LabelPartial {
  /** The block's id in its plan. */
  id: number;
  /** Objects in the block alone, labelled `1..count` in the block's raster order. */
  count: number;
  /**
   * Global raster index (row-major over the whole volume) of the first voxel of each
   * local object: `first[k - 1]` for local label `k`. Float64: exact up to 2^53 voxels.
   */
  first: Float64Array;
  /**
   * Local labels on the block's faces, per axis `d` (of the 3D view; a 2D volume is one
   * plane): `low[d]` the voxels with the smallest coordinate along `d`, `high[d]` the
   * largest, each row-major over the other two axes.
   */
  low: Int32Array[];
  high: Int32Array[];
}

/**
 * Label one block on its own (`@mgraph/watershed`'s `label`, scipy's `ndimage.label`) and
 * keep what stitching needs: the local labels on the block's faces and the global raster
 * index of each object's first voxel.
 *
 * @param mask - the block's voxels, `[block.start, block.stop)` of the volume (any numeric
 *   dtype and strides; nonzero = object)
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan} (any halo: the mask covers the block itself only)
 * @param options - {@link LabelBlockOptions}: `connectivity` (1)
 * @returns `{ labels, partial }`: the block's local int32 labels and its {@link LabelPartial}
 * @throws ShapeMismatchError when `mask` is not the block's shape
 * @throws InvalidArgumentError as `label` (a non-2D / 3D or non-numeric mask, a bad
 *   connectivity), or for a block of more than 2^28 voxels
 */
export function labelBlock(
  mask: NdArray,
  block: Block,
  plan: BlockPlan,
  options: LabelBlockOptions | null = {},
): { labels: LabelImage; partial: LabelPartial } {
  const fn = 'labelBlock';
  const { connectivity } = checkOptions(fn, options, LABEL_BLOCK_KEYS);
  const ext = block.stop.map((s, d) => s - block.start[d]!);
  if (mask?.shape?.join() !== ext.join()) {
    throw new ShapeMismatchError(fn, 'mask', ext, mask?.shape ?? []);
  }
  assertAllocation(
    fn,
    'mask',
    mask,
    ext.reduce((a, b) => a * b, 1),
    {
      limit: BLOCK_LIMIT,
      bytesPerElement: 12,
      what: 'voxels',
      subject: 'a block',
    },
  );
  const { labels, count } = label(mask, { connectivity });
  return { labels, partial: partialOf(labels.data, count, block, plan) };
}

/** The {@link LabelPartial} of a block's row-major local labels. @internal */
export function partialOf(
  local: Int32Array,
  count: number,
  block: Block,
  plan: BlockPlan,
): LabelPartial {
  const [nz, ny, nx] = as3d(block.stop.map((s, d) => s - block.start[d]!));
  const [z0, y0, x0] = as3d(block.start, 0);
  const [, NY, NX] = as3d(plan.shape);
  const first = new Float64Array(count);
  let seen = 0;
  for (let z = 0, i = 0; z < nz && seen < count; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, i++) {
        if (local[i] === seen + 1) first[seen++] = ((z0 + z) * NY + (y0 + y)) * NX + (x0 + x);
      }
    }
  }
  const low: Int32Array[] = [];
  const high: Int32Array[] = [];
  const ext = [nz, ny, nx];
  const stride = [ny * nx, nx, 1];
  for (let d = 0; d < 3; d++) {
    const [e1, e2] = [0, 1, 2].filter((a) => a !== d) as [number, number];
    const lo = new Int32Array(ext[e1]! * ext[e2]!);
    const hi = new Int32Array(lo.length);
    const far = (ext[d]! - 1) * stride[d]!;
    for (let u = 0, k = 0; u < ext[e1]!; u++) {
      for (let v = 0; v < ext[e2]!; v++, k++) {
        const at = u * stride[e1]! + v * stride[e2]!;
        lo[k] = local[at]!;
        hi[k] = local[at + far]!;
      }
    }
    low.push(lo);
    high.push(hi);
  }
  return { id: block.id, count, first, low, high };
}
