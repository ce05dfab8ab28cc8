import {
  assertAllocation,
  assertBoolean,
  checkOptions,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import { MAX_ELEMENTS } from '../limits.js';
import {
  assert2d,
  assertSameDtype,
  type FloatArray,
  gradOf,
  newArray,
  result,
  type Tensor,
} from './tensor.js';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Multiply by the transpose of `b` (`b` given as `(m, k)`). Default false. */
  transposeB?: boolean;
}

const MATMUL_KEYS: OptionKeys<MatmulOptions> = { transposeB: true };

/**
 * Matrix product `a @ b`, or `a @ b^T` with `transposeB` (the layout of PyTorch's
 * `Linear.weight`, `(out, in)`).
 *
 * @param a - `(n, k)`
 * @param b - `(k, m)`, or `(m, k)` with `transposeB`
 * @param options - `transposeB` (false): multiply by the transpose of `b`
 * @returns `(n, m)`; gradients `dA = dC b^T` (or `dC b`), `dB = a^T dC` (or `dC^T a`)
 * @throws InvalidArgumentError for non-2D inputs, mixed dtypes, or options that are not an
 *   object
 * @throws ShapeMismatchError when the inner dimensions differ
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const { transposeB = false } = checkOptions('matmul', options, MATMUL_KEYS);
  assertBoolean('matmul', 'options.transposeB', transposeB);
  assert2d('matmul', 'a', a);
  assert2d('matmul', 'b', b);
  assertSameDtype('matmul', ['a', 'b'], [a, b]);
  const n = a.shape[0]!;
  const k = a.shape[1]!;
  const m = transposeB ? b.shape[0]! : b.shape[1]!;
  const kb = transposeB ? b.shape[1]! : b.shape[0]!;
  if (kb !== k) {
    throw new ShapeMismatchError('matmul', 'b', transposeB ? [m, k] : [k, m], b.shape);
  }
  assertAllocation('matmul', 'a', a.shape, n * m, { limit: MAX_ELEMENTS });
  const A = a.data;
  // the right operand as (k, m), rows contiguous: inner loops then run over m
  const Bkm = transposeB ? transpose(b.data, m, k) : b.data;
  const out = newArray(a.dtype, n * m);
  multiplyInto(out, A, Bkm, n, k, m);
  return result(out, [n, m], [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      // dA[i, q] += sum_j g[i, j] * Bkm[q, j]
      for (let i = 0; i < n; i++) {
        const gi = i * m;
        for (let q = 0; q < k; q++) {
          const bq = q * m;
          let s = 0;
          for (let j = 0; j < m; j++) s += g[gi + j]! * Bkm[bq + j]!;
          ga[i * k + q] += s;
        }
      }
    }
    if (b.requiresGrad) {
      // dBkm (k, m) = A^T g, accumulated row by row of g
      const d = new Float64Array(k * m);
      for (let i = 0; i < n; i++) {
        const gi = i * m;
        for (let q = 0; q < k; q++) {
          const aiq = A[i * k + q]!;
          if (aiq === 0) continue;
          const dq = q * m;
          for (let j = 0; j < m; j++) d[dq + j] += aiq * g[gi + j]!;
        }
      }
      const gb = gradOf(b);
      if (transposeB) {
        for (let q = 0; q < k; q++) for (let j = 0; j < m; j++) gb[j * k + q] += d[q * m + j]!;
      } else {
        for (let t = 0; t < k * m; t++) gb[t] += d[t]!;
      }
    }
  });
}

/** The `(cols, rows)` transpose of a row-major `(rows, cols)` matrix. */
function transpose(src: FloatArray, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

/** `out (n, m) = A (n, k) @ B (k, m)`, i-q-j order (row of B contiguous). */
function multiplyInto(
  out: FloatArray,
  A: FloatArray,
  B: FloatArray | Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let q = 0; q < k; q++) {
      const aiq = A[i * k + q]!;
      if (aiq === 0) continue;
      const bq = q * m;
      for (let j = 0; j < m; j++) row[j] += aiq * B[bq + j]!;
    }
    out.set(row, i * m);
  }
}
