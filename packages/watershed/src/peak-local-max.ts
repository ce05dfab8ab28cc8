import {
  argsortNumpy,
  assertDtype,
  assertFinite,
  assertNumber,
  assertNumericData,
  assertSameShape,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  rowMajorStrides,
} from '@mgraph/core';
import { type BoundingBox, findObjects } from '@mgraph/ndimage';
import ndarray from 'ndarray';
import { compactLabels } from './checks.js';
import { ensureSpacing } from './ensure-spacing.js';
import type { FloatData } from './float-data.js';
import { labelWindowMaxima, packBoxes } from './label-window-maxima.js';
import { assertImage } from './neighborhood.js';
import { getPeakMask, type PeakFootprint } from './peak-mask.js';
import { checkSpacing } from './spacing.js';

/** Options of {@link peakLocalMax} (scikit-image names, camelCased). */
export interface PeakLocalMaxOptions {
  /** Peaks are maxima of a `(2 minDistance + 1)^ndim` window and at least this far apart. Default 1. */
  minDistance?: number;
  /** Minimum peak value. Default: the image minimum (peaks must exceed it). */
  thresholdAbs?: number;
  /** Minimum peak value as a fraction of the image maximum. Default: none. */
  thresholdRel?: number;
  /**
   * Exclude peaks this close to the border: `true` = `minDistance`, `false` = 0, a number,
   * or one number per axis. Default true.
   */
  excludeBorder?: boolean | number | readonly number[];
  /** Keep at most this many peaks (highest first). Default Infinity. */
  numPeaks?: number;
  /** Keep at most this many peaks per label. Default Infinity. */
  numPeaksPerLabel?: number;
  /** Neighbourhood of the maximum filter (nonzero = in); replaces the `minDistance` window. */
  footprint?: NdArray;
  /** Integer labels (0 = background): peaks are searched in each labelled region alone. */
  labels?: NdArray;
  /** Minkowski p-norm of the spacing test (1, 2, ..., Infinity = Chebyshev). Default Infinity. */
  pNorm?: number;
  /**
   * Voxel size per axis (one number, or one per axis), for anisotropic images. Given, it makes
   * `minDistance` a physical distance: the window reaches `floor(minDistance / spacing[d])`
   * voxels along axis `d`, `excludeBorder: true` excludes that many, and kept peaks are at
   * least `minDistance` apart in physical p-norm distance. Default: none (`minDistance` in
   * voxels on every axis, as scikit-image; `spacing` 1 gives the same peaks).
   */
  spacing?: number | readonly number[];
}

const PEAK_LOCAL_MAX_KEYS: OptionKeys<PeakLocalMaxOptions> = {
  minDistance: true,
  thresholdAbs: true,
  thresholdRel: true,
  excludeBorder: true,
  numPeaks: true,
  numPeaksPerLabel: true,
  footprint: true,
  labels: true,
  pNorm: true,
  spacing: true,
};

const LABEL_DTYPES = ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'] as const;

/** Lowest value of each dtype: scikit-image's background inside a label's crop. */
const DTYPE_MIN: Record<string, number> = {
  float32: -3.4028234663852886e38,
  float64: -Number.MAX_VALUE,
  int8: -128,
  int16: -32768,
  int32: -2147483648,
  uint8: 0,
  uint16: 0,
  uint32: 0,
  uint8_clamped: 0,
};

/** What {@link highIntensityPeaks} needs to space the peaks. */
interface Spacing {
  minDistance: number;
  pNorm: number;
  /** Voxel size per axis (physical distances), or undefined (index distances). */
  scale?: readonly number[];
}

