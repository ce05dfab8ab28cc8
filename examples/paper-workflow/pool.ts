/**
 * A worker pool over `node:worker_threads`: one task per message, at most `size` workers,
 * results in task order. A task that throws, or whose worker dies, becomes a failed result
 * carrying the reason; every other task still runs (a dead worker is replaced).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AbortError } from '@mgraph/core';

/** The outcome of one task: its value, or the reason it failed. */
export type TaskOutcome<R> =
  | { ok: true; value: R }
  | { ok: false; error: { name: string; message: string } };

/** Message from the pool to a worker. */
export interface TaskMessage<T> {
  id: number;
  task: T;
}

/** Message from a worker to the pool. */
export type ResultMessage<R> = { id: number } & TaskOutcome<R>;

/** Options of {@link runPool}. */
export interface PoolOptions<R> {
  /** Number of workers (default `os.availableParallelism()`, at most the task count). */
  size?: number;
  /** `workerData` given to every worker (e.g. the model path). */
  workerData?: unknown;
  /** Called after each task settles: (tasks settled, total, outcome, task index). */
  onProgress?: (done: number, total: number, outcome: TaskOutcome<R>, index: number) => void;
  /** Abort: no new task starts, running workers are terminated, the promise rejects. */
  signal?: AbortSignal;
}

/**
 * Start a worker on `url`. TypeScript worker files (this repo runs its scripts with tsx) get
 * a small bootstrap that registers tsx's loader in the worker thread first: Node 20 ignores
 * `--import` in a worker's `execArgv`.
 */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}

function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * Run `tasks` on a pool of worker threads running `workerUrl` (a module that calls
 * {@link serveTasks}). Each worker takes one task at a time.
 *
 * @param workerUrl - URL of the worker module (`.ts` files are loaded through tsx).
 * @param tasks - the tasks (structured-cloneable).
 * @param options - see {@link PoolOptions}.
 * @returns one outcome per task, in task order.
 * @throws AbortError when `signal` aborts.
 */
export function runPool<T, R>(
  workerUrl: URL,
  tasks: readonly T[],
  options: PoolOptions<R> = {},
): Promise<TaskOutcome<R>[]> {
  const total = tasks.length;
  const size = Math.max(1, Math.min(options.size ?? availableParallelism(), total));
  const outcomes: TaskOutcome<R>[] = new Array(total);
  if (total === 0) return Promise.resolve(outcomes);
  return new Promise((resolve, reject) => {
    let next = 0;
    let settled = 0;
    let stopped = false;
    const workers = new Set<Worker>();
    const stopAll = () => {
      stopped = true;
      for (const w of workers) void w.terminate();
      workers.clear();
    };
    const onAbort = () => {
      stopAll();
      reject(new AbortError('runPool'));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const settle = (index: number, outcome: TaskOutcome<R>) => {
      outcomes[index] = outcome;
      settled += 1;
      options.onProgress?.(settled, total, outcome, index);
      if (settled === total) {
        options.signal?.removeEventListener('abort', onAbort);
        stopAll();
        resolve(outcomes);
      }
    };

    const spawn = () => {
      const worker = startWorker(workerUrl, options.workerData);
      workers.add(worker);
      let current = -1;
      const feed = () => {
        if (stopped) return;
        if (next >= total) {
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] } satisfies TaskMessage<T>);
      };
      worker.on('message', (msg: ResultMessage<R>) => {
        if (msg.id !== current) return;
        current = -1;
        const { id, ...outcome } = msg;
        settle(id, outcome as TaskOutcome<R>);
        feed();
      });
      const die = (reason: { name: string; message: string }) => {
        if (!workers.delete(worker) || stopped) return;
        if (current >= 0) {
          const index = current;
          current = -1;
          settle(index, { ok: false, error: reason });
        }
        if (!stopped && next < total) spawn();
      };
      worker.on('error', (error) => die(describeError(error)));
      worker.on('exit', (code) =>
        die({ name: 'WorkerExit', message: `worker exited with code ${code}` }),
      );
      feed();
    };
    for (let i = 0; i < size; i++) spawn();
  });
}
