import {
  assertAllocation,
  assertNumber,
  InvalidArgumentError,
  ShapeMismatchError,
} from '@mgraph/core';
import { MAX_ELEMENTS } from '../limits.js';
import { assertIndex } from './check-index.js';
import { assert2d, gradOf, newArray, result, type Tensor } from './tensor.js';

/** Reduction of {@link scatterRows}. */
export type ScatterReduce = 'add' | 'mean';

/**
 * Row scatter: `out[index[r]] (+)= src[r]` into `size` rows, as `torch_scatter.scatter`
 * with `dim=0` (PyG's message aggregation). With `'mean'` each output row is divided by the
 * number of rows sent to it; rows that receive nothing stay 0 in both modes.
 *
 * @param src - `(e, c)` rows to send (one per edge)
 * @param index - destination row of each source row, in `[0, size)`
 * @param size - number of output rows
 * @param reduce - `'add'` (default) or `'mean'`
 * @returns `(size, c)`
 * @throws InvalidArgumentError for a non-2D `src`, a bad `size` or `reduce`, an index out of range
 * @throws ShapeMismatchError when `index.length` differs from the rows of `src`
 */
export function scatterRows(
  src: Tensor,
  index: ArrayLike<number>,
  size: number,
  reduce: ScatterReduce = 'add',
): Tensor {
  assert2d('scatterRows', 'src', src);
  assertNumber('scatterRows', 'size', size, { integer: true, min: 0 });
  if (reduce !== 'add' && reduce !== 'mean') {
    throw new InvalidArgumentError('scatterRows', 'reduce', reduce, "'add' or 'mean'");
  }
  const [e, c] = src.shape as [number, number];
  assertAllocation('scatterRows', 'size', size, size * c, { limit: MAX_ELEMENTS });
  if (typeof index !== 'object' || index === null || typeof index.length !== 'number') {
    throw new InvalidArgumentError('scatterRows', 'index', index, 'an array of row indices');
  }
  if (index.length !== e) throw new ShapeMismatchError('scatterRows', 'index', [e], [index.length]);
  assertIndex('scatterRows', 'index', index, size);
  // divisor of each output row: its in-degree for 'mean' (at least 1), 1 for 'add'
  const divisor = new Float64Array(size).fill(1);
  if (reduce === 'mean') {
    divisor.fill(0);
    for (let r = 0; r < e; r++) divisor[index[r]!]++;
    for (let i = 0; i < size; i++) divisor[i] = Math.max(1, divisor[i]!);
  }
  const S = src.data;
  const acc = new Float64Array(size * c);
  for (let r = 0; r < e; r++) {
    const base = index[r]! * c;
    for (let j = 0; j < c; j++) acc[base + j] += S[r * c + j]!;
  }
  const out = newArray(src.dtype, size * c);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < c; j++) out[i * c + j] = acc[i * c + j]! / divisor[i]!;
  }
  return result(out, [size, c], [src], (g) => {
    const gs = gradOf(src);
    for (let r = 0; r < e; r++) {
      const i = index[r]!;
      const d = divisor[i]!;
      for (let j = 0; j < c; j++) gs[r * c + j] += g[i * c + j]! / d;
    }
  });
}
