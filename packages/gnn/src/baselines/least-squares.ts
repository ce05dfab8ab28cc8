import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import type { FeatureMatrix } from '../data/hetero-graph.js';
import { checkMatrix } from './check-matrix.js';

/** Result of {@link leastSquares}. */
export interface LeastSquaresResult {
  /** `(a.cols, b.cols)` coefficients, row-major: the minimum-norm least-squares solution. */
  x: FeatureMatrix;
  /** Effective rank of `a` (singular values above `rcond * largest`). */
  rank: number;
  /** The `min(rows, cols)` singular values of `a`, descending. */
  singularValues: Float64Array;
}

/**
 * Minimum-norm least squares `argmin ||a x - b||_2` (smallest `||x||` among the minimisers),
 * numpy's `np.linalg.lstsq(a, b, rcond=None)`: through the singular value decomposition of
 * `a`, with singular values at or below `rcond * s_max` taken as zero, `rcond` defaulting to
 * machine epsilon times `max(rows, cols)`. Rank-deficient `a` (collinear columns, e.g. a
 * degree beside the neighbour counts it sums) gives the minimum-norm solution, as numpy does.
 * The SVD is one-sided Jacobi (Hestenes) on the columns of `a`, accurate to a few ulps of
 * `s_max`; `cols` should be small (feature counts), `rows` may be large.
 *
 * @param a - `(rows, cols)` design matrix (not modified)
 * @param b - `(rows, k)` right-hand sides (not modified)
 * @param rcond - relative cut-off of small singular values. Default `eps * max(rows, cols)`.
 * @returns a {@link LeastSquaresResult}
 * @throws ShapeMismatchError when `b.rows !== a.rows`
 * @throws InvalidArgumentError for non-finite values, an empty matrix or a bad `rcond`
 *
 * @remarks
 * References: numpy.linalg.lstsq; M. R. Hestenes, J. SIAM 6 (1958) 51-90 (one-sided Jacobi);
 * G. H. Golub, C. F. Van Loan, "Matrix Computations", 4th ed. (2013), sections 5.5 and 8.6.
 */
export function leastSquares(
  a: FeatureMatrix,
  b: FeatureMatrix,
  rcond?: number,
): LeastSquaresResult {
  const fn = 'leastSquares';
  checkMatrix(fn, 'a', a);
  checkMatrix(fn, 'b', b);
  if (b.rows !== a.rows) throw new ShapeMismatchError(fn, 'b', [a.rows, b.cols], [b.rows, b.cols]);
  const { rows: n, cols: p } = a;
  const cut = rcond ?? Number.EPSILON * Math.max(n, p);
  if (!(Number.isFinite(cut) && cut >= 0)) {
    throw new InvalidArgumentError(fn, 'rcond', rcond, 'a finite number >= 0');
  }
  // u: the columns of a, rotated until mutually orthogonal (u = a v); v accumulates the rotations
  const u = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) u[j * n + i] = a.data[i * p + j]!;
  const v = new Float64Array(p * p);
  for (let j = 0; j < p; j++) v[j * p + j] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let j = 0; j < p - 1; j++) {
      for (let k = j + 1; k < p; k++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i]!;
          const y = u[k * n + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i]!;
          const y = u[k * n + i]!;
          u[j * n + i] = c * x - s * y;
          u[k * n + i] = s * x + c * y;
        }
        for (let i = 0; i < p; i++) {
          const x = v[i * p + j]!;
          const y = v[i * p + k]!;
          v[i * p + j] = c * x - s * y;
          v[i * p + k] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += u[j * n + i]! ** 2;
    sigma[j] = Math.sqrt(s);
  }
  const smax = Math.max(...sigma);
  const k = b.cols;
  const x = new Float64Array(p * k);
  let rank = 0;
  // x = sum over kept j of v_j (u_j^T b) / sigma_j^2 (u_j = sigma_j * left singular vector)
  for (let j = 0; j < p; j++) {
    if (!(sigma[j]! > cut * smax)) continue;
    rank++;
    const s2 = sigma[j]! ** 2;
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += u[j * n + i]! * b.data[i * k + c]!;
      const f = dot / s2;
      for (let r = 0; r < p; r++) x[r * k + c] += v[r * p + j]! * f;
    }
  }
  return {
    x: { rows: p, cols: k, data: x },
    rank,
    singularValues: Float64Array.from(sigma).sort().reverse().subarray(0, Math.min(n, p)),
  };
}
