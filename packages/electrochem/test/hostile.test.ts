/**
 * Hostile-input suite: every exported function of @mgraph/electrochem against wrong types,
 * shapes and dtypes, NaN / Infinity, views, option mistakes (null options, misspelled keys,
 * nested option objects), huge sizes and magnitudes, and corrupt inputs. Each case asserts
 * the typed error and a fragment of its message, or the correct result. Requests that would
 * take gigabytes must fail before allocating: the peak RSS of this test process is checked
 * at the end.
 */
import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { afterAll, describe, expect } from 'vitest';
import { expectPeakRss, itEachCase, optionCases } from '../../../test-utils/hostile.js';
import {
  DEFAULT_SMOOTHING,
  edgeEnergyMap,
  electrochemicalDescriptors,
  findPeaks,
  type ParticleHistogram,
  particleEnergyHistograms,
  peakDistance,
  peakProminences,
  peakWidths,
  smoothHistogram,
} from '../src/index.js';

interface Case {
  name: string;
  run: () => unknown;
  error?: typeof InvalidArgumentError | typeof ShapeMismatchError;
  message?: string | RegExp;
  ok?: (value: unknown) => void;
}

// a 4x5 energy image with two particles (labels 1 and 2), NaN on the background
const energyData = Float32Array.from([
  8343,
  8343.2,
  8343.1,
  Number.NaN,
  Number.NaN,
  8343.3,
  8343,
  8342.9,
  Number.NaN,
  8345,
  8343.1,
  8343.2,
  Number.NaN,
  8345.1,
  8345.2,
  Number.NaN,
  Number.NaN,
  8345,
  8344.9,
  8345.3,
]);
const labelData = Int32Array.from([1, 1, 1, 0, 0, 1, 1, 1, 0, 2, 1, 1, 0, 2, 2, 0, 0, 2, 2, 2]);
const energy = () => ndarray(Float32Array.from(energyData), [4, 5]);
const labels = () => ndarray(Int32Array.from(labelData), [4, 5]);
const signal = [0, 1, 3, 1, 0, 2, 5, 2, 0];

// a 2x2-pixel XANES stack with an arctan edge at 8345 eV
const ENERGIES = [
  ...Array.from({ length: 12 }, (_, i) => 8210 + 10 * i),
  ...Array.from({ length: 45 }, (_, i) => 8330 + i),
  ...Array.from({ length: 6 }, (_, i) => 8400 + 60 * i),
];
function stack(poison?: number) {
  const size = 4;
  const out = new Float32Array(ENERGIES.length * size);
  ENERGIES.forEach((E, k) => {
    for (let p = 0; p < size; p++) out[k * size + p] = 0.2 + 0.5 + Math.atan(E - 8345) / Math.PI;
  });
  // pixel 0 gets one poisoned sample on the edge
  if (poison !== undefined) out[20 * size] = poison;
  return ndarray(out, [ENERGIES.length, 2, 2]);
}

const hist = (v: unknown) => v as ParticleHistogram[];

