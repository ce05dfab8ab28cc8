import {
  assertBoolean,
  assertCallback,
  assertDtype,
  assertNumericData,
  assertSameShape,
  assertSignal,
  checkOptions,
  flatData,
  type LabelImage,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import { compactLabels } from './checks.js';
import { convexHullFlat } from './convex-hull-image.js';
import { assertImage } from './neighborhood.js';

/** Options of {@link regionProps}. */
export interface RegionPropsOptions {
  /** Compute `areaConvex` and `solidity` (the costly part). Default true. */
  convex?: boolean;
  /**
   * Intensity image of the labels' shape (any numeric dtype and strides): adds
   * `intensityMean`, `intensityMin` and `intensityMax` per region. Default: none.
   */
  intensity?: NdArray;
  /** Called as `(regionsDone, regionCount)` while convex hulls are computed. */
  onProgress?: ProgressCallback;
  /** Cancels between regions with an `AbortError`. */
  signal?: AbortSignal;
}

const REGION_PROPS_KEYS: OptionKeys<RegionPropsOptions> = {
  convex: true,
  intensity: true,
  onProgress: true,
  signal: true,
};

/** Internal options of {@link regionPropsFlat}. */
interface RegionPropsFlatOptions extends Omit<RegionPropsOptions, 'intensity'> {
  /** Flat row-major intensity image. */
  intensity?: ArrayLike<number> | undefined;
}

/**
 * Properties of one labelled region, named as scikit-image >= 0.19's `regionprops`
 * (`area_convex`, `equivalent_diameter_area`, `intensity_mean`, ...), camelCased.
 */
export interface RegionProperties {
  /** The label. */
  label: number;
  /** Pixel count. */
  area: number;
  /** `[min0, min1(, min2), max0 + 1, max1 + 1(, max2 + 1)]`, as scikit-image's `bbox`. */
  bbox: number[];
  /** Mean pixel coordinate per axis. */
  centroid: number[];
  /**
   * Diameter of the disc (2D) or ball (3D) of the same area / volume, as scikit-image's
   * `equivalent_diameter_area`: `sqrt(4 area / pi)` in 2D, `(6 area / pi)^(1/3)` in 3D.
   */
  equivalentDiameterArea: number;
  /**
   * Pixels in the convex hull image of the region, as scikit-image's `area_convex` (NaN
   * when `convex` is false).
   */
  areaConvex: number;
  /** `area / areaConvex` (NaN when `convex` is false). */
  solidity: number;
  /** Mean of the intensity image over the region, `intensity_mean` (only with `intensity`). */
  intensityMean?: number;
  /** Minimum of the intensity image over the region, `intensity_min` (only with `intensity`). */
  intensityMin?: number;
  /** Maximum of the intensity image over the region, `intensity_max` (only with `intensity`). */
  intensityMax?: number;
}

/**
 * Area, bounding box, centroid, equivalent diameter, convex area and solidity (and, given
 * an intensity image, its mean, minimum and maximum) of every positive label, as
 * `skimage.measure.regionprops` (0.19): the convex hull image is computed on the region's
 * bounding-box crop with {@link convexHullImage}'s rule (pixel centres in the closed hull of
 * the pixels' half-pixel-offset points), solidity = area / its pixel count. In 3D the same
 * rule on voxels: the convex area is the number of voxel centres inside the convex hull of
 * the points half a voxel away from each voxel's centre along each axis (a voxel count,
 * like scikit-image's `area_convex` where it succeeds), not the hull's real volume.
 * Per-label tables are sized by the number of labels present, not by the largest label
 * value (labels are ranked first): two pixels of label 2^31 - 1 cost two table rows.
 *
 * @param labels - int32 (or other integer) 2D or 3D label image, any strides; 0 and
 *   negative values are background
 * @param options - `convex` (true), `intensity` (none), `onProgress`, `signal`; `null` =
 *   defaults, an unknown option is an error
 * @returns one entry per label present, by increasing label
 * @throws InvalidArgumentError for a non-2D/3D or non-integer input, an unknown option or a
 *   non-boolean `convex`; ShapeMismatchError
 *   when `intensity` differs in shape from `labels`; AbortError when `signal` fires
 *
 * @remarks
 * References: S. van der Walt et al., "scikit-image: image processing in Python", PeerJ 2
 * (2014) e453, doi:10.7717/peerj.453.
 */
export function regionProps(
  labels: LabelImage | NdArray,
  options: RegionPropsOptions | null = {},
): RegionProperties[] {
  const fn = 'regionProps';
  assertImage(fn, 'labels', labels);
  assertDtype(fn, 'labels', labels, ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32']);
  const { intensity, ...rest } = checkOptions(fn, options, REGION_PROPS_KEYS);
  assertBoolean(fn, 'options.convex', rest.convex);
  assertCallback(fn, 'options.onProgress', rest.onProgress);
  assertSignal(fn, 'options.signal', rest.signal);
  let values: ArrayLike<number> | undefined;
  if (intensity !== undefined) {
    assertSameShape(fn, 'labels', labels, 'options.intensity', intensity);
    assertNumericData(fn, 'options.intensity', intensity);
    values = flatData(intensity as NdArray<Float64Array>);
  }
  return regionPropsFlat(flatData(labels as LabelImage), labels.shape, {
    ...rest,
    intensity: values,
  });
}

/**
 * {@link regionProps} on a flat row-major label array.
 *
 * @internal
 */
export function regionPropsFlat(
  lab: ArrayLike<number>,
  shape: readonly number[],
  options: RegionPropsFlatOptions = {},
): RegionProperties[] {
  const { convex = true, onProgress, signal, intensity } = options;
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  // per-label tables are indexed by slot (rank among the labels present), so that they are
  // sized by the number of labels present, not by the largest label value
  const { slots, values, count } = compactLabels(lab);
  const area = new Float64Array(count + 1);
  const lo = new Int32Array(3 * (count + 1)).fill(2147483647);
  const hi = new Int32Array(3 * (count + 1)).fill(-1);
  const sum = new Float64Array(3 * (count + 1));
  // intensity sum, minimum and maximum per label
  const ints =
    intensity === undefined ? undefined : new Float64Array(3 * (count + 1)).fill(Number.NaN);
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      for (let x = 0; x < nc; x++, i++) {
        const l = slots[i]!;
        if (l === 0) continue;
        const o = 3 * l;
        if (area[l] === 0) {
          lo[o] = z;
          lo[o + 1] = y;
          lo[o + 2] = x;
          if (ints !== undefined) {
            ints[o] = 0;
            ints[o + 1] = intensity![i]!;
            ints[o + 2] = intensity![i]!;
          }
        }
        area[l]!++;
        // z only grows; y and x may go either way
        hi[o] = z;
        if (y < lo[o + 1]!) lo[o + 1] = y;
        if (y > hi[o + 1]!) hi[o + 1] = y;
        if (x < lo[o + 2]!) lo[o + 2] = x;
        if (x > hi[o + 2]!) hi[o + 2] = x;
        sum[o]! += z;
        sum[o + 1]! += y;
        sum[o + 2]! += x;
        if (ints !== undefined) {
          const v = intensity![i]!;
          ints[o]! += v;
          if (v < ints[o + 1]!) ints[o + 1] = v;
          if (v > ints[o + 2]!) ints[o + 2] = v;
        }
      }
    }
  }
  const present: number[] = [];
  for (let l = 1; l <= count; l++) present.push(l);
  const first = 3 - ndim;
  return present.map((l, k) => {
    throwIfAborted('regionProps', signal);
    const mins = [0, 1, 2].map((d) => lo[3 * l + d]!);
    const maxs = [0, 1, 2].map((d) => hi[3 * l + d]!);
    let areaConvex = Number.NaN;
    if (convex) {
      areaConvex = convexArea(slots, shape, l, mins, maxs);
      onProgress?.(k + 1, present.length);
    }
    const a = area[l]!;
    const props: RegionProperties = {
      label: values[l]!,
      area: a,
      bbox: [...mins.slice(first), ...maxs.slice(first).map((m) => m + 1)],
      centroid: [0, 1, 2].slice(first).map((d) => sum[3 * l + d]! / a),
      equivalentDiameterArea:
        ndim === 2 ? Math.sqrt((4 * a) / Math.PI) : Math.cbrt((6 * a) / Math.PI),
      areaConvex,
      solidity: a / areaConvex,
    };
    if (ints !== undefined) {
      props.intensityMean = ints[3 * l]! / a;
      props.intensityMin = ints[3 * l + 1]!;
      props.intensityMax = ints[3 * l + 2]!;
    }
    return props;
  });
}

