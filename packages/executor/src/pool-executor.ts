import { availableParallelism } from 'node:os';
import {
  assertNumber,
  checkOptions,
  type Executor,
  InvalidArgumentError,
  type RunOptions,
  type TaskOutcome,
  type TaskSpec,
} from '@mgraph/core';
import { Piscina } from 'piscina';
import type { TaskMessage, TryOutcome } from '../worker/run-task.mjs';
import { runTasks } from './run-tasks.js';
import { tasksModuleUrl } from './tasks-module-url.js';
import { RUN_TASK_URL } from './worker-file.js';

/** Options of {@link poolExecutor}. */
export interface PoolExecutorOptions {
  /**
   * The task module (default export `defineTasks({...})`), loaded once in every worker thread:
   * a `URL`, a URL string, an absolute path or a package specifier. A `.ts` / `.mts` module
   * is loaded through tsx (which must then be installed); built JavaScript in production.
   */
  tasksModule: string | URL;
  /** Worker threads (default `os.availableParallelism()`). */
  size?: number;
  /**
   * Most tasks submitted to the threads at a time (default `size`): memory is bounded by the
   * inputs and outputs of this many tasks, however long the task list.
   */
  maxInFlight?: number;
}

/** A pool executor: an {@link Executor} with its settings. */
export interface PoolExecutor extends Executor {
  readonly size: number;
  readonly maxInFlight: number;
}

/**
 * An executor over a pool of worker threads (piscina): each task runs on one thread, results
 * come back in task order. Inputs are structured-cloned, so typed arrays over a
 * `SharedArrayBuffer` are shared with the threads, not copied (a handler's writes are seen by
 * the caller). A task whose handler throws, or whose thread dies (`process.exit`, a crash),
 * is retried while `options.attempts` allows, then becomes a failed outcome with its key and
 * error; the other tasks still run (piscina replaces a dead thread). Cancelling
 * (`options.signal`) starts no new task, ends the threads running tasks (piscina aborts a
 * running task by terminating its thread) and rejects with core's `AbortError`.
 *
 * @param options - see {@link PoolExecutorOptions}: `tasksModule` (required), `size`
 *   (default `os.availableParallelism()`), `maxInFlight` (default `size`).
 * @returns a {@link PoolExecutor}; call `close()` to end its threads.
 * @throws InvalidArgumentError on a bad option (before any thread starts).
 * @example
 * const pool = poolExecutor({ tasksModule: '@mgraph/pipeline/tasks', size: 4 });
 * const outcomes = await pool.run(tasks, { onProgress: (p) => console.log(p.done, p.total) });
 * await pool.close();
 */
export function poolExecutor(options: PoolExecutorOptions): PoolExecutor {
  const fn = 'poolExecutor';
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(fn, 'options', options, 'an options object with tasksModule');
  const { tasksModule, size = availableParallelism() } = checkOptions(fn, options, {
    tasksModule: true,
    size: true,
    maxInFlight: true,
  });
  const moduleUrl = tasksModuleUrl(fn, tasksModule);
  assertNumber(fn, 'options.size', size, { integer: true, min: 1 });
  const maxInFlight = options.maxInFlight ?? size;
  assertNumber(fn, 'options.maxInFlight', maxInFlight, { integer: true, min: 1 });
  const pool = new Piscina<TaskMessage, TryOutcome>({
    filename: RUN_TASK_URL.href,
    minThreads: size,
    maxThreads: size,
    // Threads live until close(): a task module is loaded once per thread.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  let closed = false;
  return {
    size,
    maxInFlight,
    run<O>(tasks: readonly TaskSpec[], runOptions?: RunOptions): Promise<TaskOutcome<O>[]> {
      if (closed)
        return Promise.reject(
          new InvalidArgumentError('poolExecutor.run', 'this', 'closed', 'an open pool'),
        );
      return runTasks<O>('poolExecutor.run', moduleUrl, tasks, runOptions, maxInFlight, (m, s) =>
        pool.run(m, { signal: s }),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
