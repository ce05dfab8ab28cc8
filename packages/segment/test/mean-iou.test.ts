import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { meanIoU } from '../src/index.js';

const map = (rows: number[][]) =>
  ndarray(Uint8Array.from(rows.flat()), [rows.length, rows[0]!.length]);

describe('meanIoU', () => {
  it('matches a hand-worked 3x4 case', () => {
    const truth = map([
      [0, 0, 1, 1],
      [0, 2, 2, 1],
      [3, 3, 2, 2],
    ]);
    const pred = map([
      [0, 1, 1, 1],
      [0, 2, 2, 2],
      [3, 0, 2, 2],
    ]);
    const r = meanIoU(truth, pred);
    // class 0: TP 2, FP 1 (pred 0 at (2,1)), FN 1 (truth 0 at (0,1)) -> 2/4
    // class 1: TP 2, FP 1, FN 1 -> 2/4; class 2: TP 4, FP 1, FN 0 -> 4/5; class 3: TP 1, FN 1 -> 1/2
    expect(r.perClass).toEqual([0.5, 0.5, 0.8, 0.5]);
    expect(r.mIoU).toBeCloseTo((0.5 + 0.5 + 0.8 + 0.5) / 4, 12);
    // rows are true classes, columns predicted ones; not symmetric, so a swap of the two
    // maps (the pre-0.2 `(predicted, truth)` order) transposes it and fails here
    expect(r.confusion).toEqual([
      [2, 1, 0, 0],
      [0, 2, 1, 0],
      [0, 0, 4, 0],
      [1, 0, 0, 1],
    ]);
    expect(meanIoU(truth, truth).mIoU).toBe(1);
  });

  it('gives NaN to classes absent from both maps and leaves them out of the mean', () => {
    const truth = map([[0, 0, 2, 2]]);
    const pred = map([[0, 2, 2, 2]]);
    const r = meanIoU(truth, pred, { classes: 4 });
    expect(r.perClass[1]).toBeNaN();
    expect(r.perClass[3]).toBeNaN();
    expect(r.perClass[0]).toBe(0.5);
    expect(r.perClass[2]).toBeCloseTo(2 / 3, 12);
    expect(r.mIoU).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
  });

  it('reads strided views and 3D volumes', () => {
    const truth = ndarray(
      Uint8Array.from({ length: 24 }, (_, i) => i % 3),
      [2, 3, 4],
    );
    const pred = ndarray(Uint8Array.from(truth.data), [2, 3, 4]);
    pred.set(1, 2, 3, (pred.get(1, 2, 3) + 1) % 3);
    const r = meanIoU(truth.transpose(2, 1, 0), pred.transpose(2, 1, 0), { classes: 3 });
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(24);
    expect(r.mIoU).toBeLessThan(1);
    expect(r.mIoU).toBeCloseTo(meanIoU(truth, pred, { classes: 3 }).mIoU, 12);
    expect(r.confusion).toEqual(meanIoU(truth, pred, { classes: 3 }).confusion);
  });

  it('throws typed errors', () => {
    const a = map([[0, 1]]);
    expect(() => meanIoU(a, map([[0], [1]]))).toThrow(ShapeMismatchError);
    expect(() => meanIoU(map([[0, 4]]), a)).toThrow(
      'meanIoU: argument truth[1] must be an integer in 0..3, got 4',
    );
    expect(() => meanIoU(a, map([[0, 4]]))).toThrow(
      'meanIoU: argument predicted[1] must be an integer in 0..3, got 4',
    );
    expect(() => meanIoU(a, map([[0, 1]]), { classes: 0 })).toThrow(InvalidArgumentError);
    expect(() => meanIoU(ndarray(new Uint8Array(2), [2]), a)).toThrow(InvalidArgumentError);
  });
});
