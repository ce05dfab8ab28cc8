/**
 * How a task's error crosses Redis: BullMQ keeps only a message (`failedReason`), so a worker
 * stores `"<name>: <message>"` and the executor splits it back into the
 * {@link TaskOutcome} error's `name` and `message` (as the in-thread executor reports them).
 */

/** `"<name>: <message>"` of a thrown value (`Error` for a thrown non-error). */
export function failureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message}`;
}

/**
 * Split a BullMQ `failedReason` written by {@link failureReason}; a reason BullMQ wrote itself
 * (e.g. `"job stalled more than allowable limit"`) comes back with the name `Error`.
 */
export function parseFailureReason(reason: string): { name: string; message: string } {
  const match = /^([A-Za-z_$][\w$]*): ([\s\S]*)$/.exec(reason);
  return match ? { name: match[1]!, message: match[2]! } : { name: 'Error', message: reason };
}
