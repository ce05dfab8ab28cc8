import { mkdir, readdir, stat } from 'node:fs/promises';
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
