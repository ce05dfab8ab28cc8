import { ShapeMismatchError } from '@mgraph/core';
import { assertSameDtype, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Mean squared error `mean((input - target)^2)` over all elements (PyTorch `F.mse_loss`,
 * `reduction='mean'`).
 *
 * @param input - predictions
 * @param target - same shape
 * @returns a scalar tensor; gradient `2 (input - target) / n` (negated for `target`)
 * @throws ShapeMismatchError when the shapes differ
 * @throws InvalidArgumentError for mixed dtypes
 */
export function mseLoss(input: Tensor, target: Tensor): Tensor {
  assertSameDtype('mseLoss', ['input', 'target'], [input, target]);
  if (
    input.shape.length !== target.shape.length ||
    input.shape.some((s, i) => s !== target.shape[i])
  ) {
    throw new ShapeMismatchError('mseLoss', 'target', input.shape, target.shape);
  }
  const A = input.data;
  const B = target.data;
  const n = A.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += (A[i]! - B[i]!) ** 2;
  const out = newArray(input.dtype, 1);
  out[0] = n === 0 ? 0 : s / n;
  return result(out, [], [input, target], (g) => {
    const f = (2 * g[0]!) / n;
    if (input.requiresGrad) {
      const gi = gradOf(input);
      for (let i = 0; i < n; i++) gi[i] += f * (A[i]! - B[i]!);
    }
    if (target.requiresGrad) {
      const gt = gradOf(target);
      for (let i = 0; i < n; i++) gt[i] -= f * (A[i]! - B[i]!);
    }
  });
}
