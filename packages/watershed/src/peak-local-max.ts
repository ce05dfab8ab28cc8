import {
  argsortNumpy,
  assertDtype,
  assertFinite,
  assertNumber,
  assertSameShape,
  flatData,
  InvalidArgumentError,
  type NdArray,
  rowMajorStrides,
} from '@mgraph/core';
import { labelWindowMaxima } from './label-window-maxima.js';
import { assertImage } from './neighborhood.js';

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
}

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

/**
 * Coordinates of the local maxima of an image, as `skimage.feature.peak_local_max`
 * (scikit-image 0.19): a pixel is a candidate when it equals the maximum of its window
 * (maximum filter, constant 0 outside the image or the region's bounding box) and exceeds
 * the threshold; candidates are ordered by decreasing value with numpy's argsort and kept
 * greedily when no kept peak lies closer than `minDistance` (p-norm). Flat images yield no
 * peak (with `labels`, the pixels an opening removes do). With `labels`, each region is
 * searched within its bounding box, other pixels set to the dtype's minimum.
 *
 * @param image - 2D or 3D ndarray, any dtype and strides, finite values
 * @param options - see {@link PeakLocalMaxOptions}; defaults as scikit-image
 * @returns peak coordinates (`[row, col]` or `[plane, row, col]`), highest first (per label
 *   in label order when `labels` is given)
 * @throws InvalidArgumentError for bad dimensions, non-finite values or options;
 *   ShapeMismatchError when `labels` differs in shape from the image
 *
 * @remarks
 * References: S. van der Walt et al., "scikit-image: image processing in Python", PeerJ 2
 * (2014) e453, doi:10.7717/peerj.453.
 */
export function peakLocalMax(image: NdArray, options: PeakLocalMaxOptions = {}): number[][] {
  const fn = 'peakLocalMax';
  assertImage(fn, 'image', image);
  const shape = image.shape.slice();
  const ndim = shape.length;
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
  } = options;
  assertNumber(fn, 'options.minDistance', minDistance, { integer: true, min: 0 });
  if (thresholdAbs !== undefined) assertNumber(fn, 'options.thresholdAbs', thresholdAbs);
  if (thresholdRel !== undefined) assertNumber(fn, 'options.thresholdRel', thresholdRel);
  checkCount(fn, 'options.numPeaks', numPeaks);
  checkCount(fn, 'options.numPeaksPerLabel', numPeaksPerLabel);
  if (!(typeof pNorm === 'number' && pNorm >= 1)) {
    throw new InvalidArgumentError(fn, 'options.pNorm', pNorm, 'a number >= 1 or Infinity');
  }
  const border = borderWidths(fn, excludeBorder, minDistance, ndim);
  // read-only float64 view of the image (a copy unless it already is contiguous float64)
  const data = flatData(image as NdArray<Float64Array>);
  const img = data instanceof Float64Array ? data : Float64Array.from(data);
  const [lo, hi] = finiteRange(fn, img);
  let threshold = thresholdAbs ?? lo;
  if (thresholdRel !== undefined) threshold = Math.max(threshold, thresholdRel * hi);
  const fp = resolveFootprint(fn, footprint, minDistance, ndim);
  const spacing = { minDistance, pNorm };

  if (labels === undefined) {
    const peaks = peakMask(img, shape, fp, threshold, undefined);
    zeroBorder(peaks, shape, border);
    return highestPeaks(img, peaks, shape, numPeaks, spacing);
  }

  assertSameShape(fn, 'image', image, 'options.labels', labels);
  assertDtype(fn, 'options.labels', labels, [
    'int8',
    'int16',
    'int32',
    'uint8',
    'uint16',
    'uint32',
  ]);
  const lab = flatData(labels as NdArray<Int32Array>);
  let inner: ArrayLike<number> = lab;
  if (border.some((w) => w > 0)) {
    const copy = new Int32Array(lab);
    zeroBorder(copy, shape, border);
    inner = copy;
  }
  const { boxes, packed } = boundingBoxes(inner, shape);
  const bg = DTYPE_MIN[image.dtype] ?? -Number.MAX_VALUE;
  const strides = rowMajorStrides(shape);
  /** Peaks of label l the way scikit-image finds them: on a crop of its box. */
  const cropPeaks = (l: number, box: [number, number][]): number[][] => {
    const bshape = box.map(([a, b]) => b - a + 1);
    const bsize = bshape.reduce((a, b) => a * b, 1);
    const sub = new Float64Array(bsize);
    const inLabel = new Uint8Array(bsize);
    cropLabel(box, strides, lab, l, img, bg, sub, inLabel);
    const peaks = peakMask(sub, bshape, fp, threshold, inLabel);
    return highestPeaks(sub, peaks, bshape, numPeaksPerLabel, spacing).map((c) =>
      c.map((x, d) => x + box[d]![0]),
    );
  };
  // with a box window, all labels in one pass (labelWindowMaxima); crops for flat labels
  const dims = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  const maxima =
    'box' in fp && fp.box >= 1
      ? labelWindowMaxima(img, lab, dims, packed, fp.box, threshold)
      : undefined;
  const all: number[][] = [];
  for (let l = 1; l < boxes.length; l++) {
    const box = boxes[l];
    if (box === undefined) continue;
    const peaks =
      maxima === undefined || maxima.trivial[l] !== 0
        ? cropPeaks(l, box)
        : highestPeaksOf(img, maxima.candidates[l]!, shape, numPeaksPerLabel, spacing);
    all.push(...peaks);
  }
  if (all.length <= numPeaks) return all;
  const chosen = new Uint8Array(img.length);
  for (const c of all) chosen[c.reduce((s, x, d) => s + x * strides[d]!, 0)] = 1;
  return highestPeaks(img, chosen, shape, numPeaks, spacing);
}