const cases: Case[] = [
  // ---------- particleEnergyHistograms
  ...optionCases(
    'particleEnergyHistograms',
    (o) => particleEnergyHistograms(energy(), labels(), o as never),
    { bin_width: 0.2 },
    'binWidth',
    'fast',
  ),
  {
    name: 'particleEnergyHistograms: nested smoothing misspelled',
    run: () =>
      particleEnergyHistograms(energy(), labels(), { smoothing: { kernal: 'none' } as never }),
    error: InvalidArgumentError,
    message: 'options.smoothing.kernal must be a known option (did you mean "kernel"?)',
  },
  {
    name: 'particleEnergyHistograms: smoothing null means the default smoothing',
    run: () => particleEnergyHistograms(energy(), labels(), { smoothing: null as never }),
    ok: (v) =>
      expect(hist(v)[0]!.smoothed).toEqual(
        particleEnergyHistograms(energy(), labels(), { smoothing: DEFAULT_SMOOTHING })[0]!.smoothed,
      ),
  },
  {
    name: 'particleEnergyHistograms: unknown smoothing kernel',
    run: () =>
      particleEnergyHistograms(energy(), labels(), { smoothing: { kernel: 'triangle' as never } }),
    error: InvalidArgumentError,
    message: "'gaussian', 'boxcar' or 'none'",
  },
  {
    name: 'particleEnergyHistograms: energy a plain array',
    run: () => particleEnergyHistograms(Array.from(energyData) as never, labels()),
    error: InvalidArgumentError,
    message: 'an ndarray',
  },
  {
    name: 'particleEnergyHistograms: energy of dtype int32',
    run: () => particleEnergyHistograms(ndarray(new Int32Array(20), [4, 5]), labels()),
    error: InvalidArgumentError,
    message: 'of dtype float32 or float64',
  },
  {
    name: 'particleEnergyHistograms: labels of dtype float32',
    run: () => particleEnergyHistograms(energy(), ndarray(new Float32Array(20), [4, 5])),
    error: InvalidArgumentError,
    message: 'argument labels must be of dtype',
  },
  {
    name: 'particleEnergyHistograms: 1D image',
    run: () => particleEnergyHistograms(ndarray(new Float32Array(20)), ndarray(new Int32Array(20))),
    error: InvalidArgumentError,
    message: '2D or 3D',
  },
  {
    name: 'particleEnergyHistograms: shapes differ',
    run: () => particleEnergyHistograms(energy(), ndarray(new Int32Array(20), [5, 4])),
    error: ShapeMismatchError,
  },
  {
    name: 'particleEnergyHistograms: a view larger than its data',
    run: () => particleEnergyHistograms(ndarray(new Float32Array(4), [4, 5]), labels()),
    error: InvalidArgumentError,
    message: 'a view inside its data',
  },
  {
    name: 'particleEnergyHistograms: a transposed view gives the same histograms',
    run: () => {
      const eT = ndarray(Float32Array.from(energyData), [4, 5]).transpose(1, 0);
      const lT = ndarray(Int32Array.from(labelData), [4, 5]).transpose(1, 0);
      return [particleEnergyHistograms(eT, lT), particleEnergyHistograms(energy(), labels())];
    },
    ok: (v) => {
      const [a, b] = v as ParticleHistogram[][];
      expect(a!.map((h) => [h.label, Array.from(h.counts)])).toEqual(
        b!.map((h) => [h.label, Array.from(h.counts)]),
      );
    },
  },
  {
    name: 'particleEnergyHistograms: NaN and Infinity energies are dropped and counted',
    run: () => {
      const e = energy();
      e.data[0] = Number.POSITIVE_INFINITY;
      e.data[1] = Number.NaN;
      return particleEnergyHistograms(e, labels());
    },
    ok: (v) => {
      const h = hist(v)[0]!;
      expect([h.label, h.kept, h.droppedNaN, h.droppedOutOfRange]).toEqual([1, 6, 1, 1]);
    },
  },
  {
    name: 'particleEnergyHistograms: range [NaN, 8348]',
    run: () => particleEnergyHistograms(energy(), labels(), { range: [Number.NaN, 8348] }),
    error: InvalidArgumentError,
    message: 'options.range[0]',
  },
  {
    name: 'particleEnergyHistograms: binWidth 1e-12 (8e12 bins) refused before allocation',
    run: () => particleEnergyHistograms(energy(), labels(), { binWidth: 1e-12 }),
    error: InvalidArgumentError,
    message:
      /at most 67108864 histogram bins \(this one needs 8000000000000 histogram bins, 58\.2 TiB\)/,
  },
  {
    name: 'particleEnergyHistograms: 1e6 listed labels x 80 bins refused before allocation',
    run: () =>
      particleEnergyHistograms(energy(), labels(), {
        labelsToUse: Int32Array.from({ length: 1e6 }, (_, i) => i + 1),
      }),
    error: InvalidArgumentError,
    message: '(1000000 labels x 80 bins)',
  },
  {
    name: 'particleEnergyHistograms: label 2e9 is histogrammed without a 2e9-entry table',
    run: () => {
      const l = labels();
      for (let i = 0; i < 20; i++) if (l.data[i] === 2) l.data[i] = 2e9;
      const started = performance.now();
      const out = particleEnergyHistograms(energy(), l);
      return { out, ms: performance.now() - started };
    },
    ok: (v) => {
      const { out, ms } = v as { out: ParticleHistogram[]; ms: number };
      expect(out.map((h) => [h.label, h.kept])).toEqual([
        [1, 8],
        [2e9, 6],
      ]);
      expect(ms).toBeLessThan(3000);
    },
  },
  {
    name: 'particleEnergyHistograms: labelsToUse with label 2e9 (absent) gives an empty histogram',
    run: () => particleEnergyHistograms(energy(), labels(), { labelsToUse: [2e9, 1] }),
    ok: (v) =>
      expect(hist(v).map((h) => [h.label, h.kept])).toEqual([
        [2e9, 0],
        [1, 8],
      ]),
  },
  {
    name: 'particleEnergyHistograms: labelsToUse with NaN',
    run: () => particleEnergyHistograms(energy(), labels(), { labelsToUse: [Number.NaN] }),
    error: InvalidArgumentError,
    message: 'options.labelsToUse[0]',
  },
  {
    name: 'particleEnergyHistograms: Gaussian width 1e12 eV (a 4e13-tap kernel) refused',
    run: () => particleEnergyHistograms(energy(), labels(), { smoothing: { width: 1e12 } }),
    error: InvalidArgumentError,
    message: 'Gaussian kernel taps',
  },
  {
    name: 'particleEnergyHistograms: onProgress a number',
    run: () => particleEnergyHistograms(energy(), labels(), { onProgress: 1 as never }),
    error: InvalidArgumentError,
    message: 'options.onProgress',
  },
  // ---------- electrochemicalDescriptors
  ...optionCases(
    'electrochemicalDescriptors',
    (o) => electrochemicalDescriptors(energy(), labels(), o as never),
    { min_pixels: 1 },
    'minPixels',
    'fast',
  ),
  {
    name: 'electrochemicalDescriptors: nested peakOptions misspelled',
    run: () =>
      electrochemicalDescriptors(energy(), labels(), { peakOptions: { prominance: 1 } as never }),
    error: InvalidArgumentError,
    message: 'options.peakOptions.prominance must be a known option (did you mean "prominence"?)',
  },
  {
    name: 'electrochemicalDescriptors: peakOptions.height is set by dominantFraction',
    run: () =>
      electrochemicalDescriptors(energy(), labels(), { peakOptions: { height: 1 } as never }),
    error: InvalidArgumentError,
    message: 'left out',
  },
  {
    name: 'electrochemicalDescriptors: a bad peak option fails before the pass over the image',
    run: () => electrochemicalDescriptors(energy(), labels(), { peakOptions: { distance: 0 } }),
    error: InvalidArgumentError,
    message: 'options.distance',
  },
  {
    name: 'electrochemicalDescriptors: nested smoothing misspelled',
    run: () => electrochemicalDescriptors(energy(), labels(), { smoothing: { widht: 1 } as never }),
    error: InvalidArgumentError,
    message: 'did you mean "width"',
  },
  {
    name: 'electrochemicalDescriptors: ddof NaN',
    run: () => electrochemicalDescriptors(energy(), labels(), { ddof: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.ddof',
  },
  {
    name: 'electrochemicalDescriptors: singlePeak true',
    run: () => electrochemicalDescriptors(energy(), labels(), { singlePeak: true as never }),
    error: InvalidArgumentError,
    message: "'zero' or 'invalid'",
  },
  {
    name: 'electrochemicalDescriptors: too few pixels is a per-particle reason, not an error',
    run: () => electrochemicalDescriptors(energy(), labels()),
    ok: (v) =>
      expect((v as Array<{ valid: boolean; reason: string }>)[0]!.reason).toMatch(/too few pixels/),
  },
  {
    name: 'electrochemicalDescriptors: label 2e9 handled without a 2e9-entry table',
    run: () => {
      const l = labels();
      for (let i = 0; i < 20; i++) if (l.data[i] === 2) l.data[i] = 2147483647;
      return electrochemicalDescriptors(energy(), l, { minPixels: 1 });
    },
    ok: (v) =>
      expect(
        (v as Array<{ label: number; valid: boolean }>).map((d) => [d.label, d.valid]),
      ).toEqual([
        [1, true],
        [2147483647, true],
      ]),
  },
  // ---------- findPeaks
  ...optionCases(
    'findPeaks',
    (o) => findPeaks(signal, o as never),
    { plateau_size: 1 },
    'plateauSize',
    'fast',
  ),
  {
    name: 'findPeaks: x a string',
    run: () => findPeaks('0123' as never),
    error: InvalidArgumentError,
    message: 'a 1D array of numbers',
  },
  {
    name: 'findPeaks: x with NaN',
    run: () => findPeaks([0, Number.NaN, 0]),
    error: InvalidArgumentError,
    message: 'x[1] must be a finite number',
  },
  {
    name: 'findPeaks: x with Infinity',
    run: () => findPeaks([0, Number.POSITIVE_INFINITY, 0]),
    error: InvalidArgumentError,
    message: 'x[1] must be a finite number',
  },
  {
    name: 'findPeaks: a 2D ndarray',
    run: () => findPeaks(ndarray(new Float64Array(4), [2, 2])),
    error: InvalidArgumentError,
    message: '1D',
  },
  {
    name: 'findPeaks: a strided 1D view gives the peaks of its elements',
    run: () => findPeaks(ndarray(Float64Array.from([0, 9, 2, 9, 0, 9, 3, 9, 1]), [5], [2])).peaks,
    ok: (v) => expect(Array.from(v as Int32Array)).toEqual([1, 3]),
  },
  {
    name: 'findPeaks: distance 0',
    run: () => findPeaks(signal, { distance: 0 }),
    error: InvalidArgumentError,
    message: 'options.distance',
  },
  {
    name: 'findPeaks: height NaN',
    run: () => findPeaks(signal, { height: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.height',
  },
  {
    name: 'findPeaks: wlen 1',
    run: () => findPeaks(signal, { wlen: 1, prominence: 1 }),
    error: InvalidArgumentError,
    message: 'options.wlen',
  },
  {
    name: 'findPeaks: huge magnitudes (1e308) give the right peaks',
    run: () => findPeaks([0, 1e308, -1e308, 1.7e308, 0], { prominence: 1e308 }).peaks,
    ok: (v) => expect(Array.from(v as Int32Array)).toEqual([1, 3]),
  },
  // ---------- peakProminences / peakWidths
  ...optionCases(
    'peakProminences',
    (o) => peakProminences(signal, [2, 6], o as never),
    { wlne: 3 },
    'wlen',
    'fast',
  ),
  {
    name: 'peakProminences: peak index out of range',
    run: () => peakProminences(signal, [99]),
    error: InvalidArgumentError,
    message: 'peaks[0]',
  },
  {
    name: 'peakProminences: peaks a number',
    run: () => peakProminences(signal, 2 as never),
    error: InvalidArgumentError,
    message: 'an array of sample indices',
  },
  ...optionCases(
    'peakWidths',
    (o) => peakWidths(signal, [2, 6], o as never),
    { rel_height: 0.5 },
    'relHeight',
    'fast',
  ),
  {
    name: 'peakWidths: relHeight -1',
    run: () => peakWidths(signal, [2], { relHeight: -1 }),
    error: InvalidArgumentError,
    message: 'options.relHeight',
  },
  {
    name: 'peakWidths: peak index 1.5',
    run: () => peakWidths(signal, [1.5]),
    error: InvalidArgumentError,
    message: 'peaks[0] must be an integer',
  },
  // ---------- peakDistance
  ...optionCases(
    'peakDistance',
    (o) => peakDistance([8343, 8345], o as never),
    { single_peak: 'zero' },
    'singlePeak',
    'fast',
  ),
  {
    name: 'peakDistance: positions NaN',
    run: () => peakDistance([8343, Number.NaN]),
    error: InvalidArgumentError,
    message: 'positions[1]',
  },
  {
    name: 'peakDistance: positions a number',
    run: () => peakDistance(8343 as never),
    error: InvalidArgumentError,
    message: 'an array of peak energies',
  },
  // ---------- smoothHistogram
  ...optionCases(
    'smoothHistogram',
    (o) => smoothHistogram([0, 1, 4, 1, 0], 0.1, o as never),
    { kernal: 'none' },
    'kernel',
    'fast',
  ),
  {
    name: 'smoothHistogram: counts with NaN',
    run: () => smoothHistogram([0, Number.NaN, 1], 0.1),
    error: InvalidArgumentError,
    message: 'counts[1] must be a finite number',
  },
  {
    name: 'smoothHistogram: counts a string',
    run: () => smoothHistogram('abc' as never, 0.1),
    error: InvalidArgumentError,
    message: 'an array of counts',
  },
  {
    name: 'smoothHistogram: binWidth 0',
    run: () => smoothHistogram([1, 2], 0),
    error: InvalidArgumentError,
    message: 'binWidth',
  },
  {
    name: 'smoothHistogram: Gaussian width 1e12 refused before allocating its kernel',
    run: () => smoothHistogram([1, 2, 3], 0.1, { width: 1e12 }),
    error: InvalidArgumentError,
    message: /at most 67108864 Gaussian kernel taps \(this one needs 80000000000001/,
  },
  {
    name: 'smoothHistogram: boxcar width 1e12 averages over every bin (loop bounded by the input)',
    run: () => smoothHistogram([3, 0, 0], 1, { kernel: 'boxcar', width: 1e12 }),
    ok: (v) => expect(Array.from(v as Float64Array).every((x) => x >= 0 && x < 1e-9)).toBe(true),
  },
  {
    name: 'smoothHistogram: width NaN',
    run: () => smoothHistogram([1, 2], 0.1, { width: Number.NaN }),
    error: InvalidArgumentError,
    message: 'smoothing.width',
  },
  // ---------- edgeEnergyMap
  ...optionCases(
    'edgeEnergyMap',
    (o) => edgeEnergyMap(stack(), ENERGIES, o as never),
    { pre_edge: [8200, 8320] },
    'preEdge',
    'fast',
  ),
  {
    name: 'edgeEnergyMap: a pixel with an Infinity sample fails (no edge reported)',
    run: () => edgeEnergyMap(stack(Number.POSITIVE_INFINITY), ENERGIES),
    ok: (v) => {
      const m = v as ReturnType<typeof edgeEnergyMap>;
      expect(m.failed).toBe(1);
      expect(m.edge.data[0]).toBeNaN();
      expect(m.edgeJump.data[0]).toBeNaN();
      expect(m.edge.data[1]).toBeCloseTo(8345, 1);
    },
  },
  {
    name: 'edgeEnergyMap: a pixel with a NaN sample fails',
    run: () => edgeEnergyMap(stack(Number.NaN), ENERGIES, { method: 'maxDerivative' }),
    ok: (v) => {
      const m = v as ReturnType<typeof edgeEnergyMap>;
      expect([m.failed, m.evaluated]).toEqual([1, 4]);
      expect(m.edge.data[0]).toBeNaN();
    },
  },
  {
    name: 'edgeEnergyMap: a -1e38 sample (finite) is no failure by itself',
    run: () => edgeEnergyMap(stack(-1e38), ENERGIES).evaluated,
    ok: (v) => expect(v).toBe(4),
  },
  {
    name: 'edgeEnergyMap: energies with NaN',
    run: () =>
      edgeEnergyMap(
        stack(),
        ENERGIES.map((e, i) => (i === 5 ? Number.NaN : e)),
      ),
    error: InvalidArgumentError,
    message: 'energies[5]',
  },
  {
    name: 'edgeEnergyMap: energies a number',
    run: () => edgeEnergyMap(stack(), 63 as never),
    error: InvalidArgumentError,
    message: 'an array of energies',
  },
  {
    name: 'edgeEnergyMap: energies of the wrong length',
    run: () => edgeEnergyMap(stack(), ENERGIES.slice(1)),
    error: ShapeMismatchError,
  },
  {
    name: 'edgeEnergyMap: a 2D stack',
    run: () => edgeEnergyMap(ndarray(new Float32Array(63), [63, 1]), ENERGIES),
    error: InvalidArgumentError,
    message: '3D or 4D',
  },
  {
    name: 'edgeEnergyMap: mask of the wrong shape',
    run: () => edgeEnergyMap(stack(), ENERGIES, { mask: ndarray(new Uint8Array(6), [2, 3]) }),
    error: ShapeMismatchError,
    message: 'options.mask',
  },
  {
    name: 'edgeEnergyMap: mask a plain array',
    run: () => edgeEnergyMap(stack(), ENERGIES, { mask: [1, 1, 1, 1] as never }),
    error: InvalidArgumentError,
    message: 'options.mask must be an ndarray',
  },
  {
    name: 'edgeEnergyMap: method spelled wrong',
    run: () => edgeEnergyMap(stack(), ENERGIES, { method: 'half-height' as never }),
    error: InvalidArgumentError,
    message: "'halfHeight' or 'maxDerivative'",
  },
  {
    name: 'edgeEnergyMap: minEdgeJump Infinity',
    run: () => edgeEnergyMap(stack(), ENERGIES, { minEdgeJump: Number.POSITIVE_INFINITY }),
    error: InvalidArgumentError,
    message: 'options.minEdgeJump',
  },
];

describe('@mgraph/electrochem hostile inputs', () => {
  itEachCase(cases);

  afterAll(() => {
    expectPeakRss('electrochem', cases.length);
  });
});
