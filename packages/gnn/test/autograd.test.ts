import { createRng, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  add,
  batchedVecMat,
  dropout,
  gatherRows,
  gelu,
  gradCheck,
  layerNorm,
  matmul,
  mean,
  mseLoss,
  mul,
  relu,
  scatterRows,
  sum,
  Tensor,
  tensor,
} from '../src/index.js';

const rand = (shape: number[], seed: number, scale = 1) => {
  const r = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(
    Array.from({ length: n }, () => r.uniform(-scale, scale)),
    shape,
  );
};
const ok = (res: { maxAbsError: number[] }, tol = 1e-7) => {
  for (const e of res.maxAbsError) expect(e).toBeLessThan(tol);
};

describe('finite-difference gradient checks (float64)', () => {
  it('matmul, plain and with transposed b', () => {
    ok(gradCheck((a, b) => matmul(a, b), [rand([3, 4], 1), rand([4, 5], 2)]));
    ok(gradCheck((a, b) => matmul(a, b, { transposeB: true }), [rand([3, 4], 3), rand([5, 4], 4)]));
  });
  it('add and mul, same shape and row broadcast', () => {
    ok(gradCheck(add, [rand([3, 4], 5), rand([3, 4], 6)]));
    ok(gradCheck(add, [rand([3, 4], 7), rand([4], 8)]));
    ok(gradCheck(mul, [rand([3, 4], 9), rand([3, 4], 10)]));
    ok(gradCheck(mul, [rand([3, 4], 11), rand([1, 4], 12)]));
  });
  it('gatherRows with repeated rows', () => {
    ok(gradCheck((x) => gatherRows(x, [2, 0, 2, 1, 2]), [rand([3, 4], 13)]));
  });
  it('scatterRows add and mean (including a row that receives nothing)', () => {
    const idx = [0, 2, 2, 0, 2];
    ok(gradCheck((s) => scatterRows(s, idx, 4, 'add'), [rand([5, 3], 14)]));
    ok(gradCheck((s) => scatterRows(s, idx, 4, 'mean'), [rand([5, 3], 15)]));
  });
  it('batchedVecMat', () => {
    ok(gradCheck((x, w) => batchedVecMat(x, w, 2), [rand([4, 3], 16), rand([4, 6], 17)]));
  });
  it('relu (away from the kink) and exact gelu', () => {
    const x = tensor([-1.2, -0.3, 0.4, 2.1, -3.5, 0.05], [2, 3]);
    ok(gradCheck(relu, [x]));
    ok(gradCheck(gelu, [rand([4, 5], 18, 4)]));
  });
  it('layerNorm with respect to x, weight and bias', () => {
    ok(
      gradCheck(
        (x, w, b) => layerNorm(x, w, b),
        [rand([4, 6], 19, 2), rand([6], 20), rand([6], 21)],
      ),
    );
  });
  it('dropout with a fixed mask (same seed every call)', () => {
    ok(gradCheck((x) => dropout(x, 0.4, createRng(5)), [rand([5, 4], 22)]));
  });
  it('sum, mean and mseLoss (both arguments)', () => {
    ok(gradCheck(sum, [rand([3, 4], 23)]));
    ok(gradCheck(mean, [rand([3, 4], 24)]));
    ok(gradCheck(mseLoss, [rand([3, 2], 25), rand([3, 2], 26)]));
  });
  it('a composed graph with a reused intermediate', () => {
    ok(
      gradCheck(
        (x, w) => {
          const h = gelu(matmul(x, w, { transposeB: true }));
          return mseLoss(add(h, mul(h, h)), tensor(new Array(h.size).fill(0.5), h.shape));
        },
        [rand([4, 3], 27), rand([5, 3], 28)],
      ),
    );
  });
});

