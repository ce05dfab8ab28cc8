import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/watershed', () => {
  const mask = ndarray(Uint8Array.of(0, 1, 1, 1, 0), [1, 5]);

  it('loads with import (ESM build)', async () => {
    const esm = await import('@mgraph/watershed');
    expect(Array.from(esm.distanceTransformEdt(mask).data)).toEqual([0, 1, 2, 1, 0]);
    expect(typeof esm.instanceSegmentation).toBe('function');
  });

  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/watershed').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/watershed') as typeof import('@mgraph/watershed');
    const esm = await import('@mgraph/watershed');
    expect(cjs.label(mask).count).toBe(esm.label(mask).count);
    for (const name of [
      'distanceTransformEdt',
      'label',
      'peakLocalMax',
      'watershed',
      'regionProps',
      'splitTouching',
      'instanceSegmentation',
      'convexHullImage',
      'peaksToMarkers',
    ]) {
      expect(typeof (cjs as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
