// A child process of a test that reports events as JSON lines on stdout (the BullMQ worker
// processes of @mgraph/executor's and @mgraph/blocks' tests): every event is kept, `next`
// waits for one, and a process that exits first rejects the wait with its stderr.
import { type ChildProcess, spawn } from 'node:child_process';

export interface JsonLinesProcess<E> {
  child: ChildProcess;
  /** Every event so far, in order (a test may empty it to read only its own). */
  events: E[];
  /** Resolves with the first event, seen or to come, that matches `test`. */
  next(test: (e: E) => boolean): Promise<E>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * Run `node --import tsx SCRIPT ...args` in `cwd` and collect its stdout's JSON lines.
 *
 * @param script - the TypeScript entry point
 * @param args - its arguments
 * @param cwd - its working directory
 */
export function startJsonLinesProcess<E>(
  script: string,
  args: readonly string[],
  cwd: string,
): JsonLinesProcess<E> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: E[] = [];
  const waiting: { test: (e: E) => boolean; resolve: (e: E) => void }[] = [];
  let stderr = '';
  let buffer = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const event = JSON.parse(buffer.slice(0, nl)) as E;
      buffer = buffer.slice(nl + 1);
      events.push(event);
      for (const w of waiting.filter((w) => w.test(event))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    events,
    exited,
    next: (test) =>
      new Promise((resolve, reject) => {
        const seen = events.find(test);
        if (seen) return resolve(seen);
        waiting.push({ test, resolve });
        exited.then((code) => reject(new Error(`process exited (${code}):\n${stderr}`)));
      }),
  };
}
