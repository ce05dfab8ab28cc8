// The ndarray-ops step of the browser test, in its own module: ndarray-ops builds its
// operations with `new Function` as soon as its module is evaluated (cwise-compiler), so
// under a Content-Security-Policy without 'unsafe-eval' importing it throws an EvalError.
// The page imports this module dynamically, inside the step, to record that error.
import { generateComposite } from '@mgraph/phantom';
import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import { PHANTOM } from './steps.js';

/**
 * `ndarray-ops` on views as our functions return them: a threshold of the transposed phantom
 * image (non-contiguous) into a uint8 mask, and the negation of an offset, strided view.
 */
export function ndarrayOpsSteps(): { mask: number[]; negated: number[] } {
  const c = generateComposite({ shape: [32, 32], seed: PHANTOM.seed });
  const view = c.image.transpose(1, 0);
  const mask = ndarray(new Uint8Array(view.size), view.shape.slice());
  ops.gts(mask, view, 0.5);
  const strided = c.image.lo(3, 5).step(2, 3);
  const negated = ndarray(new Float32Array(strided.size), strided.shape.slice());
  ops.neg(negated, strided);
  return { mask: Array.from(mask.data), negated: Array.from(negated.data) };
}
