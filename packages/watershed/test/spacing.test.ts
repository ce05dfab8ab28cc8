import { CATHODE_SCHEME, createRng, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  splitTouching,
} from '../src/index.js';
import { loadFixture } from './helpers.js';

// scripts/make-spacing-fixture.py: scipy 1.10 / scikit-image 0.19 on 10 x 32 x 32 masks whose
// planes are 2.5 times thicker than the pixel (balls in physical space, random blobs)
interface SpacingCase {
  shape: number[];
  mask: number[];
  edt: number[];
  peaks: number[][];
  watershed: number[];
}
const fixture = loadFixture<{
  spacing: number[];
  minDistance: number;
  cases: Record<string, SpacingCase>;
}>('spacing.json');
const { spacing, minDistance } = fixture;
const cases = Object.entries(fixture.cases);

/** Whether two label maps are the same partition (a one-to-one map between their labels). */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((x === 0) !== (y === 0)) return false;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}

describe('anisotropic spacing against scipy / scikit-image (spacing 2.5, 1, 1)', () => {
  it.each(cases)('%s: distanceTransformEdt with sampling = scipy (1e-12 relative)', (_, c) => {
    const got = distanceTransformEdt(ndarray(Uint8Array.from(c.mask), c.shape), {
      sampling: spacing,
    }).data;
    let worst = 0;
    for (let i = 0; i < got.length; i++) {
      worst = Math.max(worst, Math.abs(got[i]! - c.edt[i]!) / Math.max(1, c.edt[i]!));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it.each(cases)('%s: peakLocalMax with a physical minDistance = the definition', (_, c) => {
    const mask = ndarray(Uint8Array.from(c.mask), c.shape);
    const peaks = peakLocalMax(ndarray(Float64Array.from(c.edt), c.shape), {
      minDistance,
      spacing,
      labels: label(mask).labels,
      excludeBorder: false,
    });
    expect(peaks).toEqual(c.peaks);
  });

  it.each(cases)(
    '%s: splitTouching (first pass, minDistance in units) = skimage watershed',
    (_, c) => {
      const mask = ndarray(Uint8Array.from(c.mask), c.shape);
      const got = splitTouching(mask, {
        spacing,
        minDistance,
        minDistanceIn: 'units',
        maxIterations: 0,
      });
      expect(got.count).toBe(Math.max(...c.watershed));
      expect(samePartition(got.labels.data, c.watershed)).toBe(true);
    },
  );

  it('the pair of physical balls is two particles through instanceSegmentation with spacing', () => {
    const c = fixture.cases.pair!;
    const phases = ndarray(
      Uint8Array.from(c.mask, (v) => (v === 1 ? 2 : 1)),
      c.shape,
    );
    const out = instanceSegmentation(phases, {
      scheme: CATHODE_SCHEME,
      spacing,
      minDistance,
      minDistanceIn: 'units',
    });
    expect(out.countByPhase.nmc).toBe(2);
    const nmc = Uint8Array.from(out.labels.data, (l) =>
      out.phaseOfLabel[l] === 2 && l > 0 ? l : 0,
    );
    expect(samePartition(nmc, c.watershed)).toBe(true);
  });
});

describe('spacing 1 changes nothing', () => {
  it('peakLocalMax: spacing 1 (per axis or one number) gives the peaks of no spacing', () => {
    const rng = createRng(5);
    for (const shape of [
      [23, 31],
      [9, 13, 11],
    ]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const img = ndarray(
        Float64Array.from({ length: n }, () => rng.integer(0, 6)),
        shape,
      );
      const labels = ndarray(
        Int32Array.from({ length: n }, () => rng.integer(0, 3)),
        shape,
      );
      for (const options of [{ minDistance: 2 }, { minDistance: 3, labels }]) {
        const plain = peakLocalMax(img, options);
        expect(peakLocalMax(img, { ...options, spacing: 1 })).toEqual(plain);
        expect(peakLocalMax(img, { ...options, spacing: shape.map(() => 1) })).toEqual(plain);
      }
    }
  });
});

describe('spacing options are checked', () => {
  const mask = ndarray(Uint8Array.from(fixture.cases.pair!.mask), fixture.cases.pair!.shape);
  const edt = ndarray(Float64Array.from(fixture.cases.pair!.edt), fixture.cases.pair!.shape);
  const phases = ndarray(
    Uint8Array.from(fixture.cases.pair!.mask, (v) => (v === 1 ? 2 : 1)),
    fixture.cases.pair!.shape,
  );
  it.each([
    [
      'peakLocalMax spacing of 2 axes',
      () => peakLocalMax(edt, { spacing: [1, 1] }),
      /options\.spacing/,
    ],
    [
      'peakLocalMax spacing 0',
      () => peakLocalMax(edt, { spacing: [1, 0, 1] }),
      /options\.spacing\[1\]/,
    ],
    [
      'splitTouching spacing NaN',
      () => splitTouching(mask, { spacing: Number.NaN }),
      /options\.spacing\[0\]/,
    ],
    [
      "splitTouching minDistanceIn 'um'",
      () => splitTouching(mask, { minDistanceIn: 'um' as 'units' }),
      /options\.minDistanceIn/,
    ],
    [
      'a fractional minDistance in voxels',
      () => splitTouching(mask, { minDistance: 2.5 }),
      /options\.minDistance/,
    ],
    [
      'instanceSegmentation spacing -1',
      () => instanceSegmentation(phases, { scheme: CATHODE_SCHEME, spacing: [-1, 1, 1] }),
      /options\.spacing\[0\]/,
    ],
  ])('%s is an InvalidArgumentError naming it', (_, run, message) => {
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(message);
  });

  it('a fractional minDistance is a physical distance with units', () => {
    const got = splitTouching(mask, { spacing, minDistance: 4.5, minDistanceIn: 'units' });
    expect(got.count).toBe(2);
  });
});
