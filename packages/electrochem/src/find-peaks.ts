import {
  argsortNumpy,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { localMaxima1d } from './local-maxima.js';
import { prominencesOf } from './peak-prominences.js';
import { widthsOf } from './peak-widths.js';
import { asSignal, asWlen, type Signal } from './signal-input.js';

/** One bound of a condition: a number, one number per sample of `x`, or none. */
export type ConditionBound = number | ArrayLike<number> | null | undefined;

/**
 * A `find_peaks` condition, as in SciPy: a number (the minimum), a typed array with one
 * minimum per sample of `x`, or a 2-element plain array `[min, max]` whose entries are
 * numbers, per-sample arrays, or `null` for "no bound". Bounds are inclusive.
 */
export type PeakCondition = number | readonly [ConditionBound, ConditionBound] | ArrayLike<number>;

/** Options of {@link findPeaks}; every condition is off unless given. */
export interface FindPeaksOptions {
  /** Required peak height `x[peak]`. */
  height?: PeakCondition;
  /** Required vertical distance to both neighbours: min of the two for the minimum, max of the two for the maximum. */
  threshold?: PeakCondition;
  /**
   * Minimal horizontal distance (>= 1, rounded up) between peaks: smaller peaks are
   * removed first, from the highest down, until all remaining peaks are at least this far
   * apart.
   */
  distance?: number;
  /** Required prominence (see {@link peakProminences}). */
  prominence?: PeakCondition;
  /** Required width in samples, measured at `relHeight` (see {@link peakWidths}). */
  width?: PeakCondition;
  /** Required plateau size in samples (1 for a sharp peak). */
  plateauSize?: PeakCondition;
  /** Window length (> 1) for the prominences, used when `prominence` or `width` is set. Default: none. */
  wlen?: number;
  /** Relative height (>= 0) at which `width` is measured. Default 0.5. */
  relHeight?: number;
}

/**
 * Properties of the returned peaks, each aligned with `peaks`. As in SciPy, a property is
 * present only when the condition that computes it was given.
 */
export interface PeakProperties {
  /** With `plateauSize`: the size, first and last index of each peak's plateau. */
  plateauSizes?: Int32Array;
  leftEdges?: Int32Array;
  rightEdges?: Int32Array;
  /** With `height`: `x[peak]`. */
  peakHeights?: Float64Array;
  /** With `threshold`: `x[peak] - x[peak - 1]` and `x[peak] - x[peak + 1]`. */
  leftThresholds?: Float64Array;
  rightThresholds?: Float64Array;
  /** With `prominence` or `width`: prominence and bases. */
  prominences?: Float64Array;
  leftBases?: Int32Array;
  rightBases?: Int32Array;
  /** With `width`: width, the height it was measured at, interpolated crossings. */
  widths?: Float64Array;
  widthHeights?: Float64Array;
  leftIps?: Float64Array;
  rightIps?: Float64Array;
}

/** Result of {@link findPeaks}. */
export interface FindPeaksResult {
  /** Indices of the peaks in `x`, ascending. */
  peaks: Int32Array;
  /** {@link PeakProperties} of the kept peaks. */
  properties: PeakProperties;
}

type PropertyArray = Int32Array | Float64Array;

/** Every option of {@link findPeaks}. */
export const FIND_PEAKS_KEYS: OptionKeys<FindPeaksOptions> = {
  height: true,
  threshold: true,
  distance: true,
  prominence: true,
  width: true,
  plateauSize: true,
  wlen: true,
  relHeight: true,
};

/**
 * Find peaks in a 1D signal with `scipy.signal.find_peaks` semantics, so that indices and
 * properties agree exactly with SciPy:
 *
 * 1. local maxima: a sample, or a plateau of equal samples, strictly higher than both
 *    neighbours; the first and last samples are never peaks; a plateau gives its middle
 *    index, rounded down;
 * 2. then, in this order and each on the peaks left by the previous one: `plateauSize`,
 *    `height`, `threshold`, `distance` (peaks visited by decreasing height, ties in NumPy's
 *    `argsort` order; each kept peak removes the lower ones closer than `distance`),
 *    `prominence` (with `wlen`), `width` (at `relHeight`). Every bound is inclusive.
 *
 * @param x - the signal (finite numbers; float32 data is read as float64; a 1D ndarray is accepted)
 * @param options - {@link FindPeaksOptions}; defaults: no condition, `wlen` none, `relHeight` 0.5
 * @returns `{ peaks, properties }` ({@link FindPeaksResult})
 * @throws InvalidArgumentError for a non-finite signal, `distance < 1`, `wlen <= 1`,
 *   `relHeight < 0`, or a condition that is not a number, `[min, max]` or a per-sample
 *   array of `x.length`
 *
 * @example findPeaks([0, 2, 1, 3, 3, 0]) // peaks [1, 3]
 *
 * @remarks
 * References: SciPy `scipy/signal/_peak_finding.py` (`find_peaks`) and
 * `_peak_finding_utils.pyx`; P. Virtanen et al., "SciPy 1.0", Nature Methods 17 (2020),
 * doi:10.1038/s41592-019-0686-2.
 */
export function findPeaks(x: Signal, options: FindPeaksOptions = {}): FindPeaksResult {
  const fn = 'findPeaks';
  options = checkOptions(fn, options, FIND_PEAKS_KEYS);
  const signal = asSignal(fn, 'x', x);
  const { height, threshold, distance, prominence, width, plateauSize, relHeight = 0.5 } = options;
  if (distance !== undefined) assertNumber(fn, 'options.distance', distance, { min: 1 });
  assertNumber(fn, 'options.relHeight', relHeight, { min: 0 });
  const wlen = asWlen(fn, options.wlen);

  const maxima = localMaxima1d(signal);
  let peaks = maxima.peaks;
  let props: Record<string, PropertyArray> = {};
  const keepOnly = (keep: Uint8Array) => {
    peaks = select(peaks, keep);
    props = Object.fromEntries(Object.entries(props).map(([k, a]) => [k, select(a, keep)]));
  };

  if (plateauSize !== undefined) {
    const sizes = new Int32Array(peaks.length);
    for (let k = 0; k < peaks.length; k++) {
      sizes[k] = maxima.rightEdges[k]! - maxima.leftEdges[k]! + 1;
    }
    const keep = byProperty(sizes, condition(fn, 'plateauSize', plateauSize, signal, peaks));
    props.plateauSizes = sizes;
    props.leftEdges = maxima.leftEdges;
    props.rightEdges = maxima.rightEdges;
    keepOnly(keep);
  }

  if (height !== undefined) {
    const heights = gather(signal, peaks);
    const keep = byProperty(heights, condition(fn, 'height', height, signal, peaks));
    props.peakHeights = heights;
    keepOnly(keep);
  }

  if (threshold !== undefined) {
    const [tmin, tmax] = condition(fn, 'threshold', threshold, signal, peaks);
    const left = new Float64Array(peaks.length);
    const right = new Float64Array(peaks.length);
    const keep = new Uint8Array(peaks.length).fill(1);
    for (let k = 0; k < peaks.length; k++) {
      const p = peaks[k]!;
      left[k] = signal[p]! - signal[p - 1]!;
      right[k] = signal[p]! - signal[p + 1]!;
      if (tmin && !(tmin[k]! <= Math.min(left[k]!, right[k]!))) keep[k] = 0;
      if (tmax && !(Math.max(left[k]!, right[k]!) <= tmax[k]!)) keep[k] = 0;
    }
    props.leftThresholds = left;
    props.rightThresholds = right;
    keepOnly(keep);
  }

  if (distance !== undefined) {
    keepOnly(byDistance(peaks, gather(signal, peaks), Math.ceil(distance)));
  }

  if (prominence !== undefined || width !== undefined) {
    const prom = prominencesOf(signal, peaks, wlen);
    props.prominences = prom.prominences;
    props.leftBases = prom.leftBases;
    props.rightBases = prom.rightBases;
  }

  if (prominence !== undefined) {
    const bounds = condition(fn, 'prominence', prominence, signal, peaks);
    keepOnly(byProperty(props.prominences!, bounds));
  }

  if (width !== undefined) {
    const w = widthsOf(
      signal,
      peaks,
      relHeight,
      props.prominences as Float64Array,
      props.leftBases as Int32Array,
      props.rightBases as Int32Array,
    );
    Object.assign(props, w);
    keepOnly(byProperty(w.widths, condition(fn, 'width', width, signal, peaks)));
  }

  return { peaks, properties: props as PeakProperties };
}

/** Per-peak `[min, max]` bounds (null = unbounded) from a condition, as SciPy's `_unpack_condition_args`. */
function condition(
  fn: string,
  name: string,
  value: PeakCondition,
  x: Float64Array,
  peaks: Int32Array,
): [Float64Array | null, Float64Array | null] {
  const argument = `options.${name}`;
  if (Array.isArray(value) && value.length === 2) {
    return [
      bound(fn, `${argument}[0]`, value[0], x, peaks),
      bound(fn, `${argument}[1]`, value[1], x, peaks),
    ];
  }
  if (Array.isArray(value) && value.length !== x.length) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `a number, [min, max] or an array of x.length = ${x.length} minima`,
    );
  }
  return [bound(fn, argument, value as ConditionBound, x, peaks), null];
}

