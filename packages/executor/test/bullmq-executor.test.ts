// bullmqExecutor against a throwaway Debian redis-server on 127.0.0.1, with a runWorker in
// this process: the outcomes equal the in-thread executor's on the same task module, failures
// come back with their key and error, inputs that are not plain JSON are refused before
// anything is queued, cancellation removes the waiting jobs, and a run re-added under the
// same run id does not run its finished tasks again.
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortError,
  InvalidArgumentError,
  MGraphError,
  type RunProgress,
  type TaskSpec,
} from '@mgraph/core';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeNeeds, onPath } from '../../../test-utils/ci.js';
import { startRedis, type TestRedis } from '../../../test-utils/redis-server.js';
import { bullmqExecutor } from '../src/bullmq-executor.js';
import { inThreadExecutor } from '../src/in-thread-executor.js';
import { runWorker, type WorkerEvent, type WorkerHandle } from '../src/run-worker.js';

const TASKS = new URL('./fixtures/bullmq-tasks.ts', import.meta.url);

describe('bullmqExecutor option and input checks (no Redis needed)', () => {
  const ok = { connection: 'redis://127.0.0.1:1', tasksModule: TASKS };
  const refuses = (run: () => unknown, pattern: RegExp) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(pattern);
  };

  it('refuses a bad URL (password hidden), queue name, module and unknown option', () => {
    refuses(
      () => bullmqExecutor({ ...ok, connection: 'http://u:secret@host' }),
      /^bullmqExecutor: argument options\.connection must be a Redis URL.*"http:\/\/u:\*\*\*@host"/,
    );
    refuses(() => bullmqExecutor({ ...ok, queue: 'a:b' }), /options\.queue .*got "a:b"/);
    refuses(() => bullmqExecutor({ ...ok, tasksModule: '' }), /tasksModule/);
    refuses(
      () => bullmqExecutor({ ...ok, pollIntervall: 5 } as never),
      /did you mean "pollInterval"/,
    );
  });

  it('refuses inputs that are not plain JSON, naming the path, before connecting', async () => {
    // Port 1 has no Redis: a refusal that connected first would hang or fail differently.
    const executor = bullmqExecutor({ ...ok, maxInputBytes: 200 });
    const bad: [unknown, RegExp][] = [
      [{ data: new Float64Array(4) }, /tasks\[1\]\.input\.data must be plain JSON.*Float64Array/],
      [{ box: [0, Number.NaN] }, /tasks\[1\]\.input\.box\[1\] must be plain JSON.*got NaN/],
      [{ missing: undefined }, /tasks\[1\]\.input\.missing must be plain JSON/],
      [{ when: new Date(0) }, /tasks\[1\]\.input\.when must be plain JSON.*Date/],
      [
        { voxels: Array(100).fill(255) },
        /at most 200 characters.*never voxels.*got 4\d\d characters/,
      ],
    ];
    for (const [input, pattern] of bad) {
      const tasks = [
        { kind: 'digest', input: { seed: 1, n: 1 } },
        { kind: 'digest', input },
      ];
      await expect(executor.run(tasks)).rejects.toSatisfy(
        (e) => InvalidArgumentError.isInstance(e) && pattern.test((e as Error).message),
      );
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(executor.run([{ kind: 'digest', input: cyclic }])).rejects.toThrow(
      /tasks\[0\]\.input\.self must be plain JSON.*not a cycle/,
    );
    await expect(
      executor.run([
        { kind: 'digest', input: 1, key: 'a' },
        { kind: 'digest', input: 2, key: 'a' },
      ]),
    ).rejects.toThrow(/tasks\[1\]\.key must be a non-empty key unique in the run, got "a"/);
    await expect(executor.run([{ kind: 'digest', input: 1 }], { runId: 'x:y' })).rejects.toThrow(
      /options\.runId/,
    );
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      executor.run([{ kind: 'digest', input: 1 }], { signal: aborted.signal }),
    ).rejects.toSatisfy((e) => AbortError.isInstance(e));
    await executor.close();
  });
});

describe('bullmqExecutor without a reachable Redis', () => {
  it('rejects with REDIS_UNAVAILABLE after reconnectTimeout instead of waiting forever', async () => {
    // Port 1 of 127.0.0.1: nothing listens there.
    const executor = bullmqExecutor({
      connection: 'redis://127.0.0.1:1',
      tasksModule: TASKS,
      reconnectTimeout: 300,
    });
    const t0 = performance.now();
    await expect(executor.run([{ kind: 'digest', input: { seed: 1, n: 1 } }])).rejects.toSatisfy(
      (e) =>
        MGraphError.isInstance(e) &&
        e.code === 'REDIS_UNAVAILABLE' &&
        /Redis at redis:\/\/127\.0\.0\.1:1 unreachable for more than 300 ms/.test(e.message),
    );
    expect(performance.now() - t0).toBeLessThan(10_000);
    await executor.close();
  });
});

