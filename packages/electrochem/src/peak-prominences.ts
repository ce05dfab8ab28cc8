import { checkOptions } from '@mgraph/core';
import { asPeakIndices, asSignal, asWlen, type Signal } from './signal-input.js';

/** Prominence of each peak and the bases it was measured from. */
export interface PeakProminences {
  /** Height of each peak above the higher of its two bases. */
  prominences: Float64Array;
  /** Index of the lowest sample between the peak and the first higher sample (or the window edge) on the left. */
  leftBases: Int32Array;
  /** Same on the right. */
  rightBases: Int32Array;
}

/** Options of {@link peakProminences}. */
export interface PeakProminencesOptions {
  /**
   * Window length in samples (a number > 1, rounded up): the bases are searched only within
   * `peak +- floor(wlen / 2)`. Default: the whole signal.
   */
  wlen?: number;
}

/**
 * Prominence of each peak, as `scipy.signal.peak_prominences`: from the peak, walk left
 * (then right) while the signal is not higher than the peak, remembering the lowest sample
 * met (the base; the first one wins on ties); the prominence is the peak height minus the
 * higher of the two base values.
 *
 * @param x - the signal (finite numbers; a 1D ndarray is accepted)
 * @param peaks - indices of peaks in `x`
 * @param options - {@link PeakProminencesOptions}
 * @returns {@link PeakProminences}, aligned with `peaks`
 * @throws InvalidArgumentError for a non-finite signal, an index outside `x`, or `wlen <= 1`
 *
 * @remarks
 * A sample that is not a local maximum gets prominence 0 (SciPy warns; we do not).
 * References: SciPy `scipy/signal/_peak_finding_utils.pyx`, `_peak_prominences`;
 * https://en.wikipedia.org/wiki/Topographic_prominence.
 */
export function peakProminences(
  x: Signal,
  peaks: ArrayLike<number>,
  options: PeakProminencesOptions = {},
): PeakProminences {
  const fn = 'peakProminences';
  options = checkOptions(fn, options, { wlen: true });
  const signal = asSignal(fn, 'x', x);
  const indices = asPeakIndices(fn, 'peaks', peaks, signal.length);
  return prominencesOf(signal, indices, asWlen(fn, options.wlen));
}

/** {@link peakProminences} on checked input; `wlen` is -1 (no window) or an integer >= 2. */
export function prominencesOf(x: Float64Array, peaks: Int32Array, wlen: number): PeakProminences {
  const n = peaks.length;
  const prominences = new Float64Array(n);
  const leftBases = new Int32Array(n);
  const rightBases = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const peak = peaks[p]!;
    const top = x[peak]!;
    let iMin = 0;
    let iMax = x.length - 1;
    if (wlen >= 2) {
      iMin = Math.max(peak - Math.floor(wlen / 2), iMin);
      iMax = Math.min(peak + Math.floor(wlen / 2), iMax);
    }
    let leftMin = top;
    let leftBase = peak;
    for (let i = peak; i >= iMin && x[i]! <= top; i--) {
      if (x[i]! < leftMin) {
        leftMin = x[i]!;
        leftBase = i;
      }
    }
    let rightMin = top;
    let rightBase = peak;
    for (let i = peak; i <= iMax && x[i]! <= top; i++) {
      if (x[i]! < rightMin) {
        rightMin = x[i]!;
        rightBase = i;
      }
    }
    leftBases[p] = leftBase;
    rightBases[p] = rightBase;
    prominences[p] = top - Math.max(leftMin, rightMin);
  }
  return { prominences, leftBases, rightBases };
}
