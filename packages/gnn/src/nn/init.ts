import type { Rng } from '@mgraph/core';
import { type FloatDtype, Tensor } from '../autograd/tensor.js';

/**
 * @internal A parameter of `shape` drawn uniformly from `[-bound, bound)` in row-major
 * order (PyTorch's `uniform_`), or constant when `bound` is a `{ fill }`.
 */
export function parameter(
  shape: readonly number[],
  dtype: FloatDtype,
  init: { bound: number; rng: Rng } | { fill: number },
): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  if ('fill' in init) data.fill(init.fill);
  else for (let i = 0; i < n; i++) data[i] = init.rng.uniform(-init.bound, init.bound);
  return new Tensor(data, shape, { requiresGrad: true });
}
