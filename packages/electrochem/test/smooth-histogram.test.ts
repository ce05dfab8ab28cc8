import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { smoothHistogram } from '../src/index.js';

// scripts/make-smooth-histogram-fixture.py: scipy.ndimage.gaussian_filter1d(counts,
// width / binWidth, mode='constant')
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'smooth_histogram.json'), 'utf8'),
) as {
  scipy: string;
  cases: { counts: number[]; binWidth: number; width: number; smoothed: number[] }[];
};

describe(`smoothHistogram's Gaussian = scipy ${fixture.scipy} gaussian_filter1d(mode='constant')`, () => {
  it.each(fixture.cases.map((c) => [c.counts.length, c.width, c.binWidth, c] as const))(
    '%i bins, width %f, bin width %f',
    (_, __, ___, c) => {
      const out = smoothHistogram(c.counts, c.binWidth, { kernel: 'gaussian', width: c.width });
      expect(out.length).toBe(c.smoothed.length);
      c.smoothed.forEach((v, i) => {
        expect(Math.abs(out[i]! - v)).toBeLessThanOrEqual(1e-12 * Math.abs(v));
      });
    },
  );
});

describe('smoothHistogram', () => {
  it('averages over an odd number of bins with the boxcar, 0 past the ends', () => {
    const out = smoothHistogram([3, 0, 0, 6], 0.1, { kernel: 'boxcar', width: 0.3 });
    expect(Array.from(out)).toEqual([1, 1, 2, 2]);
  });

  it('rejects an unknown kernel with a typed error', () => {
    const kernel = 'median' as unknown as 'none';
    expect(() => smoothHistogram([1], 0.1, { kernel })).toThrow(InvalidArgumentError);
  });
});
