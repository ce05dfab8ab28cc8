import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/ndimage', () => {
  it('loads with import and require, the two builds agreeing', async () => {
    const esm = await import('@mgraph/ndimage');
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/ndimage').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/ndimage') as typeof import('@mgraph/ndimage');
    const image = ndarray(Float64Array.of(0, 3, 1, 0), [4]);
    expect(Array.from(esm.maximumFilter(image, { size: 3 }).data as ArrayLike<number>)).toEqual([
      3, 3, 3, 1,
    ]);
    expect(Array.from(cjs.maximumFilter(image, { size: 3 }).data as ArrayLike<number>)).toEqual([
      3, 3, 3, 1,
    ]);
    // error class names survive bundling
    expect(() => esm.maximumFilter(image)).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });
});
