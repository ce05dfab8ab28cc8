import {
  assertAllocation,
  assertFinite,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { gaussianFilter1d } from '@mgraph/ndimage';
import ndarray from 'ndarray';
import { MAX_ELEMENTS } from './limits.js';

/**
 * Options of {@link smoothHistogram}: the smoothing applied to a histogram before peak
 * finding (also `particleEnergyHistograms`' `smoothing` option).
 */
export interface SmoothHistogramOptions {
  /**
   * `'gaussian'` (default): normalised Gaussian kernel of standard deviation `width`,
   * truncated at 4 standard deviations (as `scipy.ndimage.gaussian_filter1d`).
   * `'boxcar'`: moving average over `width`, rounded to an odd number of bins.
   * `'none'`: the histogram as counted.
   */
  kernel?: 'gaussian' | 'boxcar' | 'none';
  /**
   * Kernel width in the histogram's x unit (eV here): the Gaussian's standard deviation or
   * the boxcar's full width. Default 0.1 eV (one bin of the default 0.1 eV width): it
   * removes the bin-to-bin shot noise of a particle of a few hundred pixels while keeping
   * apart two phases about 1 eV apart (it broadens a mode of sigma 0.3 eV by only 5 %).
   * Measured on @mgraph/phantom composites (three 512x512 and three 64x96x96), polarization
   * vs planted Pearson r for sigma 0.1 / 0.15 / 0.25 eV: 2D 0.97 / 0.97 / 0.93, 3D 0.95 /
   * 0.92 / 0.85; wider kernels merge close modes (2D: 3 / 12 / 26 of 436 two-mode
   * particles seen as one), narrower ones start splitting single modes (3 of 282 at 0.1).
   */
  width?: number;
}

/**
 * Former name of {@link SmoothHistogramOptions}.
 *
 * @deprecated use `SmoothHistogramOptions` (same type).
 */
export type HistogramSmoothing = SmoothHistogramOptions;

/** Default kernel of {@link smoothHistogram}. */
export const DEFAULT_SMOOTHING: Required<SmoothHistogramOptions> = {
  kernel: 'gaussian',
  width: 0.1,
};

/**
 * Smooth histogram counts with a Gaussian or boxcar kernel. Bins outside the histogram
 * count as 0 (pixels out of the range were dropped, not folded back), so the total is
 * conserved except for what spills past the two ends.
 *
 * @param counts - counts per bin
 * @param binWidth - bin width, in the unit of `options.width` (> 0)
 * @param options - {@link SmoothHistogramOptions}: `kernel` (`'gaussian'`), `width` (0.1 eV)
 * @returns a new Float64Array of the same length
 * @throws InvalidArgumentError for an unknown kernel, `width <= 0` or `binWidth <= 0`
 *
 * @remarks
 * References: the Gaussian is `@mgraph/ndimage`'s `gaussianFilter1d`, i.e. SciPy
 * `scipy.ndimage.gaussian_filter1d(counts, width / binWidth, mode='constant')` (kernel
 * radius `round(4 sigma)` bins), checked against scipy in test/smooth-histogram.test.ts.
 */
export function smoothHistogram(
  counts: ArrayLike<number>,
  binWidth: number,
  options: SmoothHistogramOptions = {},
): Float64Array {
  const fn = 'smoothHistogram';
  if (typeof counts !== 'object' || counts === null || typeof counts.length !== 'number') {
    throw new InvalidArgumentError(fn, 'counts', counts, 'an array of counts');
  }
  assertFinite(fn, 'counts', counts);
  assertNumber(fn, 'binWidth', binWidth, { greaterThan: 0 });
  const { kernel = DEFAULT_SMOOTHING.kernel, width = DEFAULT_SMOOTHING.width } = checkSmoothing(
    fn,
    options,
    binWidth,
    'smoothing',
  );
  const n = counts.length;
  if (kernel === 'none') return Float64Array.from(counts);
  if (kernel === 'gaussian') {
    const values = counts instanceof Float64Array ? counts : Float64Array.from(counts);
    const sigma = width / binWidth;
    return gaussianFilter1d(ndarray(values, [n]), sigma, { mode: 'constant' }).data as Float64Array;
  }
  // moving average over the odd number of bins nearest to `width`, 0 past the ends
  const radius = Math.max(0, Math.round((width / binWidth - 1) / 2));
  const weight = 1 / (2 * radius + 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const lo = Math.max(0, i - radius);
    const hi = Math.min(n - 1, i + radius);
    for (let j = lo; j <= hi; j++) s += weight * counts[j]!;
    out[i] = s;
  }
  return out;
}

const SMOOTHING_KEYS: OptionKeys<SmoothHistogramOptions> = { kernel: true, width: true };

/**
 * Check smoothing options (also the nested `smoothing` option of the histogram functions)
 * before any pass over an image: known keys, kernel name, a positive width, and a Gaussian
 * kernel of at most `MAX_ELEMENTS` taps (a width of 1e12 bins is refused, not allocated).
 *
 * @internal
 */
export function checkSmoothing(
  fn: string,
  options: SmoothHistogramOptions | null | undefined,
  binWidth: number,
  argument = 'options.smoothing',
): SmoothHistogramOptions {
  const o = checkOptions(fn, options, SMOOTHING_KEYS, argument);
  const { kernel = DEFAULT_SMOOTHING.kernel, width = DEFAULT_SMOOTHING.width } = o;
  if (kernel !== 'gaussian' && kernel !== 'boxcar' && kernel !== 'none') {
    throw new InvalidArgumentError(
      fn,
      `${argument}.kernel`,
      kernel,
      "'gaussian', 'boxcar' or 'none'",
    );
  }
  if (kernel === 'none') return o;
  assertNumber(fn, `${argument}.width`, width, { greaterThan: 0 });
  if (kernel === 'gaussian') {
    // scipy's radius: int(4 * sigma + 0.5), sigma in bins
    const radius = Math.floor((4 * width) / binWidth + 0.5);
    assertAllocation(fn, `${argument}.width`, width, 2 * radius + 1, {
      limit: MAX_ELEMENTS,
      what: 'Gaussian kernel taps',
      subject: 'a width',
    });
  }
  return o;
}