/** Smallest and largest element; every element must be finite. */
function finiteRange(fn: string, img: Float64Array): [number, number] {
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

function checkCount(fn: string, name: string, v: number): void {
  if (v !== Number.POSITIVE_INFINITY) assertNumber(fn, name, v, { integer: true, min: 0 });
}

function borderWidths(
  fn: string,
  exclude: boolean | number | readonly number[],
  minDistance: number,
  ndim: number,
): number[] {
  if (typeof exclude === 'boolean') return new Array<number>(ndim).fill(exclude ? minDistance : 0);
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

/** The footprint as a list of coordinate offsets from its centre (`shape // 2`), or a box radius. */
type Footprint = { box: number } | { offsets: number[][]; size: number };

function resolveFootprint(
  fn: string,
  footprint: NdArray | undefined,
  minDistance: number,
  ndim: number,
): Footprint {
  if (footprint === undefined) return { box: minDistance };
  assertImage(fn, 'options.footprint', footprint);
  if (footprint.shape.length !== ndim) {
    throw new InvalidArgumentError(fn, 'options.footprint', footprint, `${ndim}D like the image`);
  }
  const data = flatData(footprint as NdArray<Uint8Array>);
  const fstrides = rowMajorStrides(footprint.shape);
  const offsets: number[][] = [];
  data.forEach((v, i) => {
    if (v === 0) return;
    offsets.push(
      footprint.shape.map((s, d) => (Math.floor(i / fstrides[d]!) % s) - Math.floor(s / 2)),
    );
  });
  return { offsets, size: data.length };
}

/**
 * Candidate peaks of one image (or region crop): equal to the maximum filter and above the
 * threshold; a flat image has none, except (with a region mask) the pixels an opening removes.
 */
function peakMask(
  img: Float64Array,
  shape: readonly number[],
  fp: Footprint,
  threshold: number,
  region: Uint8Array | undefined,
): Uint8Array {
  const n = img.length;
  const single = 'box' in fp ? fp.box === 0 : fp.size === 1;
  if (single || n === 1) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = img[i]! > threshold ? 1 : 0;
    return out;
  }
  const direct = 'box' in fp ? boxMaxima(img, shape, fp.box, threshold, region) : undefined;
  let out: Uint8Array;
  let trivial: boolean;
  if (direct !== undefined) ({ out, trivial } = direct);
  else {
    out = new Uint8Array(n);
    const max = 'box' in fp ? boxMax(img, shape, fp.box) : footprintMax(img, shape, fp.offsets);
    trivial = true;
    for (let i = 0; i < n; i++) {
      out[i] = img[i] === max[i] ? 1 : 0;
      if (out[i] === 0 && (region === undefined || region[i] !== 0)) trivial = false;
    }
  }
  if (trivial) {
    out.fill(0);
    if (region !== undefined) {
      const opened = openCross(region, shape);
      for (let i = 0; i < n; i++) if (region[i] !== opened[i]) out[i] = 1;
    }
  }
  // boxMaxima applied the threshold already
  if (trivial || direct === undefined) {
    for (let i = 0; i < n; i++) if (!(img[i]! > threshold)) out[i] = 0;
  }
  return out;
}

/**
 * The elements equal to the maximum of their `(2r+1)^ndim` box (0 outside the array, as
 * {@link boxMax}) and above `threshold`, found by testing windows directly: an element
 * with a larger value among its `3^ndim` neighbours (all inside the box) is rejected at
 * once, the few survivors are compared with their whole window. `trivial` says whether
 * every element of `region` (all elements without one) equals its window maximum, which
 * is established (or refuted) on the way. Returns `undefined` when the survivors would cost
 * more than the separable filter (plateaus), so that the caller uses {@link boxMax}.
 */
function boxMaxima(
  img: Float64Array,
  shape: readonly number[],
  r: number,
  threshold: number,
  region: Uint8Array | undefined,
): { out: Uint8Array; trivial: boolean } | undefined {
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  const rz = ndim === 3 ? r : 0;
  const qz = ndim === 3 ? 1 : 0;
  const n = img.length;
  const plane = nr * nc;
  const windowSize = (2 * r + 1) ** ndim;
  const maxSurvivors = Math.floor((8 * n) / windowSize);
  const survivors: number[] = [];
  let nontrivial = false;
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      for (let x = 0; x < nc; x++, i++) {
        const v = img[i]!;
        const counts = region === undefined || region[i] !== 0;
        if (!(v > threshold) && (nontrivial || !counts)) continue;
        // a clipped window holds the constant 0 of the padding; then the face neighbours
        // (the likeliest to be larger), then all 3^ndim neighbours
        let larger =
          (v < 0 && (z < rz || z + rz >= np || y < r || y + r >= nr || x < r || x + r >= nc)) ||
          (x > 0 && img[i - 1]! > v) ||
          (x + 1 < nc && img[i + 1]! > v) ||
          (y > 0 && img[i - nc]! > v) ||
          (y + 1 < nr && img[i + nc]! > v) ||
          (qz === 1 && z > 0 && img[i - plane]! > v) ||
          (qz === 1 && z + 1 < np && img[i + plane]! > v);
        if (!larger) {
          larger = windowHasLarger(img, v, [z, y, x], [qz, 1, 1], [np, nr, nc]);
        }
        if (larger) {
          if (counts) nontrivial = true;
          continue;
        }
        if (survivors.length === maxSurvivors) return undefined;
        survivors.push(i);
      }
    }
  }
  const out = new Uint8Array(n);
  for (const s of survivors) {
    const v = img[s]!;
    const z = Math.floor(s / plane);
    const y = Math.floor((s - z * plane) / nc);
    const isMax = !windowHasLarger(
      img,
      v,
      [z, y, s - z * plane - y * nc],
      [rz, r, r],
      [np, nr, nc],
    );
    if (isMax) {
      if (v > threshold) out[s] = 1;
    } else if (region === undefined || region[s] !== 0) nontrivial = true;
  }
  return { out, trivial: !nontrivial };
}

