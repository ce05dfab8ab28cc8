import { type Image, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { particleEnergyHistograms, smoothHistogram } from '../src/index.js';

// 2 x 5 image: label 1 on row 0, label 2 on row 1
const energy = ndarray(
  Float64Array.from([
    8340,
    8340.05,
    8347.95,
    8348,
    Number.NaN,
    8339.9,
    8341.25,
    8341.25,
    8341.25,
    8349,
  ]),
  [2, 5],
);
const labels = ndarray(Int32Array.from([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]), [2, 5]);

describe('particleEnergyHistograms', () => {
  it('bins kept pixels, closes the last bin, drops and counts NaN and out-of-range pixels', () => {
    const [h1, h2] = particleEnergyHistograms(energy, labels, { smoothing: { kernel: 'none' } });
    expect(h1!.label).toBe(1);
    expect(h1!.edges.length).toBe(81);
    expect(h1!.binWidth).toBeCloseTo(0.1, 15);
    expect(h1!.counts[0]).toBe(2); // 8340 and 8340.05
    expect(h1!.counts[79]).toBe(2); // 8347.95 and 8348 (inclusive upper edge)
    expect(h1!.kept).toBe(4);
    expect(h1!.droppedNaN).toBe(1);
    expect(h1!.droppedOutOfRange).toBe(0);
    expect(h1!.dropped).toBe(1);
    expect(h1!.mean).toBeCloseTo((8340 + 8340.05 + 8347.95 + 8348) / 4, 10);
    expect(h2!.counts[12]).toBe(3);
    expect(h2!.kept).toBe(3);
    expect(h2!.droppedOutOfRange).toBe(2);
    expect(h2!.sumSquares).toBe(0);
    expect(Array.from(h2!.smoothed)).toEqual(Array.from(h2!.counts));
  });

  it('rounds the bin count, keeps the requested labels in order, empty histograms for absent ones', () => {
    const hs = particleEnergyHistograms(energy, labels, { binWidth: 0.3, labelsToUse: [2, 7] });
    expect(hs.map((h) => h.label)).toEqual([2, 7]);
    expect(hs[0]!.counts.length).toBe(27);
    expect(hs[0]!.binWidth).toBeCloseTo(8 / 27, 14);
    expect(hs[1]!.kept).toBe(0);
    expect(Number.isNaN(hs[1]!.mean)).toBe(true);
  });

  it('gives the same histograms on 3D and on strided views', () => {
    const e3 = ndarray(energy.data, [2, 1, 5]);
    const l3 = ndarray(labels.data, [2, 1, 5]);
    const a = particleEnergyHistograms(energy, labels);
    const b = particleEnergyHistograms(e3, l3);
    const c = particleEnergyHistograms(energy.transpose(1, 0), labels.transpose(1, 0));
    for (const other of [b, c]) {
      expect(other.map((h) => Array.from(h.counts))).toEqual(a.map((h) => Array.from(h.counts)));
      expect(other.map((h) => h.kept)).toEqual(a.map((h) => h.kept));
    }
  });

  it('reports progress and does not mutate its inputs', () => {
    const before = Array.from(energy.data);
    const calls: number[][] = [];
    particleEnergyHistograms(energy, labels, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(Array.from(energy.data)).toEqual(before);
  });

  it('rejects bad input with typed errors', () => {
    const f =
      (o: object, e: Image = energy, l: Image = labels) =>
      () =>
        particleEnergyHistograms(e, l, o);
    expect(f({}, energy, ndarray(new Int32Array(12), [3, 4]))).toThrow(ShapeMismatchError);
    expect(f({ range: [8348, 8340] })).toThrow(
      'particleEnergyHistograms: argument options.range[1] must be a finite number > 8348, got 8340',
    );
    expect(f({ range: [8340, 8340] })).toThrow(InvalidArgumentError);
    expect(f({ binWidth: 0 })).toThrow(/options\.binWidth must be a finite number > 0/);
    expect(f({ binWidth: -1 })).toThrow(InvalidArgumentError);
    expect(f({ binWidth: 9 })).toThrow(/<= 8/);
    expect(f({ labelsToUse: [1, 1] })).toThrow(/labelsToUse\[1\]/);
    expect(f({ labelsToUse: [0] })).toThrow(InvalidArgumentError);
    expect(f({}, ndarray(new Int32Array(10), [2, 5]))).toThrow(/float32 or float64/);
    expect(f({}, energy, ndarray(new Float32Array(10), [2, 5]))).toThrow(/labels/);
    expect(f({ smoothing: { kernel: 'cubic' } })).toThrow(/smoothing\.kernel/);
  });
});

describe('smoothHistogram', () => {
  it('conserves the total away from the ends and is symmetric', () => {
    const counts = new Float64Array(41);
    counts[20] = 10;
    const g = smoothHistogram(counts, 0.1, { kernel: 'gaussian', width: 0.25 });
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 12);
    for (let k = 1; k <= 10; k++) expect(g[20 - k]).toBeCloseTo(g[20 + k]!, 15);
    expect(g[20 + 11]).toBe(0); // radius round(4 * 2.5) = 10 bins
    expect(g[19]! / g[20]!).toBeCloseTo(Math.exp(-0.5 / 6.25), 12);
    const b = smoothHistogram(counts, 0.1, { kernel: 'boxcar', width: 0.5 });
    expect(Array.from(b.slice(17, 24))).toEqual([0, 2, 2, 2, 2, 2, 0]);
  });
  it('rejects bad widths', () => {
    expect(() => smoothHistogram([1, 2], 0.1, { width: 0 })).toThrow(/smoothing\.width/);
    expect(() => smoothHistogram([1, 2], 0)).toThrow(/binWidth/);
  });
});
