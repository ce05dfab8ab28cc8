import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/blocks', () => {
  it('loads with import and require, the two builds agreeing', async () => {
    const esm = await import('@mgraph/blocks');
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/blocks').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/blocks') as typeof import('@mgraph/blocks');
    // two objects in a 2 x 4 mask cut into 1 x 2 blocks: 1 1 0 1 / 0 1 0 1
    const mask = ndarray(Uint8Array.from([1, 1, 0, 1, 0, 1, 0, 1]), [2, 4]);
    for (const m of [esm, cjs]) {
      const { labels, count } = m.labelBlockwise(mask, { blockShape: [1, 2] });
      expect(count).toBe(2);
      expect(Array.from(labels.data)).toEqual([1, 1, 0, 2, 0, 1, 0, 2]);
    }
    // error class names survive bundling
    expect(() => esm.labelBlockwise(mask, { blockShape: [0, 1] })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });
});