/**
 * Whether some element of the box `centre +- radius` (clipped to the array, `dims` as
 * (planes, rows, cols)) is larger than `v`.
 */
function windowHasLarger(
  img: Float64Array,
  v: number,
  centre: readonly [number, number, number],
  radius: readonly [number, number, number],
  dims: readonly [number, number, number],
): boolean {
  const [z, y, x] = centre;
  const [np, nr, nc] = dims;
  const z1 = Math.min(np - 1, z + radius[0]);
  const y1 = Math.min(nr - 1, y + radius[1]);
  const x0 = Math.max(0, x - radius[2]);
  const x1 = Math.min(nc - 1, x + radius[2]);
  for (let zz = Math.max(0, z - radius[0]); zz <= z1; zz++) {
    for (let yy = Math.max(0, y - radius[1]); yy <= y1; yy++) {
      const row = (zz * nr + yy) * nc;
      for (let xx = x0; xx <= x1; xx++) if (img[row + xx]! > v) return true;
    }
  }
  return false;
}

/**
 * Maximum over a `(2r+1)^ndim` box, 0 outside the array: separable, one pass per axis with
 * the van Herk / Gil-Werman running maximum (about 3 comparisons a pixel whatever r),
 * processing `CHUNK` contiguous lines at a time so that memory is read sequentially.
 */
