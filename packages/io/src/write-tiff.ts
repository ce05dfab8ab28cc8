import type { NdArray } from '@mgraph/core';
import { planTiffWrite, type TiffWriteOptions, tiffChunks } from './encode-tiff.js';
import { assertPath } from './read-tiff.js';
import { writeFileChunks } from './write-file-chunks.js';

/**
 * Write an array to a TIFF file ({@link encodeTiff} for the format and options), streaming
 * one page at a time to disk, so files past 4 GB (BigTIFF) need memory for one page only.
 * Argument order as `fs.writeFile`, `numpy.save`, `tifffile.imwrite`: destination first.
 * A failed write removes the partial file.
 *
 * @param destination - path of the file (overwritten)
 * @param data - 2D or more ndarray, any strides
 * @param options - {@link TiffWriteOptions}
 * @throws InvalidArgumentError for a bad array or option, before the file is created
 * @throws AbortError when `options.signal` aborts (the partial file is removed)
 * @throws FileError (core) naming the path when the file cannot be created or written
 *   (`ENOENT` for a missing folder, `EISDIR`, `EACCES`, `ENOSPC`...)
 */
export async function writeTiff(
  destination: string,
  data: NdArray,
  options: TiffWriteOptions = {},
): Promise<void> {
  const fn = 'writeTiff';
  assertPath(fn, 'destination', destination);
  const plan = planTiffWrite(fn, data, options);
  await writeFileChunks(fn, destination, tiffChunks(plan));
}
