/**
 * The read protocol shared by the decoders from bytes and the readers from files.
 *
 * A parser is a generator that yields the byte ranges it needs and receives their bytes,
 * so the same code decodes a `Uint8Array` synchronously ({@link readFromBytes}) and reads a
 * file through a handle, one range at a time, without loading the whole file (the Node
 * entry's `readFromFile`). Every range is checked against the file size before it is
 * yielded.
 *
 * @packageDocumentation
 */

/** A byte range a parser needs; `into`, when given, is filled instead of a new buffer. */
export interface ByteRange {
  /** First byte, from the start of the file. */
  offset: number;
  /** Number of bytes; `offset + length` never passes the file size. */
  length: number;
  /** Optional destination of exactly `length` bytes (avoids a copy on files). */
  into?: Uint8Array;
}

/**
 * A parser over byte ranges. The bytes it receives must be treated as read-only: from
 * {@link readFromBytes} they are views of the caller's input.
 */
export type ByteReads<T> = Generator<ByteRange, T, Uint8Array>;

/**
 * Run a parser over bytes already in memory.
 *
 * @param bytes - the whole file
 * @param reads - the parser
 * @returns what the parser returns
 */
export function readFromBytes<T>(bytes: Uint8Array, reads: ByteReads<T>): T {
  let step = reads.next();
  while (!step.done) {
    const { offset, length, into } = step.value;
    const view = bytes.subarray(offset, offset + length);
    if (into) into.set(view);
    step = reads.next(into ?? view);
  }
  return step.value;
}
