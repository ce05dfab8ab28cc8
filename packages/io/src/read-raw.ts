import { FileError, type NdArray, throwIfAborted } from '@mgraph/core';
import { allocateRaw, checkRaw, finishRaw, type RawOptions } from './decode-raw.js';
import { readFully } from './file-reads.js';
import { assertPath } from './read-tiff.js';

const CHUNK = 64 * 1024 * 1024;

/**
 * Read a raw binary volume from a file ({@link decodeRaw} for the format), in 64 MiB
 * chunks straight into the result.
 *
 * @param source - path of the file
 * @param options - {@link RawOptions}: `shape`, `dtype` (required), `byteOrder`
 *   ('little'), `offset` (0), `onProgress` (bytes read, bytes in all), `signal`
 * @returns an ndarray of `shape`
 * @throws InvalidArgumentError for a bad option or a file shorter than offset + volume
 *   (before allocating); AbortError on abort; FileError (core) naming the path for a
 *   missing file, a directory or another system error
 */
export async function readRaw(source: string, options: RawOptions): Promise<NdArray> {
  const fn = 'readRaw';
  assertPath(fn, 'source', source);
  const { open } = await import('node:fs/promises');
  const handle = await FileError.wrap(fn, source, 'open', () => open(source, 'r'));
  try {
    const size = (await handle.stat()).size;
    const { count, bytes } = checkRaw(fn, options, size, 'source', source);
    const data = allocateRaw(options, count);
    const view = new Uint8Array(data.buffer);
    const offset = options.offset ?? 0;
    for (let done = 0; done < bytes; done += CHUNK) {
      throwIfAborted(fn, options.signal);
      const n = Math.min(CHUNK, bytes - done);
      await readFully(handle, view.subarray(done, done + n), offset + done);
      options.onProgress?.(done + n, bytes);
    }
    return finishRaw(options, data);
  } catch (error) {
    throw FileError.from(fn, source, 'read', error);
  } finally {
    await handle.close();
  }
}
