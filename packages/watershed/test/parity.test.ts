import { argsortNumpy } from '@mgraph/core';
import type { NdArray } from 'ndarray';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  convexHullImage,
  distanceTransformEdt,
  label,
  peakLocalMax,
  regionProps,
  watershed,
} from '../src/index.js';
import { type FixtureArray, loadFixture, toNd } from './helpers.js';

interface WatershedCase {
  shape: number[];
  mask: FixtureArray;
  edt: FixtureArray;
  label_default_count: number;
  peak_local_max: { min_distance: number; coordinates: number[][] };
  markers: FixtureArray;
  solidity_connectivity1?: Record<string, number>;
  [key: string]: unknown;
}

const shared = loadFixture<{ cases: WatershedCase[] }>('watershed.json');

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number | null>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - (b[i] as number)));
  return m;
}

function countDiff(a: ArrayLike<number>, b: ArrayLike<number | null>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

const negate = (a: NdArray<Float64Array>) =>
  ndarray(
    a.data.map((v) => -v),
    a.shape,
  );

describe.each(shared.cases.map((c) => [c.shape.join('x'), c] as const))(
  'scipy / scikit-image parity on watershed.json case %s',
  (_, c) => {
    const mask = toNd(c.mask);
    const ndim = c.shape.length;

    it('distanceTransformEdt matches distance_transform_edt within 1e-9', () => {
      const edt = distanceTransformEdt(mask);
      expect(edt.shape).toEqual(c.shape);
      expect(maxAbsDiff(edt.data, c.edt.data)).toBeLessThan(1e-9);
    });

    it('label matches ndi.label: the count on the mask, every pixel on the peak mask', () => {
      expect(label(mask).count).toBe(c.label_default_count);
      // markers = ndi.label of the peak pixels: compared element by element, not by count
      const peaks = toNd(c.markers);
      const peakMask = ndarray(
        Uint8Array.from(peaks.data as Int32Array, (v) => (v > 0 ? 1 : 0)),
        peaks.shape,
      );
      const got = label(peakMask);
      expect(got.count).toBeGreaterThan(1);
      expect(countDiff(got.labels.data, c.markers.data)).toBe(0);
    });

    it('peakLocalMax returns the same coordinates in the same order (highest first per label)', () => {
      const edt = distanceTransformEdt(mask);
      const peaks = peakLocalMax(edt, {
        minDistance: c.peak_local_max.min_distance,
        labels: label(mask).labels,
        excludeBorder: false,
      });
      expect(peaks).toEqual(c.peak_local_max.coordinates);
    });

    it.each([1, ndim])('watershed labels are identical (connectivity %i)', (connectivity) => {
      const edt = distanceTransformEdt(mask);
      const ws = watershed(negate(edt), toNd(c.markers), { mask, connectivity });
      const ref = c[`watershed_connectivity${connectivity}`] as FixtureArray;
      expect(countDiff(ws.data, ref.data)).toBe(0);
    });
  },
);

describe.each(
  shared.cases
    .filter((c) => c.solidity_connectivity1 !== undefined)
    .map((c) => [c.shape.join('x'), c] as const),
)('regionProps parity on watershed.json case %s', (_, c) => {
  it('solidity of every watershed region within 1e-9', () => {
    const ref = c.solidity_connectivity1!;
    const props = regionProps(toNd(c.watershed_connectivity1 as FixtureArray));
    expect(props.map((p) => p.label)).toEqual(Object.keys(ref).map(Number));
    for (const p of props) expect(Math.abs(p.solidity - ref[String(p.label)]!)).toBeLessThan(1e-9);
  });
});

interface Extra {
  hulls: {
    mask: FixtureArray;
    convex_hull_image: FixtureArray;
    labels: FixtureArray;
    solidity: Record<string, number>;
    area_convex: Record<string, number>;
  }[];
  argsort: { keys: number[]; order: number[] }[];
  peaks: {
    image: FixtureArray;
    cases: { options: Record<string, unknown>; coordinates: number[][] }[];
  };
  watershed: Record<string, FixtureArray>;
  label3d: { mask: FixtureArray; labels: Record<string, FixtureArray> };
}

const extra = loadFixture<Extra>('extra.json');

describe('parity on extra.json (scripts/make-fixtures.py)', () => {
  it.each(extra.hulls.map((h, i) => [i, h] as const))(
    'convexHullImage and solidity of case %i match scikit-image',
    (_, h) => {
      expect(countDiff(convexHullImage(toNd(h.mask)).data, h.convex_hull_image.data)).toBe(0);
      for (const p of regionProps(toNd(h.labels))) {
        expect(p.areaConvex).toBe(h.area_convex[String(p.label)]);
        expect(Math.abs(p.solidity - h.solidity[String(p.label)]!)).toBeLessThan(1e-9);
      }
    },
  );

  it.each(extra.argsort.map((a) => [a.keys.length, a] as const))(
    'argsortNumpy breaks ties as numpy.argsort (n = %i)',
    (_, a) => {
      expect(Array.from(argsortNumpy(a.keys))).toEqual(a.order);
    },
  );

  const image = toNd(extra.peaks.image);
  it.each(extra.peaks.cases.map((c) => [JSON.stringify(c.options), c] as const))(
    'peakLocalMax %s',
    (_, c) => {
      const o = c.options;
      const opts: Parameters<typeof peakLocalMax>[1] = {};
      if (o.min_distance !== undefined) opts.minDistance = o.min_distance as number;
      if (o.threshold_rel !== undefined) opts.thresholdRel = o.threshold_rel as number;
      if (o.threshold_abs !== undefined) opts.thresholdAbs = o.threshold_abs as number;
      if (o.exclude_border !== undefined) opts.excludeBorder = o.exclude_border as number | boolean;
      if (o.num_peaks !== undefined) opts.numPeaks = o.num_peaks as number;
      if (o.num_peaks_per_label !== undefined)
        opts.numPeaksPerLabel = o.num_peaks_per_label as number;
      if (o.p_norm !== undefined) opts.pNorm = o.p_norm as number;
      if (o.footprint === 'cross')
        opts.footprint = ndarray(Uint8Array.of(0, 1, 0, 1, 1, 1, 0, 1, 0), [3, 3]);
      if (o.labels !== undefined) {
        opts.labels = label(
          ndarray(
            Uint8Array.from(image.data as Float64Array, (v) => (v > 0.5 ? 1 : 0)),
            image.shape,
          ),
        ).labels;
      }
      const peaks = peakLocalMax(image, opts);
      // the API promises scikit-image's order (highest first, per label in label order):
      // compared element by element, not as sets
      expect(peaks).toEqual(c.coordinates);
    },
  );

  const w = extra.watershed;
  it('compact watershed (compactness 0.5) is identical', () => {
    const ws = watershed(toNd(w.image!), toNd(w.markers!), {
      mask: toNd(w.mask!),
      compactness: 0.5,
    });
    expect(countDiff(ws.data, w.compact!.data)).toBe(0);
  });
  it.each([
    [1, 'line'],
    [2, 'line_conn2'],
  ] as const)('watershed lines (connectivity %i) are identical', (connectivity, key) => {
    const ws = watershed(toNd(w.image!), toNd(w.markers!), {
      mask: toNd(w.mask!),
      connectivity,
      watershedLine: true,
    });
    expect(countDiff(ws.data, w[key]!.data)).toBe(0);
  });
  it('distanceTransformEdt with sampling [0.7, 1.3] within 1e-9', () => {
    const edt = distanceTransformEdt(toNd(w.mask!), { sampling: [0.7, 1.3] });
    expect(maxAbsDiff(edt.data, w.sampling_edt!.data)).toBeLessThan(1e-9);
  });
  it.each([1, 2, 3])('label in 3D with connectivity %i is identical to ndi.label', (c) => {
    const got = label(toNd(extra.label3d.mask), { connectivity: c }).labels;
    expect(countDiff(got.data, extra.label3d.labels[String(c)]!.data)).toBe(0);
  });
});
