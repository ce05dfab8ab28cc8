import type { FileHandle } from 'node:fs/promises';
import type { ByteReads } from './byte-reads.js';

/** Read exactly `into.length` bytes at `position` (a read returns at most 2 GB). */
export async function readFully(
  handle: FileHandle,
  into: Uint8Array,
  position: number,
): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const chunk = Math.min(into.length - done, 1 << 30);
    const { bytesRead } = await handle.read(into, done, chunk, position + done);
    if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${position + done}`);
    done += bytesRead;
  }
}

/**
 * Run a parser over a file handle: each range it asks for is read with one positioned
 * read, so memory holds one range at a time, never the whole file.
 *
 * @param handle - an open file
 * @param reads - the parser
 */
export async function readFromFile<T>(handle: FileHandle, reads: ByteReads<T>): Promise<T> {
  let step = reads.next();
  while (!step.done) {
    const { offset, length, into } = step.value;
    const buf = into ?? new Uint8Array(length);
    await readFully(handle, buf, offset);
    step = reads.next(buf);
  }
  return step.value;
}
