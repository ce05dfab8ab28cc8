/**
 * The worker side of {@link runPool}: answer each task message with the handler's value,
 * or with the error it threw (name and message), so one bad task never kills the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResultMessage, TaskMessage } from './pool.js';

/**
 * Serve tasks in this worker thread with `handler(task, workerData)`.
 *
 * @param handler - computes a task's result (may be async); its throw becomes a failed outcome.
 * @param transfer - optional: the buffers of a result to transfer instead of copy.
 */
export function serveTasks<T, R>(
  handler: (task: T, data: unknown) => R | Promise<R>,
  transfer?: (result: R) => ArrayBuffer[],
): void {
  if (!parentPort) throw new Error('serveTasks must run inside a worker thread');
  const port = parentPort;
  port.on('message', async ({ id, task }: TaskMessage<T>) => {
    let reply: ResultMessage<R>;
    try {
      const value = await handler(task, workerData);
      reply = { id, ok: true, value };
      port.postMessage(reply, transfer ? transfer(value) : []);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { id, ok: false, error: { name: e.name, message: e.message } };
      port.postMessage(reply);
    }
  });
}
