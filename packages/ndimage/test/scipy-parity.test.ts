import type { NdArray } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  binaryDilation,
  binaryErosion,
  binaryOpening,
  findObjects,
  gaussianFilter,
  gaussianFilter1d,
  gaussianKernel1d,
  generateBinaryStructure,
  maximumFilter,
  maximumFilter1d,
} from '../src/index.js';
import { describeCase, type FixtureArray, loadFixtures, mismatches, toNdarray } from './helpers.js';

// scripts/make-fixtures.py (scipy 1.10.1): exact for the maximum filter, morphology and
// find_objects, 1e-12 relative for the Gaussians (kernel weights and the order of the sums
// differ from scipy's in the last bits)
const fx = loadFixtures();

/** Same dtype and shape as scipy's output, elements within `rel`. */
function expectArray(actual: NdArray, expected: FixtureArray, rel = 0): void {
  expect(actual.dtype).toBe(expected.dtype);
  expect(actual.shape).toEqual(expected.shape);
  expect(mismatches(actual.data as ArrayLike<number>, expected.data, rel)).toEqual([]);
}

const title = describeCase;

describe(`maximumFilter vs scipy ${fx.scipy} maximum_filter`, () => {
  it.each(fx.maximumFilter.map((c) => [title(c), c] as const))('%s', (_, c) => {
    expectArray(maximumFilter(toNdarray(c.input), c.options), c.expected);
  });
});

describe('maximumFilter1d vs scipy maximum_filter1d', () => {
  it.each(fx.maximumFilter1d.map((c) => [`size=${c.size} ${title(c)}`, c] as const))(
    '%s',
    (_, c) => {
      expectArray(maximumFilter1d(toNdarray(c.input), c.size!, c.options), c.expected);
    },
  );
});

describe('binary morphology vs scipy binary_erosion / binary_dilation / binary_opening', () => {
  const fns = { binaryErosion, binaryDilation, binaryOpening } as const;
  for (const [name, f] of Object.entries(fns)) {
    it.each(fx[name as keyof typeof fns].map((c) => [title(c), c] as const))(
      `${name} %s`,
      (_, c) => {
        expectArray(f(toNdarray(c.input), c.options), c.expected);
      },
    );
  }
  it.each(fx.generateBinaryStructure.map((c) => [c.rank, c.connectivity, c] as const))(
    'generateBinaryStructure(%i, %i)',
    (_, __, c) => {
      expectArray(generateBinaryStructure(c.rank, c.connectivity), c.expected);
    },
  );
});

describe('findObjects vs scipy find_objects', () => {
  it.each(fx.findObjects.map((c) => [title(c), c] as const))('%s', (_, c) => {
    expect(findObjects(toNdarray(c.input), c.options)).toEqual(c.expected);
  });
});

describe('Gaussians vs scipy gaussian_filter1d / gaussian_filter (1e-12 relative)', () => {
  it.each(fx.gaussianKernel1d.map((c) => [c.sigma, JSON.stringify(c.options), c] as const))(
    'gaussianKernel1d(%f, %s)',
    (_, __, c) => {
      expect(mismatches(gaussianKernel1d(c.sigma, c.options), c.expected, 1e-15)).toEqual([]);
    },
  );
  it.each(fx.gaussianFilter1d.map((c) => [`sigma=${c.sigma} ${title(c)}`, c] as const))(
    'gaussianFilter1d %s',
    (_, c) => {
      const out = gaussianFilter1d(toNdarray(c.input), c.sigma as number, c.options);
      expectArray(out, c.expected, 1e-12);
    },
  );
  it.each(fx.gaussianFilter.map((c) => [`sigma=${c.sigma} ${title(c)}`, c] as const))(
    'gaussianFilter %s',
    (_, c) => {
      const out = gaussianFilter(toNdarray(c.input), c.sigma!, c.options);
      // float32 results are rounded after each axis: a last-bit difference before the
      // rounding may move it by one float32 step
      expectArray(out, c.expected, c.expected.dtype === 'float32' ? 2 ** -23 : 1e-12);
    },
  );
});
