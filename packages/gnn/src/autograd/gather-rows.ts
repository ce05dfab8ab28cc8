import { assertIndex } from './check-index.js';
import { assert2d, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Row gather `x[index]` (PyTorch `x.index_select(0, index)`): the rows of `x` named by
 * `index`, repeats allowed. Used to read the source-node features of every edge.
 *
 * @param x - `(n, c)`
 * @param index - row numbers in `[0, n)`
 * @returns `(index.length, c)`; the gradient scatter-adds back into the gathered rows
 * @throws InvalidArgumentError for a non-2D `x` or an index out of range
 */
export function gatherRows(x: Tensor, index: ArrayLike<number>): Tensor {
  assert2d('gatherRows', 'x', x);
  const [n, c] = x.shape as [number, number];
  assertIndex('gatherRows', 'index', index, n);
  const e = index.length;
  const X = x.data;
  const out = newArray(x.dtype, e * c);
  for (let r = 0; r < e; r++) out.set(X.subarray(index[r]! * c, index[r]! * c + c), r * c);
  return result(out, [e, c], [x], (g) => {
    const gx = gradOf(x);
    for (let r = 0; r < e; r++) {
      const base = index[r]! * c;
      for (let j = 0; j < c; j++) gx[base + j] += g[r * c + j]!;
    }
  });
}
