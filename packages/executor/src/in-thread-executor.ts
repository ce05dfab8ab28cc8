import type { Executor, RunOptions, TaskOutcome, TaskSpec } from '@mgraph/core';
import type { TryTask } from './run-tasks.js';
import { runTasks } from './run-tasks.js';
import { tasksModuleUrl } from './tasks-module-url.js';
import { RUN_TASK_URL } from './worker-file.js';

/**
 * An executor that runs tasks one after the other in the calling thread: the reference the
 * pool and the BullMQ executor are compared with (same task module, same outcomes). The
 * handler's `context.signal` aborts with `options.signal`; a synchronous handler only sees
 * it once it returns.
 *
 * @param tasksModule - the task module (default export `defineTasks({...})`): a `URL`, a URL
 *   string, an absolute path or a package specifier (`'@mgraph/pipeline/tasks'`). A
 *   TypeScript module needs the calling thread to run under tsx (or vitest).
 * @returns an {@link Executor}; `run` takes `RunOptions` (`signal`, `onProgress`, `attempts`
 *   default 1); `close` does nothing.
 * @throws InvalidArgumentError when `tasksModule` is not a URL, path or resolvable specifier.
 * @example const outcomes = await inThreadExecutor('@mgraph/pipeline/tasks').run(tasks)
 */
export function inThreadExecutor(tasksModule: string | URL): Executor {
  const moduleUrl = tasksModuleUrl('inThreadExecutor', tasksModule);
  const tryTask: TryTask = async (message, signal) => {
    const { default: runTask } = (await import(
      RUN_TASK_URL.href
    )) as typeof import('../worker/run-task.mjs');
    return runTask(message, signal);
  };
  return {
    run<O>(tasks: readonly TaskSpec[], options?: RunOptions): Promise<TaskOutcome<O>[]> {
      return runTasks<O>('inThreadExecutor', moduleUrl, tasks, options, 1, tryTask);
    },
    close: () => Promise.resolve(),
  };
}
