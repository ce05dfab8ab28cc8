import { assertNumber, checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import { as3d } from './as-3d.js';
import { type BlockPlan, checkOnePerBlock } from './block-plan.js';
import type { SegmentPartial } from './segment-block.js';
import { provisionalSets, type UnionFind } from './union-find.js';

/** Options of {@link stitchSegments}. */
export interface StitchSegmentsOptions {
  /** Objects with fewer voxels (summed over the blocks) get label 0. Default 1 (keep all). */
  minSize?: number;
}

const KEYS: OptionKeys<StitchSegmentsOptions> = { minSize: true };

/** What {@link stitchSegments} returns. */
export interface SegmentStitch {
  /** Objects in the whole volume. */
  count: number;
  /** Per block (by id): `relabel[id][k]` = global label of provisional id `k` (0 = dropped). */
  relabel: Int32Array[];
  /** Phase code of each global label (`phaseOfLabel[0] = 0`). */
  phaseOfLabel: Uint8Array;
}

/** Most provisional objects stitched at once (2^31 - 1: int32 global labels). */
const PROVISIONAL_LIMIT = 2 ** 31 - 1;

/**
 * Stitch independently segmented blocks ({@link segmentBlock}) into the instance labels of
 * the whole volume. For each face between two blocks, the labels both blocks gave on the
 * slab `[f - overlap, f + overlap)` around it are compared voxel by voxel (each block saw the
 * slab with its own halo, so both views cover it), and a union-find joins provisional ids:
 *
 * - split phases (watershed): `a` of one block and `b` of the other are the same particle
 *   when their IoU on the slab is above 0.5, `|a and b| / |a or b| > 0.5` (voxels of the
 *   slab labelled `a` by the first block, `b` by the second). An IoU above 0.5 pairs each id
 *   with at most one id across the face (both overlaps exceed half of each), so two
 *   particles that touch across a face stay two, and a particle both blocks cut alike
 *   (IoU near 1) becomes one. Ids the two blocks disagree on stay apart.
 * - other object phases (connected components): objects that touch across the face (face
 *   neighbours on the two sides) are one, as {@link stitchLabels}: exact.
 *
 * Merged objects are numbered as `instanceSegmentation` numbers (phase by phase in the
 * scheme's object order, then in raster order of the first voxel), after dropping those
 * smaller than `minSize`. With one block the result is `instanceSegmentation` of the volume.
 *
 * @param plan - the {@link BlockPlan} the partials were made on
 * @param partials - one {@link SegmentPartial} per block, in block-id order
 * @param options - {@link StitchSegmentsOptions}: `minSize` (1)
 * @returns the {@link SegmentStitch}
 * @throws InvalidArgumentError when `partials` does not match the plan (count, ids, slab
 *   sizes, one overlap and scheme for all), a bad `minSize`, or more than 2^31 - 1
 *   provisional objects
 *
 * @remarks
 * References: Gostick et al., PoreSpy `snow_partitioning_parallel` (blocks with overlap,
 * then merged); Pape et al., elf / "Solving large multicut problems for connectomics via
 * domain decomposition", ICCV workshops 2017 (block-wise watershed stitched by overlap);
 * R. E. Tarjan, J. ACM 22 (1975) 215-225 (union-find).
 */
export function stitchSegments(
  plan: BlockPlan,
  partials: readonly SegmentPartial[],
  options: StitchSegmentsOptions | null = {},
): SegmentStitch {
  const fn = 'stitchSegments';
  const { minSize = 1 } = checkOptions(fn, options, KEYS);
  assertNumber(fn, 'options.minSize', minSize, { integer: true, min: 0 });
  checkPartials(fn, plan, partials);
  const { offset, total, sets } = provisionalSets(fn, partials, PROVISIONAL_LIMIT, 32);
  const split = new Set(partials[0]?.split ?? []);
  const shape = as3d(plan.shape);
  const grid = as3d(plan.grid);
  const gridStride = [grid[1] * grid[2], grid[2], 1];
  for (const block of plan.blocks) {
    const start = as3d(block.start, 0);
    for (let d = 0; d < 3; d++) {
      if (start[d] === 0) continue;
      const b = partials[block.id]!;
      const a = partials[block.id - gridStride[d]!]!;
      const f = start[d]!;
      const t0 = Math.max(0, f - b.overlap);
      const area = b.low[d]!.length / (Math.min(shape[d]!, f + b.overlap) - t0);
      joinSlab(a, b, a.high[d]!, b.low[d]!, area, f - t0, offset, split, sets);
    }
  }

  // roots: phase rank, first voxel, summed size
  const rank = new Map((partials[0]?.order ?? []).map((code, i) => [code, i]));
  const firstOf = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  const sizeOf = new Float64Array(total);
  const phaseOf = new Uint8Array(total);
  partials.forEach((p, b) => {
    for (let k = 0; k < p.count; k++) {
      const r = sets.find(offset[b]! + k);
      if (p.first[k]! < firstOf[r]!) firstOf[r] = p.first[k]!;
      sizeOf[r]! += p.size[k]!;
      phaseOf[r] = p.phase[k]!;
    }
  });
  const roots: number[] = [];
  for (let g = 0; g < total; g++) {
    if (sets.parent[g] === g && sizeOf[g]! >= minSize) roots.push(g);
  }
  roots.sort(
    (x, y) => rank.get(phaseOf[x]!)! - rank.get(phaseOf[y]!)! || firstOf[x]! - firstOf[y]!,
  );
  const labelOf = new Int32Array(total);
  const phaseOfLabel = new Uint8Array(roots.length + 1);
  roots.forEach((r, i) => {
    labelOf[r] = i + 1;
    phaseOfLabel[i + 1] = phaseOf[r]!;
  });
  const relabel = partials.map((p, b) => {
    const map = new Int32Array(p.count + 1);
    for (let k = 0; k < p.count; k++) map[k + 1] = labelOf[sets.find(offset[b]! + k)]!;
    return map;
  });
  return { count: roots.length, relabel, phaseOfLabel };
}

/**
 * Vote on one face: `sa` / `sb` are the slab as the low block `a` and the high block `b`
 * label it (same voxels, same order: layers of `area` voxels, `below` of them under the
 * face, then those above).
 */
function joinSlab(
  a: SegmentPartial,
  b: SegmentPartial,
  sa: Int32Array,
  sb: Int32Array,
  area: number,
  below: number,
  offset: Float64Array,
  split: Set<number>,
  sets: UnionFind,
): void {
  const baseA = offset[a.id]! - 1;
  const baseB = offset[b.id]! - 1;
  // connected-component phases: face neighbours across the face are one object
  for (let k = 0, i = (below - 1) * area, j = below * area; k < area; k++, i++, j++) {
    const la = sa[i]!;
    const lb = sb[j]!;
    if (la === 0 || lb === 0 || la > a.count || lb > b.count) continue;
    const p = a.phase[la - 1]!;
    if (!split.has(p) && p === b.phase[lb - 1]) sets.union(baseA + la, baseB + lb);
  }
  // split phases: IoU of the two views on the slab
  let width = 1;
  for (let i = 0; i < sb.length; i++) if (sb[i]! >= width) width = sb[i]! + 1;
  const both = new Map<number, number>();
  const inA = new Map<number, number>();
  const inB = new Map<number, number>();
  for (let i = 0; i < sa.length; i++) {
    const la = sa[i]!;
    const lb = sb[i]!;
    if (la !== 0) inA.set(la, (inA.get(la) ?? 0) + 1);
    if (lb !== 0) inB.set(lb, (inB.get(lb) ?? 0) + 1);
    if (la !== 0 && lb !== 0) both.set(la * width + lb, (both.get(la * width + lb) ?? 0) + 1);
  }
  for (const [key, c] of both) {
    const la = Math.floor(key / width);
    const lb = key - la * width;
    if (la > a.count || lb > b.count) continue;
    const p = a.phase[la - 1]!;
    if (!split.has(p) || p !== b.phase[lb - 1]) continue;
    if (c / (inA.get(la)! + inB.get(lb)! - c) > 0.5) sets.union(baseA + la, baseB + lb);
  }
}

/** The partials match the plan: one per block in id order, slabs of the block's sizes. */
function checkPartials(fn: string, plan: BlockPlan, partials: readonly SegmentPartial[]): void {
  checkOnePerBlock(fn, 'partials', plan, partials, 'SegmentPartial');
  const shape = as3d(plan.shape);
  const p0 = partials[0];
  partials.forEach((p, id) => {
    const block = plan.blocks[id]!;
    const start = as3d(block.start, 0);
    const stop = as3d(block.stop, 1);
    const slabSize = (d: number, f: number, edge: boolean) => {
      if (edge) return 0;
      const [e1, e2] = [0, 1, 2].filter((a) => a !== d) as [number, number];
      const layers = Math.min(shape[d]!, f + p.overlap) - Math.max(0, f - p.overlap);
      return layers * (stop[e1]! - start[e1]!) * (stop[e2]! - start[e2]!);
    };
    const ok =
      p?.id === id &&
      Number.isSafeInteger(p.count) &&
      p.count >= 0 &&
      p.phase?.length === p.count &&
      p.size?.length === p.count &&
      p.first?.length === p.count &&
      p.overlap === p0?.overlap &&
      p.order?.join() === p0?.order?.join() &&
      p.split?.join() === p0?.split?.join() &&
      [0, 1, 2].every(
        (d) =>
          p.low?.[d]?.length === slabSize(d, start[d]!, start[d] === 0) &&
          p.high?.[d]?.length === slabSize(d, stop[d]!, stop[d] === shape[d]),
      );
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `partials[${id}]`,
        p,
        `the SegmentPartial of block ${id} (segmentBlock's, with the overlap, scheme and split of the other blocks)`,
      );
    }
  });
}
