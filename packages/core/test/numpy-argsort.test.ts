import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { argsortNumpy } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const { argsort } = loadFixture<{ argsort: { keys: number[]; order: number[] }[] }>(
  join(here, 'fixtures'),
  'argsort.json',
);

describe('argsortNumpy (scripts/make-argsort-fixture.py, NumPy 1.24)', () => {
  it.each(argsort.map((c) => [c.keys.length, c] as const))(
    'matches np.argsort on %i tie-heavy keys',
    (_, c) => {
      expect(Array.from(argsortNumpy(c.keys))).toEqual(c.order);
    },
  );

  it('sorts adversarial input through the heapsort fallback', () => {
    // organ-pipe keys defeat median-of-3 and exhaust the depth limit
    const n = 4096;
    const keys = Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    const order = argsortNumpy(keys);
    for (let i = 1; i < n; i++)
      expect(keys[order[i]!]!).toBeGreaterThanOrEqual(keys[order[i - 1]!]!);
    expect(new Set(order).size).toBe(n);
  });

  it('leaves the keys unchanged', () => {
    const keys = Float64Array.of(3, 1, 2, 1);
    argsortNumpy(keys);
    expect(Array.from(keys)).toEqual([3, 1, 2, 1]);
  });
});