function boxMax(img: Float64Array, shape: readonly number[], r: number): Float64Array {
  const NEG = Number.NEGATIVE_INFINITY;
  const CHUNK = 256;
  const k = 2 * r + 1;
  const strides = rowMajorStrides(shape);
  let src = img;
  for (let d = 0; d < shape.length; d++) {
    const len = shape[d]!;
    const st = strides[d]!;
    const outer = img.length / (len * st);
    const padded = len + 2 * r;
    // scratch rows of `cw` lines (one line when the axis is contiguous)
    const cw = Math.min(CHUNK, st);
    const g = new Float64Array(padded * cw);
    const h = new Float64Array(padded * cw);
    const dst = new Float64Array(img.length);
    for (let o = 0; o < outer; o++) {
      const base = o * len * st;
      if (st === 1) {
        lineMax(src, dst, base, len, r, g, h);
        continue;
      }
      for (let t0 = 0; t0 < st; t0 += cw) {
        const w = Math.min(cw, st - t0);
        // padded line position p holds element p - r (or -Infinity outside); block starts at
        // multiples of k: g = running max from the block start, h = to the block end
        for (let p = 0; p < padded; p++) {
          const i = p - r;
          const from = base + i * st + t0;
          const row = p * cw;
          const inside = i >= 0 && i < len;
          if (p % k === 0) {
            for (let t = 0; t < w; t++) g[row + t] = inside ? src[from + t]! : NEG;
          } else if (inside) {
            for (let t = 0; t < w; t++) {
              const v = src[from + t]!;
              const prev = g[row - cw + t]!;
              g[row + t] = Math.max(v, prev);
            }
          } else g.copyWithin(row, row - cw, row - cw + w);
        }
        for (let p = padded - 1; p >= 0; p--) {
          const i = p - r;
          const from = base + i * st + t0;
          const row = p * cw;
          const inside = i >= 0 && i < len;
          if (p % k === k - 1 || p === padded - 1) {
            for (let t = 0; t < w; t++) h[row + t] = inside ? src[from + t]! : NEG;
          } else if (inside) {
            for (let t = 0; t < w; t++) {
              const v = src[from + t]!;
              const prev = h[row + cw + t]!;
              h[row + t] = Math.max(v, prev);
            }
          } else h.copyWithin(row, row + cw, row + cw + w);
        }
        for (let i = 0; i < len; i++) {
          // window [i - r, i + r] = padded [i, i + 2r]
          const a = i * cw;
          const b = (i + 2 * r) * cw;
          const to = base + i * st + t0;
          if (i - r < 0 || i + r >= len) {
            for (let t = 0; t < w; t++) {
              const x = h[a + t]!;
              const y = g[b + t]!;
              const m = Math.max(x, y);
              dst[to + t] = Math.max(m, 0);
            }
          } else {
            for (let t = 0; t < w; t++) {
              const x = h[a + t]!;
              const y = g[b + t]!;
              dst[to + t] = Math.max(x, y);
            }
          }
        }
      }
    }
    src = dst;
  }
  return src;
}

/** {@link boxMax} along one contiguous line `src[base .. base + len)` into `dst`. */
function lineMax(
  src: Float64Array,
  dst: Float64Array,
  base: number,
  len: number,
  r: number,
  g: Float64Array,
  h: Float64Array,
): void {
  const k = 2 * r + 1;
  const padded = len + 2 * r;
  for (let p = 0; p < padded; p++) {
    const i = p - r;
    const v = i >= 0 && i < len ? src[base + i]! : Number.NEGATIVE_INFINITY;
    g[p] = p % k === 0 || v > g[p - 1]! ? v : g[p - 1]!;
  }
  for (let p = padded - 1; p >= 0; p--) {
    const i = p - r;
    const v = i >= 0 && i < len ? src[base + i]! : Number.NEGATIVE_INFINITY;
    h[p] = p % k === k - 1 || p === padded - 1 || v > h[p + 1]! ? v : h[p + 1]!;
  }
  for (let i = 0; i < len; i++) {
    let m = Math.max(h[i]!, g[i + 2 * r]!);
    if ((i - r < 0 || i + r >= len) && m < 0) m = 0;
    dst[base + i] = m;
  }
}

