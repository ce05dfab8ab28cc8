import {
  assertCallback,
  assertNumber,
  assertNumericData,
  assertSignal,
  checkOptions,
  flatData,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { distanceTransformEdt } from './distance-transform-edt.js';
import { labelFlat } from './label.js';
import { assertImage, checkConnectivity } from './neighborhood.js';
import { peakLocalMax } from './peak-local-max.js';
import { regionPropsFlat } from './region-props.js';
import { watershedFlat } from './watershed.js';

/** Options of {@link splitTouching}. */
export interface SplitTouchingOptions {
  /** `minDistance` of the distance-map maxima used as markers. Default 5. */
  minDistance?: number;
  /** Connectivity of objects and of the flooding (1..ndim). Default 1. */
  connectivity?: number;
  /** Objects with solidity below this are watershed again. Default 0.95 (the paper's). */
  convexityThreshold?: number;
  /** Refinement passes after the first watershed; 0 = single pass. Default 10. */
  maxIterations?: number;
  /** A split is rejected when one of its pieces has fewer pixels. Default 10. */
  minPieceSize?: number;
  /** Called after each pass with `(passesDone, maxIterations + 1)`. */
  onProgress?: ProgressCallback;
  /** Cancels between passes. */
  signal?: AbortSignal;
}

const SPLIT_TOUCHING_KEYS: OptionKeys<SplitTouchingOptions> = {
  minDistance: true,
  connectivity: true,
  convexityThreshold: true,
  maxIterations: true,
  minPieceSize: true,
  onProgress: true,
  signal: true,
};

/** Result of {@link splitTouching}. */
export interface SplitTouchingResult {
  /** int32 instance labels 1..count, 0 outside the mask. */
  labels: LabelImage;
  /** Number of objects. */
  count: number;
  /** Refinement passes that changed something. */
  iterations: number;
}

/**
 * Split touching particles of a binary mask: marker watershed on the negated Euclidean
 * distance map (markers = {@link peakLocalMax} of the distance map per connected
 * component), then the paper's convexity refinement: every object whose solidity (area /
 * convex hull area, {@link regionProps}) is below `convexityThreshold` is watershed again on
 * its own distance map, trying `minDistance`, `minDistance - 1`, ..., 1; the first split
 * whose pieces all have at least `minPieceSize` pixels and are each more convex (higher
 * solidity) than the object replaces it. Objects no split improves are final; the loop stops when
 * a pass changes nothing or after `maxIterations` passes. Spacings above an object's
 * bounding box (plus one pixel) find the same markers as the box's longest axis, so the
 * refinement tries at most that many, whatever `minDistance`.
 *
 * A mask with no background at all (a tile lying inside one particle) has an infinite
 * distance map: it is one flat plateau, which has no peak (as scikit-image's
 * `peak_local_max` on a flat image), so the whole mask is one object.
 *
 * @param mask - 2D or 3D ndarray of any numeric dtype and strides; nonzero = particle
 * @param options - `minDistance` (5), `connectivity` (1), `convexityThreshold` (0.95),
 *   `maxIterations` (10), `minPieceSize` (10), `onProgress`, `signal`; `null` = defaults,
 *   an unknown option is an error
 * @returns `{ labels, count, iterations }`; labels are numbered in raster order of first pixel
 * @throws InvalidArgumentError for bad input or options (an unknown option included);
 *   AbortError when `signal` fires
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine learning enabled graph analysis of particulate
 * composites: application to solid-state battery cathodes", arXiv:2512.16085 (convexity
 * refined watershed). L. Vincent, P. Soille, "Watersheds in digital spaces", IEEE TPAMI 13
 * (1991) 583-598, doi:10.1109/34.87344.
 */
export function splitTouching(
  mask: NdArray,
  options: SplitTouchingOptions | null = {},
): SplitTouchingResult {
  const fn = 'splitTouching';
  assertImage(fn, 'mask', mask);
  assertNumericData(fn, 'mask', mask);
  const opts = checkOptions(fn, options, SPLIT_TOUCHING_KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const shape = mask.shape.slice();
  const ndim = shape.length;
  const connectivity = checkConnectivity(fn, opts.connectivity ?? 1, ndim);
  const src = flatData(mask as NdArray<Uint8Array>);
  const binary = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) if (src[i] !== 0) binary[i] = 1;
  const { labels, count, iterations } = splitTouchingFlat(binary, shape, {
    ...opts,
    connectivity,
  });
  return { labels: ndarray(labels, shape), count, iterations };
}

/**
 * {@link splitTouching} on a flat 0/1 mask (connectivity already validated).
 *
 * @throws InvalidArgumentError for bad options; AbortError when `signal` fires
 * @internal
 */
export function splitTouchingFlat(
  binary: Uint8Array,
  shape: readonly number[],
  options: SplitTouchingOptions & { connectivity: number },
): { labels: Int32Array; count: number; iterations: number } {
  const fn = 'splitTouching';
  const {
    minDistance = 5,
    connectivity,
    convexityThreshold = 0.95,
    maxIterations = 10,
    minPieceSize = 10,
    onProgress,
    signal,
  } = options;
  assertNumber(fn, 'options.minDistance', minDistance, { integer: true, min: 1 });
  assertNumber(fn, 'options.convexityThreshold', convexityThreshold, { min: 0, max: 1 });
  assertNumber(fn, 'options.maxIterations', maxIterations, { integer: true, min: 0 });
  assertNumber(fn, 'options.minPieceSize', minPieceSize, { integer: true, min: 1 });
  throwIfAborted(fn, signal);
  let labels = splitOnce(prepareSplit(binary, shape, connectivity), minDistance);
  onProgress?.(1, maxIterations + 1);

  let iterations = 0;
  // objects to (re)measure: all at first, then only the pieces of the last splits
  let dirty: Set<number> | undefined;
  for (let pass = 1; pass <= maxIterations; pass++) {
    throwIfAborted(fn, signal);
    const props = regionPropsFlat(labels, shape, { only: dirty });
    let next = 0;
    for (let i = 0; i < labels.length; i++) if (labels[i]! > next) next = labels[i]!;
    const out = Int32Array.from(labels);
    const changed = new Set<number>();
    for (const p of props) {
      if (!(p.solidity < convexityThreshold)) continue;
      const pieces = refine(labels, shape, p.label, p.bbox, p.solidity, {
        minDistance,
        connectivity,
        minPieceSize,
      });
      if (pieces === undefined) continue;
      changed.add(p.label);
      forEachBoxPixel(shape, pieces.box, (flat, local) => {
        const piece = pieces.crop[local]!;
        if (piece > 1) out[flat] = next + piece - 1;
      });
      for (let k = 1; k < pieces.count; k++) changed.add(next + k);
      next += pieces.count - 1;
    }
    onProgress?.(pass + 1, maxIterations + 1);
    if (changed.size === 0) break;
    iterations++;
    labels = out;
    dirty = changed;
  }
  const { labels: final, count } = relabelFirstAppearance(labels);
  return { labels: final, count, iterations };
}

/** What {@link splitOnce} needs of a mask whatever the marker spacing: distance map, components. */
interface SplitInput {
  binary: Uint8Array;
  shape: readonly number[];
  connectivity: number;
  /** The distance map. */
  edt: NdArray<Float64Array>;
  /** Its negation, the relief the watershed floods. */
  neg: Float64Array;
  /** Connected components of the mask, and how many. */
  components: NdArray<Int32Array>;
  componentCount: number;
}

/** Distance map and components of a mask, for one or more {@link splitOnce} calls. */
function prepareSplit(
  binary: Uint8Array,
  shape: readonly number[],
  connectivity: number,
): SplitInput {
  const edt = distanceTransformEdt(ndarray(binary, shape.slice())) as NdArray<Float64Array>;
  // an object filling the whole image (no zero: the distance map is Infinity everywhere) is
  // one flat plateau: no peak, so the flood keeps the component whole (as scikit-image's
  // peak_local_max finds no peak on a flat image). Finite stand-in: all 1.
  if (edt.data.length > 0 && edt.data[0] === Number.POSITIVE_INFINITY) edt.data.fill(1);
  const neg = new Float64Array(edt.data.length);
  for (let i = 0; i < neg.length; i++) neg[i] = -edt.data[i]!;
  const { labels, count } = labelFlat(binary, shape, connectivity);
  const components = ndarray(labels, shape.slice());
  return { binary, shape, connectivity, edt, neg, components, componentCount: count };
}

/**
 * One watershed pass over a binary mask: distance map, maxima per component, markers, flood;
 * mask pixels no marker reaches keep their connected component as an object.
 */
function splitOnce(input: SplitInput, minDistance: number): Int32Array {
  return floodFromPeaks(input, markerPeaks(input, minDistance));
}

/** The markers of {@link splitOnce}: maxima of the distance map, per component. */
function markerPeaks(input: SplitInput, minDistance: number): number[][] {
  return peakLocalMax(input.edt, { minDistance, labels: input.components, excludeBorder: false });
}

/** The flood of {@link splitOnce} from its markers. */
function floodFromPeaks(input: SplitInput, peaks: readonly (readonly number[])[]): Int32Array {
  const { binary, shape, connectivity } = input;
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const seeds = new Uint8Array(binary.length);
  for (const c of peaks) seeds[c.reduce((s, x, d) => s + x * strides[d]!, 0)] = 1;
  const markers = labelFlat(seeds, shape, 1).labels;
  const ws = watershedFlat(input.neg, markers, binary, shape, connectivity).data;
  // components without a marker (none found) stay whole
  let next = 0;
  for (let i = 0; i < ws.length; i++) if (ws[i]! > next) next = ws[i]!;
  const leftover = new Uint8Array(ws.length);
  for (let i = 0; i < ws.length; i++) if (ws[i] === 0 && binary[i] !== 0) leftover[i] = 1;
  const rest = labelFlat(leftover, shape, connectivity).labels;
  for (let i = 0; i < ws.length; i++) if (rest[i] !== 0) ws[i] = next + rest[i]!;
  return ws;
}

/** Try to split one object alone; returns its pieces (1..count in the padded crop) or undefined. */
function refine(
  labels: Int32Array,
  shape: readonly number[],
  lab: number,
  bbox: number[],
  solidity: number,
  opts: { minDistance: number; connectivity: number; minPieceSize: number },
): { crop: Int32Array; box: number[][]; count: number } | undefined {
  const ndim = shape.length;
  // bounding box padded by one pixel (clipped), so the object's distance map sees background
  const box = shape.map((s, d) => [Math.max(0, bbox[d]! - 1), Math.min(s - 1, bbox[d + ndim]!)]);
  const cshape = box.map(([a, b]) => b! - a! + 1);
  const size = cshape.reduce((a, b) => a * b, 1);
  const obj = new Uint8Array(size);
  forEachBoxPixel(shape, box, (flat, local) => {
    if (labels[flat] === lab) obj[local] = 1;
  });
  const input = prepareSplit(obj, cshape, opts.connectivity);
  // a spacing of the crop's longest axis or more finds the same markers as any larger one
  // (the window holds the whole crop, at most one peak per component): the loop is bounded
  // by the crop, not by minDistance
  for (let d = Math.min(opts.minDistance, Math.max(...cshape)); d >= 1; d--) {
    const peaks = markerPeaks(input, d);
    // one component and at most one marker: the flood would give back the object whole
    if (peaks.length < 2 && input.componentCount === 1) continue;
    const pieces = floodFromPeaks(input, peaks);
    let count = 0;
    for (let i = 0; i < size; i++) if (pieces[i]! > count) count = pieces[i]!;
    if (count < 2) continue;
    const props = regionPropsFlat(pieces, cshape, { convex: false });
    if (props.some((p) => p.area < opts.minPieceSize)) continue;
    // every piece more convex than the object: hulls one piece at a time, up to the first failure
    const convexer = (l: number) =>
      regionPropsFlat(pieces, cshape, { only: new Set([l]) })[0]!.solidity > solidity;
    if (props.every((p) => convexer(p.label))) return { crop: pieces, box, count };
  }
  return undefined;
}

function forEachBoxPixel(
  shape: readonly number[],
  box: number[][],
  visit: (flat: number, local: number) => void,
): void {
  const s3 = shape.length === 3 ? shape : [1, ...shape];
  const b3 = shape.length === 3 ? box : [[0, 0], ...box];
  let local = 0;
  for (let z = b3[0]![0]!; z <= b3[0]![1]!; z++) {
    for (let y = b3[1]![0]!; y <= b3[1]![1]!; y++) {
      const row = (z * s3[1]! + y) * s3[2]!;
      for (let x = b3[2]![0]!; x <= b3[2]![1]!; x++) visit(row + x, local++);
    }
  }
}

/** Renumber positive labels 1..count in raster order of first pixel. */
function relabelFirstAppearance(labels: Int32Array): { labels: Int32Array; count: number } {
  const map = new Map<number, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l <= 0) continue;
    let m = map.get(l);
    if (m === undefined) {
      m = map.size + 1;
      map.set(l, m);
    }
    out[i] = m;
  }
  return { labels: out, count: map.size };
}
