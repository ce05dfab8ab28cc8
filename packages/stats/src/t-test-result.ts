import { assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { tPpfUnchecked as tPpf, tSfUnchecked as tSf } from './distributions.js';
import { type GroupSummary, timesPowerOfTwo } from './sample.js';

/** The alternative hypothesis of a two-sample t-test, as scipy's `alternative`. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Options of {@link welchTTest} and {@link studentTTest}. */
export interface TTestOptions {
  /** Confidence level of the interval of the mean difference, in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * `'two-sided'` (means differ), `'less'` (mean of x < mean of y), `'greater'`. Default
   * `'two-sided'`. One-sided tests get a one-sided interval (an infinite bound).
   */
  alternative?: Alternative;
}

/** Result of a two-sample t-test. */
export interface TTestResult {
  /** t statistic of `mean(x) - mean(y)`. */
  t: number;
  /** Degrees of freedom (Welch-Satterthwaite for Welch, `n1 + n2 - 2` for Student). */
  df: number;
  /** p-value for `alternative`. */
  p: number;
  alternative: Alternative;
  /** `mean(x) - mean(y)`. */
  meanDifference: number;
  /** Standard error of the mean difference. */
  standardError: number;
  /** Confidence interval of the mean difference. */
  ci: [number, number];
  confidence: number;
  /** Cohen's d with the pooled standard deviation: `(mean(x) - mean(y)) / s_pooled`. */
  cohenD: number;
  /** Group sizes. */
  n1: number;
  n2: number;
  /** Group means. */
  mean1: number;
  mean2: number;
  /** Group standard deviations (ddof = 1). */
  sd1: number;
  sd2: number;
}

/** Check the t-test options and return them with defaults. */
export function tTestOptions(
  fn: string,
  options: TTestOptions | null | undefined,
): Required<TTestOptions> {
  const { confidence = 0.95, alternative = 'two-sided' } = checkOptions(fn, options, {
    confidence: true,
    alternative: true,
  });
  assertNumber(fn, 'options.confidence', confidence, { greaterThan: 0, lessThan: 1 });
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new InvalidArgumentError(
      fn,
      'options.alternative',
      alternative,
      "one of 'two-sided', 'less', 'greater'",
    );
  }
  return { confidence, alternative };
}

/**
 * Assemble a {@link TTestResult} from the statistic's pieces (p and interval as scipy 1.11).
 * `a`, `b` and `standardError` are of the samples times `2^k` ({@link scaleExponent}); the
 * means, differences, standard errors, intervals and SDs returned are scaled back.
 */
export function tTestResult(
  a: GroupSummary,
  b: GroupSummary,
  standardError: number,
  df: number,
  { confidence, alternative }: Required<TTestOptions>,
  k = 0,
): TTestResult {
  const back = (v: number) => timesPowerOfTwo(v, -k);
  const meanDifference = a.mean - b.mean;
  const t = meanDifference / standardError;
  let p: number;
  let ci: [number, number];
  if (alternative === 'two-sided') {
    p = Math.min(1, 2 * tSf(Math.abs(t), df));
    const h = tPpf(0.5 + confidence / 2, df) * standardError;
    ci = [meanDifference - h, meanDifference + h];
  } else {
    const h = tPpf(confidence, df) * standardError;
    if (alternative === 'less') {
      p = tSf(-t, df);
      ci = [Number.NEGATIVE_INFINITY, meanDifference + h];
    } else {
      p = tSf(t, df);
      ci = [meanDifference - h, Number.POSITIVE_INFINITY];
    }
  }
  const pooled = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2);
  return {
    t,
    df,
    p,
    alternative,
    meanDifference: back(meanDifference),
    standardError: back(standardError),
    ci: [back(ci[0]), back(ci[1])],
    confidence,
    cohenD: meanDifference / Math.sqrt(pooled),
    n1: a.n,
    n2: b.n,
    mean1: back(a.mean),
    mean2: back(b.mean),
    sd1: back(Math.sqrt(a.variance)),
    sd2: back(Math.sqrt(b.variance)),
  };
}
