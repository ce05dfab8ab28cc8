/**
 * `@mgraph/executor`: run mgraph work past one thread and one machine. One task contract
 * ({@link defineTasks}, {@link TaskSpec}, {@link Executor}) shared by an in-thread executor,
 * a worker-thread pool and a BullMQ / Redis executor.
 *
 * @packageDocumentation
 */

export {
  defineTasks,
  type Executor,
  type RunOptions,
  type RunProgress,
  type TaskContext,
  type TaskHandler,
  type TaskOutcome,
  type TaskRegistry,
  type TaskSpec,
} from '@mgraph/core';
