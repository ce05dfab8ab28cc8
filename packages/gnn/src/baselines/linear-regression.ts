import { ShapeMismatchError } from '@mgraph/core';
import type { FeatureMatrix } from '../data/hetero-graph.js';
import { checkMatrix } from './check-matrix.js';
import { leastSquares } from './least-squares.js';

/** An affine map `y = x coef + intercept` fitted by {@link fitLinearRegression}. */
export interface LinearRegressionModel {
  /** `(features, targets)` coefficients, row-major. */
  coef: FeatureMatrix;
  /** One intercept per target. */
  intercept: number[];
  /** Effective rank of the design matrix `[1, x]`. */
  rank: number;
}

/**
 * Ordinary least squares with an intercept, in closed form: the minimum-norm solution of
 * `[1, x] [intercept; coef] = y` ({@link leastSquares}, numpy's `lstsq` semantics), one
 * column of coefficients per target. Collinear features (a degree beside the neighbour
 * counts it sums) are fine: the minimum-norm solution is returned.
 *
 * @param x - `(rows, features)` (not modified)
 * @param y - `(rows, targets)` (not modified)
 * @returns a {@link LinearRegressionModel}
 * @throws ShapeMismatchError when the row counts differ
 * @throws InvalidArgumentError for empty or non-finite input
 *
 * @remarks
 * References: numpy.linalg.lstsq; scikit-learn `LinearRegression` (the same fit when `x` has
 * full column rank).
 */
export function fitLinearRegression(x: FeatureMatrix, y: FeatureMatrix): LinearRegressionModel {
  const fn = 'fitLinearRegression';
  checkMatrix(fn, 'x', x);
  checkMatrix(fn, 'y', y);
  if (y.rows !== x.rows) throw new ShapeMismatchError(fn, 'y', [x.rows, y.cols], [y.rows, y.cols]);
  const p = x.cols + 1;
  const design = new Float64Array(x.rows * p);
  for (let i = 0; i < x.rows; i++) {
    design[i * p] = 1;
    design.set(x.data.subarray(i * x.cols, (i + 1) * x.cols), i * p + 1);
  }
  const { x: beta, rank } = leastSquares({ rows: x.rows, cols: p, data: design }, y);
  const k = y.cols;
  return {
    coef: { rows: x.cols, cols: k, data: beta.data.slice(k) },
    intercept: Array.from(beta.data.subarray(0, k)),
    rank,
  };
}

/**
 * Predictions `x coef + intercept` of a {@link LinearRegressionModel}.
 *
 * @param model - from {@link fitLinearRegression}
 * @param x - `(rows, features)`
 * @returns `(rows, targets)`
 * @throws ShapeMismatchError when `x` has another feature count than the model
 */
export function predictLinearRegression(
  model: LinearRegressionModel,
  x: FeatureMatrix,
): FeatureMatrix {
  const fn = 'predictLinearRegression';
  checkMatrix(fn, 'x', x, true);
  const { coef, intercept } = model;
  if (x.cols !== coef.rows)
    throw new ShapeMismatchError(fn, 'x', [x.rows, coef.rows], [x.rows, x.cols]);
  const k = coef.cols;
  const out = new Float64Array(x.rows * k);
  for (let i = 0; i < x.rows; i++) {
    for (let c = 0; c < k; c++) {
      let s = intercept[c]!;
      for (let j = 0; j < x.cols; j++) s += x.data[i * x.cols + j]! * coef.data[j * k + c]!;
      out[i * k + c] = s;
    }
  }
  return { rows: x.rows, cols: k, data: out };
}
