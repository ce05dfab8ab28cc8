import { assertTensor, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Rectified linear unit `max(x, 0)` element-wise.
 *
 * @returns a tensor of `x`'s shape; the gradient passes where `x > 0` (0 at `x = 0`, as PyTorch)
 */
export function relu(x: Tensor): Tensor {
  assertTensor('relu', 'x', x);
  const X = x.data;
  const out = newArray(x.dtype, X.length);
  for (let i = 0; i < X.length; i++) out[i] = Math.max(X[i]!, 0);
  return result(out, x.shape, [x], (g) => {
    const gx = gradOf(x);
    for (let i = 0; i < X.length; i++) if (X[i]! > 0) gx[i] += g[i]!;
  });
}
