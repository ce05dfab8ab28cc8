// Headless Chromium for the browser tests: Debian's `chromium` (or `CHROMIUM=/path`), also
// used by the report.html test of ../workflow.test.ts, run on one URL until the page has
// posted its result to the test server.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The Chromium executable, or null when none is installed. */
export const chromium: string | null = (() => {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const name of ['chromium', 'chromium-browser', 'google-chrome'])
      if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
})();

/**
 * Open `url` in headless Chromium and wait for `result` (the page's POST); the browser is
 * closed either way. Rejects when the browser exits first or after `timeoutMs`.
 */
export async function runPage<T>(url: string, result: Promise<T>, timeoutMs: number): Promise<T> {
  if (!chromium) throw new Error('no chromium on PATH (apt-get install chromium, or set CHROMIUM)');
  const profile = mkdtempSync(join(tmpdir(), 'mgraph-chromium-'));
  const child: ChildProcess = spawn(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      url,
    ],
    // its own process group, so that the helpers (zygote, renderers) are stopped with it
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      result,
      new Promise<never>((_, reject) => {
        child.on('exit', (code) =>
          reject(new Error(`chromium exited (${code}) before the page posted:\n${stderr}`)),
        );
        timer = setTimeout(
          () => reject(new Error(`no result from ${url} in ${timeoutMs} ms:\n${stderr}`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child, 'SIGTERM');
      await exited;
    }
    // helpers that outlive the browser process would go on writing to the profile
    killGroup(child, 'SIGKILL');
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 50, retryDelay: 200 });
    } catch (error) {
      // a leftover temporary profile is not what this test checks; say so and go on
      console.warn(`could not remove the Chromium profile ${profile}: ${(error as Error).message}`);
    }
  }
}

/** Send `signal` to the process group of `child` (spawned detached); none left is fine. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
