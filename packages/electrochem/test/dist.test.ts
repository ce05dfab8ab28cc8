import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/electrochem', () => {
  it('loads with import (ESM build)', async () => {
    const esm = await import('@mgraph/electrochem');
    expect(Array.from(esm.findPeaks([0, 2, 1, 3, 3, 0]).peaks)).toEqual([1, 3]);
    expect(esm.peakDistance([8342, 8345])).toEqual({ value: 3, rule: 'two-peaks' });
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/electrochem').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/electrochem') as typeof import('@mgraph/electrochem');
    const esm = await import('@mgraph/electrochem');
    const energy = ndarray(Float32Array.from([8342, 8342, 8345, 8345]), [2, 2]);
    const labels = ndarray(Int32Array.from([1, 1, 1, 1]), [2, 2]);
    const a = cjs.electrochemicalDescriptors(energy, labels, { minPixels: 4 });
    const b = esm.electrochemicalDescriptors(energy, labels, { minPixels: 4 });
    expect(a[0]!.soc).toBe(8343.5);
    expect(a[0]!.polarization).toBeCloseTo(3, 9);
    expect(a[0]!.soc).toBe(b[0]!.soc);
    expect(() => cjs.findPeaks([1, 2, 1], { distance: 0 })).toThrow(/options\.distance/);
  });
});
