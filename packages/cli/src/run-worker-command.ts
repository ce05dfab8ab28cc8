import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@mgraph/core';
import { runWorker, type WorkerEvent, type WorkerHandle } from '@mgraph/executor';

/** `--help` of `mgraph worker`. */
export const WORKER_HELP = `Usage: mgraph worker --redis URL [options]

Process the jobs of bullmqExecutor runs (@mgraph/executor) from a Redis queue until SIGTERM or
SIGINT, which let the running tasks finish and store their results before the worker exits.
Start one per core, on any number of machines, against the same Redis; the task handlers
must see the same data store (chunk keys in a job name files or objects, never voxels).

  --redis URL          Redis URL, e.g. redis://10.0.0.5:6379 (required)
  --queue NAME         BullMQ queue, as given to bullmqExecutor (default mgraph)
  --tasks MODULE       task module (path, file: URL or package specifier such as
                       @mgraph/pipeline/tasks) for every job (default: the module each job
                       names; only against a Redis you trust)
  --concurrency N      tasks at once in this process (default 1: start a process per core)
  --lock-duration MS   job lock, renewed while a task runs; a killed worker's job is
                       re-queued after it expires (default 30000)
  --quiet              only errors on stderr
`;

/**
 * Run `mgraph worker`: {@link runWorker} with the flags, one line on stderr per task that
 * fails and per connection error (per task started and finished too, without `--quiet`),
 * closed gracefully on SIGTERM or SIGINT.
 *
 * @param argv - the arguments after the word `worker`
 * @param stderr - where the log lines go
 * @returns `'help'`, or (once the worker has closed after a signal) `'closed'`
 * @throws InvalidArgumentError for bad flags, before connecting
 */
export async function runWorkerCommand(
  argv: readonly string[],
  stderr: { write(text: string): unknown },
): Promise<'help' | 'closed'> {
  const fn = 'mgraph worker';
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new InvalidArgumentError(
      fn,
      'argv',
      argv.join(' '),
      `flags of mgraph worker (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (values.help) return 'help';
  if (values.redis === undefined)
    throw new InvalidArgumentError(fn, '--redis', undefined, 'a Redis URL (redis://host:port)');
  const concurrency = integerFlag(fn, '--concurrency', values.concurrency, 1);
  const lockDuration = integerFlag(fn, '--lock-duration', values['lock-duration'], 100);
  const quiet = values.quiet ?? false;
  const log = (event: WorkerEvent) => {
    if (quiet && event.type !== 'failed' && event.type !== 'error') return;
    const task = event.key === undefined ? '' : ` ${event.run} ${JSON.stringify(event.key)}`;
    stderr.write(
      `mgraph worker: ${event.type}${task}${event.message ? `: ${event.message}` : ''}\n`,
    );
  };
  const handle: WorkerHandle = await runWorker({
    connection: values.redis,
    queue: values.queue,
    // A relative path is relative to the current directory, as on any command line.
    tasksModule: values.tasks?.startsWith('.') ? resolve(values.tasks) : values.tasks,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    onEvent: log,
  });
  if (!quiet)
    stderr.write(
      `mgraph worker: listening on queue ${handle.queue} (concurrency ${concurrency ?? 1}); SIGTERM or Ctrl-C stops it\n`,
    );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      if (!quiet) stderr.write(`mgraph worker: ${signal}: finishing the running tasks\n`);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await handle.close();
  if (!quiet) stderr.write('mgraph worker: closed\n');
  return 'closed';
}

function integerFlag(
  fn: string,
  flag: string,
  value: string | undefined,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new InvalidArgumentError(fn, flag, value, `an integer >= ${min}`);
  return n;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string' },
      tasks: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-duration': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
