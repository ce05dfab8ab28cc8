import {
  assertNumericData,
  checkOptions,
  flatData,
  type LabelImage,
  type NdArray,
  type OptionKeys,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { assertImage, checkConnectivity } from './neighborhood.js';

/** Options of {@link label}. */
export interface LabelOptions {
  /**
   * Which neighbours touch: 1 = faces (scipy's default structure), 2 = faces and edges, 3 =
   * faces, edges and corners (3D); any integer in 1..ndim. Default 1.
   */
  connectivity?: number;
}

const LABEL_KEYS: OptionKeys<LabelOptions> = { connectivity: true };

/** Result of {@link label}. */
export interface LabelResult {
  /** int32 labels, 0 = background, objects numbered 1..count in raster order of first pixel. */
  labels: LabelImage;
  /** Number of objects. */
  count: number;
}

/**
 * Connected-component labelling of the nonzero elements, as `scipy.ndimage.label` with the
 * structure `generate_binary_structure(ndim, connectivity)`: objects are numbered in the
 * row-major order of their first pixel.
 *
 * Runs of nonzero elements with a union-find over provisional run labels (Rosenfeld-Pfaltz
 * on runs), union by smallest root and path halving.
 *
 * @param mask - 2D or 3D ndarray of any numeric dtype and strides; nonzero = object
 * @param options - `connectivity` (default 1); `null` = defaults, an unknown option is an error
 * @returns `{ labels, count }`
 * @throws InvalidArgumentError for a non-2D/3D or non-numeric input (BigInt, strings), an
 *   unknown option or a connectivity outside 1..ndim
 *
 * @remarks
 * References: A. Rosenfeld, J. L. Pfaltz, "Sequential operations in digital picture
 * processing", J. ACM 13 (1966) 471-494, doi:10.1145/321356.321357.
 */
export function label(mask: NdArray, options: LabelOptions | null = {}): LabelResult {
  const fn = 'label';
  assertImage(fn, 'mask', mask);
  assertNumericData(fn, 'mask', mask);
  const opts = checkOptions(fn, options, LABEL_KEYS);
  const ndim = mask.shape.length;
  const connectivity = checkConnectivity(fn, opts.connectivity ?? 1, ndim);
  const src = flatData(mask as NdArray<Float64Array>);
  const { labels, count } = labelFlat(src, mask.shape, connectivity);
  return { labels: ndarray(labels, mask.shape.slice()), count };
}

/**
 * {@link label} on a flat row-major array (internal fast path shared with the other
 * functions of this package).
 *
 * Run-based: each row is cut into runs of nonzero elements, every run gets a provisional
 * label, and runs of the row are merged (union-find) with the overlapping runs of the
 * earlier rows the connectivity reaches (the previous row, and the previous plane in 3D),
 * diagonal rows overlapping with a one-element tolerance when the connectivity allows it.
 * Provisional labels follow raster order and union keeps the smallest root, so numbering
 * the roots in increasing order numbers objects in raster order of their first pixel.
 *
 * @param out - optional int32 array of the image's size to write the labels into (a buffer
 *   reused between calls, to keep the peak memory of large volumes down); default: a new one
 * @internal
 */
export function labelFlat(
  src: ArrayLike<number>,
  shape: readonly number[],
  connectivity: number,
  out?: Int32Array,
): { labels: Int32Array; count: number } {
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  const rows = np * nr;
  // earlier rows reached from a row: (dz, dy, tolerance in x); a neighbour offset with m
  // nonzero components in (dz, dy) needs m <= connectivity, and m < connectivity lets x
  // differ by one as well
  const backDz: number[] = [];
  const backDy: number[] = [];
  const backTol: number[] = [];
  for (let dz = ndim === 3 ? -1 : 0; dz <= 0; dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      if (dz === 0 && dy >= 0) continue;
      const m = (dz !== 0 ? 1 : 0) + (dy !== 0 ? 1 : 0);
      if (m > connectivity) continue;
      backDz.push(dz);
      backDy.push(dy);
      backTol.push(m < connectivity ? 1 : 0);
    }
  }
  const runs = findRuns(src, rows, nc);
  const parent = mergeRuns(runs, rows, nr, { dz: backDz, dy: backDy, tol: backTol });
  const { final, count } = numberRoots(parent);
  return { labels: writeRuns(runs, final, rows, nc, out), count };
}

/** Runs of {@link findRuns}. */
interface Runs {
  start: Int32Array;
  end: Int32Array;
  rowRuns: Int32Array;
  count: number;
}

/**
 * Union-find over the runs: each row's runs are merged with the overlapping runs of the
 * earlier rows `back` lists (row offsets `dz * nr + dy`, with an x tolerance `tol`: one when
 * the connectivity joins diagonal neighbours in x). Returns the parent array, every root the
 * smallest run of its set.
 */
