import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { exactSquaredDistances } from '../src/distance-transform-edt.js';
import {
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  peaksToMarkers,
  splitTouching,
  watershed,
} from '../src/index.js';
import { loadFixture } from './helpers.js';
import { instanceCases, manyMarkers, paintBalls, runLengths, splitCases } from './split-cases.js';

// The lower-memory split path (float32 squared distances, listed markers, per-voxel arrays
// dropped after their step, refinement in place) must give the labels of the code before it:
// test/fixtures/split-reference.json was written by that code (scripts/make-split-reference.ts
// at commit ff2c7fa), and the first pass is also recomposed here from the public functions on
// float64 distances (each checked against scipy / scikit-image in parity.test.ts).

interface Reference {
  split: { name: string; count: number; iterations: number; labels: number[] }[];
  instances: {
    name: string;
    count: number;
    countByPhase: Record<string, number>;
    phaseOfLabel: number[];
    labels: number[];
  }[];
}

const reference = loadFixture<Reference>('split-reference.json');

/** Positive labels renumbered 1.. in raster order of first pixel (a partition's canonical form). */
function canonical(labels: ArrayLike<number>): Int32Array {
  const map = new Map<number, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    if (!map.has(l)) map.set(l, map.size + 1);
    out[i] = map.get(l)!;
  }
  return out;
}

/**
 * splitTouching's first pass from the public functions, on float64 distances: peaks of the
 * distance map per component, face-touching peaks merged into one marker (ndi.label of the
 * peak mask), watershed of -edt in the mask, components without a marker kept whole.
 */
function firstPassOfPublicFunctions(mask: Uint8Array, shape: number[], minDistance: number) {
  const m = ndarray(mask, shape);
  const edt = distanceTransformEdt(m);
  const peaks = peakLocalMax(edt, { minDistance, labels: label(m).labels, excludeBorder: false });
  const seeds = peaksToMarkers(peaks, shape);
  for (let i = 0; i < seeds.data.length; i++) seeds.data[i] = seeds.data[i] === 0 ? 0 : 1;
  const markers = label(seeds).labels;
  const relief = ndarray(
    edt.data.map((v) => -v),
    shape,
  );
  const ws = watershed(relief, markers, { mask: m }).data;
  const left = new Uint8Array(ws.length);
  for (let i = 0; i < ws.length; i++) left[i] = ws[i] === 0 && mask[i] !== 0 ? 1 : 0;
  const rest = label(ndarray(left, shape)).labels.data;
  for (let i = 0; i < ws.length; i++) if (rest[i] !== 0) ws[i] = -rest[i]!;
  return canonical(ws);
}

describe('lower-memory split path', () => {
  it('splitTouching gives the labels of the previous code on every reference case', () => {
    const cases = splitCases();
    expect(cases.map((c) => c.name)).toEqual(reference.split.map((c) => c.name));
    cases.forEach((c, k) => {
      const r = splitTouching(ndarray(c.mask, c.shape), c.options);
      const want = reference.split[k]!;
      expect([c.name, r.count, r.iterations]).toEqual([c.name, want.count, want.iterations]);
      expect(runLengths(r.labels.data)).toEqual(want.labels);
    });
  }, 120_000);

  it('instanceSegmentation gives the labels of the previous code on every reference case', () => {
    const cases = instanceCases();
    expect(cases.map((c) => c.name)).toEqual(reference.instances.map((c) => c.name));
    cases.forEach((c, k) => {
      const r = instanceSegmentation(ndarray(c.phases, c.shape), {
        scheme: c.scheme,
        ...c.options,
      });
      const want = reference.instances[k]!;
      expect([c.name, r.count, r.countByPhase]).toEqual([c.name, want.count, want.countByPhase]);
      expect(Array.from(r.phaseOfLabel)).toEqual(want.phaseOfLabel);
      expect(runLengths(r.labels.data)).toEqual(want.labels);
    });
  }, 120_000);

  it('the first pass equals the public functions on float64 distances (73,602 markers: int32 flood state)', () => {
    const shape = [560, 560];
    const mask = manyMarkers();
    const r = splitTouching(ndarray(mask, shape), { maxIterations: 0 });
    expect(r.count).toBe(73602);
    expect(r.labels.data).toEqual(firstPassOfPublicFunctions(mask, shape, 5));
  }, 120_000);

  it('the first pass equals the public functions on 3D balls, minDistance 3 and 5', () => {
    const shape = [56, 56, 56];
    const mask = new Uint8Array(56 ** 3);
    paintBalls(mask, shape, 21, 1, 80, 3, 9);
    for (const minDistance of [3, 5]) {
      const r = splitTouching(ndarray(mask, shape), { maxIterations: 0, minDistance });
      expect(r.count).toBeGreaterThan(40);
      expect(r.labels.data).toEqual(firstPassOfPublicFunctions(mask, shape, minDistance));
    }
  }, 120_000);

  it('float32 squared distances are the exact squares of distanceTransformEdt, and refused when inexact', () => {
    const rng = createRng(4);
    for (const shape of [
      [37, 41],
      [23, 19, 29],
    ]) {
      const mask = new Uint8Array(shape.reduce((a, b) => a * b, 1));
      for (let i = 0; i < mask.length; i++) mask[i] = rng.random() < 0.97 ? 1 : 0;
      const edt = distanceTransformEdt(ndarray(mask, shape)).data;
      const squared = exactSquaredDistances(mask, shape)!;
      let max = 0;
      for (let i = 0; i < mask.length; i++) {
        expect(squared[i]).toBe(Math.round(edt[i]! ** 2));
        max = Math.max(max, squared[i]!);
      }
      expect(max).toBeGreaterThan(4);
    }
    // sum of squared axis lengths above 2^24: refused before any allocation
    expect(exactSquaredDistances(new Uint8Array(0), [2897, 2897])).toBeUndefined();
    expect(exactSquaredDistances(new Uint8Array(4), [2, 2])).toEqual(new Float32Array(4));
  });

  it('peakLocalMax reads a float32 image as the same values in float64', () => {
    const rng = createRng(9);
    const shape = [30, 40];
    const f32 = new Float32Array(1200);
    const lab = new Int32Array(1200);
    for (let i = 0; i < f32.length; i++) {
      f32[i] = Math.round(rng.uniform(0, 20)) / 4;
      lab[i] = 1 + (i % 40 >= 20 ? 1 : 0);
    }
    const f64 = Float64Array.from(f32);
    for (const options of [{ minDistance: 2 }, { minDistance: 3, labels: ndarray(lab, shape) }]) {
      const a = peakLocalMax(ndarray(f32, shape), options);
      expect(a.length).toBeGreaterThan(3);
      expect(a).toEqual(peakLocalMax(ndarray(f64, shape), options));
    }
  });
});
