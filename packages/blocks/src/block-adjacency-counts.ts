import {
  assertNumber,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';
import { PairSums } from './pair-sums.js';

/** Options of {@link blockAdjacencyCounts}. */
export interface BlockAdjacencyOptions {
  /** Side of the square / cube window, an odd integer >= 1. Default 7 (the paper's 7x7). */
  window?: number;
}

/** The option keys of {@link BlockAdjacencyOptions}. */
export const BLOCK_ADJACENCY_KEYS: OptionKeys<BlockAdjacencyOptions> = { window: true };

/**
 * The part of `@mgraph/graph`'s `adjacencyCounts` that one block owns: for every ordered
 * pair of labels `a != b`, the voxels of `b` inside the block's own box `[start, stop)`
 * that lie in the mask of `a` dilated by the window (Chebyshev radius `r = (window - 1) /
 * 2`). Every voxel belongs to one block, so the sum over the blocks of a plan
 * ({@link mergeAdjacencyCounts}) is `adjacencyCounts` of the whole volume exactly. The
 * dilation reaches `r` voxels past the block: `labels` is the block's outer box of a plan
 * made with `halo` >= r.
 *
 * Per row of the block: the runs of equal labels of the `(2r + 1)^2` rows around it
 * (2D: `2r + 1`), widened by `r`, merged per label, intersected with the row's own runs.
 *
 * @param labels - the instance labels of `[block.outerStart, block.outerStop)`, 2D or 3D,
 *   any strides, non-negative integers (0 = no object)
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan}, made with a halo of at least the window radius
 * @param options - {@link BlockAdjacencyOptions}: `window` (7)
 * @returns the block's counts as `AdjacencyCounts` (sorted by source, then target;
 *   `maxLabel` the largest label in `labels`)
 * @throws ShapeMismatchError when `labels` is not the block's outer box
 * @throws InvalidArgumentError for a window that is not an odd integer >= 1, a halo
 *   narrower than its radius, or labels that are negative or not integers
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (7x7 dilation adjacency).
 */
export function blockAdjacencyCounts(
  labels: NdArray,
  block: Block,
  plan: BlockPlan,
  options: BlockAdjacencyOptions | null = {},
): AdjacencyCounts {
  const fn = 'blockAdjacencyCounts';
  const { window = 7 } = checkOptions(fn, options, BLOCK_ADJACENCY_KEYS);
  const r = checkWindow(fn, window);
  const outer = block.outerStop.map((s, d) => s - block.outerStart[d]!);
  if (labels?.shape?.join() !== outer.join()) {
    throw new ShapeMismatchError(fn, 'labels', outer, labels?.shape ?? []);
  }
  if (!plan.halo.every((h, d) => h >= r || plan.shape[d] === 1)) {
    throw new InvalidArgumentError(
      fn,
      'plan',
      plan.halo,
      `a plan whose halo is at least the window radius ${r} on every axis (blockPlan's halo option)`,
    );
  }
  const pairs = new PairSums();
  const maxLabel = countBlock(fn, flatData(labels as NdArray<Float64Array>), block, r, pairs);
  return { ...pairs.sorted(), maxLabel };
}

/**
 * Validate a window: an odd integer >= 1; returns its radius.
 *
 * @throws InvalidArgumentError naming `options.window`
 */
export function checkWindow(fn: string, window: unknown): number {
  assertNumber(fn, 'options.window', window, { integer: true, min: 1 });
  if (window % 2 === 0) {
    throw new InvalidArgumentError(fn, 'options.window', window, 'an odd integer >= 1');
  }
  return (window - 1) / 2;
}

/** Runs of equal nonzero labels of every row: run k is `[start, end)` with `label`. */
interface Runs {
  rowPtr: Int32Array;
  start: Int32Array;
  end: Int32Array;
  label: Int32Array;
}

function runsOf(
  fn: string,
  src: ArrayLike<number>,
  rows: number,
  nx: number,
): Runs & { max: number } {
  const rowPtr = new Int32Array(rows + 1);
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let label = new Int32Array(cap);
  let n = 0;
  let max = 0;
  for (let row = 0; row < rows; row++) {
    rowPtr[row] = n;
    const base = row * nx;
    let x = 0;
    while (x < nx) {
      const v = src[base + x]!;
      if (v === 0) {
        x++;
        continue;
      }
      if (!(v > 0 && v <= 2 ** 31 - 1 && Number.isInteger(v))) {
        throw new InvalidArgumentError(fn, 'labels', v, 'labels that are integers in 0..2^31 - 1');
      }
      const a = x++;
      while (x < nx && src[base + x] === v) x++;
      if (n === cap) {
        cap *= 2;
        start = grow(start, cap);
        end = grow(end, cap);
        label = grow(label, cap);
      }
      start[n] = a;
      end[n] = x;
      label[n] = v;
      if (v > max) max = v;
      n++;
    }
  }
  rowPtr[rows] = n;
  return { rowPtr, start, end, label, max };
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const g = new Int32Array(cap);
  g.set(a);
  return g;
}

/** Add the block's pairs to `pairs`; returns the largest label of the outer box. */
function countBlock(
  fn: string,
  src: ArrayLike<number>,
  block: Block,
  r: number,
  pairs: PairSums,
): number {
  const [oz, oy, ox] = as3d(block.outerStop.map((s, d) => s - block.outerStart[d]!));
  const [z0, y0, x0] = as3d(
    block.start.map((s, d) => s - block.outerStart[d]!),
    0,
  );
  const [z1, y1, x1] = as3d(
    block.stop.map((s, d) => s - block.outerStart[d]!),
    1,
  );
  const runs = runsOf(fn, src, oz * oy, ox);
  const { rowPtr, start, end, label } = runs;
  const rz = block.start.length === 3 ? r : 0;
  // dilated intervals of the rows around one row: label, start, end (scratch, grown)
  let cap = 256;
  let iLab = new Int32Array(cap);
  let iS = new Int32Array(cap);
  let iE = new Int32Array(cap);
  let order = new Uint32Array(cap);
  for (let z = z0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      const row = z * oy + y;
      const tLo = rowPtr[row]!;
      const tHi = rowPtr[row + 1]!;
      // target runs clipped to the block's own columns
      if (tLo === tHi || start[tLo]! >= x1 || end[tHi - 1]! <= x0) continue;
      let k = 0;
      for (let zz = Math.max(0, z - rz); zz <= Math.min(oz - 1, z + rz); zz++) {
        for (let yy = Math.max(0, y - r); yy <= Math.min(oy - 1, y + r); yy++) {
          const nr = zz * oy + yy;
          for (let j = rowPtr[nr]!; j < rowPtr[nr + 1]!; j++) {
            const s = Math.max(x0, start[j]! - r);
            const e = Math.min(x1, end[j]! + r);
            if (s >= e) continue;
            if (k === cap) {
              cap *= 2;
              iLab = grow(iLab, cap);
              iS = grow(iS, cap);
              iE = grow(iE, cap);
              order = new Uint32Array(cap);
            }
            iLab[k] = label[j]!;
            iS[k] = s;
            iE[k] = e;
            k++;
          }
        }
      }
      const idx = order.subarray(0, k);
      for (let i = 0; i < k; i++) idx[i] = i;
      idx.sort((p, q) => iLab[p]! - iLab[q]! || iS[p]! - iS[q]!);
      // merge per label, intersect each merged interval with the row's runs of other labels
      let i = 0;
      while (i < k) {
        const a = iLab[idx[i]!]!;
        let s = iS[idx[i]!]!;
        let e = iE[idx[i]!]!;
        i++;
        for (;;) {
          const more = i < k && iLab[idx[i]!]! === a;
          if (more && iS[idx[i]!]! <= e) {
            e = Math.max(e, iE[idx[i]!]!);
            i++;
            continue;
          }
          for (let t = firstEndingAfter(end, tLo, tHi, s); t < tHi && start[t]! < e; t++) {
            const b = label[t]!;
            if (b !== a) pairs.add(a, b, Math.min(e, end[t]!) - Math.max(s, start[t]!));
          }
          if (!more) break;
          s = iS[idx[i]!]!;
          e = iE[idx[i]!]!;
          i++;
        }
      }
    }
  }
  return runs.max;
}

/** Index of the first run in `lo..hi-1` whose end is > `s` (runs sorted by position). */
function firstEndingAfter(end: Int32Array, lo: number, hi: number, s: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (end[m]! <= s) a = m + 1;
    else b = m;
  }
  return a;
}
