import {
  AbortError,
  assertCallback,
  assertNumber,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type RunOptions,
  type TaskOutcome,
  type TaskSpec,
} from '@mgraph/core';
import type { TaskMessage, TryOutcome } from '../worker/run-task.mjs';

/** One try of one task (in this thread, or on a pool thread); `signal` aborts it. */
export type TryTask = (message: TaskMessage, signal: AbortSignal) => Promise<TryOutcome>;

/** The keys of `tasks` (given, or the index), checked: a kind string, unique string keys. */
function taskKeys(fn: string, tasks: readonly TaskSpec[]): string[] {
  if (!Array.isArray(tasks))
    throw new InvalidArgumentError(fn, 'tasks', tasks, 'an array of { kind, input, key? }');
  const keys = tasks.map((task, i) => {
    if (typeof task !== 'object' || task === null)
      throw new InvalidArgumentError(fn, `tasks[${i}]`, task, 'a { kind, input, key? } object');
    if (typeof task.kind !== 'string' || task.kind === '')
      throw new InvalidArgumentError(fn, `tasks[${i}].kind`, task.kind, 'a handler name');
    if (task.key !== undefined && (typeof task.key !== 'string' || task.key === ''))
      throw new InvalidArgumentError(fn, `tasks[${i}].key`, task.key, 'a non-empty string');
    return task.key ?? String(i);
  });
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key))
      throw new InvalidArgumentError(fn, `tasks[${i}].key`, key, 'a key unique within the run');
    seen.add(key);
  });
  return keys;
}

function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * The scheduling every local executor shares: at most `concurrency` tries in flight, a failed
 * try retried (first in line) until `options.attempts` tries are spent, outcomes in task
 * order, progress after each task settles, and cancellation (no new try starts, the running
 * ones get an aborted signal, the promise rejects with `AbortError`).
 *
 * @param fn - executor name, for errors.
 * @param moduleUrl - task module URL put in every {@link TaskMessage}.
 * @param tasks - the tasks; checked (kind, unique keys) before anything runs.
 * @param options - `RunOptions`: `signal`, `onProgress`, `attempts` (default 1).
 * @param concurrency - most tries in flight at once (an integer >= 1).
 * @param tryTask - runs one try; a rejection counts as a failed try with the rejection's error.
 * @returns one outcome per task, in task order.
 * @throws InvalidArgumentError on bad tasks or options; AbortError when `signal` aborts; the
 *   error `onProgress` throws (the run stops).
 */
export async function runTasks<O>(
  fn: string,
  moduleUrl: string,
  tasks: readonly TaskSpec[],
  options: RunOptions | undefined,
  concurrency: number,
  tryTask: TryTask,
): Promise<TaskOutcome<O>[]> {
  const keys = taskKeys(fn, tasks);
  const {
    signal,
    onProgress,
    attempts = 1,
  } = checkOptions(fn, options, {
    signal: true,
    onProgress: true,
    attempts: true,
  });
  assertSignal(fn, 'options.signal', signal);
  assertCallback(fn, 'options.onProgress', onProgress);
  assertNumber(fn, 'options.attempts', attempts, { integer: true, min: 1 });
  const total = tasks.length;
  const outcomes: TaskOutcome<O>[] = new Array(total);
  return await new Promise<TaskOutcome<O>[]>((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(fn));
    if (total === 0) return resolve(outcomes);
    const tries = new AbortController();
    const retries: { index: number; attempt: number }[] = [];
    let next = 0;
    let inFlight = 0;
    let settled = 0;
    let failed = 0;
    let stopped = false;
    const stop = (error: unknown) => {
      stopped = true;
      signal?.removeEventListener('abort', onAbort);
      tries.abort();
      reject(error);
    };
    const onAbort = () => stop(new AbortError(fn));
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (index: number, attempt: number, outcome: TryOutcome) => {
      inFlight--;
      if (stopped) return;
      if (!outcome.ok && attempt < attempts) {
        retries.push({ index, attempt: attempt + 1 });
        return pump();
      }
      const key = keys[index]!;
      outcomes[index] = outcome.ok
        ? { ok: true, key, value: outcome.value as O }
        : { ok: false, key, error: outcome.error, attempts: attempt };
      settled++;
      if (!outcome.ok) failed++;
      try {
        onProgress?.({ done: settled, failed, total, key });
      } catch (error) {
        return stop(error);
      }
      if (settled === total) {
        stopped = true;
        signal?.removeEventListener('abort', onAbort);
        return resolve(outcomes);
      }
      pump();
    };
    const start = (index: number, attempt: number) => {
      inFlight++;
      const task = tasks[index]!;
      const message = { moduleUrl, kind: task.kind, input: task.input, key: keys[index]!, attempt };
      new Promise<TryOutcome>((done) => done(tryTask(message, tries.signal))).then(
        (outcome) => finish(index, attempt, outcome),
        (error) => finish(index, attempt, { ok: false, error: describeError(error) }),
      );
    };
    function pump() {
      while (!stopped && inFlight < concurrency) {
        const retry = retries.shift();
        if (retry) start(retry.index, retry.attempt);
        else if (next < total) start(next++, 1);
        else return;
      }
    }
    pump();
  });
}
