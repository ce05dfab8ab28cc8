import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError } from '@mgraph/core';

let counter = 0;

/**
 * Write `data` to `destination` atomically: parent directories are created, the bytes go to
 * `<dir>/.<name>.<pid>.<n>.tmp` beside it, which is then renamed onto `destination` (a rename
 * within one directory is atomic on POSIX file systems). A reader, or a run that crashes,
 * sees either the previous file or the complete new one, never a partial file; on failure the
 * temporary file is removed.
 *
 * @param destination - the file to write
 * @param data - its content (strings as UTF-8)
 * @throws FileError naming `writeFileAtomic`, the path and the system error (e.g. `EISDIR`
 *   when `destination` is a non-empty directory) when it cannot be written
 * @example await writeFileAtomic('out/table.csv', 'x,y\n1,2\n')
 *
 * @remarks
 * References: POSIX `rename(2)` (atomic replacement of the destination).
 */
export async function writeFileAtomic(
  destination: string,
  data: string | Uint8Array,
): Promise<void> {
  const fn = 'writeFileAtomic';
  const dir = dirname(destination);
  await FileError.wrap(fn, dir, 'create directory', () => mkdir(dir, { recursive: true }));
  counter += 1;
  const tmp = join(dir, `.${basename(destination)}.${process.pid}.${counter}.tmp`);
  await FileError.wrap(fn, destination, 'write', async () => {
    try {
      await writeFile(tmp, data);
      await rename(tmp, destination);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  });
}
