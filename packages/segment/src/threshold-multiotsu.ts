import {
  assertFinite,
  assertNdim,
  assertNumber,
  checkOptions,
  flatData,
  type Image,
  InvalidArgumentError,
} from '@mgraph/core';

/** Options of {@link thresholdMultiotsu}. */
export interface MultiotsuOptions {
  /** Number of classes to separate (thresholds = classes - 1), 2..32. Default 3 (as skimage). */
  classes?: number;
  /** Histogram bins over [min, max] of the image, 2..4096. Default 256. */
  nbins?: number;
}

/**
 * Multi-level Otsu thresholds: the `classes - 1` intensities that maximise the
 * between-class variance of the image's histogram, with the semantics of
 * `skimage.filters.threshold_multiotsu`: `nbins` equal bins over [min, max] (numpy
 * `histogram` bin edges), thresholds returned as bin centres, class `k` holding the pixels
 * with `thresholds[k-1] <= value < thresholds[k]` (`numpy.digitize`). The optimum is found
 * exactly by dynamic programming over the bins instead of skimage's exhaustive search.
 *
 * Unlike skimage, integer images are binned like float ones (`nbins` bins, not one bin per
 * integer value).
 *
 * @param image - 2D or 3D image, any numeric dtype, any strides
 * @param options - `classes` (default 3), `nbins` (default 256)
 * @returns the thresholds, ascending
 * @throws InvalidArgumentError when the image is not 2D/3D, holds NaN / infinite values, or
 *   has fewer distinct histogram bins than `classes`
 *
 * @remarks
 * References: N. Otsu, "A threshold selection method from gray-level histograms", IEEE
 * Trans. SMC 9 (1979), doi:10.1109/TSMC.1979.4310076. P.-S. Liao, T.-S. Chen, P.-C. Chung,
 * "A fast algorithm for multilevel thresholding", J. Inf. Sci. Eng. 17 (2001) 713-727.
 */
export function thresholdMultiotsu(image: Image, options: MultiotsuOptions = {}): number[] {
  const fn = 'thresholdMultiotsu';
  options = checkOptions(fn, options, { classes: true, nbins: true });
  assertNdim(fn, 'image', image, [2, 3]);
  const classes = options.classes ?? 3;
  const nbins = options.nbins ?? 256;
  assertNumber(fn, 'options.classes', classes, { integer: true, min: 2, max: 32 });
  assertNumber(fn, 'options.nbins', nbins, { integer: true, min: 2, max: 4096 });
  const data = flatData(image);
  assertFinite(fn, 'image', data);
  const { hist, centers } = histogram(data, nbins);
  const used: number[] = [];
  hist.forEach((h, i) => {
    if (h > 0) used.push(i);
  });
  if (used.length < classes) {
    throw new InvalidArgumentError(
      fn,
      'image',
      image,
      `an image with at least options.classes = ${classes} distinct histogram bins (got ${used.length})`,
    );
  }
  const idx = used.length === classes ? used.slice(0, -1) : optimalSplits(hist, classes);
  return idx.map((i) => centers[i]!);
}

/** Class of each value for ascending thresholds (`numpy.digitize(value, thresholds)`). */
export function digitize(value: number, thresholds: readonly number[]): number {
  let k = 0;
  while (k < thresholds.length && value >= thresholds[k]!) k++;
  return k;
}

/** numpy.histogram(data, bins=nbins, range=(min, max)) with bin centres. */
function histogram(data: ArrayLike<number>, nbins: number) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    // numpy widens an empty range to [min - 0.5, max + 0.5]
    min -= 0.5;
    max += 0.5;
  }
  const step = (max - min) / nbins;
  const edges = Float64Array.from({ length: nbins + 1 }, (_, i) => min + i * step);
  edges[nbins] = max;
  const norm = nbins / (max - min);
  const hist = new Float64Array(nbins);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    let b = Math.min(nbins - 1, Math.floor((v - min) * norm));
    if (v < edges[b]!) b--;
    else if (b < nbins - 1 && v >= edges[b + 1]!) b++;
    hist[b]!++;
  }
  const centers = Float64Array.from({ length: nbins }, (_, i) => (edges[i]! + edges[i + 1]!) / 2);
  return { hist, centers };
}

/**
 * Last bin index of each class but the last, maximising sum over classes of
 * (first moment)^2 / (zeroth moment), i.e. the between-class variance.
 */
function optimalSplits(hist: Float64Array, classes: number): number[] {
  const n = hist.length;
  const P = new Float64Array(n + 1);
  const S = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    P[i + 1] = P[i]! + hist[i]!;
    S[i + 1] = S[i]! + i * hist[i]!;
  }
  // score of the class made of bins a..b inclusive
  const score = (a: number, b: number) => {
    const p = P[b + 1]! - P[a]!;
    const s = S[b + 1]! - S[a]!;
    return p > 0 ? (s * s) / p : 0;
  };
  // best[k][j]: classes 0..k covering bins 0..j, class k ending at j
  const best = Array.from({ length: classes }, () =>
    new Float64Array(n).fill(Number.NEGATIVE_INFINITY),
  );
  const from = Array.from({ length: classes }, () => new Int32Array(n).fill(-1));
  for (let j = 0; j < n; j++) best[0]![j] = score(0, j);
  for (let k = 1; k < classes; k++) {
    for (let j = k; j < n; j++) {
      let bestV = Number.NEGATIVE_INFINITY;
      let arg = -1;
      for (let i = k - 1; i < j; i++) {
        const v = best[k - 1]![i]! + score(i + 1, j);
        if (v > bestV) {
          bestV = v;
          arg = i;
        }
      }
      best[k]![j] = bestV;
      from[k]![j] = arg;
    }
  }
  const idx = new Array<number>(classes - 1);
  let j = n - 1;
  for (let k = classes - 1; k >= 1; k--) {
    j = from[k]![j]!;
    idx[k - 1] = j;
  }
  return idx;
}
