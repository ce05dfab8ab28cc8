/**
 * The building blocks every mgraph package shares: a seeded generator, a strided view made
 * contiguous, input checks with errors that name the function, argument and value.
 *
 * Run: npx tsx examples/core-basics.ts
 */
import {
  assertNdim,
  CATHODE_SCHEME,
  createRng,
  InvalidArgumentError,
  isContiguous,
  toContiguous,
} from '@mgraph/core';
import ndarray from 'ndarray';

const rng = createRng(42);
const image = ndarray(
  Float32Array.from({ length: 6 * 8 }, () => rng.normal(100, 15)),
  [6, 8],
);
const view = image.transpose(1, 0).step(2, -1); // every other column, rows reversed
console.log('view shape', view.shape, 'contiguous?', isContiguous(view));
const copy = toContiguous(view);
console.log('copy shape', copy.shape, 'contiguous?', isContiguous(copy), 'first', copy.data[0]);
console.log('phase codes', CATHODE_SCHEME.phases.map((p, code) => `${code}=${p}`).join(' '));
try {
  assertNdim('myFunction', 'image', ndarray(new Uint8Array(4), [4]), [2, 3]);
} catch (e) {
  if (InvalidArgumentError.isInstance(e)) console.log('typed error:', e.message);
}
