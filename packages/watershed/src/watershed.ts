import {
  assertBoolean,
  assertCallback,
  assertDtype,
  assertNumber,
  assertNumericData,
  assertSameShape,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  rowMajorStrides,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { floodByRank } from './flood-by-rank.js';
import { FloodQueue } from './flood-queue.js';
import {
  BLOCKED,
  type FloodStart,
  paddedRows,
  readFloodStart,
  SMALL_BLOCKED,
} from './flood-start.js';
import { assertImage, checkConnectivity, neighborOffsets, ravelOffsets } from './neighborhood.js';
import type { SparseMarkers } from './peak-markers.js';

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

const WATERSHED_KEYS: OptionKeys<WatershedOptions> = {
  mask: true,
  connectivity: true,
  compactness: true,
  watershedLine: true,
  onProgress: true,
};

/** Integer dtypes accepted for markers. */
const INT_DTYPES = ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'] as const;

/**
 * Marker-controlled watershed by priority flooding, as `skimage.segmentation.watershed`
 * (scikit-image 0.19): pixels leave a binary heap ordered by (value, age), age being the
 * order of entry into the queue, so ties go to the earliest pushed pixel; neighbours are
 * visited in scikit-image's order, the markers enter in row-major order. Labels are
 * identical to scikit-image's. A classic flood (no compactness, no watershed line) of an
 * image with at most 65,535 distinct values in the mask runs on value ranks: a heap on one
 * number per key replays scikit-image's moves while two unpopped markers share a value (the
 * one case where the heap's arrangement decides the order), then a bucket queue pops in the
 * same order in O(1) per pixel. Other floods use the (value, age) heap throughout.
 *
 * @param image - 2D or 3D ndarray (any numeric dtype, any strides, finite values); the
 *   lowest values are flooded first (pass `-edt` to split touching objects)
 * @param markers - integer ndarray of the image's shape; nonzero = seed of that label
 * @param options - `mask` (all), `connectivity` (1), `compactness` (0), `watershedLine`
 *   (false), `onProgress`; `null` = defaults, an unknown option is an error
 * @returns int32 labels, same shape; 0 outside the mask, on watershed lines and where no
 *   marker floods
 * @throws InvalidArgumentError for bad dimensions, dtypes, non-finite values or options (an
 *   unknown option, a non-boolean `watershedLine`), a nonzero marker outside the mask
 *   (scikit-image drops those silently), a uint32 marker above 2^31 - 1 (the int32 result
 *   cannot hold it) or an all-zero mask;
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
  options: WatershedOptions | null = {},
): LabelImage {
  const fn = 'watershed';
  assertImage(fn, 'image', image);
  assertNumericData(fn, 'image', image);
  assertSameShape(fn, 'image', image, 'markers', markers);
  assertDtype(fn, 'markers', markers, INT_DTYPES);
  const opts = checkOptions(fn, options, WATERSHED_KEYS);
  const { mask, compactness = 0, watershedLine = false } = opts;
  if (mask !== undefined) {
    assertSameShape(fn, 'image', image, 'options.mask', mask);
    assertNumericData(fn, 'options.mask', mask);
  }
  const ndim = image.shape.length;
  const connectivity = checkConnectivity(fn, opts.connectivity ?? 1, ndim);
  assertNumber(fn, 'options.compactness', compactness, { min: 0 });
  assertBoolean(fn, 'options.watershedLine', watershedLine);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
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
    watershedLine,
    opts.onProgress,
  );
}

/**
 * {@link watershed} on flat row-major arrays (shared with the splitting functions).
 *
 * @internal
 */
export function watershedFlat(
  image: ArrayLike<number>,
  markers: ArrayLike<number> | SparseMarkers,
  mask: ArrayLike<number> | undefined,
  shape: readonly number[],
  connectivity: number,
  compactness = 0,
  watershedLine = false,
  onProgress?: ProgressCallback,
): LabelImage {
  // per-pixel arrays are padded by one pixel on every side, blocked there, so that
  // neighbours never need a bounds test
  const pstrides = rowMajorStrides(shape.map((s) => s + 2));
  const nbr = ravelOffsets(neighborOffsets(shape.length, connectivity), pstrides);
  if (compactness === 0 && !watershedLine) {
    const start = readFloodStart(image, markers, mask, shape, pstrides, true);
    if (start !== undefined) return floodRanked(start, shape, pstrides, nbr, onProgress, false);
  }
  return floodByValue(image, markers, mask, shape, pstrides, nbr, {
    compactness,
    watershedLine,
    onProgress,
  });
}

/**
 * A classic {@link watershed} (no compactness, no watershed line) for the splitting functions,
 * in less memory: `source.image` is dropped (set to undefined) as soon as it has been read
 * into value ids, so that once the caller holds no other reference its memory can be
 * reclaimed before the flood allocates; the int32 flood state, when there is one, becomes the
 * result (cropped in place). Same labels as {@link watershedFlat}.
 *
 * @param source - holds the image; emptied when `release` (the image then must not be used again)
 * @param release - drop the image and crop in place (false: keep the image for another flood)
 * @param spare - an int32 array the caller no longer needs, used as the int32 flood state
 *   when it has room for the padded image (saves an allocation while the garbage of earlier
 *   steps may not have been collected yet)
 * @returns int32 labels of `shape` (possibly a view of a larger buffer)
 * @internal
 */
export function floodReleasing(
  source: { image: ArrayLike<number> | undefined },
  markers: ArrayLike<number> | SparseMarkers,
  mask: ArrayLike<number>,
  shape: readonly number[],
  connectivity: number,
  release: boolean,
  spare?: Int32Array,
): Int32Array {
  const pstrides = rowMajorStrides(shape.map((s) => s + 2));
  const nbr = ravelOffsets(neighborOffsets(shape.length, connectivity), pstrides);
  const start = readFloodStart(source.image!, markers, mask, shape, pstrides, true);
  if (start === undefined) {
    return floodByValue(source.image!, markers, mask, shape, pstrides, nbr, {
      compactness: 0,
      watershedLine: false,
      onProgress: undefined,
    }).data;
  }
  if (release) source.image = undefined;
  return floodRanked(start, shape, pstrides, nbr, undefined, release, spare).data;
}

/** The flood on a (value, age) heap throughout: compact watersheds, lines, many values. */
function floodByValue(
  image: ArrayLike<number>,
  markers: ArrayLike<number> | SparseMarkers,
  mask: ArrayLike<number> | undefined,
  shape: readonly number[],
  pstrides: readonly number[],
  nbr: Int32Array,
  opts: { compactness: number; watershedLine: boolean; onProgress: ProgressCallback | undefined },
): LabelImage {
  const { compactness, watershedLine, onProgress } = opts;
  const start = readFloodStart(image, markers, mask, shape, pstrides, false)!;
  const { inMask, labelOf, markerAt } = start;
  const state = start.state!;
  const value = start.value!;
  const queue = new FloodQueue(
    Math.min(4096, 16 + (state.length >> 4)),
    compactness > 0 || watershedLine,
  );
  for (const p of markerAt) queue.push(value[p]!, 0, p, p);
  floodByHeap(queue, value, state, nbr, pstrides, compactness, watershedLine, inMask, onProgress);
  onProgress?.(inMask, inMask);
  return cropLabels(state, shape, pstrides, 1, BLOCKED, 0, labelOf, undefined);
}

/**
 * A classic flood on value ranks ({@link floodByRank}), from a ranked {@link FloodStart}.
 * The flood state is the value-id array itself: an id (< distinct) marks a pixel not yet
 * flooded, `distinct + label index` a flooded one, SMALL_BLOCKED a blocked one, so one test
 * (`s >= distinct`) skips labelled and blocked neighbours alike. When label indices do not
 * fit below SMALL_BLOCKED the state is widened to int32 (BLOCKED for blocked pixels); with
 * `inPlace`, `start.ids` is then dropped and the int32 state (written into `spare` when that
 * is large enough) becomes the result; a Uint16 state is cropped into `spare`.
 */
function floodRanked(
  start: FloodStart,
  shape: readonly number[],
  pstrides: readonly number[],
  nbr: Int32Array,
  onProgress: ProgressCallback | undefined,
  inPlace: boolean,
  spare?: Int32Array,
): LabelImage {
  const { inMask, labelOf, markerAt, markerIndex } = start;
  const table = start.table!;
  const distinct = table.size;
  const rankOf = table.ranks();
  const markerRanks = new Int32Array(markerAt.length);
  for (let i = 0; i < markerAt.length; i++) markerRanks[i] = rankOf[start.ids![markerAt[i]!]!]!;
  let state: Int32Array | Uint16Array = start.ids!;
  let blocked = SMALL_BLOCKED;
  if (distinct + labelOf.length > SMALL_BLOCKED) {
    state = widened(start.ids!, spare);
    if (inPlace) start.ids = undefined;
    blocked = BLOCKED;
  }
  for (let i = 0; i < markerAt.length; i++) state[markerAt[i]!] = distinct + markerIndex[i]!;
  floodByRank(state, distinct, rankOf, nbr, markerAt, markerRanks, inMask, onProgress);
  onProgress?.(inMask, inMask);
  const into = inPlace ? (state instanceof Int32Array ? state : spare) : undefined;
  return cropLabels(state, shape, pstrides, distinct, blocked, distinct, labelOf, into);
}

/** An int32 copy of a Uint16 flood state (in `spare` when it has room), SMALL_BLOCKED becoming BLOCKED. */
function widened(ids: Uint16Array, spare: Int32Array | undefined): Int32Array {
  const state =
    spare !== undefined && spare.length >= ids.length
      ? spare.subarray(0, ids.length)
      : new Int32Array(ids.length);
  for (let p = 0; p < ids.length; p++) state[p] = ids[p] === SMALL_BLOCKED ? BLOCKED : ids[p]!;
  return state;
}

/**
 * The labels of a padded flood state, padding cropped: a state `s` with `lo <= s` and
 * `s !== blocked` is flooded with label `labelOf[s - shift]`; a negative state (heap flood
 * only) is a marker pixel on a watershed line, which keeps its label `labelOf[-s]`;
 * everything else (blocked, never flooded, watershed lines) becomes 0. The labels go into
 * the first elements of `into` when it has room (else a new array); `into` may be the int32
 * state itself (pixel k of the crop lies before its padded position, which is read before it
 * is overwritten).
 */
function cropLabels(
  state: Int32Array | Uint16Array,
  shape: readonly number[],
  pstrides: readonly number[],
  lo: number,
  blocked: number,
  shift: number,
  labelOf: readonly number[],
  into: Int32Array | undefined,
): LabelImage {
  const { n0, n1, n2, s0, s1, first } = paddedRows(shape, pstrides);
  const size = n0 * n1 * n2;
  const out =
    into !== undefined && into.length >= size ? into.subarray(0, size) : new Int32Array(size);
  let k = 0;
  for (let a = 0; a < n0; a++) {
    for (let b = 0; b < n1; b++) {
      const p = first + a * s0 + b * s1;
      for (let c = 0; c < n2; c++, k++) {
        const s = state[p + c]!;
        if (s >= lo && s !== blocked) out[k] = labelOf[s - shift]!;
        // a marker pixel on a watershed line (heap flood only, where shift is 0)
        else if (s < 0) out[k] = labelOf[-s]!;
        else out[k] = 0;
      }
    }
  }
  return ndarray(out, shape.slice());
}

/**
 * The flood on a heap keyed on (value, age), for compact watersheds, watershed lines and
 * images with more distinct values than `MAX_RANKS`; `queue` holds the markers.
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
 * Outside the mask is `output === BLOCKED`; a pixel that left the mask is BLOCKED too, except
 * a marker pixel, which keeps its label as scikit-image keeps it (scikit-image clears the
 * pixel's mask bit, not its output): it becomes `-labelIndex`, out of the mask but labelled.
 */
function onLine(output: Int32Array, nbr: Int32Array, index: number): boolean {
  const own = output[index]!;
  if (own === BLOCKED || own < 0) return true;
  let l0 = 0;
  for (let j = 0; j < nbr.length; j++) {
    const q = index + nbr[j]!;
    const l1 = output[q]!;
    if (l1 === BLOCKED || l1 < 0) continue;
    if (l0 === 0) l0 = l1;
    else if (l1 !== 0 && l1 !== l0) {
      // a marker (the only pixel labelled before it pops) keeps its label
      output[index] = own === 0 ? BLOCKED : -own;
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
