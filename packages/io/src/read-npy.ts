import { FileError, InvalidArgumentError, type NdArray } from '@mgraph/core';
import { checkNpySize, npyAllocate, npyArray, npyToNative, parseNpyHeader } from './decode-npy.js';
import { readFully } from './file-reads.js';
import { assertPath } from './read-tiff.js';

/**
 * Read a NumPy `.npy` file ({@link decodeNpy} for the formats): the header first, its
 * shape checked against the file size, then the data straight into the result.
 *
 * @param source - path of the file
 * @returns an ndarray of the file's shape
 * @throws InvalidArgumentError when the file is not such a file or is shorter than its
 *   header claims (before allocating)
 * @throws FileError (core) naming the path for a missing file, a directory or another
 *   system error
 */
export async function readNpy(source: string): Promise<NdArray> {
  const fn = 'readNpy';
  assertPath(fn, 'source', source);
  const { open } = await import('node:fs/promises');
  const handle = await FileError.wrap(fn, source, 'open', () => open(source, 'r'));
  try {
    const size = (await handle.stat()).size;
    let head = new Uint8Array(Math.min(size, 256));
    await readFully(handle, head, 0);
    let header = parseNpyHeader(head, fn, 'source');
    if (typeof header === 'number' && header <= size && header > head.length) {
      head = new Uint8Array(header);
      await readFully(handle, head, 0);
      header = parseNpyHeader(head, fn, 'source');
    }
    if (typeof header === 'number') {
      throw new InvalidArgumentError(
        fn,
        'source',
        source,
        `an .npy file (its header needs ${header} bytes, the file has ${size})`,
      );
    }
    const count = checkNpySize(header, size, fn, 'source', source);
    const data = npyAllocate(header, count);
    await readFully(handle, new Uint8Array(data.buffer), header.dataOffset);
    npyToNative(header, data);
    return npyArray(header, data);
  } catch (error) {
    throw FileError.from(fn, source, 'read', error);
  } finally {
    await handle.close();
  }
}