/**
 * Pixels in the convex hull image ({@link convexHullFlat}) of the elements equal to `l` of a
 * flat row-major label array, computed on the crop of their bounding box (`mins` to `maxs`
 * inclusive, as `(z, y, x)`: `[0, y, x]` in 2D): {@link regionProps}' `areaConvex`.
 *
 * @internal
 */
export function convexArea(
  lab: ArrayLike<number>,
  shape: readonly number[],
  l: number,
  mins: readonly number[],
  maxs: readonly number[],
): number {
  const [, nr, nc] = (shape.length === 3 ? shape : [1, ...shape]) as [number, number, number];
  const bshape = [0, 1, 2].map((d) => maxs[d]! - mins[d]! + 1);
  const crop = new Uint8Array(bshape[0]! * bshape[1]! * bshape[2]!);
  let j = 0;
  for (let z = mins[0]!; z <= maxs[0]!; z++) {
    for (let y = mins[1]!; y <= maxs[1]!; y++) {
      const row = (z * nr + y) * nc;
      for (let x = mins[2]!; x <= maxs[2]!; x++, j++) crop[j] = lab[row + x] === l ? 1 : 0;
    }
  }
  const hull = convexHullFlat(crop, bshape.slice(3 - shape.length));
  let area = 0;
  for (let h = 0; h < hull.length; h++) area += hull[h]!;
  return area;
}
