import {
  assertCallback,
  assertNumber,
  assertNumericData,
  assertSignal,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { defaultConvexityThreshold } from './convexity-threshold.js';
import { distanceTransformEdt, exactSquaredDistances } from './distance-transform-edt.js';
import { labelFlat } from './label.js';
import { assertImage, checkConnectivity } from './neighborhood.js';
import { peakLocalMax } from './peak-local-max.js';
import { peakMarkers } from './peak-markers.js';
import { convexArea, type RegionProperties, regionPropsFlat } from './region-props.js';
import { checkSpacing } from './spacing.js';
import { floodReleasing } from './watershed.js';

/** Options of {@link splitTouching}. */
export interface SplitTouchingOptions {
  /** `minDistance` of the distance-map maxima used as markers. Default 5. */
  minDistance?: number;
  /** Connectivity of objects and of the flooding (1..ndim). Default 1. */
  connectivity?: number;
  /**
   * Objects with solidity below this are watershed again. Default
   * {@link DEFAULT_CONVEXITY_THRESHOLD}: 0.95 in 2D (the paper's), 0.88 in 3D (calibrated
   * on 3D phantoms: voxelised balls are less convex than pixelised discs).
   */
  convexityThreshold?: number;
  /** Refinement passes after the first watershed; 0 = single pass. Default 10. */
  maxIterations?: number;
  /** A split is rejected when one of its pieces has fewer pixels. Default 10. */
  minPieceSize?: number;
  /**
   * Voxel size per axis (one number, or one per axis) of an anisotropic image: the distance
   * map is physical (`distanceTransformEdt`'s `sampling`), so markers sit at the centres of
   * particles in physical space. Default 1 (isotropic voxels).
   */
  spacing?: number | readonly number[];
  /**
   * Unit of `minDistance`: `'voxels'` (a window of `2 minDistance + 1` voxels on every axis,
   * whatever `spacing`) or `'units'` (the physical distance of `spacing`'s unit:
   * {@link peakLocalMax}'s `spacing` option; the refinement then steps down by the smallest
   * voxel size). Default `'voxels'`.
   */
  minDistanceIn?: 'voxels' | 'units';
  /** Called after each pass with `(passesDone, maxIterations + 1)`. */
  onProgress?: ProgressCallback;
  /** Cancels between passes. */
  signal?: AbortSignal;
}

const SPLIT_TOUCHING_KEYS: OptionKeys<SplitTouchingOptions> = {
  spacing: true,
  minDistanceIn: true,
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
 * @param options - `minDistance` (5), `connectivity` (1), `convexityThreshold` (0.95 in 2D,
 *   0.88 in 3D: {@link DEFAULT_CONVEXITY_THRESHOLD}), `maxIterations` (10), `minPieceSize`
 *   (10), `spacing` (1), `minDistanceIn` ('voxels'), `onProgress`, `signal`; `null` =
 *   defaults, an unknown option is an error
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
  const settings = checkSplitOptions(fn, opts, ndim);
  const src = flatData(mask as NdArray<Uint8Array>);
  const binary = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) if (src[i] !== 0) binary[i] = 1;
  const { labels, count, iterations } = splitTouchingFlat(binary, shape, {
    ...settings,
    connectivity,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  return { labels: ndarray(labels, shape), count, iterations };
}

/** {@link SplitTouchingOptions}' splitting settings, checked and with their defaults. */
export interface SplitSettings {
  minDistance: number;
  minDistanceIn: 'voxels' | 'units';
  /** Voxel size per axis (undefined = 1). */
  sampling: number[] | undefined;
  convexityThreshold: number;
  maxIterations: number;
  minPieceSize: number;
}

/**
 * The splitting options shared by {@link splitTouching} and `instanceSegmentation`, checked
 * (errors name `fn`) and with their defaults, before any per-voxel allocation.
 *
 * @throws InvalidArgumentError naming `fn` and the option for a bad value
 * @internal
 */
export function checkSplitOptions(
  fn: string,
  options: SplitTouchingOptions,
  ndim: number,
): SplitSettings {
  const {
    minDistance = 5,
    convexityThreshold = defaultConvexityThreshold(ndim),
    maxIterations = 10,
    minPieceSize = 10,
    spacing,
    minDistanceIn = 'voxels',
  } = options;
  if (minDistanceIn !== 'voxels' && minDistanceIn !== 'units') {
    throw new InvalidArgumentError(
      fn,
      'options.minDistanceIn',
      minDistanceIn,
      "'voxels' or 'units'",
    );
  }
  const sampling =
    spacing === undefined ? undefined : checkSpacing(fn, 'options.spacing', spacing, ndim);
  assertNumber(
    fn,
    'options.minDistance',
    minDistance,
    minDistanceIn === 'units' ? { greaterThan: 0 } : { integer: true, min: 1 },
  );
  assertNumber(fn, 'options.convexityThreshold', convexityThreshold, { min: 0, max: 1 });
  assertNumber(fn, 'options.maxIterations', maxIterations, { integer: true, min: 0 });
  assertNumber(fn, 'options.minPieceSize', minPieceSize, { integer: true, min: 1 });
  return { minDistance, minDistanceIn, sampling, convexityThreshold, maxIterations, minPieceSize };
}

/**
 * {@link splitTouching} on a flat 0/1 mask, with settings already checked
 * ({@link checkSplitOptions}, `checkConnectivity`).
 *
 * @throws AbortError when `signal` fires
 * @internal
 */
export function splitTouchingFlat(
  binary: Uint8Array,
  shape: readonly number[],
  settings: SplitSettings & {
    connectivity: number;
    onProgress?: ProgressCallback | undefined;
    signal?: AbortSignal | undefined;
  },
): { labels: Int32Array; count: number; iterations: number } {
  const fn = 'splitTouching';
  const {
    minDistance,
    connectivity,
    convexityThreshold,
    maxIterations,
    minPieceSize,
    sampling,
    minDistanceIn,
    onProgress,
    signal,
  } = settings;
  const geometry: Geometry = {
    connectivity,
    sampling,
    peakScale: minDistanceIn === 'units' ? (sampling ?? shape.map(() => 1)) : undefined,
  };
  throwIfAborted(fn, signal);
  const labels = splitOnce(binary, shape, geometry, minDistance);
  onProgress?.(1, maxIterations + 1);

  let iterations = 0;
  // objects to refine, by increasing label: all (measured here) at first, then the pieces of
  // the last pass's splits, measured by `refine` on its crop (the same pixels, so the same
  // box, area and hull as a measure of the whole image would give)
  let objects: Measured[] = regionPropsFlat(labels, shape);
  let next = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > next) next = labels[i]!;
  for (let pass = 1; pass <= maxIterations; pass++) {
    throwIfAborted(fn, signal);
    // the pieces are written over `labels` at once: they take new labels (above every label
    // of the pass), so the objects still to refine read the same pixels as from a copy
    const made: Measured[] = [];
    for (const p of objects) {
      if (!(p.solidity < convexityThreshold)) continue;
      const pieces = refine(labels, shape, p.label, p.bbox, p.solidity, geometry, {
        minDistance,
        minPieceSize,
      });
      if (pieces === undefined) continue;
      forEachBoxPixel(shape, pieces.box, (flat, local) => {
        const piece = pieces.crop[local]!;
        if (piece > 1) labels[flat] = next + piece - 1;
      });
      for (const q of pieces.measured) {
        made.push({ ...q, label: q.label === 1 ? p.label : next + q.label - 1 });
      }
      next += pieces.count - 1;
    }
    onProgress?.(pass + 1, maxIterations + 1);
    if (made.length === 0) break;
    iterations++;
    objects = made.sort((a, b) => a.label - b.label);
  }
  const count = relabelFirstAppearance(labels);
  return { labels, count, iterations };
}

/** How distances are measured and objects connected. */
interface Geometry {
  connectivity: number;
  /** Voxel size per axis of the distance map (undefined = 1). */
  sampling: readonly number[] | undefined;
  /** Voxel size per axis when `minDistance` is physical, else undefined (voxels). */
  peakScale: readonly number[] | undefined;
}

/** What {@link markerPeaks} and {@link floodFromPeaks} need of a mask: distance map, components. */
interface SplitInput {
  geometry: Geometry;
  /**
   * The distance map (float64), or its square in float32 where that is exact (unit spacing:
   * {@link exactSquaredDistances}); either orders the pixels as the distances do.
   */
  edt: NdArray<Float32Array | Float64Array>;
  /** Connected components of the mask, and how many. */
  components: NdArray<Int32Array>;
  componentCount: number;
}

/**
 * Distance map and components of a mask, for one or more marker spacings. With unit spacing
 * the map is the float32 squared distance ({@link exactSquaredDistances}: same peaks, same
 * flood, half the memory), else the float64 distance.
 */
function prepareSplit(
  binary: Uint8Array,
  shape: readonly number[],
  geometry: Geometry,
  componentsInto?: Int32Array,
): SplitInput {
  const unit = geometry.sampling?.every((s) => s === 1) ?? true;
  const squared = unit ? exactSquaredDistances(binary, shape) : undefined;
  const edt =
    squared === undefined
      ? (distanceTransformEdt(ndarray(binary, shape.slice()), {
          sampling: geometry.sampling ?? 1,
        }) as NdArray<Float64Array>)
      : ndarray(squared, shape.slice());
  // an object filling the whole image (no zero: the distance map is Infinity everywhere) is
  // one flat plateau: no peak, so the flood keeps the component whole (as scikit-image's
  // peak_local_max finds no peak on a flat image). Finite stand-in: all 1.
  if (edt.data.length > 0 && edt.data[0] === Number.POSITIVE_INFINITY) edt.data.fill(1);
  const { labels, count } = labelFlat(binary, shape, geometry.connectivity, componentsInto);
  const components = ndarray(labels, shape.slice());
  return { geometry, edt, components, componentCount: count };
}

/** `map` negated in place (the relief the watershed floods); returns it. */
function negateInPlace<T extends Float32Array | Float64Array>(map: T): T {
  for (let i = 0; i < map.length; i++) map[i] = -map[i]!;
  return map;
}

/**
 * One watershed pass over a binary mask: distance map, maxima per component, markers, flood;
 * mask pixels no marker reaches keep their connected component as an object. Each per-voxel
 * array is dropped as soon as its step is done: the components once the peaks are found, the
 * (negated) distance map once the flood has read it into value ids; the markers are a list,
 * and an int32 flood state becomes the result. Per voxel at most: the float32 squared
 * distance and the int32 components (unit spacing; float64 distances otherwise), then the
 * Uint16 value ids and the int32 flood state. The components are written into an array
 * sized for the padded image, which the flood then reuses as its int32 state.
 */
function splitOnce(
  binary: Uint8Array,
  shape: readonly number[],
  geometry: Geometry,
  minDistance: number,
): Int32Array {
  const spare = new Int32Array(shape.reduce((a, n) => a * (n + 2), 1));
  let input: SplitInput | undefined = prepareSplit(
    binary,
    shape,
    geometry,
    spare.subarray(0, binary.length),
  );
  const peaks = markerPeaks(input, minDistance);
  const source = { image: negateInPlace(input.edt.data) as ArrayLike<number> | undefined };
  input = undefined;
  return floodFromPeaks(binary, shape, geometry.connectivity, source, peaks, true, spare);
}

/** The markers: maxima of the distance map, per component. */
function markerPeaks(input: SplitInput, minDistance: number): number[][] {
  return peakLocalMax(input.edt, {
    minDistance,
    labels: input.components,
    excludeBorder: false,
    spacing: input.geometry.peakScale,
  });
}

/**
 * The flood of the negated distance map `source.image` from markers at `peaks` (face-touching
 * peaks form one marker); with `release`, `source.image` is dropped once read, and `spare`
 * may become the int32 flood state (`floodReleasing`).
 */
function floodFromPeaks(
  binary: Uint8Array,
  shape: readonly number[],
  connectivity: number,
  source: { image: ArrayLike<number> | undefined },
  peaks: readonly (readonly number[])[],
  release: boolean,
  spare?: Int32Array,
): Int32Array {
  const markers = peakMarkers(peaks, shape);
  const ws = floodReleasing(source, markers, binary, shape, connectivity, release, spare);
  // components without a marker (none found) stay whole
  let next = 0;
  let anyLeft = false;
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]! > next) next = ws[i]!;
    else if (ws[i] === 0 && binary[i] !== 0) anyLeft = true;
  }
  if (!anyLeft) return ws;
  const leftover = new Uint8Array(ws.length);
  for (let i = 0; i < ws.length; i++) if (ws[i] === 0 && binary[i] !== 0) leftover[i] = 1;
  const rest = labelFlat(leftover, shape, connectivity).labels;
  for (let i = 0; i < ws.length; i++) if (rest[i] !== 0) ws[i] = next + rest[i]!;
  return ws;
}

