import { join } from 'node:path';
import { argsortNumpy, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { type FindPeaksOptions, findPeaks, peakProminences, peakWidths } from '../src/index.js';

interface SharedCase {
  x: number[];
  find_peaks: number[];
  height_rel_0_4: { height: number; peaks: number[] };
  prominence_0_1: { peaks: number[]; prominences: number[] };
  distance_5: number[];
}
interface OptionsCase {
  signal: string;
  options: Record<string, number | [number | null, number | null]>;
  peaks: number[];
  properties: Record<string, number[]>;
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const shared = loadFixture<{ cases: SharedCase[] }>(FIXTURES, 'find_peaks.json');
const extra = loadFixture<{ signals: Record<string, number[]>; cases: OptionsCase[] }>(
  FIXTURES,
  'find_peaks_options.json',
);

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('findPeaks against scipy.signal.find_peaks (shared fixture)', () => {
  it.each(shared.cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    expect(Array.from(findPeaks(c.x).peaks)).toEqual(c.find_peaks);
    const h = findPeaks(c.x, { height: c.height_rel_0_4.height });
    expect(Array.from(h.peaks)).toEqual(c.height_rel_0_4.peaks);
    expect(Array.from(h.properties.peakHeights!)).toEqual(
      c.height_rel_0_4.peaks.map((p) => c.x[p]),
    );
    const p = findPeaks(c.x, { prominence: 0.1 });
    expect(Array.from(p.peaks)).toEqual(c.prominence_0_1.peaks);
    expect(Array.from(p.properties.prominences!)).toEqual(c.prominence_0_1.prominences);
    expect(Array.from(findPeaks(c.x, { distance: 5 }).peaks)).toEqual(c.distance_5);
  });
});

describe('findPeaks against scipy with every option (own fixture)', () => {
  const rows = extra.cases.map((c) => [`${c.signal} ${JSON.stringify(c.options)}`, c] as const);
  it('covers every option and property', () => {
    const keys = new Set(extra.cases.flatMap((c) => Object.keys(c.properties)));
    expect([...keys].sort()).toEqual(
      [
        'left_bases',
        'left_edges',
        'left_ips',
        'left_thresholds',
        'peak_heights',
        'plateau_sizes',
        'prominences',
        'right_bases',
        'right_edges',
        'right_ips',
        'right_thresholds',
        'width_heights',
        'widths',
      ].sort(),
    );
  });
  it.each(rows)('%s', (_, c) => {
    const options: FindPeaksOptions = {};
    for (const [k, v] of Object.entries(c.options)) {
      (options as Record<string, unknown>)[camel(k)] = v;
    }
    const got = findPeaks(extra.signals[c.signal]!, options);
    expect(Array.from(got.peaks)).toEqual(c.peaks);
    const gotProps = got.properties as Record<string, ArrayLike<number>>;
    expect(Object.keys(gotProps).sort()).toEqual(Object.keys(c.properties).map(camel).sort());
    for (const [k, v] of Object.entries(c.properties)) {
      // exact: same float64 operations in the same order as scipy's Cython
      expect(Array.from(gotProps[camel(k)]!)).toEqual(v);
    }
  });
});

describe('findPeaks semantics', () => {
  it('never reports the edges, gives plateau middles rounded down', () => {
    expect(Array.from(findPeaks([3, 1, 2, 1, 5]).peaks)).toEqual([2]);
    expect(Array.from(findPeaks([0, 1, 1, 0, 2, 2, 2, 0]).peaks)).toEqual([1, 5]);
    expect(Array.from(findPeaks([0, 1, 1, 1]).peaks)).toEqual([]);
    expect(Array.from(findPeaks([]).peaks)).toEqual([]);
    expect(Array.from(findPeaks([1]).peaks)).toEqual([]);
  });

  it('treats bounds as inclusive and reads [min, max] and per-sample arrays', () => {
    const x = [0, 1, 0, 2, 0, 3, 0];
    expect(Array.from(findPeaks(x, { height: 2 }).peaks)).toEqual([3, 5]);
    expect(Array.from(findPeaks(x, { height: [1, 2] }).peaks)).toEqual([1, 3]);
    expect(Array.from(findPeaks(x, { height: [null, 1] }).peaks)).toEqual([1]);
    const perSample = Float64Array.from([9, 0.5, 9, 9, 9, 2.5, 9]);
    expect(Array.from(findPeaks(x, { height: perSample }).peaks)).toEqual([1, 5]);
    expect(Array.from(findPeaks(x, { threshold: 2 }).peaks)).toEqual([3, 5]);
  });

  it('keeps the higher peak under distance, and the earlier one of equal height by argsort order', () => {
    expect(Array.from(findPeaks([0, 1, 0, 3, 0, 2, 0], { distance: 2.5 }).peaks)).toEqual([3]);
    expect(Array.from(findPeaks([0, 1, 0, 3, 0, 2, 0], { distance: 2 }).peaks)).toEqual([1, 3, 5]);
    // ties: numpy's small-array argsort is stable, so the last tie is visited first
    expect(Array.from(findPeaks([0, 1, 0, 1, 0], { distance: 3 }).peaks)).toEqual([3]);
  });

  it('accepts 1D ndarray views and float32 data, and does not mutate the input', () => {
    const base = Float32Array.from([5, 0, 2, 0, 3, 0, 1, 0]);
    const copy = base.slice();
    const view = ndarray(base).step(-1);
    expect(Array.from(findPeaks(view).peaks)).toEqual([1, 3, 5]);
    expect(base).toEqual(copy);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => findPeaks([0, 1, Number.NaN, 0])).toThrow(InvalidArgumentError);
    expect(() => findPeaks([0, 1, 0], { distance: 0.5 })).toThrow(
      'findPeaks: argument options.distance must be a finite number >= 1, got 0.5',
    );
    expect(() => findPeaks([0, 1, 0], { prominence: 0, wlen: 1 })).toThrow(/options\.wlen/);
    expect(() => findPeaks([0, 1, 0], { width: 0, relHeight: -1 })).toThrow(/options\.relHeight/);
    expect(() => findPeaks([0, 1, 0], { height: [1, 2, 3, 4] })).toThrow(/options\.height/);
    expect(() => findPeaks([0, 1, 0], { height: Float64Array.of(1, 2) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => findPeaks(ndarray(new Float64Array(4), [2, 2]) as never)).toThrow(/got 2D/);
    expect(() => findPeaks('abc' as never)).toThrow(InvalidArgumentError);
  });
});

describe('peakProminences / peakWidths', () => {
  it('agree with hand-worked values', () => {
    const x = [0, 2, 1, 4, 1, 3, 0];
    const p = peakProminences(x, [1, 3, 5]);
    expect(Array.from(p.prominences)).toEqual([1, 4, 2]);
    expect(Array.from(p.leftBases)).toEqual([0, 0, 4]);
    expect(Array.from(p.rightBases)).toEqual([2, 6, 6]);
    const w = peakWidths(x, [3], { relHeight: 0.5 });
    // height 4 - 4 / 2 = 2: crossings between x[2] = 1, x[3] = 4 (at 2 + 1/3) and x[3], x[4] = 1 (at 4 - 1/3)
    expect(w.widthHeights[0]).toBe(2);
    expect(w.leftIps[0]).toBeCloseTo(2 + 1 / 3, 14);
    expect(w.rightIps[0]).toBeCloseTo(4 - 1 / 3, 14);
    expect(w.widths[0]).toBeCloseTo(4 / 3, 14);
  });
  it('restricts the bases to the window and rejects bad indices', () => {
    const x = [0, 2, 1, 4, 1, 3, 0];
    expect(Array.from(peakProminences(x, [3], { wlen: 3 }).prominences)).toEqual([3]);
    expect(() => peakProminences(x, [7])).toThrow(/peaks\[0\]/);
    expect(() => peakWidths(x, [1.5])).toThrow(InvalidArgumentError);
  });
});

describe('argsortNumpy', () => {
  const cases = loadFixture<{ argsort: { keys: number[]; order: number[] }[] }>(
    FIXTURES,
    'find_peaks_options.json',
  ).argsort;
  it.each(cases.map((c) => [c.keys.length, c] as const))(
    'matches np.argsort on %i tie-heavy keys',
    (_, c) => {
      expect(Array.from(argsortNumpy(c.keys))).toEqual(c.order);
    },
  );
});
