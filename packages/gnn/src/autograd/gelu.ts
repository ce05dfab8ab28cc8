import { erf } from './erf.js';
import { assertTensor, gradOf, newArray, result, type Tensor } from './tensor.js';

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Exact GELU `x * Phi(x) = x/2 * (1 + erf(x / sqrt 2))` element-wise (PyTorch
 * `nn.GELU(approximate='none')`).
 *
 * @returns a tensor of `x`'s shape; gradient `Phi(x) + x * phi(x)`
 *
 * @remarks
 * References: D. Hendrycks, K. Gimpel, "Gaussian Error Linear Units (GELUs)" (2016),
 * arXiv:1606.08415.
 */
export function gelu(x: Tensor): Tensor {
  assertTensor('gelu', 'x', x);
  const X = x.data;
  const n = X.length;
  const cdf = new Float64Array(n);
  const out = newArray(x.dtype, n);
  for (let i = 0; i < n; i++) {
    cdf[i] = 0.5 * (1 + erf(X[i]! * SQRT1_2));
    out[i] = X[i]! * cdf[i]!;
  }
  return result(out, x.shape, [x], (g) => {
    const gx = gradOf(x);
    for (let i = 0; i < n; i++) {
      const v = X[i]!;
      const pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
      gx[i] += g[i]! * (cdf[i]! + v * pdf);
    }
  });
}
