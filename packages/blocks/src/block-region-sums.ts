import {
  assertDtype,
  assertNdim,
  flatData,
  type LabelImage,
  type NdArray,
  ShapeMismatchError,
} from '@mgraph/core';
import { as3d } from './as-3d.js';
import type { Block } from './block-plan.js';

/**
 * One block's additive region statistics (plain JSON), merged by `mergeRegionSums`: for each
 * label present in the block (ascending), its voxels, the sums of its voxel coordinates and
 * its bounding box, all in volume coordinates (`ndim` numbers per label, array axis order).
 */
export interface RegionSumsPartial {
  /** The block's id in its plan. */
  id: number;
  /** Labels present in the block (nonzero), ascending. */
  labels: number[];
  /** Voxels of each label in the block. */
  voxels: number[];
  /** Sum of each label's voxel coordinates, `ndim` per label. */
  sums: number[];
  /** Smallest coordinate of each label, `ndim` per label. */
  min: number[];
  /** Largest coordinate of each label, `ndim` per label. */
  max: number[];
}

/**
 * Voxel counts, coordinate sums and bounding boxes of the labels of one block: the graph's
 * node inputs (object size, centroid, extent) as additive partials. Merged over the blocks
 * (`mergeRegionSums`) they give `@mgraph/watershed`'s `regionProps` `area`, `centroid` and
 * `bbox` of the whole volume exactly (integer sums in doubles, exact below 2^53).
 *
 * @param labels - the block's labels, `[block.start, block.stop)` (integer dtype, any
 *   strides; 0 = no object)
 * @param block - the block, from its plan
 * @returns the block's {@link RegionSumsPartial}
 * @throws ShapeMismatchError when `labels` is not the block's shape
 * @throws InvalidArgumentError for labels that are not a 2D / 3D integer ndarray
 */
export function blockRegionSums(labels: LabelImage | NdArray, block: Block): RegionSumsPartial {
  const fn = 'blockRegionSums';
  assertNdim(fn, 'labels', labels, [2, 3]);
  assertDtype(fn, 'labels', labels, ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32']);
  const ext = block.stop.map((s, d) => s - block.start[d]!);
  if (labels.shape.join() !== ext.join()) {
    throw new ShapeMismatchError(fn, 'labels', ext, labels.shape);
  }
  const data = flatData(labels as LabelImage);
  const ndim = ext.length;
  const [z0, y0, x0] = as3d(block.start, 0);
  const [z1, y1, x1] = as3d(block.stop, 1);
  // slot per label, in order of first appearance; stats per slot as [z, y, x]
  const slot = new Map<number, number>();
  const voxels: number[] = [];
  const sums: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  let i = 0;
  for (let z = z0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++, i++) {
        const l = data[i]!;
        if (l === 0) continue;
        let k = slot.get(l);
        if (k === undefined) {
          k = voxels.length;
          slot.set(l, k);
          voxels.push(0);
          sums.push(0, 0, 0);
          min.push(z, y, x);
          max.push(z, y, x);
        }
        voxels[k]!++;
        sums[3 * k]! += z;
        sums[3 * k + 1]! += y;
        sums[3 * k + 2]! += x;
        // raster order: z and y only grow; x may not
        max[3 * k] = z;
        if (y > max[3 * k + 1]!) max[3 * k + 1] = y;
        if (y < min[3 * k + 1]!) min[3 * k + 1] = y;
        if (x > max[3 * k + 2]!) max[3 * k + 2] = x;
        if (x < min[3 * k + 2]!) min[3 * k + 2] = x;
      }
    }
  }
  const order = [...slot.entries()].sort((a, b) => a[0] - b[0]);
  const first = 3 - ndim;
  const pick = (v: number[]) => order.flatMap(([, k]) => v.slice(3 * k + first, 3 * k + 3));
  return {
    id: block.id,
    labels: order.map(([l]) => l),
    voxels: order.map(([, k]) => voxels[k]!),
    sums: pick(sums),
    min: pick(min),
    max: pick(max),
  };
}