function mergeRuns(
  runs: Runs,
  rows: number,
  nr: number,
  back: { dz: readonly number[]; dy: readonly number[]; tol: readonly number[] },
): Int32Array {
  const { start, end, rowRuns, count } = runs;
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) parent[k] = k;
  for (let r = 0; r < rows; r++) {
    const first = rowRuns[r]!;
    const last = rowRuns[r + 1]!;
    if (first === last) continue;
    const z = Math.floor(r / nr);
    const y = r - z * nr;
    for (let t = 0; t < back.dz.length; t++) {
      const dz = back.dz[t]!;
      const dy = back.dy[t]!;
      const tol = back.tol[t]!;
      const yy = y + dy;
      if (z + dz < 0 || yy < 0 || yy >= nr) continue;
      const pr = r + dz * nr + dy;
      let j = rowRuns[pr]!;
      const jEnd = rowRuns[pr + 1]!;
      let k = first;
      // two-pointer sweep over the runs of both rows: [a, b) meets [pa, pb) when
      // pa < b + tol and a - tol < pb
      while (j < jEnd && k < last) {
        const pa = start[j]!;
        const pb = end[j]!;
        const a = start[k]!;
        const b = end[k]!;
        if (pb + tol <= a) j++;
        else if (b + tol <= pa) k++;
        else {
          union(parent, j, k);
          if (pb < b) j++;
          else k++;
        }
      }
    }
  }
  return parent;
}

/** Final label of every run: roots numbered 1, 2, ... in increasing order, others their root's. */
function numberRoots(parent: Int32Array): { final: Int32Array; count: number } {
  const final = new Int32Array(parent.length);
  let count = 0;
  for (let k = 0; k < parent.length; k++) {
    final[k] = parent[k] === k ? ++count : final[find(parent, k)]!;
  }
  return { final, count };
}

/**
 * The label image: every run of row r (`rows` rows of `nc`) written with its final label,
 * into `into` (zeroed first) when given.
 */
function writeRuns(
  runs: Runs,
  final: Int32Array,
  rows: number,
  nc: number,
  into: Int32Array | undefined,
): Int32Array {
  const { start, end, rowRuns } = runs;
  const out = into?.fill(0) ?? new Int32Array(rows * nc);
  for (let r = 0; r < rows; r++) {
    const base = r * nc;
    for (let k = rowRuns[r]!; k < rowRuns[r + 1]!; k++) {
      // a plain loop: runs are short, and a call of TypedArray#fill costs tens of elements
      const lab = final[k]!;
      for (let i = base + start[k]!, e = base + end[k]!; i < e; i++) out[i] = lab;
    }
  }
  return out;
}

/**
 * The runs of nonzero elements of every row (`rows` rows of `nc` elements): run k is
 * `[start[k], end[k])` within its row, and the runs of row r are `rowRuns[r] .. rowRuns[r + 1]`.
 * A 4-aligned Uint8Array is crossed four bytes at a time through runs of zeros and of nonzeros.
 */
function findRuns(src: ArrayLike<number>, rows: number, nc: number): Runs {
  const words =
    src instanceof Uint8Array && src.byteOffset % 4 === 0
      ? new Uint32Array(src.buffer, src.byteOffset, src.length >> 2)
      : undefined;
  let start = new Int32Array(1024);
  let end = new Int32Array(1024);
  const rowRuns = new Int32Array(rows + 1);
  let n = 0;
  for (let r = 0; r < rows; r++) {
    rowRuns[r] = n;
    const base = r * nc;
    let x = 0;
    while (x < nc) {
      if (src[base + x] === 0) {
        x++;
        if (words !== undefined && ((base + x) & 3) === 0) {
          while (x + 4 <= nc && words[(base + x) >> 2] === 0) x += 4;
        }
        continue;
      }
      const a = x++;
      if (words !== undefined) {
        while (x < nc && ((base + x) & 3) !== 0 && src[base + x] !== 0) x++;
        if (((base + x) & 3) === 0) {
          while (x + 4 <= nc && !hasZeroByte(words[(base + x) >> 2]!)) x += 4;
        }
      }
      while (x < nc && src[base + x] !== 0) x++;
      if (n === start.length) {
        start = grow(start);
        end = grow(end);
      }
      start[n] = a;
      end[n] = x;
      n++;
    }
  }
  rowRuns[rows] = n;
  return { start, end, rowRuns, count: n };
}

/** True when one of the four bytes of `w` is zero. */
function hasZeroByte(w: number): boolean {
  return ((w - 0x01010101) & ~w & 0x80808080) !== 0;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const g = new Int32Array(a.length * 2);
  g.set(a);
  return g;
}

/** Root of `a` with path halving. */
function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]!]!;
    a = parent[a]!;
  }
  return a;
}

/** Merge the sets of `a` and `b`, the smaller root becoming the root of both. */
function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}
