import {
  assertFinite,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';

/** Options of {@link sizeHistogram}. */
export interface SizeHistogramOptions {
  /**
   * Number of equal-width bins over `range` (default 10), or the bin edges themselves
   * (increasing, at least two).
   */
  bins?: number | readonly number[];
  /** `[lower, upper]` of equal-width bins. Default `[min, max]` of the values. */
  range?: readonly [number, number];
  /** One weight per value (e.g. particle volumes for a volume-weighted distribution). */
  weights?: ArrayLike<number>;
}

const KEYS: OptionKeys<SizeHistogramOptions> = { bins: true, range: true, weights: true };

/** Result of {@link sizeHistogram}. */
export interface SizeHistogram {
  /** Count (sum of weights) per bin. */
  counts: number[];
  /** `counts.length + 1` bin edges. */
  edges: number[];
}

/**
 * Histogram of particle sizes (or any values) with NumPy's `numpy.histogram(values, bins,
 * range, weights)` semantics: bins are half-open `[e_i, e_i+1)` except the last, which is
 * closed; values outside the edges are not counted; equal-width bins over `[min, max]` by
 * default (`[v - 0.5, v + 0.5]` when all values are equal `v`, as NumPy).
 *
 * @param values - the values to bin (e.g. `particleSizes(...).particles.map((p) => p.equivalentDiameter)`)
 * @param options - `bins` (10), `range` (`[min, max]`), `weights` (none)
 * @returns `{ counts, edges }`
 * @throws InvalidArgumentError for non-finite values or weights, weights of another length,
 *   a bin count that is not a positive integer, edges that do not increase, a range whose
 *   lower bound exceeds the upper, an unknown option
 *
 * @remarks
 * References: NumPy `numpy.histogram`.
 */
export function sizeHistogram(
  values: ArrayLike<number>,
  options: SizeHistogramOptions | null = {},
): SizeHistogram {
  const fn = 'sizeHistogram';
  const opts = checkOptions(fn, options, KEYS);
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new InvalidArgumentError(fn, 'values', values, 'an array of numbers');
  }
  assertFinite(fn, 'values', values);
  const { weights } = opts;
  if (weights !== undefined) {
    if (weights === null || typeof weights !== 'object' || weights.length !== values.length) {
      throw new InvalidArgumentError(
        fn,
        'options.weights',
        weights,
        `${values.length} weights, one per value`,
      );
    }
    assertFinite(fn, 'options.weights', weights);
  }
  const edges = binEdges(fn, values, opts.bins ?? 10, opts.range);
  const n = edges.length - 1;
  const counts = new Array<number>(n).fill(0);
  const first = edges[0]!;
  const last = edges[n]!;
  const uniform = typeof opts.bins !== 'object';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < first || v > last) continue;
    let k: number;
    if (v === last) k = n - 1;
    else if (uniform) {
      k = Math.floor((v - first) * (n / (last - first)));
      // correct the rounding against the edges themselves, as NumPy does
      if (k >= n) k = n - 1;
      if (v < edges[k]!) k--;
      else if (v >= edges[k + 1]!) k++;
    } else {
      let lo = 0;
      let hi = n;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (v >= edges[mid]!) lo = mid;
        else hi = mid;
      }
      k = lo;
    }
    counts[k]! += weights === undefined ? 1 : weights[i]!;
  }
  return { counts, edges };
}

function binEdges(
  fn: string,
  values: ArrayLike<number>,
  bins: number | readonly number[],
  range: readonly [number, number] | undefined,
): number[] {
  if (typeof bins === 'object') {
    if (
      !Array.isArray(bins) ||
      bins.length < 2 ||
      bins.some(
        (e, i) => typeof e !== 'number' || !Number.isFinite(e) || (i > 0 && e < bins[i - 1]!),
      )
    ) {
      throw new InvalidArgumentError(
        fn,
        'options.bins',
        bins,
        'a bin count or at least two increasing finite edges',
      );
    }
    return bins.slice();
  }
  assertNumber(fn, 'options.bins', bins, { integer: true, min: 1 });
  let lo: number;
  let hi: number;
  if (range !== undefined) {
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      range[0] > range[1]
    ) {
      throw new InvalidArgumentError(
        fn,
        'options.range',
        range,
        '[lower, upper] finite with lower <= upper',
      );
    }
    [lo, hi] = range;
  } else if (values.length === 0) {
    [lo, hi] = [0, 1];
  } else {
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < values.length; i++) {
      lo = Math.min(lo, values[i]!);
      hi = Math.max(hi, values[i]!);
    }
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  // numpy.linspace(lo, hi, bins + 1): lo + i * step, the last edge exactly hi
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * step);
  edges[bins] = hi;
  return edges;
}