/** Maximum over arbitrary footprint offsets, 0 outside the array. */
function footprintMax(
  img: Float64Array,
  shape: readonly number[],
  offsets: number[][],
): Float64Array {
  const strides = rowMajorStrides(shape);
  const ndim = shape.length;
  const out = new Float64Array(img.length);
  const coord = new Array<number>(ndim);
  for (let i = 0; i < img.length; i++) {
    for (let d = 0; d < ndim; d++) coord[d] = Math.floor(i / strides[d]!) % shape[d]!;
    let m = Number.NEGATIVE_INFINITY;
    for (const o of offsets) {
      let flat = 0;
      let inside = true;
      for (let d = 0; d < ndim; d++) {
        const c = coord[d]! + o[d]!;
        if (c < 0 || c >= shape[d]!) {
          inside = false;
          break;
        }
        flat += c * strides[d]!;
      }
      const v = inside ? img[flat]! : 0;
      if (v > m) m = v;
    }
    out[i] = m;
  }
  return out;
}

/** Binary opening (erosion then dilation, face-connected cross, 0 outside the array). */
function openCross(region: Uint8Array, shape: readonly number[]): Uint8Array {
  const strides = rowMajorStrides(shape);
  const ndim = shape.length;
  const n = region.length;
  const sweep = (src: Uint8Array, erode: boolean): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let v = src[i]!;
      for (let d = 0; d < ndim; d++) {
        const c = Math.floor(i / strides[d]!) % shape[d]!;
        const before = c > 0 ? src[i - strides[d]!]! : 0;
        const after = c < shape[d]! - 1 ? src[i + strides[d]!]! : 0;
        v = erode ? v & before & after : v | before | after;
      }
      out[i] = v ? 1 : 0;
    }
    return out;
  };
  return sweep(sweep(region, true), false);
}

function zeroBorder(
  arr: Uint8Array | Int32Array,
  shape: readonly number[],
  widths: number[],
): void {
  if (widths.every((w) => w === 0)) return;
  const strides = rowMajorStrides(shape);
  for (let i = 0; i < arr.length; i++) {
    for (let d = 0; d < shape.length; d++) {
      const c = Math.floor(i / strides[d]!) % shape[d]!;
      if (c < widths[d]! || c >= shape[d]! - widths[d]!) {
        arr[i] = 0;
        break;
      }
    }
  }
}

/**
 * Bounding box `[first, last]` per axis of every positive label (index = label), and the
 * same boxes packed as {@link labelWindowMaxima} reads them: z0, z1, y0, y1, x0, x1 per label
 * (z0 = z1 = 0 in 2D, z0 = -1 for a label not present).
 */
function boundingBoxes(
  labels: ArrayLike<number>,
  shape: readonly number[],
): { boxes: ([number, number][] | undefined)[]; packed: Int32Array } {
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  let maxLabel = 0;
  // per label: zmin, zmax, ymin, ymax, xmin, xmax (zmin = -1 while unseen); z only grows;
  // grown by doubling as larger labels appear
  let b = new Int32Array(6 * 1024).fill(-1);
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      let prev = 0;
      for (let x = 0; x < nc; x++, i++) {
        const l = labels[i]!;
        if (l <= 0) {
          prev = 0;
          continue;
        }
        const o = 6 * l;
        if (l === prev) {
          // same row as the previous element of this label, one column further
          if (x > b[o + 5]!) b[o + 5] = x;
          continue;
        }
        prev = l;
        if (l > maxLabel) {
          maxLabel = l;
          if (o + 6 > b.length) {
            const grown = new Int32Array(Math.max(2 * b.length, o + 6)).fill(-1);
            grown.set(b);
            b = grown;
          }
        }
        if (b[o] === -1) {
          b[o] = z;
          b[o + 2] = y;
          b[o + 3] = y;
          b[o + 4] = x;
          b[o + 5] = x;
        }
        b[o + 1] = z;
        if (y < b[o + 2]!) b[o + 2] = y;
        if (y > b[o + 3]!) b[o + 3] = y;
        if (x < b[o + 4]!) b[o + 4] = x;
        if (x > b[o + 5]!) b[o + 5] = x;
      }
    }
  }
  const boxes: ([number, number][] | undefined)[] = [];
  for (let l = 1; l <= maxLabel; l++) {
    const o = 6 * l;
    if (b[o] === -1) continue;
    const box: [number, number][] = [
      [b[o]!, b[o + 1]!],
      [b[o + 2]!, b[o + 3]!],
      [b[o + 4]!, b[o + 5]!],
    ];
    boxes[l] = ndim === 3 ? box : box.slice(1);
  }
  return { boxes, packed: b.subarray(0, 6 * (maxLabel + 1)) };
}

