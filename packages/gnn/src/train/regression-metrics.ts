import { assertFinite, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';

/** Error figures of one target. */
export interface RegressionMetrics {
  /** Root mean squared error. */
  rmse: number;
  /** Mean absolute error. */
  mae: number;
  /** Coefficient of determination `1 - SS_res / SS_tot` (SS_tot about the mean of `truth`); NaN when `truth` is constant or empty. */
  r2: number;
}

/**
 * RMSE, MAE and R^2 of predictions (scikit-learn's `mean_squared_error` (root),
 * `mean_absolute_error`, `r2_score` semantics; NaN for empty input).
 *
 * @param truth - observed values
 * @param predicted - same length
 * @returns {@link RegressionMetrics}
 * @throws ShapeMismatchError when the lengths differ
 */
export function regressionMetrics(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  for (const [name, v] of [
    ['truth', truth],
    ['predicted', predicted],
  ] as const) {
    if (typeof v !== 'object' || v === null || typeof v.length !== 'number') {
      throw new InvalidArgumentError('regressionMetrics', name, v, 'an array of numbers');
    }
  }
  const n = truth.length;
  if (predicted.length !== n)
    throw new ShapeMismatchError('regressionMetrics', 'predicted', [n], [predicted.length]);
  assertFinite('regressionMetrics', 'truth', truth);
  assertFinite('regressionMetrics', 'predicted', predicted);
  if (n === 0) return { rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN };
  let mu = 0;
  for (let i = 0; i < n; i++) mu += truth[i]!;
  mu /= n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = truth[i]! - predicted[i]!;
    sse += e * e;
    sae += Math.abs(e);
    sst += (truth[i]! - mu) ** 2;
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: sst > 0 ? 1 - sse / sst : Number.NaN };
}
