import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { gaussianFilter, gaussianRandomField } from '../src/gaussian-filter.js';
import { makeGrid } from '../src/grid.js';

const dir = process.env.MGRAPH_FIXTURES ?? join(import.meta.dirname, 'fixtures');
const fixture = JSON.parse(readFileSync(join(dir, 'gaussian-filter.json'), 'utf8')) as {
  cases: Array<{ shape: number[]; sigma: number; input: number[]; output: number[] }>;
};

describe('gaussianFilter = scipy.ndimage.gaussian_filter (reflect, truncate 4)', () => {
  it.each(fixture.cases.map((c) => [c.shape.join('x'), c] as const))('%s', (_, c) => {
    const out = gaussianFilter(Float32Array.from(c.input), makeGrid(c.shape), c.sigma);
    let worst = 0;
    c.output.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(out[i]! - v));
    });
    expect(worst).toBeLessThan(1e-6);
  });
});

describe('gaussianRandomField', () => {
  it('has zero mean, unit sd, and is smooth (neighbour correlation near exp(-1/(4 sigma^2)))', () => {
    const grid = makeGrid([128, 128]);
    const f = gaussianRandomField(grid, 2, createRng(1));
    let s = 0;
    let s2 = 0;
    let lag = 0;
    for (let i = 0; i < f.length; i++) {
      s += f[i]!;
      s2 += f[i]! * f[i]!;
      if (i % 128 !== 127) lag += f[i]! * f[i + 1]!;
    }
    expect(Math.abs(s / f.length)).toBeLessThan(1e-6);
    expect(s2 / f.length).toBeCloseTo(1, 5);
    expect(lag / (127 * 128)).toBeCloseTo(Math.exp(-1 / 16), 1);
  });
});
