import { InvalidArgumentError } from '@mgraph/core';
import { sampleOf, scaleExponent, scaleInPlace, summarize } from './sample.js';
import { type TTestOptions, type TTestResult, tTestOptions, tTestResult } from './t-test-result.js';

/**
 * Student's two-sample t-test (pooled variance), as `scipy.stats.ttest_ind(x, y)`, with the
 * same result fields as {@link welchTTest}.
 *
 * `t = (mean(x) - mean(y)) / (s_p sqrt(1/n1 + 1/n2))`, `df = n1 + n2 - 2`,
 * `s_p^2 = ((n1-1) v1 + (n2-1) v2) / df`.
 *
 * @param x - first group (finite numbers, at least 2)
 * @param y - second group (finite numbers, at least 2)
 * @param options - `confidence` (0.95), `alternative` (`'two-sided'`)
 * @returns t, df, p, mean difference and its CI, Cohen's d, group sizes, means, SDs
 * @throws InvalidArgumentError for a group of fewer than 2 values, non-finite values, a pooled
 *   variance of zero (t undefined), or a bad option
 *
 * @remarks
 * References: Student, "The probable error of a mean", Biometrika 6 (1908),
 * doi:10.1093/biomet/6.1.1.
 */
export function studentTTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: TTestOptions = {},
): TTestResult {
  const fn = 'studentTTest';
  const opts = tTestOptions(fn, options);
  const xs = sampleOf(fn, 'x', x, 2);
  const ys = sampleOf(fn, 'y', y, 2);
  // computed on both samples scaled by one exact power of two (variances of values near
  // 1e-160 or 1e200 would under- or overflow), location and scale results scaled back
  const k = scaleExponent(xs, ys);
  const a = summarize(scaleInPlace(xs, k));
  const b = summarize(scaleInPlace(ys, k));
  const df = a.n + b.n - 2;
  const pooled = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / df;
  if (pooled === 0) {
    throw new InvalidArgumentError(
      fn,
      'y',
      y,
      'a sample with non-zero variance when x has none (t is undefined)',
    );
  }
  return tTestResult(a, b, Math.sqrt(pooled * (1 / a.n + 1 / b.n)), df, opts, k);
}
