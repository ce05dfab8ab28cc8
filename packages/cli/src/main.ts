import { PHANTOM_HELP, runPhantom } from './run-phantom.js';
import { runVolume } from './run-volume.js';
import { runWorkerCommand, WORKER_HELP } from './run-worker-command.js';
import type { ProgressStream } from './stage-progress.js';
import { parseVolumeArgs, VOLUME_HELP } from './volume-args.js';

/** `mgraph --help`. */
export const MAIN_HELP = `Usage: mgraph <command> [options]

Commands:
  volume FILE   analyse a 3D phase volume (TIFF stack, .npy, raw) into a report directory
  phantom OUT   write a 3D phantom phase volume as a TIFF stack (for a demo or a test)
  worker        process bullmqExecutor jobs from Redis (--redis URL) until SIGTERM

Run mgraph <command> --help for the options of a command.
`;

/** The streams {@link main} writes to. */
export interface MainStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

/**
 * The `mgraph` command line: dispatch to a command, print its help, and turn an error into
 * one line on stderr (`mgraph: <message>`) and exit status 1 (2 for a missing or unknown
 * command), with the stack trace only under `--verbose`.
 *
 * @param argv - the arguments after the program name
 * @param streams - stdout and stderr (default the process's)
 * @returns the exit status
 */
export async function main(
  argv: readonly string[],
  streams: MainStreams = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = argv.includes('--verbose');
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      streams.stdout.write(MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === 'volume') {
      const parsed = parseVolumeArgs(rest);
      if (parsed === 'help') {
        streams.stdout.write(VOLUME_HELP);
        return 0;
      }
      await runVolume(parsed, streams.stderr);
      return 0;
    }
    if (command === 'phantom') {
      if ((await runPhantom(rest, streams.stderr)) === 'help') streams.stdout.write(PHANTOM_HELP);
      return 0;
    }
    if (command === 'worker') {
      if ((await runWorkerCommand(rest, streams.stderr)) === 'help')
        streams.stdout.write(WORKER_HELP);
      return 0;
    }
    streams.stderr.write(`mgraph: unknown command ${JSON.stringify(command)}\n${MAIN_HELP}`);
    return 2;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`${streams.stderr.isTTY ? '\n' : ''}mgraph: ${message.split('\n')[0]}\n`);
    if (verbose && error instanceof Error && error.stack) streams.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
