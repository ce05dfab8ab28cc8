import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AbortError, InvalidArgumentError, type TaskSpec } from '@mgraph/core';
import { afterAll, describe, expect, it } from 'vitest';
import { inThreadExecutor, poolExecutor, type RunProgress } from '../src/index.js';

const TASKS = new URL('./fixtures/tasks.ts', import.meta.url);
const pool = poolExecutor({ tasksModule: TASKS, size: 2 });
afterAll(() => pool.close());

const isAbort = (e: unknown) => AbortError.isInstance(e);

describe('poolExecutor', () => {
  it('returns outcomes in task order, reports a throwing task and a dying thread, runs the rest', async () => {
    const tasks: TaskSpec[] = [
      { kind: 'double', input: 1 },
      { kind: 'fail', input: 2, key: 'refused' },
      { kind: 'double', input: 3 },
      { kind: 'exit', input: null, key: 'dies' },
      ...[5, 6, 7, 8].map((n) => ({ kind: 'double', input: n })),
    ];
    const progress: RunProgress[] = [];
    const outcomes = await pool.run(tasks, { onProgress: (p) => progress.push(p) });
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([
      2,
      null,
      6,
      null,
      10,
      12,
      14,
      16,
    ]);
    expect(outcomes[1]).toEqual({
      ok: false,
      key: 'refused',
      error: { name: 'RangeError', message: 'task 2 refused' },
      attempts: 1,
    });
    expect(outcomes[3]).toEqual({
      ok: false,
      key: 'dies',
      error: { name: 'Error', message: 'worker exited with code: 7' },
      attempts: 1,
    });
    expect(outcomes.map((o) => o.key)).toEqual(['0', 'refused', '2', 'dies', '4', '5', '6', '7']);
    // One report per task, done counting up to the total, failures counted.
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toMatchObject({ done: 8, failed: 2, total: 8 });
    expect(new Set(progress.map((p) => p.key))).toEqual(new Set(outcomes.map((o) => o.key)));
  });

  it('gives the in-thread outcomes (the reference) on the same tasks', async () => {
    const tasks: TaskSpec[] = [
      ...[1, 2, 3].map((n) => ({ kind: 'double', input: n })),
      { kind: 'fail', input: 4 },
      { kind: 'nope', input: 5 },
    ];
    const reference = await inThreadExecutor(TASKS).run(tasks);
    expect(await pool.run(tasks)).toEqual(reference);
    expect(reference[4]).toMatchObject({ ok: false, error: { name: 'InvalidArgumentError' } });
    expect(reference[4]!.ok ? '' : reference[4]!.error.message).toContain('double');
  });

  it('retries a failed task up to options.attempts, on a throw and on a dying thread', async () => {
    const tasks: TaskSpec[] = [
      { kind: 'flaky', input: { succeedOn: 3 } },
      { kind: 'flaky', input: { succeedOn: 5 } },
      { kind: 'exitOnce', input: 9 },
    ];
    const outcomes = await pool.run(tasks, { attempts: 3 });
    expect(outcomes[0]).toEqual({ ok: true, key: '0', value: 3 });
    expect(outcomes[1]).toEqual({
      ok: false,
      key: '1',
      error: { name: 'Error', message: 'try 3 failed' },
      attempts: 3,
    });
    expect(outcomes[2]).toEqual({ ok: true, key: '2', value: 9 });
    // Without retries the same tasks fail on their first try.
    const once = await pool.run(tasks);
    expect(once.map((o) => (o.ok ? 'ok' : o.attempts))).toEqual([1, 1, 1]);
    expect(await inThreadExecutor(TASKS).run(tasks.slice(0, 2), { attempts: 3 })).toEqual(
      outcomes.slice(0, 2),
    );
  });

  it('keeps at most maxInFlight tasks inside handlers at once', async () => {
    for (const [size, maxInFlight] of [
      [4, 2],
      [3, 3],
    ] as const) {
      const counter = new Int32Array(new SharedArrayBuffer(8));
      const wide = poolExecutor({ tasksModule: TASKS, size, maxInFlight });
      try {
        const tasks = Array.from({ length: 12 }, () => ({
          kind: 'track',
          input: { counter, ms: 150 },
        }));
        const outcomes = await wide.run<number>(tasks);
        expect(outcomes.every((o) => o.ok && o.value <= maxInFlight)).toBe(true);
      } finally {
        await wide.close();
      }
      // [running now, most ever at once]: none left running, the bound reached and not passed.
      expect(Array.from(counter)).toEqual([0, maxInFlight]);
    }
  });

  it('shares SharedArrayBuffer-backed inputs with the threads (a handler writes, the caller sees)', async () => {
    const shared = new Float64Array(new SharedArrayBuffer(4 * 8));
    const copied = new Float64Array(4);
    const tasks = [0, 1, 2, 3].map((i) => ({
      kind: 'write',
      input: { target: i % 2 ? copied : shared, index: i, value: 10 + i },
    }));
    const outcomes = await pool.run(tasks);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(Array.from(shared)).toEqual([10, 0, 12, 0]);
    // A plain typed array is copied into the thread: the caller's stays as it was.
    expect(Array.from(copied)).toEqual([0, 0, 0, 0]);
  });

  it('cancels: no new task starts, running tasks end, the run rejects with AbortError', async () => {
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const controller = new AbortController();
    const tasks = Array.from({ length: 8 }, () => ({
      kind: 'slow',
      input: { counts, ms: 30_000 },
    }));
    const run = pool.run(tasks, { signal: controller.signal });
    while (Atomics.load(counts, 0) < 2) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(run).rejects.toSatisfy(isAbort);
    await new Promise((r) => setTimeout(r, 500));
    // The pool runs a new task on threads that replace the aborted ones: had the two running
    // tasks been left to run, it would wait for one of them to return (counts[1] = 1).
    expect(await pool.run([{ kind: 'double', input: 21 }])).toEqual([
      { ok: true, key: '0', value: 42 },
    ]);
    expect(Array.from(counts)).toEqual([2, 0]);
    // An already aborted signal starts nothing.
    await expect(pool.run(tasks, { signal: AbortSignal.abort() })).rejects.toSatisfy(isAbort);
    expect(Array.from(counts)).toEqual([2, 0]);
  }, 60_000);

  it('checks its options and tasks before running anything', async () => {
    const bad: [() => unknown, string][] = [
      [() => poolExecutor({ tasksModule: TASKS, size: 0 }), 'options.size'],
      [() => poolExecutor({ tasksModule: TASKS, maxInFlight: 1.5 }), 'options.maxInFlight'],
      [() => poolExecutor({ tasksModule: './tasks.ts' }), 'tasksModule'],
      [() => poolExecutor({ tasksModule: '@mgraph/no-such-package' }), 'tasksModule'],
      [() => poolExecutor({ tasksModule: TASKS, sise: 2 } as never), 'options.sise'],
    ];
    for (const [make, argument] of bad) {
      expect(make).toThrow(InvalidArgumentError);
      try {
        make();
      } catch (e) {
        expect((e as InvalidArgumentError).argument).toBe(argument);
      }
    }
    const runs: [Promise<unknown>, string][] = [
      [
        pool.run([
          { kind: 'double', input: 1, key: 'a' },
          { kind: 'double', input: 2, key: 'a' },
        ]),
        'tasks[1].key',
      ],
      [pool.run([{ kind: '', input: 1 }]), 'tasks[0].kind'],
      [pool.run([{ kind: 'double', input: 1 }], { attempts: 0 }), 'options.attempts'],
    ];
    for (const [run, argument] of runs)
      await expect(run).rejects.toSatisfy(
        (e) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    expect(await pool.run([])).toEqual([]);
    const closed = poolExecutor({ tasksModule: TASKS, size: 1 });
    await closed.close();
    await expect(closed.run([{ kind: 'double', input: 1 }])).rejects.toThrow(InvalidArgumentError);
  });
});

describe('inThreadExecutor', () => {
  it('cancels a running handler through its signal and starts no new task', async () => {
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const controller = new AbortController();
    const run = inThreadExecutor(TASKS).run(
      Array.from({ length: 4 }, () => ({ kind: 'slow', input: { counts, ms: 30_000 } })),
      { signal: controller.signal },
    );
    while (Atomics.load(counts, 0) < 1) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(run).rejects.toSatisfy(isAbort);
    await new Promise((r) => setTimeout(r, 100));
    // The running handler saw the signal and returned early; no other one started.
    expect(Array.from(counts)).toEqual([1, 1]);
  });
  it('loads a task module by package specifier', async () => {
    const outcomes = await inThreadExecutor('@mgraph/pipeline/tasks').run([
      { kind: 'analyzeImage', input: { source: { kind: 'nope' } } },
    ]);
    expect(outcomes[0]).toMatchObject({
      ok: false,
      error: { name: 'InvalidArgumentError' },
    });
  });
});

describe('TypeScript task modules under tsx', () => {
  it('run on the pool from a script started with node --import tsx', async () => {
    const script = fileURLToPath(new URL('./fixtures/tsx-pool-run.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: dirname(script),
    });
    expect(JSON.parse(stdout)).toEqual([
      { ok: true, key: '0', value: 8 },
      {
        ok: false,
        key: '1',
        error: { name: 'RangeError', message: 'task 5 refused' },
        attempts: 1,
      },
    ]);
  });
});