/**
 * Coordinates of the local maxima of an image, as `skimage.feature.peak_local_max`
 * (scikit-image 0.19): a pixel is a candidate when it equals the maximum of its window
 * (maximum filter, constant 0 outside the image or the region's bounding box) and exceeds
 * the threshold; candidates are ordered by decreasing value with numpy's argsort and kept
 * greedily when no kept peak lies closer than `minDistance` (p-norm). Flat images yield no
 * peak (with `labels`, the pixels an opening removes do). With `labels`, each region is
 * searched within its bounding box, other pixels set to the dtype's minimum.
 *
 * The steps are those of scikit-image's `peak.py`: {@link getPeakMask} (`_get_peak_mask`),
 * `excludeBorder` (`_exclude_border`), {@link highIntensityPeaks}
 * (`_get_high_intensity_peaks`, spacing by {@link ensureSpacing}), and with labels one crop
 * per `findObjects` box (`ndi.find_objects`); for the box window, all labels' candidates
 * come from one pass ({@link labelWindowMaxima}) instead of one crop each.
 *
 * @param image - 2D or 3D ndarray, any dtype and strides, finite values
 * @param options - see {@link PeakLocalMaxOptions}; defaults as scikit-image; `null` =
 *   defaults, an unknown option is an error
 * @returns peak coordinates (`[row, col]` or `[plane, row, col]`), highest first (per label
 *   in label order when `labels` is given)
 * @throws InvalidArgumentError for bad dimensions, a non-numeric dtype, non-finite values or
 *   options (an unknown option included);
 *   ShapeMismatchError when `labels` differs in shape from the image
 *
 * @remarks
 * References: S. van der Walt et al., "scikit-image: image processing in Python", PeerJ 2
 * (2014) e453, doi:10.7717/peerj.453.
 */
export function peakLocalMax(image: NdArray, options: PeakLocalMaxOptions | null = {}): number[][] {
  const fn = 'peakLocalMax';
  assertImage(fn, 'image', image);
  assertNumericData(fn, 'image', image);
  const shape = image.shape.slice();
  const {
    minDistance = 1,
    thresholdAbs,
    thresholdRel,
    excludeBorder = true,
    numPeaks = Number.POSITIVE_INFINITY,
    numPeaksPerLabel = Number.POSITIVE_INFINITY,
    footprint,
    labels,
    pNorm = Number.POSITIVE_INFINITY,
    spacing: voxelSize,
  } = checkOptions(fn, options, PEAK_LOCAL_MAX_KEYS);
  const scale =
    voxelSize === undefined
      ? undefined
      : checkSpacing(fn, 'options.spacing', voxelSize, shape.length);
  // in voxels an integer (scikit-image's); a physical distance with `spacing`
  assertNumber(fn, 'options.minDistance', minDistance, { integer: scale === undefined, min: 0 });
  const radii = windowRadii(minDistance, shape, scale);
  if (thresholdAbs !== undefined) assertNumber(fn, 'options.thresholdAbs', thresholdAbs);
  if (thresholdRel !== undefined) assertNumber(fn, 'options.thresholdRel', thresholdRel);
  checkCount(fn, 'options.numPeaks', numPeaks);
  checkCount(fn, 'options.numPeaksPerLabel', numPeaksPerLabel);
  if (!(typeof pNorm === 'number' && pNorm >= 1)) {
    throw new InvalidArgumentError(fn, 'options.pNorm', pNorm, 'a number >= 1 or Infinity');
  }
  const borderWidth = excludedBorderWidth(fn, excludeBorder, radii);
  // read-only float view of the image (a float64 copy unless it already is contiguous
  // float64 or float32)
  const data: ArrayLike<number> = flatData(image as NdArray<Float64Array>);
  const img: FloatData =
    data instanceof Float64Array || data instanceof Float32Array ? data : Float64Array.from(data);
  const threshold = getThreshold(fn, img, thresholdAbs, thresholdRel);
  const fp = resolveFootprint(fn, footprint, radii, shape);
  const spacing = { minDistance, pNorm, scale };

  if (labels === undefined) {
    const mask = getPeakMask(img, shape, fp, threshold);
    excludeBorderOf(mask, shape, borderWidth);
    return highIntensityPeaks(img, nonzero(mask), shape, numPeaks, spacing);
  }

  assertSameShape(fn, 'image', image, 'options.labels', labels);
  assertDtype(fn, 'options.labels', labels, LABEL_DTYPES);
  // labels ranked 1..count (order kept): per-label tables and boxes are sized by the number
  // of labels present, not by the largest label value
  const lab = compactLabels(flatData(labels as NdArray<Int32Array>)).slots as Int32Array;
  const inner = borderWidth.some((w) => w > 0) ? new Int32Array(lab) : lab;
  excludeBorderOf(inner, shape, borderWidth);
  const boxes = findObjects(ndarray(inner, shape));
  const bg = DTYPE_MIN[image.dtype] ?? -Number.MAX_VALUE;
  // with a box window, every label's candidates in one pass; crops for flat labels
  const maxima =
    'box' in fp && fp.box >= 1
      ? labelWindowMaxima(img, lab, dims3(shape), packBoxes(boxes, shape.length), fp.box, threshold)
      : undefined;
  const coordinates: number[][] = [];
  boxes.forEach((box, k) => {
    const l = k + 1;
    if (box === null) return;
    const peaks =
      maxima === undefined || maxima.trivial[l] !== 0
        ? cropPeaks(img, lab, shape, l, box, bg, fp, threshold, numPeaksPerLabel, spacing)
        : highIntensityPeaks(img, maxima.candidates[l]!, shape, numPeaksPerLabel, spacing);
    for (const c of peaks) coordinates.push(c); // no spread: a label may hold 10^5+ peaks
  });
  if (coordinates.length <= numPeaks) return coordinates;
  const strides = rowMajorStrides(shape);
  const out = coordinates.map((c) => c.reduce((s, x, d) => s + x * strides[d]!, 0));
  return highIntensityPeaks(
    img,
    out.sort((a, b) => a - b),
    shape,
    numPeaks,
    spacing,
  );
}

