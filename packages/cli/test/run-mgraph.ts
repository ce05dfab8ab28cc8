// Run the `mgraph` bin (bin/mgraph.js, which loads the built dist/) as a child process, as a
// user's shell would.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mgraph.js');

export interface MgraphRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/mgraph.js ...args`: exit code, stdout and stderr (never rejects). */
export function runMgraph(args: readonly string[], timeout = 120_000): Promise<MgraphRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A CSV without quoted fields (what the tables of the report are) as rows of strings. */
export function readCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}