/** What the refinement needs of an object: its label, bounding box and solidity. */
type Measured = Pick<RegionProperties, 'label' | 'bbox' | 'solidity'>;

/**
 * Try to split one object alone; returns its pieces (1..count in the padded crop, `box` in
 * image coordinates) with each piece measured in image coordinates (`label` = the piece's
 * number, `bbox` shifted by the crop's origin), or undefined.
 */
function refine(
  labels: Int32Array,
  shape: readonly number[],
  lab: number,
  bbox: number[],
  solidity: number,
  geometry: Geometry,
  opts: { minDistance: number; minPieceSize: number },
): { crop: Int32Array; box: number[][]; count: number; measured: Measured[] } | undefined {
  const ndim = shape.length;
  // bounding box padded by one pixel (clipped), so the object's distance map sees background
  const box = shape.map((s, d) => [Math.max(0, bbox[d]! - 1), Math.min(s - 1, bbox[d + ndim]!)]);
  const cshape = box.map(([a, b]) => b! - a! + 1);
  const size = cshape.reduce((a, b) => a * b, 1);
  const obj = new Uint8Array(size);
  forEachBoxPixel(shape, box, (flat, local) => {
    if (labels[flat] === lab) obj[local] = 1;
  });
  const input = prepareSplit(obj, cshape, geometry);
  const relief = { image: negateInPlace(input.edt.data.slice()) };
  for (const d of spacingsToTry(opts.minDistance, cshape, geometry.peakScale)) {
    const peaks = markerPeaks(input, d);
    // one component and at most one marker: the flood would give back the object whole
    if (peaks.length < 2 && input.componentCount === 1) continue;
    const pieces = floodFromPeaks(obj, cshape, geometry.connectivity, relief, peaks, false);
    let count = 0;
    for (let i = 0; i < size; i++) if (pieces[i]! > count) count = pieces[i]!;
    if (count < 2) continue;
    const props = regionPropsFlat(pieces, cshape, { convex: false });
    if (props.some((p) => p.area < opts.minPieceSize)) continue;
    // every piece more convex than the object: hulls one piece at a time, up to the first
    // failure (`regionProps`' solidity: area over the hull of the piece's bounding box)
    const measured: Measured[] = [];
    for (const p of props) {
      const [mins, maxs] = [p.bbox.slice(0, ndim), p.bbox.slice(ndim).map((m) => m - 1)];
      const at = (m: number[]) => (ndim === 3 ? m : [0, ...m]);
      const pieceSolidity = p.area / convexArea(pieces, cshape, p.label, at(mins), at(maxs));
      if (!(pieceSolidity > solidity)) break;
      const shift = (m: number, k: number) => m + box[k % ndim]![0]!;
      measured.push({ label: p.label, bbox: p.bbox.map(shift), solidity: pieceSolidity });
    }
    if (measured.length === props.length) return { crop: pieces, box, count, measured };
  }
  return undefined;
}

