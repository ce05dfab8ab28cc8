import { AbortError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { runPool } from '../paper-workflow/pool.js';

const WORKER = new URL('./fixtures/pool-worker.ts', import.meta.url);

describe('runPool', () => {
  it('returns results in task order and isolates a throwing task and a dying worker', async () => {
    const tasks = [1, 2, 3, 4, 5, 6, 7, 8];
    const progress: number[] = [];
    const outcomes = await runPool<number, number>(WORKER, tasks, {
      size: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(outcomes).toHaveLength(8);
    expect(outcomes[2]).toEqual({
      ok: false,
      error: { name: 'RangeError', message: 'three is not allowed' },
    });
    expect(outcomes[4]).toEqual({
      ok: false,
      error: { name: 'WorkerExit', message: 'worker exited with code 7' },
    });
    const values = outcomes.map((o) => (o.ok ? o.value : null));
    expect(values).toEqual([2, 4, null, 8, null, 12, 14, 16]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  }, 60_000);
  it('handles an empty batch and a pool larger than the batch', async () => {
    expect(await runPool(WORKER, [])).toEqual([]);
    expect(await runPool<number, number>(WORKER, [10], { size: 4 })).toEqual([
      { ok: true, value: 20 },
    ]);
  }, 60_000);
  it('rejects with AbortError when aborted', async () => {
    const controller = new AbortController();
    const run = runPool<number, number>(WORKER, [1, 2, 4, 6], {
      size: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toSatisfy((e) => AbortError.isInstance(e));
  }, 60_000);
});