describeNeeds(onPath('redis-server'), 'redis-server (Debian package redis-server)')(
  'bullmqExecutor and a Redis that loses its data',
  () => {
    it('rejects with RUN_LOST when Redis restarts without persistence', async () => {
      const volatile = await startRedis(); // --save "", no append-only file
      const executor = bullmqExecutor({
        connection: volatile.url,
        queue: 'lost',
        tasksModule: TASKS,
      });
      try {
        // No worker: the tasks wait in Redis until it is restarted empty.
        const run = executor.run([{ kind: 'digest', input: { seed: 1, n: 1 } }]);
        await new Promise((r) => setTimeout(r, 500));
        await volatile.restart();
        await expect(run).rejects.toSatisfy(
          (e) =>
            MGraphError.isInstance(e) &&
            e.code === 'RUN_LOST' &&
            /enable appendonly/.test(e.message),
        );
      } finally {
        await executor.close();
        await volatile.stop();
      }
    });
  },
);

describeNeeds(onPath('redis-server'), 'redis-server (Debian package redis-server)')(
  'bullmqExecutor with a worker in this process',
  () => {
    let redis: TestRedis;
    let dir: string;
    beforeAll(async () => {
      redis = await startRedis();
      dir = await mkdtemp(join(tmpdir(), 'mgraph-bullmq-'));
    });
    afterAll(async () => {
      await redis?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    /** A worker on `queue` recording its events; close it at the end. */
    async function worker(queue: string, events: WorkerEvent[] = []): Promise<WorkerHandle> {
      return runWorker({ connection: redis.url, queue, onEvent: (e) => events.push(e) });
    }

    it('gives the in-thread outcomes: values, retries, a failing task, a corrupt chunk', async () => {
      const good = join(dir, 'chunk-0.json');
      const corrupt = join(dir, 'chunk-1.json');
      writeFileSync(good, JSON.stringify({ values: [1, 2, 3.5] }));
      writeFileSync(corrupt, '{"values": [1, 2');
      const tasks: TaskSpec[] = [
        ...Array.from({ length: 20 }, (_, i) => ({
          kind: 'digest',
          input: { seed: i, n: 1000 },
          key: `digest-${i}`,
        })),
        { kind: 'alwaysThrows', input: { what: 'block 2-0-1' }, key: 'block-2-0-1' },
        { kind: 'readChunk', input: { path: good }, key: 'chunk-0' },
        { kind: 'readChunk', input: { path: corrupt }, key: 'chunk-1' },
        { kind: 'flaky', input: { succeedOn: 2 }, key: 'flaky' },
        { kind: 'noSuchKind', input: null, key: 'unknown' },
      ];
      const reference = await inThreadExecutor(TASKS).run(tasks, { attempts: 2 });
      const handle = await worker('same');
      const executor = bullmqExecutor({ connection: redis.url, queue: 'same', tasksModule: TASKS });
      const progress: RunProgress[] = [];
      const outcomes = await executor.run(tasks, {
        attempts: 2,
        onProgress: (p) => progress.push(p),
      });
      await executor.close();
      await handle.close();

      expect(outcomes).toEqual(reference);
      // Hand-checked entries of that comparison: 1000 uniform draws sum to about 500.
      for (const outcome of outcomes.slice(0, 20)) {
        expect(outcome.ok).toBe(true);
        const { sum, max } = (outcome as { value: { sum: number; max: number } }).value;
        expect(Math.abs(sum - 500)).toBeLessThan(50);
        expect(max).toBeGreaterThan(0.99);
        expect(max).toBeLessThan(1);
      }
      expect(outcomes[21]).toEqual({ ok: true, key: 'chunk-0', value: 6.5 });
      expect(outcomes[20]).toEqual({
        ok: false,
        key: 'block-2-0-1',
        error: { name: 'RangeError', message: 'block 2-0-1 refused' },
        attempts: 2,
      });
      expect(outcomes[22]).toMatchObject({
        ok: false,
        key: 'chunk-1',
        error: { name: 'FileError' },
        attempts: 2,
      });
      expect((outcomes[22] as { error: { message: string } }).error.message).toContain(
        `readChunk: cannot parse ${JSON.stringify(corrupt)}`,
      );
      expect(outcomes[23]).toEqual({ ok: true, key: 'flaky', value: 2 });
      expect(outcomes[24]).toMatchObject({ ok: false, error: { name: 'InvalidArgumentError' } });
      // One progress report per task, done counting up, failed counting the three failures.
      expect(progress.map((p) => p.done)).toEqual(tasks.map((_, i) => i + 1));
      expect(progress.at(-1)).toMatchObject({ done: 25, failed: 3, total: 25 });
      expect(new Set(progress.map((p) => p.key))).toEqual(new Set(tasks.map((t) => t.key)));
      // The run's jobs are gone from Redis once the outcomes are read.
      const queue = new Queue('same', { connection: { url: redis.url } });
      const counts = await queue.getJobCounts();
      await queue.close();
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    });

    it('carries NaN, infinities and -0 unchanged; fails a result JSON would change', async () => {
      const handle = await worker('typed');
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'typed',
        tasksModule: TASKS,
      });
      const [outcome, specials, reserved] = await executor.run(
        [
          { kind: 'typedArray', input: null },
          { kind: 'specials', input: null },
          { kind: 'reserved', input: null },
        ],
        { attempts: 3 },
      );
      expect(specials).toEqual({
        ok: true,
        key: '1',
        value: {
          values: [Number.NaN, 1.5, Number.POSITIVE_INFINITY, -0, 0],
          low: Number.NEGATIVE_INFINITY,
        },
      });
      expect(Object.is((specials as { value: { values: number[] } }).value.values[3], -0)).toBe(
        true,
      );
      expect(reserved).toMatchObject({ ok: false, error: { name: 'InvalidArgumentError' } });
      expect((reserved as { error: { message: string } }).error.message).toMatch(
        /result of task "2" \(reserved\)\.x must be not an object of the form \{ \$numberDouble/,
      );
      await executor.close();
      await handle.close();
      expect(outcome).toMatchObject({
        ok: false,
        key: '0',
        error: { name: 'InvalidArgumentError' },
        attempts: 1, // refused at once: retrying a deterministic handler would not help
      });
      expect((outcome as { error: { message: string } }).error.message).toMatch(
        /result of task "0" \(typedArray\) must be plain JSON.*Float64Array/,
      );
    });

    it('cancels: rejects with AbortError, removes the waiting jobs, starts no new task', async () => {
      const events: WorkerEvent[] = [];
      const handle = await worker('cancel', events);
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'cancel',
        tasksModule: TASKS,
      });
      const controller = new AbortController();
      const tasks = Array.from({ length: 12 }, (_, i) => ({
        kind: 'slow',
        input: { ms: 150, value: i },
      }));
      const run = executor.run(tasks, {
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done === 2) controller.abort();
        },
      });
      await expect(run).rejects.toSatisfy((e) => AbortError.isInstance(e));
      const queue = new Queue('cancel', { connection: { url: redis.url } });
      const waiting = await queue.getWaitingCount();
      await new Promise((r) => setTimeout(r, 600));
      const started = events.filter((e) => e.type === 'active').length;
      await queue.close();
      await executor.close();
      await handle.close();
      expect(waiting).toBe(0);
      // Two settled, at most one running when the signal aborted: nothing started after.
      expect(started).toBeLessThanOrEqual(3);
      expect(started).toBeGreaterThanOrEqual(2);
    });

    it('re-added under the same run id, finished tasks are read back, not run again', async () => {
      const events: WorkerEvent[] = [];
      const handle = await worker('resume', events);
      const tasks = Array.from({ length: 10 }, (_, i) => ({
        kind: 'slow',
        input: { ms: 60, value: i },
        key: `t${i}`,
      }));
      const first = bullmqExecutor({ connection: redis.url, queue: 'resume', tasksModule: TASKS });
      // The caller dies after 4 tasks: its connection closes under the pending run.
      const dying = first.run(tasks, {
        runId: 'resume-1',
        onProgress: ({ done }) => {
          if (done === 4) void first.close();
        },
      });
      await expect(dying).rejects.toThrow();
      const second = bullmqExecutor({
        connection: redis.url,
        queue: 'resume',
        tasksModule: TASKS,
      });
      const outcomes = await second.run(tasks, { runId: 'resume-1' });
      await second.close();
      await handle.close();
      expect(outcomes).toEqual(tasks.map((t, i) => ({ ok: true, key: t.key, value: i * i })));
      const runs = new Map<string, number>();
      for (const e of events.filter((e) => e.type === 'active'))
        runs.set(e.key!, (runs.get(e.key!) ?? 0) + 1);
      expect([...runs.values()]).toEqual(tasks.map(() => 1));
    });
  },
);
