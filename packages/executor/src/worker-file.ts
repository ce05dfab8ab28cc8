/**
 * URL of `worker/run-task.mjs`, the plain-JavaScript module that runs one try of a task (in
 * the calling thread for `inThreadExecutor`, in every pool thread for `poolExecutor`). It sits
 * one folder above both `src/` and `dist/`, so the same URL works from the sources (tests) and
 * from the build.
 */
export const RUN_TASK_URL = new URL('../worker/run-task.mjs', import.meta.url);
