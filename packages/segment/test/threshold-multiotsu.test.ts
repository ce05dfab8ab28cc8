import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { thresholdMultiotsu } from '../src/index.js';
import { fromJson, type JsonArray } from './helpers.js';

interface Case {
  image: JsonArray;
  classes: number;
  nbins: number;
  thresholds: number[];
  regions: JsonArray;
}
const fixture = loadFixture<{ cases: Case[] }>(
  join(import.meta.dirname, 'fixtures'),
  'multiotsu.json',
);

describe('thresholdMultiotsu (skimage threshold_multiotsu parity)', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))(
    'case %i: same thresholds and same digitized regions',
    (_, c) => {
      const image = fromJson(c.image);
      const t = thresholdMultiotsu(image, { classes: c.classes, nbins: c.nbins });
      expect(t).toHaveLength(c.classes - 1);
      t.forEach((v, k) => {
        expect(v).toBeCloseTo(c.thresholds[k]!, 10);
      });
      let mismatches = 0;
      image.data.forEach((v, i) => {
        let k = 0;
        while (k < t.length && v >= t[k]!) k++;
        if (k !== c.regions.data[i]) mismatches++;
      });
      expect(mismatches).toBe(0);
    },
  );

  it('uses the occupied bins directly when there are exactly `classes` of them', () => {
    const image = ndarray(new Float64Array([0, 0, 5, 5, 10, 10]), [2, 3]);
    const t = thresholdMultiotsu(image, { classes: 3, nbins: 4 });
    // bins of width 2.5 over [0, 10]: centres 1.25, 3.75, 6.25, 8.75; occupied 0, 2, 3
    expect(t).toEqual([1.25, 6.25]);
  });

  it('throws typed errors for flat images, NaN, bad options', () => {
    expect(() => thresholdMultiotsu(ndarray(new Float32Array(9).fill(3), [3, 3]))).toThrow(
      'at least options.classes = 3 distinct histogram bins (got 1)',
    );
    const nan = ndarray(new Float32Array([1, 2, Number.NaN, 4]), [2, 2]);
    expect(() => thresholdMultiotsu(nan)).toThrow(InvalidArgumentError);
    const ok = ndarray(new Float32Array([1, 2, 3, 4]), [2, 2]);
    expect(() => thresholdMultiotsu(ok, { classes: 1 })).toThrow(InvalidArgumentError);
    expect(() => thresholdMultiotsu(ok, { nbins: 1.5 })).toThrow(InvalidArgumentError);
  });
});
