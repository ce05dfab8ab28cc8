import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { watershed } from '../src/index.js';
import { neighborOffsets, ravelOffsets } from '../src/neighborhood.js';
import { residueImage } from './helpers.js';

describe('watershed', () => {
  it('floods two basins from their markers; the ridge goes to the earliest pushed', () => {
    // 1D profile in a 1x7 image: basins at 0 and 6, ridge at 3
    const image = ndarray(Float64Array.of(0, 1, 2, 3, 2, 1, 0), [1, 7]);
    const markers = ndarray(Int32Array.of(1, 0, 0, 0, 0, 0, 2), [1, 7]);
    expect(Array.from(watershed(image, markers).data)).toEqual([1, 1, 1, 1, 2, 2, 2]);
    const line = watershed(image, markers, { watershedLine: true });
    expect(Array.from(line.data)).toEqual([1, 1, 1, 0, 2, 2, 2]);
  });

  it('leaves pixels outside the mask at 0 and rejects markers there', () => {
    const image = ndarray(new Float64Array(6), [2, 3]);
    const markers = ndarray(Int32Array.of(1, 0, 0, 0, 0, 2), [2, 3]);
    const mask = ndarray(Uint8Array.of(1, 1, 0, 1, 1, 1), [2, 3]);
    expect(Array.from(watershed(image, markers, { mask }).data)).toEqual([1, 1, 0, 1, 2, 2]);
    const outside = ndarray(Uint8Array.of(1, 1, 0, 1, 1, 0), [2, 3]);
    expect(() => watershed(image, markers, { mask: outside })).toThrow(/markers\[5\]/);
  });

  it('does not modify its inputs', () => {
    const image = ndarray(Float64Array.of(3, 2, 1, 0), [2, 2]);
    const markers = ndarray(Int32Array.of(0, 0, 0, 5), [2, 2]);
    const out = watershed(image, markers);
    expect(Array.from(out.data)).toEqual([5, 5, 5, 5]);
    expect(Array.from(markers.data)).toEqual([0, 0, 0, 5]);
    expect(Array.from(image.data)).toEqual([3, 2, 1, 0]);
  });

  it('visits neighbours in scikit-image order (numpy argsort of distances)', () => {
    // reference: skimage.morphology._util._offsets_to_raveled_neighbors((10,)*ndim, ...)
    const order = (ndim: number, c: number) =>
      Array.from(ravelOffsets(neighborOffsets(ndim, c), ndim === 3 ? [100, 10, 1] : [10, 1]));
    expect(order(2, 1)).toEqual([-10, -1, 1, 10]);
    expect(order(2, 2)).toEqual([-10, -1, 1, 10, -11, -9, 9, 11]);
    expect(order(3, 1)).toEqual([-100, -10, -1, 1, 10, 100]);
    expect(order(3, 2)).toEqual([
      100, -100, -10, 10, -1, 1, 99, 90, 11, 9, -110, -9, -11, -90, -99, -101, 101, 110,
    ]);
    expect(order(3, 3)).toEqual([
      10, -100, 1, -1, 100, -10, 11, 9, 110, -9, -11, -90, 101, -99, -101, -110, 99, 90, 109, -111,
      89, -89, -91, -109, 91, 111,
    ]);
  });

  it('throws typed errors', () => {
    const image = ndarray(new Float64Array(4), [2, 2]);
    const markers = ndarray(new Int32Array(4), [2, 2]);
    expect(() => watershed(image, ndarray(new Int32Array(6), [2, 3]))).toThrow(ShapeMismatchError);
    expect(() => watershed(image, ndarray(new Float32Array(4), [2, 2]))).toThrow(/markers/);
    expect(() => watershed(ndarray(Float64Array.of(0, Number.NaN, 0, 0), [2, 2]), markers)).toThrow(
      InvalidArgumentError,
    );
    expect(() => watershed(image, markers, { compactness: -1 })).toThrow(/options\.compactness/);
    expect(() => watershed(image, markers, { connectivity: 3 })).toThrow(/options\.connectivity/);
    expect(() => watershed(image, markers, { mask: ndarray(new Uint8Array(3), [3]) })).toThrow(
      ShapeMismatchError,
    );
  });
});

describe('watershed progress', () => {
  it('ends with (pixelsInMask, pixelsInMask)', () => {
    const image = ndarray(new Float64Array(300 * 300), [300, 300]);
    const markers = ndarray(new Int32Array(300 * 300), [300, 300]);
    markers.set(0, 0, 1);
    const calls: number[][] = [];
    watershed(image, markers, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([90000, 90000]);
    for (const [d, t] of calls) expect(d).toBeLessThanOrEqual(t!);
  });
});

describe('watershed labels', () => {
  it('keeps any int32 marker label, negative and extreme ones included', () => {
    const n = 40;
    const image = ndarray(new Float64Array(n * n), [n, n]);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) image.set(y, x, (x * 3 + y * 5) % 7);
    const seeds: [number, number][] = [
      [3, 4],
      [30, 8],
      [12, 33],
      [35, 35],
    ];
    const odd = [5, -3, -2147483648, 2147483647];
    const plain = ndarray(new Int32Array(n * n), [n, n]);
    const strange = ndarray(new Int32Array(n * n), [n, n]);
    seeds.forEach(([y, x], i) => {
      plain.set(y, x, i + 1);
      strange.set(y, x, odd[i]!);
    });
    for (const options of [{}, { compactness: 0.5 }, { watershedLine: true }]) {
      const a = watershed(image, plain, options).data;
      const b = watershed(image, strange, options).data;
      expect(Array.from(b)).toEqual(Array.from(a, (l) => (l === 0 ? 0 : odd[l - 1]!)));
    }
  });
});

describe('watershed state width', () => {
  it('floods the same with over 65,535 marker labels (int32 state) as with few (uint16 state)', () => {
    // labels are identifiers only: the flood order depends on the values and the marker
    // positions, so renumbering the markers must renumber the result and change nothing else
    const n = 400;
    const image = residueImage(n);
    const many = ndarray(new Int32Array(n * n), [n, n]);
    const few = ndarray(new Int32Array(n * n), [n, n]);
    let m = 0;
    for (let i = 0; i < n * n; i++) {
      // about half the pixels, on tied values, so the heap phase decides many ties
      if (Math.imul(i, 0x9e3779b1) >>> 31 === 0) {
        m++;
        many.data[i] = m;
        few.data[i] = ((m - 1) % 1000) + 1;
      }
    }
    expect(m).toBeGreaterThan(70000);
    for (const connectivity of [1, 2]) {
      const a = watershed(image, many, { connectivity }).data;
      const b = watershed(image, few, { connectivity }).data;
      expect(Array.from(b)).toEqual(Array.from(a, (l) => ((l - 1) % 1000) + 1));
    }
  });
});
