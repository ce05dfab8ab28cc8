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
export {
  type BullmqExecutor,
  type BullmqExecutorOptions,
  type BullmqRunOptions,
  bullmqExecutor,
} from './bullmq-executor.js';
export { hashOutcomes } from './hash-outcomes.js';
export { inThreadExecutor } from './in-thread-executor.js';
export { type PoolExecutor, type PoolExecutorOptions, poolExecutor } from './pool-executor.js';
export {
  type RunWorkerOptions,
  runWorker,
  type WorkerEvent,
  type WorkerHandle,
} from './run-worker.js';
