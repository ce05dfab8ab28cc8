import { assertNumber, ShapeMismatchError } from '@mgraph/core';
import { assert2d, assertSameDtype, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Layer normalisation over the last axis (PyTorch `F.layer_norm(x, (c,), weight, bias,
 * eps)`): each row is centred, divided by `sqrt(var + eps)` with the biased variance, then
 * scaled by `weight` and shifted by `bias`.
 *
 * @param x - `(n, c)`
 * @param weight - `(c)` scale
 * @param bias - `(c)` shift
 * @param eps - added to the variance. Default 1e-5 (PyTorch's).
 * @returns `(n, c)`
 * @throws ShapeMismatchError when `weight` or `bias` is not `(c)`
 * @throws InvalidArgumentError for a non-2D `x`, a bad `eps` or mixed dtypes
 *
 * @remarks
 * References: J. L. Ba, J. R. Kiros, G. E. Hinton, "Layer Normalization" (2016),
 * arXiv:1607.06450.
 */
export function layerNorm(x: Tensor, weight: Tensor, bias: Tensor, eps = 1e-5): Tensor {
  assert2d('layerNorm', 'x', x);
  assertSameDtype('layerNorm', ['x', 'weight', 'bias'], [x, weight, bias]);
  assertNumber('layerNorm', 'eps', eps, { greaterThan: 0 });
  const [n, c] = x.shape as [number, number];
  if (weight.size !== c || weight.shape.length !== 1) {
    throw new ShapeMismatchError('layerNorm', 'weight', [c], weight.shape);
  }
  if (bias.size !== c || bias.shape.length !== 1) {
    throw new ShapeMismatchError('layerNorm', 'bias', [c], bias.shape);
  }
  const X = x.data;
  const Wt = weight.data;
  const B = bias.data;
  const xhat = new Float64Array(n * c);
  const rstd = new Float64Array(n);
  const out = newArray(x.dtype, n * c);
  for (let i = 0; i < n; i++) {
    const o = i * c;
    let mean = 0;
    for (let j = 0; j < c; j++) mean += X[o + j]!;
    mean /= c;
    let v = 0;
    for (let j = 0; j < c; j++) v += (X[o + j]! - mean) ** 2;
    const r = 1 / Math.sqrt(v / c + eps);
    rstd[i] = r;
    for (let j = 0; j < c; j++) {
      xhat[o + j] = (X[o + j]! - mean) * r;
      out[o + j] = xhat[o + j]! * Wt[j]! + B[j]!;
    }
  }
  return result(out, x.shape, [x, weight, bias], (g) => {
    if (weight.requiresGrad) {
      const gw = gradOf(weight);
      for (let k = 0; k < n * c; k++) gw[k % c] += g[k]! * xhat[k]!;
    }
    if (bias.requiresGrad) {
      const gb = gradOf(bias);
      for (let k = 0; k < n * c; k++) gb[k % c] += g[k]!;
    }
    if (x.requiresGrad) {
      const gx = gradOf(x);
      for (let i = 0; i < n; i++) {
        const o = i * c;
        let m1 = 0;
        let m2 = 0;
        for (let j = 0; j < c; j++) {
          const d = g[o + j]! * Wt[j]!;
          m1 += d;
          m2 += d * xhat[o + j]!;
        }
        m1 /= c;
        m2 /= c;
        for (let j = 0; j < c; j++) {
          gx[o + j] += rstd[i]! * (g[o + j]! * Wt[j]! - m1 - xhat[o + j]! * m2);
        }
      }
    }
  });
}
