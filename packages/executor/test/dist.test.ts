import { createRequire } from 'node:module';
import { phantomImageBatch } from '@mgraph/pipeline/tasks';
import { describe, expect, it } from 'vitest';
import { inThreadExecutor } from '../src/index.js';

// The built package through its exports map: the ES build and the CommonJS build (whose
// package specifiers resolve to CommonJS task modules) run the pool like the sources.
const TASKS = phantomImageBatch(2, { phantom: { shape: [64, 64], nmcRadius: 8 } });

describe('built @mgraph/executor', () => {
  it('runs the pool from the ES and the CommonJS build with the sources’ outcomes', async () => {
    const reference = await inThreadExecutor('@mgraph/pipeline/tasks').run(TASKS);
    expect(reference.every((o) => o.ok)).toBe(true);
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/executor').endsWith('dist/index.cjs')).toBe(true);
    const builds = [
      await import('@mgraph/executor'),
      require('@mgraph/executor') as typeof import('@mgraph/executor'),
    ];
    for (const build of builds) {
      const pool = build.poolExecutor({ tasksModule: '@mgraph/pipeline/tasks', size: 1 });
      try {
        expect(await pool.run(TASKS)).toEqual(reference);
      } finally {
        await pool.close();
      }
    }
  }, 120_000);
});
