import { InvalidArgumentError } from '@mgraph/core';

/**
 * The names, ids and keys a {@link bullmqExecutor} run and {@link runWorker} share. A run
 * is one BullMQ flow: a parent job named {@link RUN_JOB} with id `<runId>` and one child job
 * named {@link TASK_JOB} per task with id `<runId>.<encoded task key>`, so that a retried or
 * re-added task is the same job and writes the same result.
 */

/** Name of a run's parent job; it completes when every child has settled. */
export const RUN_JOB = 'mgraph-run';
/** Name of a task's job. */
export const TASK_JOB = 'mgraph-task';
/** The queue both sides use unless told otherwise. */
export const DEFAULT_QUEUE = 'mgraph';

/** Data of a task's job: JSON only (chunk keys, boxes, seeds; never voxels). */
export interface TaskJobData {
  run: string;
  kind: string;
  key: string;
  input: unknown;
  /** The task module's specifier, for workers started without one. */
  module: string;
}

/** Data of a run's parent job. */
export interface RunJobData {
  run: string;
  tasks: number;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Check a queue name or run id: 1 to 100 of `A-Z a-z 0-9 _ . -` (BullMQ keys use `:` as
 * separator and refuse it in job ids).
 *
 * @throws InvalidArgumentError naming `argument`
 */
export function checkName(fn: string, argument: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw new InvalidArgumentError(fn, argument, value, '1 to 100 of A-Z a-z 0-9 _ . -');
  }
  return value;
}

/** Job id of a task: the run id and the task key (percent-encoded, so any key is safe). */
export function taskJobId(runId: string, key: string): string {
  return `${runId}.${encodeURIComponent(key).replaceAll('.', '%2E')}`;
}

/** The Redis key that marks a run cancelled (workers refuse its remaining tasks). */
export function cancelledKey(queue: string, runId: string): string {
  return `mgraph:${queue}:cancelled:${runId}`;
}
