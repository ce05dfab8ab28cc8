import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { distanceTransformEdt } from '../src/index.js';

/** Brute force: distance of every nonzero pixel to the nearest zero pixel. */
function bruteForce(mask: Uint8Array, shape: number[], sampling: number[]): number[] {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const coord = (i: number) => shape.map((s, d) => Math.floor(i / strides[d]!) % s);
  const zeros = [...mask.keys()].filter((i) => mask[i] === 0).map(coord);
  return [...mask.keys()].map((i) => {
    if (mask[i] === 0) return 0;
    const c = coord(i);
    let best = Number.POSITIVE_INFINITY;
    for (const z of zeros) {
      const d2 = z.reduce((s, x, d) => s + ((x - c[d]!) * sampling[d]!) ** 2, 0);
      if (d2 < best) best = d2;
    }
    return Math.sqrt(best);
  });
}

function randomMask(shape: number[], seed: number, density: number): Uint8Array {
  let s = seed;
  const size = shape.reduce((a, b) => a * b, 1);
  return Uint8Array.from({ length: size }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 < density ? 1 : 0;
  });
}

describe('distanceTransformEdt', () => {
  it('a hand-worked 1x5 row and a 3x3 block', () => {
    expect(
      Array.from(distanceTransformEdt(ndarray(Uint8Array.of(0, 1, 1, 1, 0), [1, 5])).data),
    ).toEqual([0, 1, 2, 1, 0]);
    const block = ndarray(Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 0), [3, 3]);
    expect(Array.from(distanceTransformEdt(block).data)).toEqual([
      Math.SQRT2 * 2,
      Math.sqrt(5),
      2,
      Math.sqrt(5),
      Math.SQRT2,
      1,
      2,
      1,
      0,
    ]);
  });

  it.each([
    [
      [17, 23],
      [1, 1],
    ],
    [
      [9, 11, 13],
      [1, 1, 1],
    ],
    [
      [12, 15],
      [0.5, 2],
    ],
    [
      [6, 7, 8],
      [2, 1, 0.3],
    ],
  ])('equals brute force on a random %j mask (sampling %j)', (shape, sampling) => {
    const mask = randomMask(shape, shape[0]! * 7 + 1, 0.8);
    const got = distanceTransformEdt(ndarray(mask, shape), { sampling });
    const want = bruteForce(mask, shape, sampling);
    got.data.forEach((v, i) => {
      expect(v).toBeCloseTo(want[i]!, 12);
    });
  });

  it('reads strided views (transposed) like their contiguous copy', () => {
    const shape = [10, 14];
    const mask = randomMask(shape, 5, 0.75);
    const base = ndarray(mask, shape);
    const view = base.transpose(1, 0);
    const copy = new Uint8Array(140);
    for (let i = 0; i < 14; i++) for (let j = 0; j < 10; j++) copy[i * 10 + j] = view.get(i, j);
    expect(Array.from(distanceTransformEdt(view).data)).toEqual(
      Array.from(distanceTransformEdt(ndarray(copy, [14, 10])).data),
    );
    expect(Array.from(mask)).toEqual(Array.from(randomMask(shape, 5, 0.75)));
  });

  it('is Infinity where the image has no zero at all', () => {
    const d = distanceTransformEdt(ndarray(new Uint8Array(6).fill(1), [2, 3]));
    expect(Array.from(d.data)).toEqual(new Array(6).fill(Number.POSITIVE_INFINITY));
  });

  it('reports progress once per axis', () => {
    const calls: number[][] = [];
    distanceTransformEdt(ndarray(new Uint8Array(27), [3, 3, 3]), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('throws typed errors naming the argument', () => {
    expect(() => distanceTransformEdt(ndarray(new Uint8Array(4), [4]))).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      distanceTransformEdt(ndarray(new Uint8Array(4), [2, 2]), { sampling: [1] }),
    ).toThrow(/options\.sampling/);
    expect(() => distanceTransformEdt(ndarray(new Uint8Array(4), [2, 2]), { sampling: 0 })).toThrow(
      /options\.sampling\[0\]/,
    );
  });
});
