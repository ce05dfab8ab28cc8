import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { electrochemicalDescriptors, peakDistance } from '../src/index.js';
import { coreShellPhantom, pearson } from './helpers.js';

/** A 1-row image: each label gets `n` pixels at each listed energy. */
function image(particles: Record<number, [number, number][]>) {
  const e: number[] = [];
  const l: number[] = [];
  for (const [label, groups] of Object.entries(particles)) {
    for (const [value, n] of groups) {
      for (let i = 0; i < n; i++) {
        e.push(value);
        l.push(Number(label));
      }
    }
  }
  return {
    energy: ndarray(Float64Array.from(e), [1, e.length]),
    labels: ndarray(Int32Array.from(l), [1, l.length]),
  };
}

describe('electrochemicalDescriptors on hand-made histograms', () => {
  const { energy, labels } = image({
    1: [
      [8342.05, 50],
      [8345.05, 50],
    ],
    2: [
      [8341.05, 30],
      [8342.05, 30],
      [8346.05, 40],
    ],
    3: [[8343.55, 60]],
    4: [
      [8342.55, 60],
      [8346.55, 5], // 5/60 < 40 %: not dominant
      [Number.NaN, 7],
      [8350, 3],
    ],
    5: [
      [8343, 10],
      [Number.NaN, 4],
    ],
  });
  const d = electrochemicalDescriptors(energy, labels);

  it('two modes: mean, population std and the distance of the two peaks', () => {
    const p = d[0]!;
    expect(p.label).toBe(1);
    expect(p.valid).toBe(true);
    expect(p.soc).toBeCloseTo(8343.55, 9);
    expect(p.heterogeneity).toBeCloseTo(1.5, 9);
    expect(p.polarizationRule).toBe('two-peaks');
    expect(p.peaks.map((q) => q.index)).toEqual([20, 50]);
    expect(p.polarization).toBeCloseTo(3, 9);
    expect(p.kept).toBe(100);
    expect(p.dropped).toBe(0);
    expect(p.histogram.counts[20]).toBe(50);
  });

  it('three modes: mean of the peaks above 8344 minus mean of those below', () => {
    const p = d[1]!;
    expect(p.peaks.map((q) => q.index)).toEqual([10, 20, 60]);
    expect(p.polarizationRule).toBe('split-at-reference');
    expect(p.polarization).toBeCloseTo(8346.05 - (8341.05 + 8342.05) / 2, 9);
    const mean = (30 * 8341.05 + 30 * 8342.05 + 40 * 8346.05) / 100;
    expect(p.soc).toBeCloseTo(mean, 9);
    const variance =
      (30 * (8341.05 - mean) ** 2 + 30 * (8342.05 - mean) ** 2 + 40 * (8346.05 - mean) ** 2) / 100;
    expect(p.heterogeneity).toBeCloseTo(Math.sqrt(variance), 9);
  });

  it('one mode gives polarization 0 by default, a minor peak is not dominant, dropped pixels counted', () => {
    expect(d[2]!.polarizationRule).toBe('single-peak');
    expect(d[2]!.polarization).toBe(0);
    expect(d[2]!.heterogeneity).toBe(0);
    const p = d[3]!;
    expect(p.candidatePeaks).toBe(2);
    expect(p.peaks.length).toBe(1);
    expect(p.polarization).toBe(0);
    expect(p.kept).toBe(65);
    expect(p.dropped).toBe(10);
    expect(p.histogram.droppedNaN).toBe(7);
    expect(p.histogram.droppedOutOfRange).toBe(3);
  });

  it('marks a particle with too few pixels invalid, with a reason, never NaN', () => {
    const p = d[4]!;
    expect(p.valid).toBe(false);
    expect(p.reason).toBe(
      'too few pixels: 10 kept in range [8340, 8348] eV (minimum 20); 4 NaN and 0 out-of-range pixels dropped',
    );
    expect([p.soc, p.heterogeneity, p.polarization]).toEqual([null, null, null]);
    expect(p.polarizationRule).toBe('invalid');
    const relaxed = electrochemicalDescriptors(energy, labels, { minPixels: 10, labelsToUse: [5] });
    expect(relaxed[0]!.valid).toBe(true);
    expect(relaxed[0]!.soc).toBeCloseTo(8343, 9);
  });

  it('honours ddof, singlePeak, dominantFraction and the reference', () => {
    const [one] = electrochemicalDescriptors(energy, labels, { ddof: 1, labelsToUse: [1] });
    expect(one!.heterogeneity).toBeCloseTo(1.5 * Math.sqrt(100 / 99), 9);
    const [single] = electrochemicalDescriptors(energy, labels, {
      singlePeak: 'invalid',
      labelsToUse: [3],
    });
    expect(single!.polarization).toBeNull();
    expect(single!.valid).toBe(true);
    const [minor] = electrochemicalDescriptors(energy, labels, {
      dominantFraction: 0.05,
      labelsToUse: [4],
    });
    expect(minor!.polarization).toBeCloseTo(4, 9);
    const [span] = electrochemicalDescriptors(energy, labels, {
      reference: 8340,
      labelsToUse: [2],
    });
    expect(span!.polarizationRule).toBe('span');
    expect(span!.polarization).toBeCloseTo(5, 9);
  });

  it('measures dominance against the highest peak, or the histogram maximum on request', () => {
    // a pile-up in the first bin (an edge: never a peak) and a smaller mode at 8344.05
    const pile = image({
      1: [
        [8340, 40],
        [8344.05, 15],
      ],
    });
    const [peak] = electrochemicalDescriptors(pile.energy, pile.labels);
    expect(peak!.polarizationRule).toBe('single-peak');
    expect(peak!.peaks.map((q) => q.index)).toEqual([40]);
    const [max] = electrochemicalDescriptors(pile.energy, pile.labels, {
      heightReference: 'histogramMax',
    });
    // 15 < 0.4 * 40: no dominant peak, polarization undefined and said so
    expect(max!.candidatePeaks).toBe(1);
    expect(max!.peaks).toEqual([]);
    expect(max!.polarizationRule).toBe('no-peak');
    expect(max!.polarization).toBeNull();
    expect(max!.valid).toBe(true);
  });

  it('rejects bad options with typed errors', () => {
    const f = (o: object) => () => electrochemicalDescriptors(energy, labels, o);
    expect(f({ ddof: 0.5 })).toThrow(/options\.ddof/);
    expect(f({ dominantFraction: 0 })).toThrow(/options\.dominantFraction/);
    expect(f({ minPixels: 0 })).toThrow(/options\.minPixels/);
    expect(f({ heightReference: 'max' })).toThrow(InvalidArgumentError);
    expect(f({ singlePeak: 'nan' })).toThrow(/options\.singlePeak/);
    expect(f({ range: [8340, 8340] })).toThrow(InvalidArgumentError);
    expect(f({ binWidth: 0 })).toThrow(InvalidArgumentError);
    expect(() => electrochemicalDescriptors(energy, ndarray(new Int32Array(4), [2, 2]))).toThrow(
      ShapeMismatchError,
    );
  });
});

