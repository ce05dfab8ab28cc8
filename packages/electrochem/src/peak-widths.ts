import { assertNumber, checkOptions } from '@mgraph/core';
import { prominencesOf } from './peak-prominences.js';
import { asPeakIndices, asSignal, asWlen, type Signal } from './signal-input.js';

/** Width of each peak at a height relative to its prominence. */
export interface PeakWidths {
  /** `rightIps - leftIps`, in samples. */
  widths: Float64Array;
  /** The height at which each width was measured: `x[peak] - prominence * relHeight`. */
  widthHeights: Float64Array;
  /** Interpolated position where the signal crosses the width height, left of the peak. */
  leftIps: Float64Array;
  /** Same, right of the peak. */
  rightIps: Float64Array;
}

/** Options of {@link peakWidths}. */
export interface PeakWidthsOptions {
  /**
   * Relative height (>= 0) at which the width is measured, as a fraction of the prominence:
   * 0.5 is the full width at half prominence, 1 the width at the higher base. Default 0.5
   * (SciPy's).
   */
  relHeight?: number;
  /** Window length for the prominences (see {@link peakProminences}). Default: none. */
  wlen?: number;
}

/**
 * Width of each peak, as `scipy.signal.peak_widths`: the prominences and bases are
 * computed first; from the peak, walk outwards while the signal is above
 * `x[peak] - prominence * relHeight` (without passing the base), then interpolate linearly
 * between the last two samples to place the crossing.
 *
 * @param x - the signal (finite numbers; a 1D ndarray is accepted)
 * @param peaks - indices of peaks in `x`
 * @param options - {@link PeakWidthsOptions}
 * @returns {@link PeakWidths}, aligned with `peaks`
 * @throws InvalidArgumentError for a non-finite signal, an index outside `x`, `relHeight < 0`
 *   or `wlen <= 1`
 *
 * @remarks
 * References: SciPy `scipy/signal/_peak_finding_utils.pyx`, `_peak_widths`.
 */
export function peakWidths(
  x: Signal,
  peaks: ArrayLike<number>,
  options: PeakWidthsOptions = {},
): PeakWidths {
  const fn = 'peakWidths';
  options = checkOptions(fn, options, { relHeight: true, wlen: true });
  const { relHeight = 0.5 } = options;
  const signal = asSignal(fn, 'x', x);
  const indices = asPeakIndices(fn, 'peaks', peaks, signal.length);
  assertNumber(fn, 'options.relHeight', relHeight, { min: 0 });
  const prom = prominencesOf(signal, indices, asWlen(fn, options.wlen));
  return widthsOf(signal, indices, relHeight, prom.prominences, prom.leftBases, prom.rightBases);
}

/** {@link peakWidths} from known prominences and bases (checked input). */
export function widthsOf(
  x: Float64Array,
  peaks: Int32Array,
  relHeight: number,
  prominences: Float64Array,
  leftBases: Int32Array,
  rightBases: Int32Array,
): PeakWidths {
  const n = peaks.length;
  const widths = new Float64Array(n);
  const widthHeights = new Float64Array(n);
  const leftIps = new Float64Array(n);
  const rightIps = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const peak = peaks[p]!;
    const iMin = leftBases[p]!;
    const iMax = rightBases[p]!;
    const height = x[peak]! - prominences[p]! * relHeight;
    let i = peak;
    while (iMin < i && height < x[i]!) i--;
    let left = i;
    if (x[i]! < height) left += (height - x[i]!) / (x[i + 1]! - x[i]!);
    i = peak;
    while (i < iMax && height < x[i]!) i++;
    let right = i;
    if (x[i]! < height) right -= (height - x[i]!) / (x[i - 1]! - x[i]!);
    widthHeights[p] = height;
    leftIps[p] = left;
    rightIps[p] = right;
    widths[p] = right - left;
  }
  return { widths, widthHeights, leftIps, rightIps };
}