function checkCount(fn: string, name: string, v: number): void {
  if (v !== Number.POSITIVE_INFINITY) assertNumber(fn, name, v, { integer: true, min: 0 });
}

/** scikit-image's `_get_threshold`: `thresholdAbs` (default: the minimum), raised to `thresholdRel * max`. */
function getThreshold(
  fn: string,
  img: FloatData,
  thresholdAbs: number | undefined,
  thresholdRel: number | undefined,
): number {
  const [lo, hi] = finiteRange(fn, img);
  const threshold = thresholdAbs ?? lo;
  return thresholdRel === undefined ? threshold : Math.max(threshold, thresholdRel * hi);
}

/** Smallest and largest element; every element must be finite. */
function finiteRange(fn: string, img: FloatData): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  // v - v is NaN for NaN and +-Infinity: summed without a branch, looked for only if NaN
  let check = 0;
  for (let i = 0; i < img.length; i++) {
    const v = img[i]!;
    check += v - v;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (check !== 0) assertFinite(fn, 'image', img);
  return [lo, hi];
}

/**
 * The window's reach along each axis, in voxels: `minDistance` (voxels), or with `scale` the
 * voxels within `minDistance` (`floor(minDistance / scale[d])`, a relative 1e-9 of slack so
 * that `1.2 / 0.4` reaches 3).
 */
function windowRadii(
  minDistance: number,
  shape: readonly number[],
  scale: readonly number[] | undefined,
): number[] {
  if (scale === undefined) return shape.map(() => minDistance);
  return scale.map((s) => Math.floor((minDistance / s) * (1 + 1e-9)));
}

/** scikit-image's `_get_excluded_border_width`: one width per axis (`true` = the window's reach). */
function excludedBorderWidth(
  fn: string,
  exclude: boolean | number | readonly number[],
  radii: readonly number[],
): number[] {
  const ndim = radii.length;
  if (typeof exclude === 'boolean') return radii.map((r) => (exclude ? r : 0));
  if (typeof exclude === 'number') {
    assertNumber(fn, 'options.excludeBorder', exclude, { integer: true, min: 0 });
    return new Array<number>(ndim).fill(exclude);
  }
  if (!Array.isArray(exclude) || exclude.length !== ndim) {
    throw new InvalidArgumentError(
      fn,
      'options.excludeBorder',
      exclude,
      `a boolean, a non-negative integer or ${ndim} non-negative integers`,
    );
  }
  exclude.forEach((w, d) => {
    assertNumber(fn, `options.excludeBorder[${d}]`, w, { integer: true, min: 0 });
  });
  return [...exclude];
}

/**
 * The box of the window's `radii` (a cube when they are equal; a box footprint otherwise), or
 * the footprint checked (2D or 3D like the image, some element in).
 */
function resolveFootprint(
  fn: string,
  footprint: NdArray | undefined,
  radii: readonly number[],
  shape: readonly number[],
): PeakFootprint {
  const ndim = shape.length;
  // a box wider than the image: every window already holds the whole image and the 0 of
  // the padding, so any radius >= the longest axis gives the same maxima (and allocations
  // stay proportional to the image, not to minDistance)
  if (footprint === undefined) {
    const longest = Math.max(1, ...shape);
    const capped = radii.map((r) => Math.min(r, longest));
    if (capped.every((r) => r === capped[0])) return { box: capped[0]! };
    const bshape = capped.map((r, d) => 2 * Math.min(r, shape[d]!) + 1);
    const box = ndarray(new Uint8Array(bshape.reduce((a, b) => a * b, 1)).fill(1), bshape);
    return { footprint: box, size: box.size };
  }
  assertImage(fn, 'options.footprint', footprint);
  assertNumericData(fn, 'options.footprint', footprint);
  if (footprint.shape.length !== ndim) {
    throw new InvalidArgumentError(fn, 'options.footprint', footprint, `${ndim}D like the image`);
  }
  const data = flatData(footprint as NdArray<Uint8Array>);
  // as scipy's maximum_filter, which scikit-image skips for a one-element footprint
  if (data.length > 1 && data.every((v) => v === 0)) {
    throw new InvalidArgumentError(fn, 'options.footprint', footprint, 'a nonzero element');
  }
  return { footprint, size: data.length };
}