/**
 * Copy the box of the image into `sub` (row-major), label `l`'s elements as they are and
 * the others as `bg`, marking label `l`'s elements in `inLabel`.
 */
function cropLabel(
  box: [number, number][],
  strides: readonly number[],
  lab: ArrayLike<number>,
  l: number,
  img: Float64Array,
  bg: number,
  sub: Float64Array,
  inLabel: Uint8Array,
): void {
  const b3 = box.length === 3 ? box : [[0, 0] as [number, number], ...box];
  const s3 = box.length === 3 ? strides : [0, ...strides];
  const [x0, x1] = b3[2]!;
  let local = 0;
  for (let a = b3[0]![0]; a <= b3[0]![1]; a++) {
    for (let b = b3[1]![0]; b <= b3[1]![1]; b++) {
      const row = a * s3[0]! + b * s3[1]!;
      for (let flat = row + x0; flat <= row + x1; flat++, local++) {
        if (lab[flat] === l) {
          sub[local] = img[flat]!;
          inLabel[local] = 1;
        } else sub[local] = bg;
      }
    }
  }
}

/**
 * The candidates by decreasing value (numpy argsort of the negated values, candidates in
 * row-major order), kept greedily when no kept peak is closer than `minDistance`.
 */
function highestPeaks(
  img: Float64Array,
  candidates: Uint8Array,
  shape: readonly number[],
  maxOut: number,
  spacing: { minDistance: number; pNorm: number },
): number[][] {
  const flat: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (candidates[i] !== 0) flat.push(i);
  return highestPeaksOf(img, flat, shape, maxOut, spacing);
}

/** {@link highestPeaks} on the candidates' flat indices, in raster order. */
function highestPeaksOf(
  img: Float64Array,
  flat: readonly number[],
  shape: readonly number[],
  maxOut: number,
  spacing: { minDistance: number; pNorm: number },
): number[][] {
  const strides = rowMajorStrides(shape);
  const ndim = shape.length;
  const order = argsortNumpy(Float64Array.from(flat, (i) => -img[i]!));
  const { minDistance, pNorm } = spacing;
  // kept peaks bucketed on a grid of cells `minDistance` wide (padded by one cell on each
  // side): a peak closer than minDistance lies in one of the 3^ndim cells around
  const cell = Math.max(1, minDistance);
  const dims = shape.map((s) => Math.floor((s - 1) / cell) + 3);
  const cellStrides = rowMajorStrides(dims);
  const probes: number[] = [];
  for (let n = 0; n < 3 ** ndim; n++) {
    let rest = n;
    let off = 0;
    for (let d = 0; d < ndim; d++) {
      off += ((rest % 3) - 1) * cellStrides[d]!;
      rest = Math.floor(rest / 3);
    }
    probes.push(off);
  }
  const grid = new Map<number, number[][]>();
  const kept: number[][] = [];
  for (let k = 0; k < order.length && kept.length < maxOut; k++) {
    const i = flat[order[k]!]!;
    const c = shape.map((s, d) => Math.floor(i / strides[d]!) % s);
    const key = c.reduce((acc, x, d) => acc + (Math.floor(x / cell) + 1) * cellStrides[d]!, 0);
    let free = true;
    if (minDistance > 0) {
      for (let n = 0; n < probes.length && free; n++) {
        for (const q of grid.get(key + probes[n]!) ?? []) {
          if (minkowski(c, q, pNorm) < minDistance) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.push(c);
    const bucket = grid.get(key);
    if (bucket === undefined) grid.set(key, [c]);
    else bucket.push(c);
  }
  return kept;
}

function minkowski(a: number[], b: number[], p: number): number {
  let s = 0;
  if (p === Number.POSITIVE_INFINITY) {
    for (let d = 0; d < a.length; d++) s = Math.max(s, Math.abs(a[d]! - b[d]!));
    return s;
  }
  if (p === 1) {
    for (let d = 0; d < a.length; d++) s += Math.abs(a[d]! - b[d]!);
    return s;
  }
  if (p === 2) {
    for (let d = 0; d < a.length; d++) s += (a[d]! - b[d]!) ** 2;
    return Math.sqrt(s);
  }
  for (let d = 0; d < a.length; d++) s += Math.abs(a[d]! - b[d]!) ** p;
  return s ** (1 / p);
}
