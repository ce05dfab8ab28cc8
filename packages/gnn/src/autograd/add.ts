import { rowBroadcast } from './broadcast.js';
import { assertSameDtype, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Element-wise sum `a + b`; `b` may also be a single row (`[cols]` or `[1, cols]`) added
 * to every row of a 2D `a` (a bias).
 *
 * @returns a tensor of `a`'s shape; the row gradient of a broadcast `b` is the column sum
 * @throws ShapeMismatchError when `b` is neither `a`'s shape nor one row of it
 * @throws InvalidArgumentError for mixed dtypes
 */
export function add(a: Tensor, b: Tensor): Tensor {
  assertSameDtype('add', ['a', 'b'], [a, b]);
  const mode = rowBroadcast('add', a, b);
  const A = a.data;
  const B = b.data;
  const n = A.length;
  const cols = a.cols;
  const out = newArray(a.dtype, n);
  if (mode === 'same') for (let i = 0; i < n; i++) out[i] = A[i]! + B[i]!;
  else for (let i = 0; i < n; i++) out[i] = A[i]! + B[i % cols]!;
  return result(out, a.shape, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < n; i++) ga[i] += g[i]!;
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      if (mode === 'same') for (let i = 0; i < n; i++) gb[i] += g[i]!;
      else for (let i = 0; i < n; i++) gb[i % cols] += g[i]!;
    }
  });
}