function bound(
  fn: string,
  argument: string,
  value: ConditionBound,
  x: Float64Array,
  peaks: Int32Array,
): Float64Array | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new InvalidArgumentError(fn, argument, value, 'a number');
    return new Float64Array(peaks.length).fill(value);
  }
  if (typeof value !== 'object' || value.length !== x.length) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `a number, null or an array of x.length = ${x.length} values`,
    );
  }
  return gather(value, peaks);
}

function byProperty(
  values: ArrayLike<number>,
  [min, max]: [Float64Array | null, Float64Array | null],
): Uint8Array {
  const keep = new Uint8Array(values.length);
  for (let k = 0; k < values.length; k++) {
    keep[k] = (!min || min[k]! <= values[k]!) && (!max || values[k]! <= max[k]!) ? 1 : 0;
  }
  return keep;
}

/** SciPy's `_select_by_peak_distance`: highest first, ties in NumPy argsort order. */
function byDistance(peaks: Int32Array, priority: Float64Array, distance: number): Uint8Array {
  const n = peaks.length;
  const keep = new Uint8Array(n).fill(1);
  const order = argsortNumpy(priority);
  for (let i = n - 1; i >= 0; i--) {
    const j = order[i]!;
    if (!keep[j]) continue;
    for (let k = j - 1; k >= 0 && peaks[j]! - peaks[k]! < distance; k--) keep[k] = 0;
    for (let k = j + 1; k < n && peaks[k]! - peaks[j]! < distance; k++) keep[k] = 0;
  }
  return keep;
}

function gather(values: ArrayLike<number>, peaks: Int32Array): Float64Array {
  const out = new Float64Array(peaks.length);
  for (let k = 0; k < peaks.length; k++) out[k] = values[peaks[k]!]!;
  return out;
}

function select<T extends PropertyArray>(a: T, keep: Uint8Array): T {
  let n = 0;
  for (let k = 0; k < keep.length; k++) n += keep[k]!;
  const out = new (a.constructor as new (n: number) => T)(n);
  for (let k = 0, m = 0; k < keep.length; k++) if (keep[k]) out[m++] = a[k]!;
  return out;
}
