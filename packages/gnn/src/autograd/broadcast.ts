import { ShapeMismatchError } from '@mgraph/core';
import type { Tensor } from './tensor.js';

/**
 * @internal How `b` broadcasts against `a` in a row-wise binary op: `'same'` (equal
 * shapes), or `'row'` when `b` is one row (`[cols]` or `[1, cols]`) repeated over the rows
 * of a 2D `a`.
 */
export function rowBroadcast(fn: string, a: Tensor, b: Tensor): 'same' | 'row' {
  const same = a.shape.length === b.shape.length && a.shape.every((s, i) => s === b.shape[i]);
  if (same) return 'same';
  const cols = a.cols;
  const isRow =
    a.shape.length === 2 &&
    ((b.shape.length === 1 && b.shape[0] === cols) ||
      (b.shape.length === 2 && b.shape[0] === 1 && b.shape[1] === cols));
  if (!isRow) throw new ShapeMismatchError(fn, 'b', a.shape, b.shape);
  return 'row';
}
