/**
 * Atomic file output: every file of the workflow is written to a temporary file beside its
 * destination and then renamed over it, so a reader (or a crashed run) never sees a partial
 * file: the destination holds either the previous content or the complete new one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Write `data` to `path` atomically: write `<dir>/.<name>.<pid>.<n>.tmp`, then rename it
 * onto `path` (a rename within one directory is atomic on POSIX file systems). Parent
 * directories are created. On failure the temporary file is removed and the error rethrown.
 *
 * @param path - destination file.
 * @param data - file content (strings are written as UTF-8).
 * @returns the destination path.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<string> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  counter += 1;
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${counter}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return path;
}
