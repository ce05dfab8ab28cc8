import { randomUUID } from 'node:crypto';
import {
  AbortError,
  assertCallback,
  assertNumber,
  assertSignal,
  checkOptions,
  type Executor,
  InvalidArgumentError,
  MGraphError,
  type RunOptions,
  type TaskOutcome,
  type TaskSpec,
  throwIfAborted,
} from '@mgraph/core';
import { FlowProducer, Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  cancelledKey,
  checkName,
  DEFAULT_QUEUE,
  RUN_JOB,
  type RunJobData,
  TASK_JOB,
  type TaskJobData,
  taskJobId,
} from './bullmq-jobs.js';
import { jobModuleName } from './job-module-name.js';
import { assertPlainJson } from './plain-json.js';
import { checkRedisUrl, openRedis, redactRedisUrl } from './redis-connection.js';
import { parseFailureReason } from './task-failure.js';
import { decodeTaskResult } from './task-result-json.js';

/** Options of {@link bullmqExecutor}. */
export interface BullmqExecutorOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379` (required). */
  connection: string;
  /** BullMQ queue name; the workers must listen on the same one. Default `'mgraph'`. */
  queue?: string;
  /**
   * The task module whose handlers the tasks name (required): a `URL`, a URL string, an
   * absolute path or a package specifier, as for `inThreadExecutor`. Each job carries it (a
   * package specifier as given, anything else as a URL) for workers started without a task
   * module of their own.
   */
  tasksModule: string | URL;
  /** Milliseconds between two looks at the run's progress in Redis. Default 100. */
  pollInterval?: number;
  /** Largest JSON text of one task's input, in characters. Default 65,536. */
  maxInputBytes?: number;
  /**
   * Milliseconds the connection to Redis may stay down during a run (a restart is waited
   * out) before `run` rejects. Default 60,000.
   */
  reconnectTimeout?: number;
}

/** Options of a {@link bullmqExecutor} run: the shared {@link RunOptions} and a run id. */
export interface BullmqRunOptions extends RunOptions {
  /**
   * The run's id: job ids derive from it and the task keys. Run again with the same id after
   * the calling process died, and the tasks that had finished are not run again (their
   * results are read back). 1 to 100 of `A-Z a-z 0-9 _ . -`. Default a random UUID.
   */
  runId?: string;
}

/** An {@link Executor} whose `run` takes {@link BullmqRunOptions}. */
export interface BullmqExecutor extends Executor {
  run<O = unknown>(
    tasks: readonly TaskSpec[],
    options?: BullmqRunOptions,
  ): Promise<TaskOutcome<O>[]>;
}

const FN = 'bullmqExecutor';
const RUN_FN = 'bullmqExecutor.run';
/** How long a finished run's parent job stays in Redis when `run` could not remove it. */
const PARENT_AGE_S = 24 * 3600;

/**
 * An executor that runs tasks as BullMQ jobs on Redis, processed by {@link runWorker}
 * processes (`mgraph worker --redis URL`) on any number of machines. A run is one BullMQ
 * flow: a child job per task carrying `{ kind, input, key }` as JSON (chunk keys, boxes,
 * seeds: never voxels; inputs that are not plain JSON are refused), and a parent job that
 * completes when every child has settled. `run` polls the parent and returns the outcomes in
 * task order.
 *
 * - Results: a task's result is its job's return value (JSON, in Redis), written by BullMQ
 *   atomically with the job's completion and only by the worker holding the job's lock, so a
 *   worker killed mid-task leaves no result; handlers that make large outputs write them to a
 *   store of the user's under a name derived from the task key and return that name.
 * - Idempotence: job ids derive from the run id and the task key; a retried, re-queued
 *   (stalled) or re-added task is the same job and its result replaces nothing else.
 * - Retries: `attempts` tries per task (default 1); a task that fails for good is reported
 *   `{ ok: false, key, error: { name, message }, attempts }` and the other tasks go on.
 * - Resume: a worker killed mid-task leaves a job whose lock expires; BullMQ's stalled-job
 *   check (in any live worker) puts it back in the queue. A Redis restart is waited out
 *   (`reconnectTimeout`) when Redis persists its data (append-only file or RDB).
 * - Cancellation: aborting `signal` marks the run cancelled in Redis, removes its waiting
 *   jobs (workers refuse any it could not remove) and rejects with `AbortError`; tasks
 *   already running finish and their results are dropped.
 * - Clean-up: the run's jobs are removed from Redis once `run` has read the outcomes.
 *
 * @param options - see {@link BullmqExecutorOptions}
 * @returns an executor; call `close()` to release its Redis connection
 * @throws InvalidArgumentError for a bad URL, queue name, module or number (nothing connects
 *   before the first `run`)
 * @see https://docs.bullmq.io/guide/flows
 */
export function bullmqExecutor(options: BullmqExecutorOptions): BullmqExecutor {
  checkOptions(FN, options, {
    connection: true,
    queue: true,
    tasksModule: true,
    pollInterval: true,
    maxInputBytes: true,
    reconnectTimeout: true,
  });
  const url = checkRedisUrl(FN, 'options.connection', options.connection);
  const queueName = checkName(FN, 'options.queue', options.queue ?? DEFAULT_QUEUE);
  const module = jobModuleName(FN, options.tasksModule);
  const { pollInterval = 100, maxInputBytes = 65_536, reconnectTimeout = 60_000 } = options;
  assertNumber(FN, 'options.pollInterval', pollInterval, { min: 1, max: 60_000 });
  assertNumber(FN, 'options.maxInputBytes', maxInputBytes, { integer: true, min: 2 });
  assertNumber(FN, 'options.reconnectTimeout', reconnectTimeout, { min: 0 });

  let open: { redis: Redis; queue: Queue; flow: FlowProducer } | undefined;
  let closed = false;

  const connect = () => {
    if (closed) throw new InvalidArgumentError(RUN_FN, 'this', 'closed', 'an executor not closed');
    if (!open) {
      const redis = openRedis(url);
      // Errors surface through the commands (or the reconnect timeout); without a listener
      // ioredis would print each failed reconnect.
      redis.on('error', () => {});
      const queue = new Queue(queueName, { connection: redis });
      const flow = new FlowProducer({ connection: redis });
      queue.on('error', () => {});
      flow.on('error', () => {});
      open = { redis, queue, flow };
    }
    return open;
  };

  async function run<O>(
    tasks: readonly TaskSpec[],
    runOptions: BullmqRunOptions = {},
  ): Promise<TaskOutcome<O>[]> {
    checkOptions(RUN_FN, runOptions, {
      signal: true,
      onProgress: true,
      attempts: true,
      runId: true,
    });
    const { signal, onProgress, attempts = 1 } = runOptions;
    assertSignal(RUN_FN, 'options.signal', signal);
    assertCallback(RUN_FN, 'options.onProgress', onProgress);
    assertNumber(RUN_FN, 'options.attempts', attempts, { integer: true, min: 1, max: 1000 });
    const runId = checkName(RUN_FN, 'options.runId', runOptions.runId ?? randomUUID());
    if (!Array.isArray(tasks)) {
      throw new InvalidArgumentError(RUN_FN, 'tasks', tasks, 'an array of { kind, input, key? }');
    }
    const jobs = checkTasks(tasks, runId, module, maxInputBytes);
    throwIfAborted(RUN_FN, signal);
    if (jobs.length === 0) return [];

    const { redis, queue, flow } = connect();
    const guard = watchConnection(redis, url, reconnectTimeout, signal);
    try {
      await guard.race(
        flow.add({
          name: RUN_JOB,
          queueName,
          data: { run: runId, tasks: jobs.length } satisfies RunJobData,
          opts: { jobId: runId, removeOnComplete: { age: PARENT_AGE_S } },
          children: jobs.map(({ id, data }) => ({
            name: TASK_JOB,
            queueName,
            data,
            opts: {
              jobId: id,
              attempts,
              ignoreDependencyOnFailure: true,
              // Kept until `run` removes the flow, so that re-adding the run (same runId)
              // finds its finished tasks instead of queueing them again.
            },
          })),
        }),
      );
      const settled = await waitForRun(redis, queue, runId, jobs, guard, pollInterval, onProgress);
      const outcomes = await guard.race(collectOutcomes<O>(queue, jobs, settled));
      await guard.race(queue.remove(runId, { removeChildren: true }));
      return outcomes;
    } catch (error) {
      if (AbortError.isInstance(error)) {
        // Best effort within the reconnect timeout: the AbortError is what the caller gets.
        await Promise.race([
          cancelRun(redis, queue, queueName, runId).catch(() => {}),
          new Promise((r) => setTimeout(r, reconnectTimeout).unref()),
        ]);
      }
      throw error;
    } finally {
      guard.stop();
    }
  }

  return {
    run,
    async close() {
      closed = true;
      if (!open) return;
      const { redis, queue, flow } = open;
      open = undefined;
      await Promise.all([queue.close(), flow.close()]);
      redis.disconnect();
    },
  };
}

interface QueuedTask {
  id: string;
  data: TaskJobData;
}

function checkTasks(
  tasks: readonly TaskSpec[],
  runId: string,
  module: string,
  maxInputBytes: number,
): QueuedTask[] {
  const seen = new Set<string>();
  return tasks.map((task, i) => {
    const at = `tasks[${i}]`;
    if (typeof task !== 'object' || task === null) {
      throw new InvalidArgumentError(RUN_FN, at, task, 'a task { kind, input, key? }');
    }
    checkOptions(RUN_FN, task, { kind: true, input: true, key: true }, at);
    if (typeof task.kind !== 'string' || task.kind === '') {
      throw new InvalidArgumentError(RUN_FN, `${at}.kind`, task.kind, 'a handler name');
    }
    const key = task.key ?? String(i);
    if (typeof key !== 'string' || key === '' || seen.has(key)) {
      throw new InvalidArgumentError(RUN_FN, `${at}.key`, key, 'a non-empty key unique in the run');
    }
    seen.add(key);
    assertPlainJson(RUN_FN, `${at}.input`, task.input, maxInputBytes);
    return {
      id: taskJobId(runId, key),
      data: { run: runId, kind: task.kind, key, input: task.input, module },
    };
  });
}

interface Settled {
  values: Record<string, unknown>;
  failures: Record<string, string>;
}

/**
 * Poll the parent job until every child has settled, reporting each newly settled task. Only
 * the keys of the settled children are read while the run goes on (the hashes
 * `getChildrenValues` and `getIgnoredChildrenFailures` read); the values once, at the end.
 */
async function waitForRun(
  redis: Redis,
  queue: Queue,
  runId: string,
  jobs: readonly QueuedTask[],
  guard: ConnectionGuard,
  pollInterval: number,
  onProgress: RunOptions['onProgress'],
): Promise<Settled> {
  const byJobKey = new Map(jobs.map((job) => [queue.toKey(job.id), job.data.key]));
  const reported = new Set<string>();
  let failed = 0;
  for (;;) {
    const parent = await guard.race(Job.fromId(queue, runId));
    const state = parent ? await guard.race(parent.getState()) : 'unknown';
    if (!parent || state === 'unknown') {
      throw new MGraphError(
        RUN_FN,
        `run ${runId} is no longer in Redis (removed by someone else, or Redis restarted without persistence: enable appendonly or RDB snapshots)`,
        'RUN_LOST',
      );
    }
    // Out of waiting-children means every child has settled; the parent itself needs no
    // worker for the run to finish (a worker completes it when one is free).
    const finished = state !== 'waiting-children';
    const counts = await guard.race(
      parent.getDependenciesCount({ processed: true, ignored: true }),
    );
    if (onProgress && (counts.processed ?? 0) + (counts.ignored ?? 0) > reported.size) {
      const [done, failures] = await guard.race(
        Promise.all([
          redis.hkeys(queue.toKey(`${runId}:processed`)),
          redis.hkeys(queue.toKey(`${runId}:failed`)),
        ]),
      );
      const failedKeys = new Set(failures);
      for (const jobKey of [...done, ...failures]) {
        if (reported.has(jobKey) || !byJobKey.has(jobKey)) continue;
        reported.add(jobKey);
        if (failedKeys.has(jobKey)) failed++;
        onProgress({ done: reported.size, failed, total: jobs.length, key: byJobKey.get(jobKey)! });
      }
    }
    if (finished) {
      return {
        values: await guard.race(parent.getChildrenValues()),
        failures: await guard.race(parent.getIgnoredChildrenFailures()),
      };
    }
    await guard.sleep(pollInterval);
  }
}

async function collectOutcomes<O>(
  queue: Queue,
  jobs: readonly QueuedTask[],
  { values, failures }: Settled,
): Promise<TaskOutcome<O>[]> {
  const outcomes: TaskOutcome<O>[] = [];
  for (const { id, data } of jobs) {
    const jobKey = queue.toKey(id);
    if (Object.hasOwn(values, jobKey)) {
      outcomes.push({ ok: true, key: data.key, value: decodeTaskResult(values[jobKey]) as O });
    } else if (Object.hasOwn(failures, jobKey)) {
      const job = await Job.fromId(queue, id);
      outcomes.push({
        ok: false,
        key: data.key,
        error: parseFailureReason(failures[jobKey]!),
        attempts: Math.max(job?.attemptsMade ?? 0, job?.attemptsStarted ?? 0, 1),
      });
    } else {
      throw new MGraphError(
        RUN_FN,
        `the run completed without a result or failure for task ${JSON.stringify(data.key)} (job ${id})`,
        'RUN_LOST',
      );
    }
  }
  return outcomes;
}

/** Mark the run cancelled, remove its waiting jobs and, when nothing is running, the run. */
async function cancelRun(redis: Redis, queue: Queue, queueName: string, runId: string) {
  await redis.set(cancelledKey(queueName, runId), '1', 'EX', PARENT_AGE_S);
  const parent = await Job.fromId(queue, runId);
  if (!parent) return;
  await parent.removeUnprocessedChildren();
  await queue.remove(runId, { removeChildren: true });
}

interface ConnectionGuard {
  /** `work`, or a rejection when Redis stayed down too long or the signal aborted. */
  race<T>(work: Promise<T>): Promise<T>;
  sleep(ms: number): Promise<void>;
  stop(): void;
}

/**
 * Reject pending Redis work when the connection has been down longer than `timeout` ms (a
 * restart within it is waited out: ioredis reconnects and replays the queued commands), or
 * when `signal` aborts.
 */
function watchConnection(
  redis: Redis,
  url: string,
  timeout: number,
  signal: AbortSignal | undefined,
): ConnectionGuard {
  let downSince: number | undefined;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const timer = setInterval(
    () => {
      if (redis.status === 'ready') {
        downSince = undefined;
        return;
      }
      downSince ??= Date.now();
      if (Date.now() - downSince > timeout) {
        fail(
          new MGraphError(
            RUN_FN,
            `Redis at ${redactRedisUrl(url)} unreachable for more than ${timeout} ms (connection ${redis.status})`,
            'REDIS_UNAVAILABLE',
          ),
        );
      }
    },
    Math.min(1000, Math.max(10, timeout / 4)),
  );
  const onAbort = () => fail(new AbortError(RUN_FN));
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    race: (work) => Promise.race([work, failed]),
    sleep: (ms) => Promise.race([new Promise<void>((r) => setTimeout(r, ms)), failed]),
    stop() {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
