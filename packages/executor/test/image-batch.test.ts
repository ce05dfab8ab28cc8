import type { ImageTaskResult } from '@mgraph/pipeline/tasks';
import { phantomImageBatch } from '@mgraph/pipeline/tasks';
import { describe, expect, it } from 'vitest';
import { hashOutcomes, inThreadExecutor, poolExecutor } from '../src/index.js';

// 50 generated images (small, so the suite stays fast): the pool must give the in-thread
// executor's outcomes exactly.
const BATCH = phantomImageBatch(50, { phantom: { shape: [80, 80], nmcRadius: 8 } });

describe('a batch of 50 generated images', () => {
  it('gives identical per-image results in-thread and on the pool', async () => {
    const reference = await inThreadExecutor('@mgraph/pipeline/tasks').run<ImageTaskResult>(BATCH);
    const pool = poolExecutor({ tasksModule: '@mgraph/pipeline/tasks', size: 2 });
    try {
      const pooled = await pool.run<ImageTaskResult>(BATCH);
      expect(pooled).toEqual(reference);
      expect(hashOutcomes(pooled)).toBe(hashOutcomes(reference));
    } finally {
      await pool.close();
    }
    // Real work was compared: every image analysed, with particles, contacts and TPBs.
    expect(reference.every((o) => o.ok)).toBe(true);
    const values = reference.map((o) => (o.ok ? o.value : null)!);
    expect(values.map((v) => v.shape)).toEqual(BATCH.map(() => [80, 80]));
    expect(values.reduce((n, v) => n + v.particles.length, 0)).toBeGreaterThan(200);
    expect(values.reduce((n, v) => n + v.tpbs.length, 0)).toBeGreaterThan(20);
    expect(reference.map((o) => o.key)).toEqual(BATCH.map((_, i) => `image-${i}`));
  }, 300_000);

  it('hashOutcomes tells two runs apart by one value and ignores a JSON round trip', () => {
    const a = [{ ok: true as const, key: 'x', value: { v: [1, Number.NaN] } }];
    const b = [{ ok: true as const, key: 'x', value: { v: [1, 2] } }];
    expect(hashOutcomes(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOutcomes(a)).not.toBe(hashOutcomes(b));
    expect(hashOutcomes(JSON.parse(JSON.stringify(a)))).toBe(hashOutcomes(a));
  });
});
