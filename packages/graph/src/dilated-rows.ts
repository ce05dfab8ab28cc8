import type { LabelRuns } from './label-runs.js';

/**
 * One interval list per image row, packed: row `r`'s list is
 * `data[offset[r] .. offset[r] + length[r] - 1]`, triples `(label, start, end)` sorted by
 * label then start, intervals of one label disjoint and not touching. Internal.
 */
export interface RowLists {
  data: Int32Array;
  offset: Int32Array;
  length: Int32Array;
}

/**
 * For every row of a label image in run form, the intervals of the row covered by each label's
 * mask dilated by a `(2 * radius + 1)`^ndim square: runs widened by `radius` along the last
 * axis, then the lists of neighbouring rows united along each other axis in turn (dilation
 * by a box is separable, and so is the union of per-label masks).
 */
export function dilatedRows(runs: LabelRuns, radius: number): RowLists {
  const { shape } = runs;
  let lists = widenRows(runs, radius);
  let rowStep = 1;
  for (let axis = shape.length - 2; axis >= 0; axis--) {
    if (radius > 0) lists = dilateAlongAxis(lists, shape[axis]!, rowStep, radius);
    rowStep *= shape[axis]!;
  }
  return lists;
}

/** Growable Int32Array that lists are appended to. */
class Arena {
  data = new Int32Array(4096);
  size = 0;

  /** Make room for `n` more values; read `data` after calling. */
  reserve(n: number): void {
    if (this.size + n <= this.data.length) return;
    const next = new Int32Array(Math.max(this.data.length * 2, this.size + n));
    next.set(this.data.subarray(0, this.size));
    this.data = next;
  }
}

/** Runs widened by `radius` along the last axis (clipped), sorted by label, merged. */
function widenRows(runs: LabelRuns, radius: number): RowLists {
  const { rows, cols, rowPtr, label, start, end } = runs;
  const arena = new Arena();
  const offset = new Int32Array(rows);
  const length = new Int32Array(rows);
  let order = new Int32Array(64);
  for (let r = 0; r < rows; r++) {
    const lo = rowPtr[r]!;
    const n = rowPtr[r + 1]! - lo;
    offset[r] = arena.size;
    if (n === 0) continue;
    if (order.length < n) order = new Int32Array(n * 2);
    // run indices by label, position order kept within a label (insertion sort for the
    // usual few runs a row)
    if (n > 48) {
      const idx = order.subarray(0, n);
      for (let i = 0; i < n; i++) idx[i] = lo + i;
      idx.sort((a, b) => label[a]! - label[b]! || a - b);
    } else {
      for (let i = 0; i < n; i++) {
        const p = lo + i;
        const l = label[p]!;
        let k = i - 1;
        while (k >= 0 && label[order[k]!]! > l) {
          order[k + 1] = order[k]!;
          k--;
        }
        order[k + 1] = p;
      }
    }
    arena.reserve(3 * n);
    const out = arena.data;
    const base = arena.size;
    let m = base;
    for (let i = 0; i < n; i++) {
      const p = order[i]!;
      const l = label[p]!;
      const s = Math.max(0, start[p]! - radius);
      const e = Math.min(cols, end[p]! + radius);
      m = append(out, base, m, l, s, e);
    }
    arena.size = m;
    length[r] = m - base;
  }
  return { data: arena.data, offset, length };
}

/**
 * Dilate along one axis: row `r`'s new list is the union of the lists of the rows within
 * `radius` of it along that axis (row index step `rowStep`, axis length `len`). Van Herk /
 * Gil-Werman: along each line, blocks of `2 * radius + 1` rows get prefix and suffix unions,
 * and every window is one suffix union one prefix, so three two-way unions per row whatever
 * the radius.
 */
