// bullmqExecutor with workers in separate processes (test/fixtures/bullmq-worker-process.ts,
// runWorker with 5 s locks and a 1 s stalled check) on a throwaway redis-server. Two
// worker processes start once (starting one takes seconds on a loaded machine) and the tests
// run in order on them: both share a run; a batch of 50 generated images (the
// @mgraph/pipeline/tasks module, named by the jobs) goes through two more, with long locks; one is SIGKILLed mid-task and its job is re-queued
// and run by the other; Redis is killed and restarted mid-run (append-only file) and the run
// waits it out; SIGTERM lets the last worker finish its task before it exits. The outcomes
// are always the expected ones.
import { fileURLToPath } from 'node:url';
import type { TaskSpec } from '@mgraph/core';
import { type ImageTaskResult, phantomImageBatch } from '@mgraph/pipeline/tasks';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeNeeds, onPath } from '../../../test-utils/ci.js';
import {
  type JsonLinesProcess,
  startJsonLinesProcess,
} from '../../../test-utils/json-lines-process.js';
import { startRedis, type TestRedis } from '../../../test-utils/redis-server.js';
import { bullmqExecutor } from '../src/bullmq-executor.js';
import { hashOutcomes } from '../src/hash-outcomes.js';
import { inThreadExecutor } from '../src/in-thread-executor.js';
import type { WorkerEvent } from '../src/run-worker.js';

const TASKS = new URL('./fixtures/bullmq-tasks.ts', import.meta.url);
const IMAGE_TASKS = '@mgraph/pipeline/tasks';
const WORKER = fileURLToPath(new URL('./fixtures/bullmq-worker-process.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

type Event = Omit<WorkerEvent, 'type'> & {
  type: WorkerEvent['type'] | 'ready' | 'closed';
  pid: number;
};

type WorkerProcess = JsonLinesProcess<Event>;

const started: WorkerProcess[] = [];

/** Start a worker process on `queue` and wait until it listens. */
async function startWorker(url: string, queue: string, lockMs = 5000): Promise<WorkerProcess> {
  const worker = startJsonLinesProcess<Event>(WORKER, [url, queue, String(lockMs)], PACKAGE);
  started.push(worker);
  await worker.next((e) => e.type === 'ready');
  return worker;
}

const slowTasks = (n: number, ms: number): TaskSpec[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'slow', input: { ms, value: i }, key: `s${i}` }));
const squares = (tasks: TaskSpec[]) =>
  tasks.map((t, i) => ({ ok: true, key: t.key, value: i * i }));
const keysOf = (w: WorkerProcess, type: Event['type']) =>
  w.events.filter((e) => e.type === type).map((e) => e.key);

