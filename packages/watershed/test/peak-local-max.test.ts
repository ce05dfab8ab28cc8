import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { peakLocalMax } from '../src/index.js';

describe('peakLocalMax', () => {
  // scikit-image docstring examples
  const img1 = new Float64Array(49);
  img1[3 * 7 + 4] = 1;
  img1[3 * 7 + 2] = 1.5;
  const im = ndarray(img1, [7, 7]);

  it('finds both maxima with minDistance 1, highest first', () => {
    expect(peakLocalMax(im, { minDistance: 1 })).toEqual([
      [3, 2],
      [3, 4],
    ]);
  });

  it('keeps only the higher one with minDistance 2, leaving the image untouched', () => {
    const before = Array.from(img1);
    expect(peakLocalMax(im, { minDistance: 2 })).toEqual([[3, 2]]);
    expect(Array.from(img1)).toEqual(before);
  });

  it('works in 3D (exclude_border=0 example)', () => {
    const img2 = new Float64Array(20 ** 3);
    img2[10 * 400 + 10 * 20 + 10] = 1;
    img2[15 * 400 + 15 * 20 + 15] = 1;
    const peaks = peakLocalMax(ndarray(img2, [20, 20, 20]), { excludeBorder: 0 });
    expect(peaks.map((p) => p.join(',')).sort()).toEqual(['10,10,10', '15,15,15']);
  });

  it('returns no peak on a flat image and respects thresholds and borders', () => {
    expect(peakLocalMax(ndarray(new Float64Array(25).fill(2), [5, 5]))).toEqual([]);
    expect(peakLocalMax(im, { minDistance: 1, thresholdAbs: 1.2 })).toEqual([[3, 2]]);
    expect(peakLocalMax(im, { minDistance: 1, thresholdRel: 0.9 })).toEqual([[3, 2]]);
    expect(peakLocalMax(im, { minDistance: 1, excludeBorder: [0, 3] })).toEqual([]);
    expect(peakLocalMax(im, { minDistance: 1, excludeBorder: [3, 2] }).length).toBe(2);
  });

  it('searches every label alone; a one-pixel-wide region yields its opened-away pixels', () => {
    const image = ndarray(Float64Array.of(1, 1, 1, 0, 5, 0, 0, 0), [2, 4]);
    const labels = ndarray(Int32Array.of(1, 1, 1, 0, 2, 0, 0, 0), [2, 4]);
    const peaks = peakLocalMax(image, { minDistance: 1, labels, excludeBorder: false });
    // scikit-image 0.19: [[0, 0], [0, 1], [0, 2], [1, 0]]
    expect(peaks).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
  });

  it('throws typed errors naming the option', () => {
    expect(() => peakLocalMax(im, { minDistance: -1 })).toThrow(/options\.minDistance/);
    expect(() => peakLocalMax(ndarray(Float64Array.of(1, Number.NaN, 0, 0), [2, 2]))).toThrow(
      /image\[1\]/,
    );
    expect(() => peakLocalMax(im, { pNorm: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => peakLocalMax(im, { excludeBorder: [1] })).toThrow(/options\.excludeBorder/);
    expect(() => peakLocalMax(im, { numPeaks: 1.5 })).toThrow(/options\.numPeaks/);
    expect(() => peakLocalMax(im, { labels: ndarray(new Float64Array(49), [7, 7]) })).toThrow(
      /options\.labels/,
    );
    // scikit-image raises on an all-zero footprint too (scipy's maximum_filter refuses it)
    const empty = ndarray(new Uint8Array(9), [3, 3]);
    expect(() => peakLocalMax(im, { footprint: empty })).toThrow(/options\.footprint/);
  });
});

describe('peakLocalMax with many labels', () => {
  it('finds the one peak of each of 1,225 labels, numbered in raster order or scrambled up to 5,003', () => {
    // 35 x 35 blocks of 4 x 4 pixels, one label each; inside a block the value falls off with
    // the Manhattan distance to a chosen pixel, so that pixel is the block's only peak
    const b = 4;
    const blocks = 35;
    const n = b * blocks;
    const image = ndarray(new Float64Array(n * n), [n, n]);
    const raster = ndarray(new Int32Array(n * n), [n, n]);
    const scrambled = ndarray(new Int32Array(n * n), [n, n]);
    const expected: string[] = [];
    for (let by = 0; by < blocks; by++) {
      for (let bx = 0; bx < blocks; bx++) {
        const l = by * blocks + bx + 1;
        const py = by * b + ((by + 2 * bx) % b);
        const px = bx * b + ((3 * by + bx) % b);
        expected.push(`${py},${px}`);
        for (let y = by * b; y < (by + 1) * b; y++) {
          for (let x = bx * b; x < (bx + 1) * b; x++) {
            image.set(y, x, 10 - Math.abs(y - py) - Math.abs(x - px));
            raster.set(y, x, l);
            scrambled.set(y, x, ((l * 7919) % 5003) + 1);
          }
        }
      }
    }
    for (const labels of [raster, scrambled]) {
      const peaks = peakLocalMax(image, { minDistance: 1, labels, excludeBorder: false });
      expect(peaks.map((c) => c.join(',')).sort()).toEqual([...expected].sort());
    }
  });
});