describe('op values', () => {
  it('hand-worked results', () => {
    const a = tensor([1, 2, 3, 4], [2, 2]);
    const b = tensor([5, 6, 7, 8], [2, 2]);
    expect(Array.from(matmul(a, b).data)).toEqual([19, 22, 43, 50]);
    expect(Array.from(matmul(a, b, { transposeB: true }).data)).toEqual([17, 23, 39, 53]);
    expect(() => matmul(a, b, true as never)).toThrow(InvalidArgumentError);
    expect(Array.from(add(a, tensor([10, 20])).data)).toEqual([11, 22, 13, 24]);
    expect(Array.from(mul(a, tensor([2, 3], [1, 2])).data)).toEqual([2, 6, 6, 12]);
    expect(Array.from(gatherRows(a, [1, 1, 0]).data)).toEqual([3, 4, 3, 4, 1, 2]);
    expect(Array.from(scatterRows(a, [1, 1], 3).data)).toEqual([0, 0, 4, 6, 0, 0]);
    expect(Array.from(scatterRows(a, [1, 1], 3, 'mean').data)).toEqual([0, 0, 2, 3, 0, 0]);
    // x = [1, 2]; W = [[1, 0, 2], [0, 1, 3]] -> [1, 2, 8]
    expect(
      Array.from(batchedVecMat(tensor([1, 2], [1, 2]), tensor([1, 0, 2, 0, 1, 3], [1, 6]), 3).data),
    ).toEqual([1, 2, 8]);
    expect(relu(tensor([-1, 0, 2])).data).toEqual(new Float64Array([0, 0, 2]));
    // gelu(1) = Phi(1) = 0.841344746068543
    expect(gelu(tensor([1])).item()).toBeCloseTo(0.8413447460685429, 15);
    expect(sum(a).item()).toBe(10);
    expect(mean(a).item()).toBe(2.5);
    expect(mseLoss(a, b).item()).toBe(16);
    const ln = layerNorm(tensor([1, 3], [1, 2]), tensor([1, 1]), tensor([0, 0]), 1e-12);
    expect(ln.data[0]).toBeCloseTo(-1, 10);
    expect(ln.data[1]).toBeCloseTo(1, 10);
  });
  it('dropout: p = 0 is the identity; the mask is seeded; survivors scale by 1/(1-p)', () => {
    const x = tensor(new Array(1000).fill(1), [10, 100]);
    expect(dropout(x, 0, createRng(1))).toBe(x);
    const y = dropout(x, 0.25, createRng(1));
    expect(y.data).toEqual(dropout(x, 0.25, createRng(1)).data);
    const kept = Array.from(y.data).filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([1 / 0.75]));
    expect(Math.abs(kept.length / 1000 - 0.75)).toBeLessThan(0.05);
    expect(() => dropout(x, 1, createRng(1))).toThrow(InvalidArgumentError);
  });
});

describe('float32', () => {
  it('ops keep the dtype and round to float32; gradients are float32', () => {
    const w = tensor([0.1, 0.2, 0.3, 0.4], [2, 2], { dtype: 'float32', requiresGrad: true });
    const x = tensor([1, 2], [1, 2], { dtype: 'float32' });
    const y = gelu(matmul(x, w, { transposeB: true }));
    expect(y.dtype).toBe('float32');
    expect(y.data).toBeInstanceOf(Float32Array);
    sum(y).backward();
    expect(w.grad).toBeInstanceOf(Float32Array);
    const y64 = gelu(
      matmul(tensor([1, 2], [1, 2]), tensor([0.1, 0.2, 0.3, 0.4], [2, 2]), { transposeB: true }),
    );
    for (let i = 0; i < 2; i++) expect(Math.abs(y.data[i]! - y64.data[i]!)).toBeLessThan(1e-6);
    expect(() => matmul(x, tensor([1, 2, 3, 4], [2, 2]))).toThrow(InvalidArgumentError);
  });
});

describe('errors and bookkeeping', () => {
  it('shape, index and construction errors are typed', () => {
    expect(() => matmul(tensor([1, 2], [1, 2]), tensor([1, 2, 3], [3, 1]))).toThrow(
      ShapeMismatchError,
    );
    expect(() => add(tensor([1, 2, 3, 4], [2, 2]), tensor([1, 2, 3]))).toThrow(ShapeMismatchError);
    expect(() => gatherRows(tensor([1, 2], [1, 2]), [1])).toThrow(
      'gatherRows: argument index[0] must be an integer in [0, 1), got 1',
    );
    expect(() => scatterRows(tensor([1, 2], [1, 2]), [0, 0], 1)).toThrow(ShapeMismatchError);
    expect(() => scatterRows(tensor([1, 2], [1, 2]), [-1], 1)).toThrow(InvalidArgumentError);
    expect(() => new Tensor(new Float64Array(3), [2, 2])).toThrow(InvalidArgumentError);
    expect(new Tensor(new Float64Array(4), [2, 2], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(() => new Tensor(new Float64Array(4), [2, 2], true as never)).toThrow(
      InvalidArgumentError,
    );
    expect(() => tensor([1]).backward()).toThrow(InvalidArgumentError);
  });
  it('leaf gradients accumulate across backward calls; intermediates are recomputed', () => {
    const w = tensor([2], [1], { requiresGrad: true });
    const y = mul(w, w);
    y.backward();
    y.backward();
    expect(w.grad![0]).toBe(8);
  });
  it('no graph is kept when nothing requires a gradient', () => {
    const y = matmul(tensor([1, 2], [1, 2]), tensor([1, 2], [2, 1]));
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
  });
});
