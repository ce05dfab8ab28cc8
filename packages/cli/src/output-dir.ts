import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError, InvalidArgumentError } from '@mgraph/core';

/**
 * Make sure `dir` can take the report: create it when missing; refuse a directory that holds
 * files unless `force` (then its files are replaced one by one as they are written; files
 * the run does not write are left alone).
 *
 * @param fn - command name for errors
 * @param dir - the output directory
 * @param force - whether a non-empty directory may be written into
 * @throws InvalidArgumentError for a non-empty directory without `force`; FileError when it
 *   is a file or cannot be created
 */
export async function prepareOutputDir(fn: string, dir: string, force: boolean): Promise<void> {
  await FileError.wrap(fn, dir, 'create directory', () => mkdir(dir, { recursive: true }));
  const entries = await FileError.wrap(fn, dir, 'list', () => readdir(dir));
  if (entries.length > 0 && !force)
    throw new InvalidArgumentError(
      fn,
      '--out',
      dir,
      `a new or empty directory (it holds ${entries.length} entries, e.g. ${JSON.stringify(entries[0])}; pass --force to replace the report's files in it)`,
    );
}

/**
 * Refuse to overwrite an existing file unless `force`.
 *
 * @param fn - command name for errors
 * @param path - the file about to be written
 * @param force - whether an existing file may be replaced
 * @throws InvalidArgumentError when the file exists and `force` is false
 */
export async function prepareOutputFile(fn: string, path: string, force: boolean): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists && !force)
    throw new InvalidArgumentError(
      fn,
      'OUT',
      path,
      'a path that does not exist yet (pass --force to replace it)',
    );
}

let counter = 0;

/**
 * Write a file atomically: to `.<name>.<pid>.<n>.tmp` beside it, then renamed onto it (a
 * rename within one directory is atomic on POSIX file systems), so a reader never sees a
 * partial file; the temporary file is removed on failure.
 *
 * @param path - destination
 * @param data - content (strings as UTF-8)
 * @throws FileError naming the path when it cannot be written
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  counter += 1;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
  await FileError.wrap('writeFileAtomic', path, 'write', async () => {
    try {
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  });
}
