import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileError, InvalidArgumentError } from '@mgraph/core';
import type { HeteroDataArrays } from './hetero-data.js';
import { checkHeteroData, encodeHeteroDataNpy } from './npy.js';

/**
 * Write {@link encodeHeteroDataNpy}'s files into a directory (created if missing). Node.js only
 * (`@mgraph/graph/node`). Destination first, as `fs.writeFile` and `numpy.save`.
 *
 * @param dir - target directory
 * @param data - arrays from {@link toHeteroData}
 * @returns the paths written
 * @throws InvalidArgumentError when `dir` is not a non-empty string or `data` is not
 *   {@link toHeteroData}'s arrays (as when the pre-0.2 `(data, dir)` order is used)
 * @throws FileError (core) naming the path when the directory cannot be created (a file is
 *   in the way: `EEXIST` / `ENOTDIR`) or a file cannot be written (`EISDIR`, `EACCES`...)
 */
export async function writeHeteroDataNpy(dir: string, data: HeteroDataArrays): Promise<string[]> {
  const fn = 'writeHeteroDataNpy';
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new InvalidArgumentError(fn, 'dir', dir, 'a directory path');
  }
  checkHeteroData(fn, data);
  const files = Object.entries(encodeHeteroDataNpy(data));
  await FileError.wrap(fn, dir, 'create directory', () => mkdir(dir, { recursive: true }));
  const paths: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(dir, name);
    await FileError.wrap(fn, path, 'write', () => writeFile(path, bytes));
    paths.push(path);
  }
  return paths;
}
