import { rowBroadcast } from './broadcast.js';
import { assertSameDtype, gradOf, newArray, result, type Tensor } from './tensor.js';

/**
 * Element-wise product `a * b`; `b` may also be a single row (`[cols]` or `[1, cols]`)
 * multiplying every row of a 2D `a` (a per-channel scale).
 *
 * @returns a tensor of `a`'s shape
 * @throws ShapeMismatchError when `b` is neither `a`'s shape nor one row of it
 * @throws InvalidArgumentError for mixed dtypes
 */
export function mul(a: Tensor, b: Tensor): Tensor {
  assertSameDtype('mul', ['a', 'b'], [a, b]);
  const mode = rowBroadcast('mul', a, b);
  const A = a.data;
  const B = b.data;
  const n = A.length;
  const cols = a.cols;
  const bi = (i: number) => (mode === 'same' ? i : i % cols);
  const out = newArray(a.dtype, n);
  for (let i = 0; i < n; i++) out[i] = A[i]! * B[bi(i)]!;
  return result(out, a.shape, [a, b], (g) => {
    if (a.requiresGrad) {
      const ga = gradOf(a);
      for (let i = 0; i < n; i++) ga[i] += g[i]! * B[bi(i)]!;
    }
    if (b.requiresGrad) {
      const gb = gradOf(b);
      for (let i = 0; i < n; i++) gb[bi(i)] += g[i]! * A[i]!;
    }
  });
}
