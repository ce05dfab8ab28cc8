import { InvalidArgumentError } from '@mgraph/core';
import { sampleOf, scaleExponent, scaleInPlace, summarize } from './sample.js';
import { type TTestOptions, type TTestResult, tTestOptions, tTestResult } from './t-test-result.js';

/**
 * Welch's two-sample t-test (unequal variances), as `scipy.stats.ttest_ind(x, y,
 * equal_var=False)`, with the confidence interval of the mean difference and Cohen's d.
 *
 * `t = (mean(x) - mean(y)) / sqrt(v1 / n1 + v2 / n2)`, Welch-Satterthwaite
 * `df = (v1/n1 + v2/n2)^2 / ((v1/n1)^2 / (n1-1) + (v2/n2)^2 / (n2-1))`; CI
 * `diff ± t_{df}((1+c)/2) * se`; Cohen's d divides the difference by the pooled standard
 * deviation `sqrt(((n1-1) v1 + (n2-1) v2) / (n1 + n2 - 2))`.
 *
 * @param x - first group (finite numbers, at least 2)
 * @param y - second group (finite numbers, at least 2)
 * @param options - `confidence` (0.95), `alternative` (`'two-sided'`)
 * @returns t, df, p, mean difference and its CI, Cohen's d, group sizes, means, SDs
 * @throws InvalidArgumentError for a group of fewer than 2 values, non-finite values, both
 *   groups of zero variance (t undefined), or a bad option
 *
 * @remarks
 * References: B. L. Welch, "The generalization of Student's problem when several different
 * population variances are involved", Biometrika 34 (1947), doi:10.1093/biomet/34.1-2.28.
 * J. Cohen, "Statistical Power Analysis for the Behavioral Sciences", 2nd ed. (1988).
 */
export function welchTTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: TTestOptions = {},
): TTestResult {
  const fn = 'welchTTest';
  const opts = tTestOptions(fn, options);
  const xs = sampleOf(fn, 'x', x, 2);
  const ys = sampleOf(fn, 'y', y, 2);
  // computed on both samples scaled by one exact power of two (variances of values near
  // 1e-160 or 1e200 would under- or overflow), location and scale results scaled back
  const k = scaleExponent(xs, ys);
  const a = summarize(scaleInPlace(xs, k));
  const b = summarize(scaleInPlace(ys, k));
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  if (va + vb === 0) {
    throw new InvalidArgumentError(
      fn,
      'y',
      y,
      'a sample with non-zero variance when x has none (t is undefined)',
    );
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return tTestResult(a, b, Math.sqrt(va + vb), df, opts, k);
}
