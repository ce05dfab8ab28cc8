import { assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { percentileOfSorted } from './percentile.js';
import { mean, sampleOf } from './sample.js';

/** Options of {@link boxplotStats}. */
export interface BoxplotStatsOptions {
  /**
   * Whisker reach: a number `w` puts the whiskers at the most extreme data within
   * `[q1 - w iqr, q3 + w iqr]`; a pair `[lo, hi]` of percentiles puts them at those
   * percentiles. Default 1.5 (matplotlib's).
   */
  whis?: number | readonly [number, number];
}

/** Result of {@link boxplotStats}, matplotlib's `boxplot_stats` fields. */
export interface BoxplotStats {
  /** First quartile (25th percentile, numpy linear interpolation). */
  q1: number;
  /** Median. */
  median: number;
  /** Third quartile. */
  q3: number;
  /** Arithmetic mean. */
  mean: number;
  /** `q3 - q1`. */
  iqr: number;
  /** Lower whisker end. */
  whiskerLow: number;
  /** Upper whisker end. */
  whiskerHigh: number;
  /** Values beyond the whiskers: those below `whiskerLow` first, then those above, in input order. */
  outliers: number[];
  /** Notch: `median ± 1.57 iqr / sqrt(n)`. */
  notch: [number, number];
  /** Number of values. */
  n: number;
}

/**
 * Box-plot summary of a sample, as `matplotlib.cbook.boxplot_stats` computes it for
 * `plt.boxplot`: quartiles by numpy's linear interpolation, whiskers at the most extreme data
 * within `whis` IQRs of the box (never inside the box), outliers beyond them.
 *
 * @param values - finite numbers, at least one
 * @param options - `whis` (1.5)
 * @returns `{ q1, median, q3, mean, iqr, whiskerLow, whiskerHigh, outliers, notch, n }`
 * @throws InvalidArgumentError for an empty sample, non-finite values or a bad `whis`
 *
 * @remarks
 * References: J. W. Tukey, "Exploratory Data Analysis" (1977); R. McGill, J. W. Tukey,
 * W. A. Larsen, "Variations of box plots", Am. Stat. 32 (1978), doi:10.2307/2683468;
 * matplotlib 3.6 `cbook.boxplot_stats`.
 */
export function boxplotStats(
  values: ArrayLike<number>,
  options: BoxplotStatsOptions = {},
): BoxplotStats {
  const fn = 'boxplotStats';
  const { whis = 1.5 } = checkOptions(fn, options, { whis: true });
  const x = sampleOf(fn, 'values', values, 1);
  const sorted = Float64Array.from(x).sort();
  const q1 = percentileOfSorted(sorted, 25);
  const median = percentileOfSorted(sorted, 50);
  const q3 = percentileOfSorted(sorted, 75);
  const iqr = q3 - q1;
  let low: number;
  let high: number;
  if (typeof whis === 'number') {
    assertNumber(fn, 'options.whis', whis, { min: 0 });
    low = q1 - whis * iqr;
    high = q3 + whis * iqr;
  } else {
    const ok =
      Array.isArray(whis) &&
      whis.length === 2 &&
      whis.every((v) => typeof v === 'number' && v >= 0 && v <= 100) &&
      whis[0] <= whis[1];
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        'options.whis',
        whis,
        'a number >= 0 or a pair [lo, hi] of percentiles in 0..100',
      );
    }
    low = percentileOfSorted(sorted, whis[0]);
    high = percentileOfSorted(sorted, whis[1]);
  }
  let whiskerHigh = Number.NEGATIVE_INFINITY;
  let whiskerLow = Number.POSITIVE_INFINITY;
  for (const v of x) {
    if (v <= high && v > whiskerHigh) whiskerHigh = v;
    if (v >= low && v < whiskerLow) whiskerLow = v;
  }
  if (whiskerHigh === Number.NEGATIVE_INFINITY || whiskerHigh < q3) whiskerHigh = q3;
  if (whiskerLow === Number.POSITIVE_INFINITY || whiskerLow > q1) whiskerLow = q1;
  const outliers = [...x.filter((v) => v < whiskerLow), ...x.filter((v) => v > whiskerHigh)];
  const h = (1.57 * iqr) / Math.sqrt(x.length);
  return {
    q1,
    median,
    q3,
    mean: mean(x),
    iqr,
    whiskerLow,
    whiskerHigh,
    outliers,
    notch: [median - h, median + h],
    n: x.length,
  };
}
