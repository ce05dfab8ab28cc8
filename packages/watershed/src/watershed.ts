import {
  assertDtype,
  assertFinite,
  assertNumber,
  assertSameShape,
  flatData,
  InvalidArgumentError,
  type LabelImage,
  type NdArray,
  type ProgressCallback,
  rowMajorStrides,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { floodByRank } from './flood-by-rank.js';
import { FloodQueue } from './flood-queue.js';
import { assertImage, checkConnectivity, neighborOffsets, ravelOffsets } from './neighborhood.js';
import { ValueRanks } from './value-ranks.js';

/** Options of {@link watershed}. */
export interface WatershedOptions {
  /** Only nonzero elements of `mask` are labelled; same shape as the image. Default: all. */
  mask?: NdArray;
  /** Neighbourhood: 1 = faces ... ndim = faces, edges and corners. Default 1. */
  connectivity?: number;
  /**
   * Compact watershed: the priority of a pixel is its value plus `compactness` times its
   * Euclidean distance to the marker pixel it floods from. Default 0 (classic watershed).
   */
  compactness?: number;
  /** Keep a one-pixel line of label 0 between basins. Default false. */
  watershedLine?: boolean;
  /** Called now and then with `(pixelsFlooded, pixelsInMask)`, and once at the end. */
  onProgress?: ProgressCallback;
}

/** Flooding state of the pixels outside the mask, of the padding and of watershed lines. */
const BLOCKED = 2147483647;

/** Integer dtypes accepted for markers. */
const INT_DTYPES = ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'] as const;

/**
 * Marker-controlled watershed by priority flooding, as `skimage.segmentation.watershed`
 * (scikit-image 0.19): pixels leave a binary heap ordered by (value, age), age being the
 * order of entry into the queue, so ties go to the earliest pushed pixel; neighbours are
 * visited in scikit-image's order, the markers enter in row-major order. Labels are
 * identical to scikit-image's. A classic flood (no compactness, no watershed line) of an
 * image with at most 65,536 distinct values in the mask runs on value ranks: a heap on one
 * number per key replays scikit-image's moves while two unpopped markers share a value (the
 * one case where the heap's arrangement decides the order), then a bucket queue pops in the
 * same order in O(1) per pixel. Other floods use the (value, age) heap throughout.
 *
 * @param image - 2D or 3D ndarray (any numeric dtype, any strides, finite values); the
 *   lowest values are flooded first (pass `-edt` to split touching objects)
 * @param markers - integer ndarray of the image's shape; nonzero = seed of that label
 * @param options - `mask` (all), `connectivity` (1), `compactness` (0), `watershedLine`
 *   (false), `onProgress`
 * @returns int32 labels, same shape; 0 outside the mask, on watershed lines and where no
 *   marker floods
 * @throws InvalidArgumentError for bad dimensions, dtypes, non-finite values or options, a
 *   nonzero marker outside the mask (scikit-image drops those silently) or an all-zero mask;
 *   ShapeMismatchError when markers or mask differ in shape from the image
 *
 * @remarks
 * References: F. Meyer, "Topographic distance and watershed lines", Signal Processing 38
 * (1994) 113-125, doi:10.1016/0165-1684(94)90060-4. P. Soille, "Automated basin delineation
 * from digital elevation models using mathematical morphology", Signal Processing 20 (1990)
 * 171-182. P. Neubert, P. Protzel, "Compact watershed and preemptive SLIC", ICPR 2014,
 * doi:10.1109/ICPR.2014.181.
 */
export function watershed(
  image: NdArray,
  markers: NdArray,
  options: WatershedOptions = {},
): LabelImage {
  const fn = 'watershed';
  assertImage(fn, 'image', image);
  assertSameShape(fn, 'image', image, 'markers', markers);
  assertDtype(fn, 'markers', markers, INT_DTYPES);
  const { mask, compactness = 0, watershedLine = false } = options;
  if (mask !== undefined) assertSameShape(fn, 'image', image, 'options.mask', mask);
  const ndim = image.shape.length;
  const connectivity = checkConnectivity(fn, options.connectivity ?? 1, ndim);
  assertNumber(fn, 'options.compactness', compactness, { min: 0 });
  const maskData = mask === undefined ? undefined : flatData(mask as NdArray<Uint8Array>);
  if (maskData?.every((v) => v === 0)) {
    throw new InvalidArgumentError(fn, 'options.mask', 'all zero', 'a mask with a nonzero element');
  }
  return watershedFlat(
    flatData(image as NdArray<Float64Array>),
    flatData(markers as NdArray<Int32Array>),
    maskData,
    image.shape,
    connectivity,
    compactness,
    Boolean(watershedLine),
    options.onProgress,
  );
}

/**
 * {@link watershed} on flat row-major arrays (shared with the splitting functions).
 *
 * @internal
 */
export function watershedFlat(
  image: ArrayLike<number>,
  markers: ArrayLike<number>,
  mask: ArrayLike<number> | undefined,
  shape: readonly number[],
  connectivity: number,
  compactness = 0,
  watershedLine = false,
  onProgress?: ProgressCallback,
): LabelImage {
  const ndim = shape.length;
  // One int32 of state per pixel, padded by one pixel on every side: BLOCKED outside the mask
  // (and on the padding), 1.. = index of a marker label (`labelOf` maps back), 0 = not yet
  // flooded, so that one test skips both labelled and unmaskable neighbours.
  const pshape = shape.map((s) => s + 2);
  const pstrides = rowMajorStrides(pshape);
  const psize = pshape.reduce((a, b) => a * b, 1);
  const state = new Int32Array(psize).fill(BLOCKED);
  const labelOf = [0];
  const indexOf = new Map<number, number>();
  const [n0, n1, n2] = ndim === 3 ? shape : [1, ...shape];
  const [s0, s1] = ndim === 3 ? pstrides : [0, ...pstrides];
  const off0 = ndim === 3 ? s0! + s1! + 1 : s1! + 1;
  let k = 0;
  let inMask = 0;
  let nMarkers = 0;
  let lastLabel = 0;
  let lastIndex = 0;
  let check = 0;
  // a classic flood on few distinct values runs on their ranks (ids of `table` until the end)
  const table =
    compactness > 0 || watershedLine ? undefined : new ValueRanks(Math.min(MAX_RANKS, psize));
  let ranks = table === undefined ? undefined : new Uint16Array(psize);
  // the values themselves, only when not ranked
  let value = table === undefined ? new Float64Array(psize) : undefined;
  for (let a = 0; a < n0!; a++) {
    for (let b = 0; b < n1!; b++) {
      let p = off0 + a * s0! + b * s1!;
      for (let c = 0; c < n2!; c++, k++, p++) {
        const v = image[k]!;
        // v - v is NaN for NaN and +-Infinity: summed without a branch, checked after the loop
        check += v - v;
        const inside = mask === undefined || mask[k] !== 0;
        const m = markers[k]!;
        if (inside) {
          inMask++;
          state[p] = 0;
          if (m !== 0) {
            nMarkers++;
            if (m !== lastLabel) {
              lastLabel = m;
              let index = indexOf.get(m);
              if (index === undefined) {
                index = labelOf.push(m) - 1;
                indexOf.set(m, index);
              }
              lastIndex = index;
            }
            state[p] = lastIndex;
          }
          if (ranks !== undefined) {
            const id = table!.insert(v);
            if (id >= 0) ranks[p] = id;
            else {
              // too many distinct values: back to the values, those seen so far from the table
              value = new Float64Array(psize);
              for (let r = 0; r < p; r++) {
                if (state[r] !== BLOCKED) value[r] = table!.valueAt(ranks[r]!);
              }
              ranks = undefined;
            }
          }
          if (value !== undefined) value[p] = v;
        } else if (m !== 0) {
          throw new InvalidArgumentError('watershed', `markers[${k}]`, m, '0 outside options.mask');
        }
      }
    }
  }
  if (check !== 0) assertFinite('watershed', 'image', image);
  const nbr = ravelOffsets(neighborOffsets(ndim, connectivity), pstrides);
  const markerAt = new Int32Array(nMarkers);
  for (let p = 0, m = 0; p < psize; p++) {
    if (state[p] !== 0 && state[p] !== BLOCKED) markerAt[m++] = p;
  }
  if (ranks !== undefined) {
    // unflooded pixels hold ~rank (negative); the markers' ranks go along separately
    const rankOf = table!.ranks();
    const markerRanks = Int32Array.from(markerAt, (p) => rankOf[ranks![p]!]!);
    for (let p = 0; p < psize; p++) if (state[p] === 0) state[p] = ~rankOf[ranks[p]!]!;
    ranks = undefined;
    floodByRank(state, table!.size, nbr, markerAt, markerRanks, inMask, onProgress);
  } else if (value !== undefined) {
    const queue = new FloodQueue(
      Math.min(4096, 16 + (psize >> 4)),
      compactness > 0 || watershedLine,
    );
    for (const p of markerAt) queue.push(value[p]!, 0, p, p);
    floodByHeap(queue, value, state, nbr, pstrides, compactness, watershedLine, inMask, onProgress);
  }
  onProgress?.(inMask, inMask);
  // crop the padding; label indices back to labels, everything else (blocked, never
  // flooded, watershed lines) to 0
  const out = new Int32Array(n0! * n1! * n2!);
  k = 0;
  for (let a = 0; a < n0!; a++) {
    for (let b = 0; b < n1!; b++) {
      const p = off0 + a * s0! + b * s1!;
      for (let c = 0; c < n2!; c++, k++) {
        const l = state[p + c]!;
        if (l > 0 && l !== BLOCKED) out[k] = labelOf[l]!;
      }
    }
  }
  return ndarray(out, shape.slice());
}

/**
 * The most distinct values for which a classic flood runs on value ranks ({@link floodByRank});
 * value ids (0 .. MAX_RANKS - 1) fit the Uint16 rank array.
 */
const MAX_RANKS = 1 << 16;

/**
 * The flood on a heap keyed on (value, age), for compact watersheds, watershed lines and
 * images with more than {@link MAX_RANKS} distinct values; `queue` holds the markers.
 */
function floodByHeap(
  queue: FloodQueue,
  value: Float64Array,
  output: Int32Array,
  nbr: Int32Array,
  pstrides: readonly number[],
  compactness: number,
  watershedLine: boolean,
  inMask: number,
  onProgress: ProgressCallback | undefined,
): void {
  const nn = nbr.length;
  const compact = compactness > 0;
  const labelAtPop = compact || watershedLine;
  let age = 1;
  let popped = 0;
  while (queue.size > 0) {
    queue.pop();
    if (onProgress !== undefined && (++popped & 0xffff) === 0) {
      onProgress(Math.min(popped, inMask), inMask);
    }
    const index = queue.topIndex;
    const source = queue.topSource;
    if (labelAtPop) {
      if (output[index] !== 0 && index !== source) continue;
      if (watershedLine && onLine(output, nbr, index)) continue;
      output[index] = output[source]!;
    }
    const lab = output[index]!;
    for (let j = 0; j < nn; j++) {
      const q = index + nbr[j]!;
      if (output[q] !== 0) continue;
      age++;
      let v = value[q]!;
      if (compact) v += compactness * euclid(q, source, pstrides);
      else if (!watershedLine) output[q] = lab;
      queue.push(v, age, q, source);
    }
  }
}

/**
 * True when the masked neighbours of `index` carry two different nonzero labels; the pixel
 * is then a watershed-line pixel and leaves the mask (scikit-image's `_diff_neighbors`).
 * Outside the mask is `output === BLOCKED`.
 */
function onLine(output: Int32Array, nbr: Int32Array, index: number): boolean {
  if (output[index] === BLOCKED) return true;
  let l0 = 0;
  for (let j = 0; j < nbr.length; j++) {
    const q = index + nbr[j]!;
    const l1 = output[q]!;
    if (l1 === BLOCKED) continue;
    if (l0 === 0) l0 = l1;
    else if (l1 !== 0 && l1 !== l0) {
      output[index] = BLOCKED;
      return true;
    }
  }
  return false;
}

function euclid(p: number, q: number, strides: readonly number[]): number {
  let s = 0;
  for (let d = 0; d < strides.length; d++) {
    const st = strides[d]!;
    const c = Math.floor(p / st) - Math.floor(q / st);
    s += c * c;
    p %= st;
    q %= st;
  }
  return Math.sqrt(s);
}
