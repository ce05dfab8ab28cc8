import { FileError, InvalidArgumentError, throwIfAborted } from '@mgraph/core';
import { allocate, imageOfPlan } from './decode-tiff.js';
import { readFromFile } from './file-reads.js';
import type { Blame } from './tiff-directory.js';
import type { TiffImage } from './tiff-image.js';
import { decodePlane, planTiff, type TiffReadOptions } from './tiff-plan.js';

/** Check a path argument. */
export function assertPath(fn: string, argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError(fn, argument, value, 'a file path (non-empty string)');
  }
}

/**
 * Read a TIFF file ({@link decodeTiff} for what it reads and returns). Reads only the
 * header, the IFDs and each page's strips or tiles, straight into the result: memory is
 * the result plus one block.
 *
 * @param source - path of the file
 * @param options - {@link TiffReadOptions}: `page`, `channel`, `onProgress`, `signal`
 * @returns `{ data, spacing, unit, axes, info }`
 * @throws InvalidArgumentError for a file this package cannot read (naming the reason),
 *   raised before anything proportional to the claimed image is allocated
 * @throws AbortError when `options.signal` aborts
 * @throws FileError (core) naming the path for a missing file (`ENOENT`), a directory
 *   (`EISDIR`) or another system error
 */
export async function readTiff(source: string, options: TiffReadOptions = {}): Promise<TiffImage> {
  const fn = 'readTiff';
  assertPath(fn, 'source', source);
  const { open } = await import('node:fs/promises');
  const handle = await FileError.wrap(fn, source, 'open', () => open(source, 'r'));
  try {
    const size = (await handle.stat()).size;
    const blame: Blame = { fn, argument: 'source', value: source };
    const plan = await readFromFile(handle, planTiff(size, options ?? {}, blame));
    const n = plan.height * plan.width;
    const data = allocate(blame, plan.dtype, n * plan.pages.length);
    for (let k = 0; k < plan.pages.length; k++) {
      throwIfAborted(fn, options?.signal);
      await readFromFile(
        handle,
        decodePlane(plan, plan.pages[k]!, data.subarray(k * n, (k + 1) * n), blame),
      );
      options?.onProgress?.(k + 1, plan.pages.length);
    }
    return imageOfPlan(plan, data);
  } catch (error) {
    throw FileError.from(fn, source, 'read', error);
  } finally {
    await handle.close();
  }
}
