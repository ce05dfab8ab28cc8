import { FileError } from '@mgraph/core';

/**
 * Write a file from a sequence of byte chunks, each in full (in writes of at most 1 GiB),
 * so a file of any size needs memory for one chunk only. A failed write (or a chunk
 * source that throws: a read error, an abort) closes and removes the partial file.
 *
 * @param fn - the calling function, named in errors
 * @param destination - path of the file (created or overwritten)
 * @param chunks - the file's bytes in order; an async iterable may read its input between
 *   chunks
 * @throws FileError (core) naming `fn` and the path when the file cannot be created or
 *   written, or the error `chunks` throws as `FileError.from` passes it on
 */
export async function writeFileChunks(
  fn: string,
  destination: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<void> {
  const { open, rm } = await import('node:fs/promises');
  const handle = await FileError.wrap(fn, destination, 'write', () => open(destination, 'w'));
  try {
    for await (const chunk of chunks) {
      for (let done = 0; done < chunk.length; ) {
        const { bytesWritten } = await handle.write(
          chunk,
          done,
          Math.min(chunk.length - done, 1 << 30),
        );
        done += bytesWritten;
      }
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(destination, { force: true });
    throw FileError.from(fn, destination, 'write', error);
  }
}