function dilateAlongAxis(lists: RowLists, len: number, rowStep: number, radius: number): RowLists {
  const w = 2 * radius + 1;
  const rows = lists.offset.length;
  const src = lists.data;
  const out = new Arena();
  const offset = new Int32Array(rows);
  const length = new Int32Array(rows);
  const line = new Arena();
  const preOff = new Int32Array(len);
  const preLen = new Int32Array(len);
  const sufOff = new Int32Array(len);
  const sufLen = new Int32Array(len);
  const lineStep = rowStep * len;
  // unions of the rows from..c of the line starting at row `first`, for c from `from` to `to`
  // (step +1: prefix unions; -1: suffix unions), appended to the line arena
  const runningUnions = (
    first: number,
    from: number,
    to: number,
    step: 1 | -1,
    off: Int32Array,
    n: Int32Array,
  ) => {
    for (let c = from; c !== to + step; c += step) {
      const r = first + c * rowStep;
      const rn = lists.length[r]!;
      const prev = c === from ? 0 : n[c - step]!;
      line.reserve(prev + rn);
      off[c] = line.size;
      n[c] =
        c === from
          ? copy(src, lists.offset[r]!, rn, line.data, line.size)
          : union(line.data, off[c - step]!, prev, src, lists.offset[r]!, rn, line.data, line.size);
      line.size += n[c]!;
    }
  };
  for (let outer = 0; outer < rows; outer += lineStep) {
    for (let inner = 0; inner < rowStep; inner++) {
      const first = outer + inner;
      line.size = 0;
      for (let b = 0; b < len; b += w) {
        const last = Math.min(len, b + w) - 1;
        runningUnions(first, b, last, 1, preOff, preLen);
        runningUnions(first, last, b, -1, sufOff, sufLen);
      }
      const ld = line.data;
      for (let c = 0; c < len; c++) {
        const lo = Math.max(0, c - radius);
        const hi = Math.min(len - 1, c + radius);
        const r = first + c * rowStep;
        offset[r] = out.size;
        let n: number;
        if (Math.floor(lo / w) !== Math.floor(hi / w)) {
          out.reserve(sufLen[lo]! + preLen[hi]!);
          n = union(ld, sufOff[lo]!, sufLen[lo]!, ld, preOff[hi]!, preLen[hi]!, out.data, out.size);
        } else if (lo % w === 0) {
          out.reserve(preLen[hi]!);
          n = copy(ld, preOff[hi]!, preLen[hi]!, out.data, out.size);
        } else {
          out.reserve(sufLen[lo]!);
          n = copy(ld, sufOff[lo]!, sufLen[lo]!, out.data, out.size);
        }
        out.size += n;
        length[r] = n;
      }
    }
  }
  return { data: out.data, offset, length };
}

function copy(src: Int32Array, from: number, n: number, dst: Int32Array, to: number): number {
  dst.set(src.subarray(from, from + n), to);
  return n;
}

/**
 * Union of two lists (`p[po..po+pn)`, `q[qo..qo+qn)`) written at `out[oo..]`, intervals of one
 * label that overlap or touch coalesced. `out` must have room for `pn + qn` values and must
 * not overlap the inputs' ranges. Returns the number of values written.
 */
function union(
  p: Int32Array,
  po: number,
  pn: number,
  q: Int32Array,
  qo: number,
  qn: number,
  out: Int32Array,
  oo: number,
): number {
  let i = po;
  let j = qo;
  const pe = po + pn;
  const qe = qo + qn;
  let m = oo;
  while (i < pe || j < qe) {
    let l: number;
    let s: number;
    let e: number;
    if (j >= qe || (i < pe && (p[i]! < q[j]! || (p[i] === q[j] && p[i + 1]! <= q[j + 1]!)))) {
      l = p[i]!;
      s = p[i + 1]!;
      e = p[i + 2]!;
      i += 3;
    } else {
      l = q[j]!;
      s = q[j + 1]!;
      e = q[j + 2]!;
      j += 3;
    }
    m = append(out, oo, m, l, s, e);
  }
  return m - oo;
}

/**
 * Append interval `(l, s, e)` to the list `out[base..m)` (sorted by label then start),
 * coalescing it with the last interval when that one has the same label and reaches `s`.
 * Returns the new end of the list.
 */
function append(out: Int32Array, base: number, m: number, l: number, s: number, e: number): number {
  if (m > base && out[m - 3] === l && s <= out[m - 1]!) {
    if (e > out[m - 1]!) out[m - 1] = e;
    return m;
  }
  out[m] = l;
  out[m + 1] = s;
  out[m + 2] = e;
  return m + 3;
}
