import {
  assertAllocation,
  assertNumber,
  checkOptions,
  flatData,
  InvalidArgumentError,
  isContiguous,
  type NdArray,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';
import { copyBox } from './copy-box.js';
import { PairSums } from './pair-sums.js';

/** Most voxels of one block's outer box (2^28: its float64 copy is 2 GiB). */
const BOX_LIMIT = 2 ** 28;

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
 *   narrower than its radius, labels that are negative or not integers, or an outer box
 *   of more than 2^28 voxels (before copying it)
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
  assertAllocation(
    fn,
    'labels',
    labels,
    outer.reduce((a, b) => a * b, 1),
    {
      limit: BOX_LIMIT,
      bytesPerElement: 8,
      what: 'voxels',
      subject: 'a block (outer box)',
    },
  );
  const pairs = new PairSums();
  const src = isContiguous(labels)
    ? flatData(labels as NdArray<Float64Array>)
    : copyBox(
        labels,
        outer.map(() => 0),
        outer,
      ).data;
  const maxLabel = countBlock(fn, src as ArrayLike<number>, block, r, pairs);
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

/**
 * Dilated label intervals of one row: triples `(label, start, end)` sorted by label, then
 * start, the intervals of one label disjoint and not touching.
 */
type Intervals = Int32Array;

/**
 * Add the block's pairs to `pairs`; returns the largest label of the outer box. Dilation
 * by the box window is separable: each row's runs are widened by `r` along x (and clipped
 * to the block's columns, the only ones counted), the rows are united over `y - r .. y + r`,
 * then over `z - r .. z + r`; each block row's own runs are then intersected with the
 * united intervals of every other label.
 */
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
  const scratch = new Scratch();
  // unions in progress alternate between two buffers (no allocation per union)
  const ping = new Scratch();
  const pong = new Scratch();
  const uniteAll = (first: Intervals, rest: (k: number) => Intervals, n: number): Intervals => {
    let acc = first;
    for (let k = 0; k < n; k++) acc = unite(acc, rest(k), k % 2 === 0 ? ping : pong);
    return acc;
  };
  // x: every row of the outer box within r of the block's rows
  const ya = Math.max(0, y0 - r);
  const yb = Math.min(oy, y1 + r);
  const xRows: Intervals[] = new Array(oz * oy);
  for (let z = 0; z < oz; z++) {
    for (let y = ya; y < yb; y++)
      xRows[z * oy + y] = widenRow(runs, z * oy + y, r, x0, x1, scratch);
  }
  // y: the block's rows in every plane of the outer box
  const yRows: Intervals[] = new Array(oz * oy);
  for (let z = 0; z < oz; z++) {
    for (let y = y0; y < y1; y++) {
      const lo = Math.max(0, y - r);
      const hi = Math.min(oy - 1, y + r);
      const acc = uniteAll(xRows[z * oy + lo]!, (k) => xRows[z * oy + lo + 1 + k]!, hi - lo);
      yRows[z * oy + y] = acc === xRows[z * oy + lo] ? acc : acc.slice();
    }
  }
  // z, then count the block row's runs against the other labels
  for (let z = z0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      const row = z * oy + y;
      const tLo = rowPtr[row]!;
      const tHi = rowPtr[row + 1]!;
      if (tLo === tHi || start[tLo]! >= x1 || end[tHi - 1]! <= x0) continue;
      const lo = Math.max(0, z - rz);
      const acc = uniteAll(
        yRows[lo * oy + y]!,
        (k) => yRows[(lo + 1 + k) * oy + y]!,
        Math.min(oz - 1, z + rz) - lo,
      );
      for (let i = 0; i < acc.length; i += 3) {
        const a = acc[i]!;
        const s = acc[i + 1]!;
        const e = acc[i + 2]!;
        for (let t = firstEndingAfter(end, tLo, tHi, s); t < tHi && start[t]! < e; t++) {
          const b = label[t]!;
          if (b !== a) pairs.add(a, b, Math.min(e, end[t]!) - Math.max(s, start[t]!));
        }
      }
    }
  }
  return runs.max;
}

/** A growable buffer of triples, reused between rows. */
class Scratch {
  buf = new Int32Array(3 * 256);
  n = 0;
  push(a: number, s: number, e: number): void {
    if (this.n + 3 > this.buf.length) this.buf = grow(this.buf, this.buf.length * 2);
    this.buf[this.n++] = a;
    this.buf[this.n++] = s;
    this.buf[this.n++] = e;
  }
  /** Append, merging into the last triple when it has the same label and touches it. */
  add(a: number, s: number, e: number): void {
    const b = this.buf;
    const k = this.n - 3;
    if (k >= 0 && b[k] === a && s <= b[k + 2]!) {
      if (e > b[k + 2]!) b[k + 2] = e;
    } else {
      this.push(a, s, e);
    }
  }
  /** The triples so far, as a view of the buffer (valid until the next use); resets. */
  view(): Intervals {
    const out = this.buf.subarray(0, this.n);
    this.n = 0;
    return out;
  }
  take(): Intervals {
    const out = this.buf.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/** A row's runs widened by `r`, clipped to `[x0, x1)`, as sorted {@link Intervals}. */
function widenRow(
  runs: Runs,
  row: number,
  r: number,
  x0: number,
  x1: number,
  scratch: Scratch,
): Intervals {
  const { rowPtr, start, end, label } = runs;
  const lo = rowPtr[row]!;
  const n = rowPtr[row + 1]! - lo;
  const order = Array.from({ length: n }, (_, k) => lo + k);
  // runs of a row are sorted by start: a stable sort by label keeps them so within a label
  order.sort((p, q) => label[p]! - label[q]!);
  for (const j of order) {
    const s = Math.max(x0, start[j]! - r);
    const e = Math.min(x1, end[j]! + r);
    if (s < e) scratch.add(label[j]!, s, e);
  }
  return scratch.take();
}

/** The union of two {@link Intervals} lists, merged in order (linear), as a view of `scratch`. */
function unite(p: Intervals, q: Intervals, scratch: Scratch): Intervals {
  let i = 0;
  let j = 0;
  while (i < p.length || j < q.length) {
    const fromP =
      j >= q.length ||
      (i < p.length && (p[i]! < q[j]! || (p[i] === q[j] && p[i + 1]! <= q[j + 1]!)));
    const src = fromP ? p : q;
    const k = fromP ? i : j;
    scratch.add(src[k]!, src[k + 1]!, src[k + 2]!);
    if (fromP) i += 3;
    else j += 3;
  }
  return scratch.view();
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
