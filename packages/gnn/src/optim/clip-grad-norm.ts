import { assertNumber, InvalidArgumentError } from '@mgraph/core';
import { assertTensor, type Tensor } from '../autograd/tensor.js';

/**
 * Scale the gradients of `parameters` in place so that their joint L2 norm is at most
 * `maxNorm` (PyTorch `torch.nn.utils.clip_grad_norm_` with `norm_type=2`): the factor is
 * `maxNorm / (total + 1e-6)` when below 1; parameters without a gradient are skipped.
 *
 * @param parameters - tensors whose `grad` is clipped (mutated, like PyTorch's)
 * @param maxNorm - largest allowed norm (> 0)
 * @returns the total norm before clipping
 * @throws InvalidArgumentError for a non-positive `maxNorm`
 *
 * @remarks
 * References: R. Pascanu, T. Mikolov, Y. Bengio, "On the difficulty of training recurrent
 * neural networks", ICML 2013.
 */
export function clipGradNorm(parameters: readonly Tensor[], maxNorm: number): number {
  assertNumber('clipGradNorm', 'maxNorm', maxNorm, { greaterThan: 0 });
  if (!Array.isArray(parameters)) {
    throw new InvalidArgumentError('clipGradNorm', 'parameters', parameters, 'an array of tensors');
  }
  parameters.forEach((p, i) => {
    assertTensor('clipGradNorm', `parameters[${i}]`, p);
  });
  // PyTorch: norm of the per-parameter norms
  let sq = 0;
  for (const p of parameters) {
    if (p.grad === null) continue;
    let s = 0;
    for (let i = 0; i < p.grad.length; i++) s += p.grad[i]! * p.grad[i]!;
    const n = Math.sqrt(s);
    sq += n * n;
  }
  const total = Math.sqrt(sq);
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) {
    for (const p of parameters) {
      if (p.grad === null) continue;
      for (let i = 0; i < p.grad.length; i++) p.grad[i] *= coef;
    }
  }
  return total;
}
