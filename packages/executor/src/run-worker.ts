import { assertCallback, assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import {
  cancelledKey,
  checkName,
  DEFAULT_QUEUE,
  RUN_JOB,
  type RunJobData,
  TASK_JOB,
  type TaskJobData,
} from './bullmq-jobs.js';
import { checkRedisUrl, openRedis } from './redis-connection.js';
import { failureReason } from './task-failure.js';
import { encodeTaskResult } from './task-result-json.js';
import { tasksModuleUrl } from './tasks-module-url.js';
import { RUN_TASK_URL } from './worker-file.js';

/** Options of {@link runWorker}. */
export interface RunWorkerOptions {
  /** Redis URL, e.g. `redis://10.0.0.5:6379` (required). */
  connection: string;
  /** BullMQ queue name, as given to `bullmqExecutor`. Default `'mgraph'`. */
  queue?: string;
  /**
   * The task module to run every task with (a `URL`, a URL string, an absolute path or a
   * package specifier). Default: the module each job names (the executor's `tasksModule`),
   * imported once per name; only run such a worker against a Redis you trust, since it
   * imports what the jobs name.
   */
  tasksModule?: string | URL;
  /**
   * Tasks run at once in this process. Default 1: handlers are CPU-bound JavaScript, so run
   * one worker process per core rather than a higher concurrency.
   */
  concurrency?: number;
  /**
   * Milliseconds a job's lock lasts; the worker renews it every half of it while the handler
   * runs, which a handler that blocks the event loop prevents: keep it above the longest
   * synchronous stretch of a handler. A killed worker's job is re-queued after it expires.
   * Default 30,000 (BullMQ's).
   */
  lockDuration?: number;
  /** Milliseconds between this worker's checks for stalled jobs (locks expired). Default 30,000. */
  stalledInterval?: number;
  /** Times a job may stall (its worker died) before it fails for good. Default 1. */
  maxStalledCount?: number;
  /** Called for each job that starts, completes or fails, and for connection errors. */
  onEvent?: (event: WorkerEvent) => void;
}

/** What {@link runWorker} reports through `onEvent`. */
export interface WorkerEvent {
  type: 'active' | 'completed' | 'failed' | 'error';
  /** The run and task key, for job events. */
  run?: string;
  key?: string;
  /** The failure reason or connection error, for `failed` and `error`. */
  message?: string;
}

/** A running worker. */
export interface WorkerHandle {
  /** The queue it listens on. */
  readonly queue: string;
  /**
   * Stop taking jobs, wait for the running ones to finish (their results are stored), then
   * close the connection. What SIGTERM does in `mgraph worker`.
   */
  close(): Promise<void>;
}

const FN = 'runWorker';

/**
 * Process the jobs of `bullmqExecutor` runs: a BullMQ worker that runs each task job's
 * handler (`kind` of the task module) on its input and stores the result as the job's return
 * value, and completes each run's parent job. Start one per core on any number of machines
 * against the same Redis (and the same store the handlers read and write); `mgraph worker`
 * is this function on the command line.
 *
 * A handler's error (or an unknown kind, or a task module that cannot be imported) fails the
 * try: BullMQ retries it up to the run's `attempts` and stores the error as
 * `"<name>: <message>"`. A result that is not plain JSON (but for `NaN`, the infinities and
 * `-0`, which are carried tagged), or a task of a cancelled run, fails at once, without retry.
 *
 * @param options - see {@link RunWorkerOptions}
 * @returns a handle whose `close()` stops the worker gracefully
 * @throws InvalidArgumentError for a bad URL, queue, module or number, before connecting
 * @see https://docs.bullmq.io/guide/workers
 */
export async function runWorker(options: RunWorkerOptions): Promise<WorkerHandle> {
  checkOptions(FN, options, {
    connection: true,
    queue: true,
    tasksModule: true,
    concurrency: true,
    lockDuration: true,
    stalledInterval: true,
    maxStalledCount: true,
    onEvent: true,
  });
  const url = checkRedisUrl(FN, 'options.connection', options.connection);
  const queue = checkName(FN, 'options.queue', options.queue ?? DEFAULT_QUEUE);
  const {
    concurrency = 1,
    lockDuration = 30_000,
    stalledInterval = 30_000,
    maxStalledCount = 1,
    onEvent,
  } = options;
  assertNumber(FN, 'options.concurrency', concurrency, { integer: true, min: 1, max: 1024 });
  assertNumber(FN, 'options.lockDuration', lockDuration, { integer: true, min: 100 });
  assertNumber(FN, 'options.stalledInterval', stalledInterval, { integer: true, min: 100 });
  assertNumber(FN, 'options.maxStalledCount', maxStalledCount, { integer: true, min: 0 });
  assertCallback(FN, 'options.onEvent', onEvent);
  const fixedUrl =
    options.tasksModule === undefined ? undefined : tasksModuleUrl(FN, options.tasksModule);
  const { default: runTask } = (await import(
    RUN_TASK_URL.href
  )) as typeof import('../worker/run-task.mjs');

  const redis = openRedis(url);
  redis.on('error', (error: Error) => onEvent?.({ type: 'error', message: error.message }));
  const processor = async (job: Job, _token?: string, signal?: AbortSignal) => {
    if (job.name === RUN_JOB) return { tasks: (job.data as RunJobData).tasks };
    const { run, kind, key, input, module } = job.data as TaskJobData;
    if (job.name !== TASK_JOB || typeof module !== 'string') {
      throw new UnrecoverableError(
        failureReason(
          new InvalidArgumentError(FN, 'job', job.name, `a "${TASK_JOB}" job of bullmqExecutor`),
        ),
      );
    }
    if ((await redis.exists(cancelledKey(queue, run))) === 1) {
      throw new UnrecoverableError(`AbortError: ${FN}: run ${run} was cancelled`);
    }
    let moduleUrl: string;
    try {
      moduleUrl = fixedUrl ?? tasksModuleUrl(FN, module);
    } catch (error) {
      throw new UnrecoverableError(failureReason(error));
    }
    const outcome = await runTask(
      { moduleUrl, kind, input, key, attempt: job.attemptsMade + 1 },
      signal,
    );
    if (!outcome.ok) throw new Error(`${outcome.error.name}: ${outcome.error.message}`);
    try {
      return encodeTaskResult(FN, `result of task ${JSON.stringify(key)} (${kind})`, outcome.value);
    } catch (error) {
      throw new UnrecoverableError(failureReason(error));
    }
  };
  const worker = new Worker(queue, processor, {
    connection: redis,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount,
  });
  const data = (job: Job | undefined) => job?.data as TaskJobData | undefined;
  worker.on('active', (job) => {
    if (job.name === TASK_JOB)
      onEvent?.({ type: 'active', run: data(job)?.run, key: data(job)?.key });
  });
  worker.on('completed', (job) => {
    if (job.name === TASK_JOB)
      onEvent?.({ type: 'completed', run: data(job)?.run, key: data(job)?.key });
  });
  worker.on('failed', (job, error) =>
    onEvent?.({ type: 'failed', run: data(job)?.run, key: data(job)?.key, message: error.message }),
  );
  worker.on('error', (error) => onEvent?.({ type: 'error', message: error.message }));
  await worker.waitUntilReady();
  return {
    queue,
    async close() {
      await worker.close();
      redis.disconnect();
    },
  };
}
