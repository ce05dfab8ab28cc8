import { assertNumber, InvalidArgumentError, type Rng } from '@mgraph/core';
import { assertTensor, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Inverted dropout (PyTorch `F.dropout` in training mode): each element is zeroed with
 * probability `p`, drawn from `rng` in row-major order, and the survivors are scaled by
 * `1 / (1 - p)`. Same generator state, same mask. Call it only while training.
 *
 * @param x - any tensor
 * @param p - drop probability in [0, 1); `p = 0` returns `x` itself
 * @param rng - seeded generator from `createRng` of `@mgraph/core`
 * @returns a tensor of `x`'s shape
 * @throws InvalidArgumentError for `p` outside [0, 1)
 *
 * @remarks
 * References: N. Srivastava et al., "Dropout: a simple way to prevent neural networks from
 * overfitting", JMLR 15 (2014).
 */
export function dropout(x: Tensor, p: number, rng: Rng): Tensor {
  assertTensor('dropout', 'x', x);
  assertNumber('dropout', 'p', p, { min: 0, lessThan: 1 });
  if (typeof rng !== 'object' || rng === null || typeof rng.random !== 'function') {
    throw new InvalidArgumentError('dropout', 'rng', rng, 'a generator from createRng');
  }
  if (p === 0) return x;
  const X = x.data;
  const n = X.length;
  const keep = 1 / (1 - p);
  const mask = new Float64Array(n);
  const out = newArray(x.dtype, n);
  for (let i = 0; i < n; i++) {
    mask[i] = rng.random() < p ? 0 : keep;
    out[i] = X[i]! * mask[i]!;
  }
  return result(out, x.shape, [x], (g) => {
    const gx = gradOf(x);
    for (let i = 0; i < n; i++) gx[i] += g[i]! * mask[i]!;
  });
}
