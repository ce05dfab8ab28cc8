import { InvalidArgumentError } from './errors.js';

/**
 * The contract every executor (`@mgraph/executor`) shares. Work is a list of {@link TaskSpec}s: a `kind` naming a
 * handler in a task module, a structured-cloneable `input` (for the distributed executor a
 * JSON value: chunk keys, boxes, seeds, never voxels) and a `key` that identifies the task in
 * progress reports, failure reports and idempotent result storage (e.g. `block-2-0-1`).
 * A task module is an ES module whose default export is a {@link TaskRegistry} made with
 * {@link defineTasks}; executors load it by URL in every worker thread or process, so the
 * same module gives the same answer in-thread, on the pool and on BullMQ.
 */

/** What a handler may use besides its input. */
export interface TaskContext {
  /**
   * Aborted when the run is cancelled; long handlers should check it between steps. (On a
   * worker-thread pool a cancelled task's thread is ended instead, and this signal never fires.)
   */
  readonly signal: AbortSignal;
  /** 1 on the first try, 2 on the first retry, ... */
  readonly attempt: number;
  /** The task's key (see {@link TaskSpec.key}). */
  readonly key: string;
}

/** One handler: a pure function of its input (results must not depend on the attempt). */
export type TaskHandler<I = never, O = unknown> = (
  input: I,
  context: TaskContext,
) => O | Promise<O>;

/** A task module's default export: handlers by kind. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds handlers of any input type
export type TaskRegistry = Readonly<Record<string, TaskHandler<any, unknown>>>;

/**
 * Declare a task module's handlers (identity at run time; it checks every value is a
 * function and keeps the handler types for {@link TaskSpec} inference).
 */
export function defineTasks<R extends TaskRegistry>(tasks: R): R {
  for (const [kind, handler] of Object.entries(tasks)) {
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError('defineTasks', `tasks.${kind}`, handler, 'a function');
    }
  }
  return tasks;
}

/** One unit of work. */
export interface TaskSpec<I = unknown> {
  /** Handler name in the task module. */
  kind: string;
  /** The handler's input. */
  input: I;
  /** Unique within a run; defaults to the task's index as a string. */
  key?: string;
}

/** The outcome of one task, in task order. */
export type TaskOutcome<O = unknown> =
  | { ok: true; key: string; value: O }
  | { ok: false; key: string; error: { name: string; message: string }; attempts: number };

/** Progress of a run, reported after each task settles. */
export interface RunProgress {
  /** Tasks settled so far (succeeded, or failed after their last try). */
  done: number;
  /** Of those, the failed ones. */
  failed: number;
  /** Tasks in the run. */
  total: number;
  /** Key of the task that just settled. */
  key: string;
}

/** Options every executor's `run` takes. */
export interface RunOptions {
  /** Cancel: no new task starts, running ones are aborted, the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called after each task settles. */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Tries per task before it is reported failed (default 1: no retry). A try fails when the
   * handler throws or its thread / process dies; the outcome's `attempts` says how many ran.
   */
  attempts?: number;
}

/** An executor runs tasks of one task module and returns outcomes in task order. */
export interface Executor {
  run<O = unknown>(tasks: readonly TaskSpec[], options?: RunOptions): Promise<TaskOutcome<O>[]>;
  /** Release threads, processes and connections. */
  close(): Promise<void>;
}