describe('peakDistance', () => {
  it('applies the paper rule', () => {
    expect(peakDistance([])).toEqual({ value: null, rule: 'no-peak' });
    expect(peakDistance([8343])).toEqual({ value: 0, rule: 'single-peak' });
    expect(peakDistance([8345, 8342])).toEqual({ value: 3, rule: 'two-peaks' });
    expect(peakDistance([8341, 8343, 8344, 8347])).toEqual({
      value: (8344 + 8347) / 2 - (8341 + 8343) / 2,
      rule: 'split-at-reference',
    });
    expect(peakDistance([8344.5, 8345, 8347])).toEqual({ value: 2.5, rule: 'span' });
    expect(() => peakDistance([Number.NaN])).toThrow(/positions\[0\]/);
  });
});

describe('electrochemicalDescriptors on a core/shell phantom (own generator)', () => {
  it('recovers the planted values in 2D (Pearson r > 0.9)', () => {
    const { energy, labels, planted } = coreShellPhantom([320, 320], 11, 60);
    expect(planted.length).toBeGreaterThan(50);
    const d = electrochemicalDescriptors(energy, labels);
    expect(d.every((p) => p.valid)).toBe(true);
    // truth from the pixels themselves: mean and population std
    const e = energy.data;
    const l = labels.data;
    const truth = planted.map(({ label }) => {
      const v = Array.from(e).filter((_, i) => l[i] === label);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return { m, s: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length) };
    });
    const r = {
      soc: pearson(
        d.map((p) => p.soc!),
        truth.map((t) => t.m),
      ),
      heterogeneity: pearson(
        d.map((p) => p.heterogeneity!),
        truth.map((t) => t.s),
      ),
      polarization: pearson(
        d.map((p) => p.polarization!),
        planted.map((p) => p.polarization),
      ),
    };
    console.log('own core/shell phantom 2D, Pearson r:', JSON.stringify(r));
    expect(r.soc).toBeGreaterThan(0.999);
    expect(r.heterogeneity).toBeGreaterThan(0.999);
    expect(r.polarization).toBeGreaterThan(0.9);
  });

  it('works on a 3D phantom the same way', () => {
    const { energy, labels, planted } = coreShellPhantom([64, 96, 96], 5, 14, { radius: [10, 14] });
    const d = electrochemicalDescriptors(energy, labels);
    const r = pearson(
      d.map((p) => p.polarization!),
      planted.map((p) => p.polarization),
    );
    console.log('own core/shell phantom 3D, polarization Pearson r:', r.toFixed(4));
    expect(r).toBeGreaterThan(0.9);
  });
});
