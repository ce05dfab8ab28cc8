import { assertTensor, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Sum of all elements.
 *
 * @returns a scalar tensor (shape `[]`); gradient 1 for every element
 */
export function sum(x: Tensor): Tensor {
  assertTensor('sum', 'x', x);
  return reduceAll(x, 1);
}

/**
 * Mean of all elements (0 for an empty tensor, whose gradient is empty).
 *
 * @returns a scalar tensor (shape `[]`); gradient `1/n` for every element
 */
export function mean(x: Tensor): Tensor {
  assertTensor('mean', 'x', x);
  return reduceAll(x, x.size === 0 ? 1 : x.size);
}

function reduceAll(x: Tensor, divisor: number): Tensor {
  const X = x.data;
  let s = 0;
  for (let i = 0; i < X.length; i++) s += X[i]!;
  const out = newArray(x.dtype, 1);
  out[0] = s / divisor;
  return result(out, [], [x], (g) => {
    const gx = gradOf(x);
    const gi = g[0]! / divisor;
    for (let i = 0; i < X.length; i++) gx[i] += gi;
  });
}
