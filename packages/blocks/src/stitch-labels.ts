import { assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { as3d } from './as-3d.js';
import { type BlockPlan, checkOnePerBlock } from './block-plan.js';
import { LABEL_BLOCK_KEYS, type LabelBlockOptions, type LabelPartial } from './label-block.js';
import { provisionalSets, type UnionFind } from './union-find.js';

/** What {@link stitchLabels} returns. */
export interface LabelStitch {
  /** Objects in the whole volume. */
  count: number;
  /**
   * Per block (by id): `relabel[id][k]` is the global label of the block's local label
   * `k` (`relabel[id][0] = 0`). Int32Array while `count` < 2^31, Float64Array past it
   * (exact integers up to 2^53).
   */
  relabel: (Int32Array | Float64Array)[];
}

/** Most provisional objects (sum of the blocks' counts) stitched at once: 2^32. */
const PROVISIONAL_LIMIT = 2 ** 32;

/**
 * Stitch independently labelled blocks into the labels of the whole volume: a union-find
 * over the blocks' objects joins two objects when a voxel of one and a voxel of the other
 * touch across a block face (the neighbours of the connectivity: faces, and with
 * connectivity 2 / 3 edges and corners, also where the neighbour lies in a diagonal block),
 * then the merged objects are numbered in the raster order of their first voxel. The result
 * is `scipy.ndimage.label` of the whole volume exactly (same numbering, so identical arrays).
 *
 * Ids: block-local labels are offset by the counts of the blocks before them (provisional
 * ids, Float64, so sums past 2^31 stay exact); global labels past 2^31 - 1 come back in a
 * Float64Array.
 *
 * @param plan - the {@link BlockPlan} the partials were made on
 * @param partials - one {@link LabelPartial} per block, in block-id order
 * @param options - {@link LabelBlockOptions}: `connectivity` (1), as the blocks were labelled
 * @returns the {@link LabelStitch}
 * @throws InvalidArgumentError when `partials` does not match the plan (count, ids, face
 *   sizes), a connectivity outside 1..ndim, or more than 2^32 provisional objects
 *
 * @remarks
 * References: A. Rosenfeld, J. L. Pfaltz, "Sequential operations in digital picture
 * processing", J. ACM 13 (1966) 471-494; R. E. Tarjan, "Efficiency of a good but not linear
 * set union algorithm", J. ACM 22 (1975) 215-225, doi:10.1145/321879.321884.
 */
export function stitchLabels(
  plan: BlockPlan,
  partials: readonly LabelPartial[],
  options: LabelBlockOptions | null = {},
): LabelStitch {
  const fn = 'stitchLabels';
  const o = checkOptions(fn, options, LABEL_BLOCK_KEYS);
  const connectivity = o.connectivity ?? 1;
  assertNumber(fn, 'options.connectivity', connectivity, {
    integer: true,
    min: 1,
    max: plan.shape.length,
  });
  checkPartials(fn, plan, partials);
  const { offset, total, sets } = provisionalSets(fn, partials, PROVISIONAL_LIMIT, 24);
  joinFaces(plan, partials, offset, connectivity, sets);
  // every set's first voxel: the smallest first voxel of its members (raster order inside a
  // block is raster order in the volume, so a block's first voxel of an object is the
  // object's first voxel within that block)
  const firstOfRoot = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  for (let b = 0; b < partials.length; b++) {
    const { first, count } = partials[b]!;
    for (let k = 0; k < count; k++) {
      const r = sets.find(offset[b]! + k);
      if (first[k]! < firstOfRoot[r]!) firstOfRoot[r] = first[k]!;
    }
  }
  let count = 0;
  for (let g = 0; g < total; g++) if (sets.parent[g] === g) count++;
  const keys = new Float64Array(count);
  for (let g = 0, i = 0; g < total; g++) if (sets.parent[g] === g) keys[i++] = firstOfRoot[g]!;
  keys.sort();
  const Out = count < 2 ** 31 ? Int32Array : Float64Array;
  const relabel = partials.map((p, b) => {
    const map = new Out(p.count + 1);
    for (let k = 0; k < p.count; k++) {
      map[k + 1] = rank(keys, firstOfRoot[sets.find(offset[b]! + k)]!) + 1;
    }
    return map;
  });
  return { count, relabel };
}

/** Index of `key` in the sorted `keys` (present). */
function rank(keys: Float64Array, key: number): number {
  let a = 0;
  let b = keys.length - 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (keys[m]! < key) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * Union every pair of objects that touch across a block boundary. Each voxel `p` on the
 * low face (along axis d) of a block that does not start at 0 is paired with its
 * neighbours `q = p + o`, `o[d] = -1`, `o` within the connectivity; `q` lies on the high
 * face along d of whichever block holds it. A pair split across blocks differs along some
 * axis, so it is met at that axis' boundary.
 */
function joinFaces(
  plan: BlockPlan,
  partials: readonly LabelPartial[],
  offset: Float64Array,
  connectivity: number,
  sets: UnionFind,
): void {
  const shape = as3d(plan.shape);
  const bs = as3d(plan.blockShape);
  const grid = as3d(plan.grid);
  const gridStride = [grid[1] * grid[2], grid[2], 1];
  for (let d = 0; d < 3; d++) {
    const [e1, e2] = [0, 1, 2].filter((a) => a !== d) as [number, number];
    const n1 = shape[e1]!;
    const n2 = shape[e2]!;
    const b1 = bs[e1]!;
    const b2 = bs[e2]!;
    // in-face moves (along e1, e2) of the neighbours one step back along d
    const moves: number[] = [];
    for (let a = -1; a <= 1; a++) {
      for (let b = -1; b <= 1; b++) {
        if (1 + Math.abs(a) + Math.abs(b) <= connectivity) moves.push(a, b);
      }
    }
    for (const block of plan.blocks) {
      const start = as3d(block.start, 0);
      if (start[d] === 0) continue;
      const stop = as3d(block.stop, 1);
      const face = partials[block.id]!.low[d]!;
      const base = offset[block.id]! - 1;
      const backId = block.id - gridStride[d]!;
      const backIndex = as3d(block.index, 0);
      const u0 = start[e1]!;
      const v0 = start[e2]!;
      const w2 = stop[e2]! - v0;
      for (let u = u0; u < stop[e1]!; u++) {
        for (let v = v0; v < stop[e2]!; v++) {
          const lp = face[(u - u0) * w2 + (v - v0)]!;
          if (lp === 0) continue;
          for (let m = 0; m < moves.length; m += 2) {
            const qu = u + moves[m]!;
            const qv = v + moves[m + 1]!;
            if (qu < 0 || qv < 0 || qu >= n1 || qv >= n2) continue;
            const i1 = Math.floor(qu / b1);
            const i2 = Math.floor(qv / b2);
            const id =
              backId +
              (i1 - backIndex[e1]!) * gridStride[e1]! +
              (i2 - backIndex[e2]!) * gridStride[e2]!;
            const ow2 = Math.min(b2, n2 - i2 * b2);
            const lq = partials[id]!.high[d]![(qu - i1 * b1) * ow2 + (qv - i2 * b2)]!;
            if (lq !== 0) sets.union(base + lp, offset[id]! + lq - 1);
          }
        }
      }
    }
  }
}

/** The partials match the plan: one per block in id order, faces of the block's sizes. */
function checkPartials(fn: string, plan: BlockPlan, partials: readonly LabelPartial[]): void {
  checkOnePerBlock(fn, 'partials', plan, partials, 'LabelPartial');
  partials.forEach((p, id) => {
    const block = plan.blocks[id]!;
    const ext = as3d(block.stop.map((s, d) => s - block.start[d]!));
    const sizes = [ext[1] * ext[2], ext[0] * ext[2], ext[0] * ext[1]];
    const ok =
      p?.id === id &&
      Number.isSafeInteger(p.count) &&
      p.count >= 0 &&
      p.first?.length === p.count &&
      sizes.every((n, d) => p.low?.[d]?.length === n && p.high?.[d]?.length === n);
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `partials[${id}]`,
        p,
        `the LabelPartial of block ${id} (labelBlock's, faces of ${sizes.join(' / ')} voxels)`,
      );
    }
  });
}
