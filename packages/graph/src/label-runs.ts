import {
  assertNdim,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type TypedArray,
} from '@mgraph/core';

/**
 * Run-length form of a label image: each row (all axes but the last fixed) as the runs of
 * equal nonzero labels, in order of position. Internal to the package.
 */
export interface LabelRuns {
  /** Image shape. */
  shape: number[];
  /** Number of rows (product of every axis but the last). */
  rows: number;
  /** Length of the last axis. */
  cols: number;
  /** Largest label present (0 for an empty image). */
  maxLabel: number;
  /** Runs of row `r` are indices `rowPtr[r]` to `rowPtr[r + 1] - 1`. */
  rowPtr: Int32Array;
  /** Label of each run (>= 1). */
  label: Int32Array;
  /** First column of each run. */
  start: Int32Array;
  /** One past the last column of each run. */
  end: Int32Array;
}

const MAX_LABEL = 2147483647;

/**
 * Check a label image (2D or 3D, any strides, non-negative integer values up to 2^31 - 1)
 * and turn it into runs.
 *
 * @throws InvalidArgumentError when `labels` is not a 2D / 3D ndarray or holds a value
 *   that is not a non-negative integer (naming the first offending row-major index)
 */
export function labelRuns(fn: string, labels: NdArray): LabelRuns {
  assertNdim(fn, 'labels', labels, [2, 3]);
  const shape = labels.shape.slice();
  const cols = shape[shape.length - 1]!;
  let rows = 1;
  for (let d = 0; d < shape.length - 1; d++) rows *= shape[d]!;
  const data = flatData(labels as NdArray<TypedArray>) as ArrayLike<number>;
  const integral = isIntegerArray(data);
  const rowPtr = new Int32Array(rows + 1);
  let capacity = Math.max(16, rows * 4);
  let label = new Int32Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let n = 0;
  let maxLabel = 0;
  for (let r = 0; r < rows; r++) {
    rowPtr[r] = n;
    const base = r * cols;
    const stop = base + cols;
    for (let k = base; k < stop; ) {
      const v = data[k]!;
      let k2 = k + 1;
      while (k2 < stop && data[k2] === v) k2++;
      if (!(integral ? v >= 0 : Number.isInteger(v) && v >= 0 && v <= MAX_LABEL)) {
        throw new InvalidArgumentError(fn, `labels[${k}]`, v, 'a non-negative integer label');
      }
      if (v !== 0) {
        if (n === capacity) {
          capacity *= 2;
          label = grow(label, capacity);
          start = grow(start, capacity);
          end = grow(end, capacity);
        }
        label[n] = v;
        start[n] = k - base;
        end[n] = k2 - base;
        n++;
        if (v > maxLabel) maxLabel = v;
      }
      k = k2;
    }
  }
  rowPtr[rows] = n;
  return {
    shape,
    rows,
    cols,
    maxLabel,
    rowPtr,
    label: label.subarray(0, n),
    start: start.subarray(0, n),
    end: end.subarray(0, n),
  };
}

/** True for typed arrays of integers in int32 range: only their sign needs a check. */
function isIntegerArray(data: ArrayLike<number>): boolean {
  return (
    data instanceof Int32Array ||
    data instanceof Uint8Array ||
    data instanceof Uint8ClampedArray ||
    data instanceof Uint16Array ||
    data instanceof Int16Array ||
    data instanceof Int8Array
  );
}

function grow(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