/** scikit-image's `_exclude_border`, in place: zero the first and last `widths[d]` along each axis. */
function excludeBorderOf(
  arr: Uint8Array | Int32Array | ArrayLike<number>,
  shape: readonly number[],
  widths: number[],
): void {
  if (widths.every((w) => w === 0)) return;
  const a = arr as Int32Array;
  const strides = rowMajorStrides(shape);
  for (let i = 0; i < a.length; i++) {
    for (let d = 0; d < shape.length; d++) {
      const c = Math.floor(i / strides[d]!) % shape[d]!;
      if (c < widths[d]! || c >= shape[d]! - widths[d]!) {
        a[i] = 0;
        break;
      }
    }
  }
}

/**
 * scikit-image's `_get_high_intensity_peaks`: the candidates (flat indices in raster order)
 * by decreasing value (numpy's argsort of the negated values), spaced by
 * {@link ensureSpacing}, at most `numPeaks`.
 */
function highIntensityPeaks(
  img: FloatData,
  candidates: ArrayLike<number>,
  shape: readonly number[],
  numPeaks: number,
  spacing: Spacing,
): number[][] {
  // loops, not TypedArray.from(source, mapFn), which lists the source in a JavaScript array
  const negated = new Float64Array(candidates.length);
  for (let k = 0; k < negated.length; k++) negated[k] = -img[candidates[k]!]!;
  const order = argsortNumpy(negated);
  const sorted = new Int32Array(order.length);
  for (let k = 0; k < sorted.length; k++) sorted[k] = candidates[order[k]!]!;
  return ensureSpacing(sorted, shape, spacing.minDistance, spacing.pNorm, numPeaks, spacing.scale);
}

/** Flat indices of the nonzero elements, in raster order (typed: there may be 2^27 or more). */
function nonzero(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = i;
  return out;
}

/** `(planes, rows, cols)`, one plane in 2D. */
function dims3(shape: readonly number[]): [number, number, number] {
  return (shape.length === 3 ? shape : [1, ...shape]) as [number, number, number];
}

/**
 * Peaks of label `l` the way scikit-image finds them: on the crop of its box, the other
 * labels' elements set to `bg`, shifted back to image coordinates.
 */
function cropPeaks(
  img: FloatData,
  lab: ArrayLike<number>,
  shape: readonly number[],
  l: number,
  box: BoundingBox,
  bg: number,
  fp: PeakFootprint,
  threshold: number,
  numPeaksPerLabel: number,
  spacing: Spacing,
): number[][] {
  const bshape = box.map(([a, b]) => b - a);
  const bsize = bshape.reduce((a, b) => a * b, 1);
  const sub = new Float64Array(bsize);
  const inLabel = new Uint8Array(bsize);
  const strides = rowMajorStrides(shape);
  const b3 = box.length === 3 ? box : [[0, 1] as [number, number], ...box];
  const s3 = box.length === 3 ? strides : [0, ...strides];
  const [x0, x1] = b3[2]!;
  let local = 0;
  for (let a = b3[0]![0]; a < b3[0]![1]; a++) {
    for (let b = b3[1]![0]; b < b3[1]![1]; b++) {
      const row = a * s3[0]! + b * s3[1]!;
      for (let flat = row + x0; flat < row + x1; flat++, local++) {
        if (lab[flat] === l) {
          sub[local] = img[flat]!;
          inLabel[local] = 1;
        } else sub[local] = bg;
      }
    }
  }
  const mask = getPeakMask(sub, bshape, fp, threshold, inLabel);
  return highIntensityPeaks(sub, nonzero(mask), bshape, numPeaksPerLabel, spacing).map((c) =>
    c.map((x, d) => x + box[d]![0]),
  );
}