/**
 * The marker spacings the refinement tries, largest first: `minDistance`, `minDistance - 1`,
 * ..., 1 in voxels; with `scale` (physical `minDistance`), steps of the smallest voxel size
 * down to it. A spacing of the crop's longest extent or more finds the same markers as any
 * larger one (the window holds the whole crop, at most one peak per component): the tries are
 * bounded by the crop, not by `minDistance`.
 */
function spacingsToTry(
  minDistance: number,
  cshape: readonly number[],
  scale: readonly number[] | undefined,
): number[] {
  const out: number[] = [];
  if (scale === undefined) {
    for (let d = Math.min(minDistance, Math.max(...cshape)); d >= 1; d--) out.push(d);
    return out;
  }
  const step = Math.min(...scale);
  const top = Math.min(minDistance, Math.max(...cshape.map((n, d) => n * scale[d]!)));
  for (let k = 0; top - k * step >= step * (1 - 1e-9); k++) out.push(top - k * step);
  return out;
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

/** Renumber positive labels 1..count in raster order of first pixel, in place; returns count. */
function relabelFirstAppearance(labels: Int32Array): number {
  let max = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > max) max = labels[i]!;
  // a table, not a Map: one typed load per voxel (labels are at most the objects made)
  const map = new Int32Array(max + 1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l <= 0) continue;
    if (map[l] === 0) map[l] = ++count;
    labels[i] = map[l]!;
  }
  return count;
}
