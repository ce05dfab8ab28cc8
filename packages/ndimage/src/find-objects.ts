import {
  assertNumber,
  checkOptions,
  flatData,
  formatBytes,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
} from '@mgraph/core';
import { assertIntegerArray } from './input.js';

/** Bounding box of one label: per axis the half-open range `[start, stop)` of a Python slice. */
export type BoundingBox = Array<[start: number, stop: number]>;

/** Options of {@link findObjects}. */
export interface FindObjectsOptions {
  /**
   * Largest label looked for (integer >= 0; labels above it are ignored); 0 (default) = the
   * largest label present.
   */
  maxLabel?: number;
}

const KEYS: OptionKeys<FindObjectsOptions> = { maxLabel: true };

/**
 * Bounding boxes of the labels of an integer image, as `scipy.ndimage.find_objects(input,
 * max_label)`: entry `l - 1` is label `l`'s box (per axis `[start, stop)`), `null` for a
 * label in `1 .. maxLabel` that does not occur; labels <= 0 are background.
 *
 * Memory: the result has one entry per label value up to the largest (as scipy's list),
 * and the scan one table of `2 ndim` integers per label value (as scipy's C code); nothing
 * else grows with the labels. So that a label value cannot make it allocate gigabytes, a
 * largest label (or `maxLabel`) above `max(elements, 2^20)` is refused with an
 * `InvalidArgumentError` stating what it would take, before any allocation (scipy would
 * allocate): renumber sparse labels 1..n first.
 *
 * @param input - integer ndarray (int8..uint32) of any dimension and strides
 * @param options - {@link FindObjectsOptions}; `null` = defaults, an unknown option is an error
 * @returns one box or `null` per label `1 .. maxLabel`
 * @throws InvalidArgumentError for a non-integer dtype, a bad `maxLabel`, a label value (or
 *   `maxLabel`) above `max(elements, 2^20)`, or an unknown option
 *
 * @remarks
 * References: `scipy.ndimage.find_objects`.
 */
export function findObjects(
  input: NdArray,
  options: FindObjectsOptions | null = {},
): (BoundingBox | null)[] {
  const fn = 'findObjects';
  assertIntegerArray(fn, 'input', input);
  const { maxLabel = 0 } = checkOptions(fn, options, KEYS);
  assertNumber(fn, 'options.maxLabel', maxLabel, { integer: true, min: 0 });
  const shape = input.shape.slice();
  const data = flatData(input as NdArray<Int32Array>);
  const limit = Math.max(data.length, MIN_LABEL_LIMIT);
  if (maxLabel > limit) {
    throw new InvalidArgumentError(
      fn,
      'options.maxLabel',
      maxLabel,
      tooMany(limit, maxLabel, shape),
    );
  }
  const largest = maxLabel === 0 ? largestLabel(data) : maxLabel;
  if (largest > limit) {
    throw new InvalidArgumentError(
      fn,
      'input',
      input,
      `labels of at most ${tooMany(limit, largest, shape)} (largest label ${largest})`,
    );
  }
  const { table, labels } = boundingBoxTable(data, shape, largest);
  const ndim = shape.length;
  const out: (BoundingBox | null)[] = new Array(labels);
  for (let l = 1; l <= labels; l++) {
    const o = 2 * ndim * (l - 1);
    if (table[o]! < 0) {
      out[l - 1] = null;
      continue;
    }
    const box: BoundingBox = [];
    for (let d = 0; d < ndim; d++) box.push([table[o + 2 * d]!, table[o + 2 * d + 1]! + 1]);
    out[l - 1] = box;
  }
  return out;
}

/**
 * The scan of {@link findObjects}: per label `l` in `1 .. labels`, at `2 ndim (l - 1)`, the
 * first and last index along each axis (inclusive; first = -1 for a label absent). A run
 * of one label along a row only moves the last column.
 *
 * @param maxLabel - as `options.maxLabel` (0 = the largest label present)
 * @internal
 */
export function boundingBoxTable(
  data: ArrayLike<number>,
  shape: readonly number[],
  maxLabel: number,
): { table: Int32Array; labels: number } {
  const labels = maxLabel === 0 ? largestLabel(data) : maxLabel;
  const ndim = shape.length;
  const w = 2 * ndim;
  const table = new Int32Array(w * labels).fill(-1);
  const nc = shape[ndim - 1]!;
  const lines = nc === 0 ? 0 : data.length / nc;
  const last = w - 2;
  // coordinates of the current line (all axes but the last)
  const lead = ndim - 1;
  const line = new Int32Array(Math.max(1, lead));
  let i = 0;
  for (let r = 0; r < lines; r++) {
    let prev = 0;
    for (let x = 0; x < nc; x++, i++) {
      const l = data[i]!;
      if (l <= 0 || l > labels) {
        prev = 0;
        continue;
      }
      const o = w * (l - 1);
      if (l === prev) {
        // same line as the previous element of this label, one column further
        if (x > table[o + last + 1]!) table[o + last + 1] = x;
        continue;
      }
      prev = l;
      if (table[o]! < 0) {
        for (let d = 0; d < lead; d++) {
          table[o + 2 * d] = line[d]!;
          table[o + 2 * d + 1] = line[d]!;
        }
        table[o + last] = x;
        if (x > table[o + last + 1]!) table[o + last + 1] = x;
        continue;
      }
      for (let d = 0; d < lead; d++) {
        const c = line[d]!;
        if (c < table[o + 2 * d]!) table[o + 2 * d] = c;
        if (c > table[o + 2 * d + 1]!) table[o + 2 * d + 1] = c;
      }
      if (x < table[o + last]!) table[o + last] = x;
      if (x > table[o + last + 1]!) table[o + last + 1] = x;
    }
    for (let d = lead - 1; d >= 0; d--) {
      if (++line[d]! < shape[d]!) break;
      line[d] = 0;
    }
  }
  return { table, labels };
}

/**
 * The result has one entry per label value, as scipy's: labels up to the number of elements
 * (or up to this, for small inputs) are accepted; a larger label value is refused before
 * anything is allocated, the error stating the size it would take.
 */
const MIN_LABEL_LIMIT = 2 ** 20;

/** The expectation of the too-many-labels error: the limit, and what `labels` would take. */
function tooMany(limit: number, labels: number, shape: readonly number[]): string {
  const bytes = labels * (8 * shape.length + 8);
  return `${limit} (max(elements, ${MIN_LABEL_LIMIT}): find_objects has one entry per label value, so ${labels} labels would take ${formatBytes(bytes)} (a ${labels}-entry result and 2 ndim int32 per label); renumber the labels 1..n first`;
}

/** The largest element (0 when none is positive): scipy's `input.max()` for `max_label=0`. */
function largestLabel(data: ArrayLike<number>): number {
  let m = 0;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    if (v > m) m = v;
  }
  return m;
}