describeNeeds(onPath('redis-server'), 'redis-server (Debian package redis-server)')(
  'bullmqExecutor with worker processes',
  () => {
    let redis: TestRedis;
    let a: WorkerProcess;
    let b: WorkerProcess;
    beforeAll(async () => {
      redis = await startRedis({ appendonly: true });
      [a, b] = await Promise.all([startWorker(redis.url, 'p'), startWorker(redis.url, 'p')]);
    }, 60_000);
    beforeEach(() => {
      // Each test reads the events of its own run only.
      a.events.length = 0;
      b.events.length = 0;
    });
    afterAll(async () => {
      for (const w of started.splice(0)) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await redis?.stop();
    });

    it('two worker processes share a run and give the in-thread outcomes', async () => {
      const tasks: TaskSpec[] = [
        ...slowTasks(16, 40),
        ...Array.from({ length: 8 }, (_, i) => ({ kind: 'digest', input: { seed: i, n: 500 } })),
        { kind: 'alwaysThrows', input: { what: 'chunk 7' }, key: 'bad' },
      ];
      const executor = bullmqExecutor({ connection: redis.url, queue: 'p', tasksModule: TASKS });
      const outcomes = await executor.run(tasks);
      await executor.close();
      expect(outcomes).toEqual(await inThreadExecutor(TASKS).run(tasks));
      expect(outcomes.at(-1)).toEqual({
        ok: false,
        key: 'bad',
        error: { name: 'RangeError', message: 'chunk 7 refused' },
        attempts: 1,
      });
      // Both processes worked, and no task ran twice.
      const doneA = keysOf(a, 'completed').length + keysOf(a, 'failed').length;
      const doneB = keysOf(b, 'completed').length + keysOf(b, 'failed').length;
      expect(doneA).toBeGreaterThan(0);
      expect(doneB).toBeGreaterThan(0);
      expect(doneA + doneB).toBe(tasks.length);
    });

    it('50 generated images through two workers: the in-thread results (NaN included), same hash', async () => {
      const batch = phantomImageBatch(50, { phantom: { shape: [80, 80], nmcRadius: 8 } });
      // Workers of their own with 60 s locks: an image blocks the event loop for seconds on a
      // loaded machine, longer than the 5 s locks of the other tests.
      const [c, d] = await Promise.all([
        startWorker(redis.url, 'images', 60_000),
        startWorker(redis.url, 'images', 60_000),
      ]);
      const reference = await inThreadExecutor(IMAGE_TASKS).run<ImageTaskResult>(batch);
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'images',
        tasksModule: IMAGE_TASKS,
      });
      const outcomes = await executor.run<ImageTaskResult>(batch);
      await executor.close();
      c.child.kill('SIGTERM');
      d.child.kill('SIGTERM');
      expect(outcomes).toEqual(reference);
      expect(hashOutcomes(outcomes)).toBe(hashOutcomes(reference));
      // Real work was compared: every image analysed, with particles and contacts.
      expect(reference.every((o) => o.ok)).toBe(true);
      const values = reference.map((o) => (o.ok ? o.value : null)!);
      expect(values.reduce((n, v) => n + v.particles.length, 0)).toBeGreaterThan(200);
      expect(keysOf(c, 'completed').length).toBeGreaterThan(0);
      expect(keysOf(d, 'completed').length).toBeGreaterThan(0);
      expect(await c.exited).toBe(0);
      expect(await d.exited).toBe(0);
    }, 300_000);

    it('a worker SIGKILLed mid-task: its job is re-queued, run elsewhere, same outcomes', async () => {
      const tasks = slowTasks(8, 500);
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'p',
        tasksModule: TASKS,
      });
      const run = executor.run(tasks);
      const victim = await a.next((e) => e.type === 'active');
      a.child.kill('SIGKILL');
      const outcomes = await run;
      await executor.close();
      expect(await a.exited).toBe(null); // killed by the signal
      expect(outcomes).toEqual(squares(tasks));
      // The killed worker never finished that task; the other one ran it to completion.
      expect(keysOf(a, 'completed')).not.toContain(victim.key);
      expect(keysOf(b, 'active')).toContain(victim.key);
      expect(keysOf(b, 'completed')).toContain(victim.key);
    });

    it('Redis killed and restarted mid-run: the run waits and completes identically', async () => {
      const worker = b;
      const tasks = slowTasks(16, 60);
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'p',
        tasksModule: TASKS,
      });
      let restarted: Promise<void> | undefined;
      const outcomes = await executor.run(tasks, {
        onProgress: ({ done }) => {
          if (done === 4) restarted = redis.restart({ downMs: 1500 });
        },
      });
      await executor.close();
      expect(restarted).toBeDefined();
      await restarted;
      expect(outcomes).toEqual(squares(tasks));
      // The worker saw the connection drop.
      expect(worker.events.some((e) => e.type === 'error')).toBe(true);
    });

    it('SIGTERM: the worker finishes its running task, stores the result, exits 0', async () => {
      const worker = b;
      const executor = bullmqExecutor({
        connection: redis.url,
        queue: 'p',
        tasksModule: TASKS,
      });
      const run = executor.run(slowTasks(1, 800));
      await worker.next((e) => e.type === 'active');
      worker.child.kill('SIGTERM');
      expect(await run).toEqual([{ ok: true, key: 's0', value: 0 }]);
      await executor.close();
      expect(await worker.exited).toBe(0);
      expect(worker.events.map((e) => e.type)).toEqual(['active', 'completed', 'closed']);
    });
  },
);
