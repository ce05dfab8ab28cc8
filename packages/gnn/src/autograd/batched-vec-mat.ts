import { assertNumber, ShapeMismatchError } from '@mgraph/core';
import { assert2d, assertSameDtype, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Batched (edge-wise) vector-matrix product: row `r` of the result is
 * `x[r] @ w[r].view(cin, cout)`, PyTorch's `torch.matmul(x.unsqueeze(1), w.view(-1, cin,
 * cout)).squeeze(1)` (the NNConv message with a weight matrix per edge).
 *
 * @param x - `(e, cin)` one vector per edge
 * @param w - `(e, cin * cout)` one row-major `(cin, cout)` matrix per edge
 * @param cout - output width
 * @returns `(e, cout)`
 * @throws ShapeMismatchError when the rows differ or `w` is not `(e, cin * cout)`
 * @throws InvalidArgumentError for non-2D inputs, a bad `cout` or mixed dtypes
 */
export function batchedVecMat(x: Tensor, w: Tensor, cout: number): Tensor {
  assert2d('batchedVecMat', 'x', x);
  assert2d('batchedVecMat', 'w', w);
  assertSameDtype('batchedVecMat', ['x', 'w'], [x, w]);
  assertNumber('batchedVecMat', 'cout', cout, { integer: true, min: 1 });
  const [e, cin] = x.shape as [number, number];
  if (w.shape[0] !== e || w.shape[1] !== cin * cout) {
    throw new ShapeMismatchError('batchedVecMat', 'w', [e, cin * cout], w.shape);
  }
  const X = x.data;
  const W = w.data;
  const out = newArray(x.dtype, e * cout);
  const row = new Float64Array(cout);
  for (let r = 0; r < e; r++) {
    row.fill(0);
    const wr = r * cin * cout;
    for (let q = 0; q < cin; q++) {
      const xq = X[r * cin + q]!;
      const wq = wr + q * cout;
      for (let j = 0; j < cout; j++) row[j] += xq * W[wq + j]!;
    }
    out.set(row, r * cout);
  }
  return result(out, [e, cout], [x, w], (g) => {
    const gx = x.requiresGrad ? gradOf(x) : null;
    const gw = w.requiresGrad ? gradOf(w) : null;
    for (let r = 0; r < e; r++) {
      const wr = r * cin * cout;
      const gr = r * cout;
      for (let q = 0; q < cin; q++) {
        const wq = wr + q * cout;
        if (gx !== null) {
          let s = 0;
          for (let j = 0; j < cout; j++) s += g[gr + j]! * W[wq + j]!;
          gx[r * cin + q] += s;
        }
        if (gw !== null) {
          const xq = X[r * cin + q]!;
          for (let j = 0; j < cout; j++) gw[wq + j] += xq * g[gr + j]!;
        }
      }
    }
  });
}
