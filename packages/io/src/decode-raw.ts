import {
  assertCallback,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type ProgressCallback,
  type TypedArray,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { LITTLE_ENDIAN_HOST, swapBytes } from './byte-order.js';
import { ARRAY_OF, BYTES_OF, IO_DTYPES, type IoDtype } from './dtype.js';

/** Options of {@link decodeRaw} and `readRaw`. */
export interface RawOptions {
  /** Shape of the volume, row-major (last axis fastest), e.g. `[planes, rows, cols]`. Required. */
  shape: readonly number[];
  /** Element type. Required. */
  dtype: IoDtype;
  /** `'little'` (default) or `'big'`. */
  byteOrder?: 'little' | 'big';
  /** Bytes to skip before the data (a header). Default 0. */
  offset?: number;
  /** `readRaw` only: called with (bytes read, bytes in all) as the file is read. */
  onProgress?: ProgressCallback;
  /** `readRaw` only: stops the read between chunks with an `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Check raw-volume options against the size of the source; returns the element count and
 * the byte length. Runs before any allocation.
 */
export function checkRaw(
  fn: string,
  options: RawOptions,
  size: number,
  argument: string,
  value: unknown,
): { count: number; bytes: number } {
  const o = checkOptions(fn, options, {
    shape: true,
    dtype: true,
    byteOrder: true,
    offset: true,
    onProgress: true,
    signal: true,
  });
  const bad = (arg: string, v: unknown, expected: string): never => {
    throw new InvalidArgumentError(fn, arg, v, expected);
  };
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  if (
    !Array.isArray(o.shape) ||
    o.shape.length === 0 ||
    !o.shape.every((s) => Number.isSafeInteger(s) && s >= 0)
  ) {
    bad('options.shape', o.shape, 'a list of non-negative integers');
  }
  if (!IO_DTYPES.includes(o.dtype)) bad('options.dtype', o.dtype, IO_DTYPES.join(', '));
  const byteOrder = o.byteOrder ?? 'little';
  if (byteOrder !== 'little' && byteOrder !== 'big')
    bad('options.byteOrder', o.byteOrder, "'little' or 'big'");
  const offset = o.offset ?? 0;
  if (!(Number.isSafeInteger(offset) && offset >= 0))
    bad('options.offset', o.offset, 'an integer >= 0');
  const count = o.shape.reduce((p, s) => p * s, 1);
  const bytes = count * BYTES_OF[o.dtype];
  if (!(offset + bytes <= size)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `a source of at least offset + shape x ${BYTES_OF[o.dtype]} bytes = ${offset + bytes} (shape [${o.shape.join(', ')}] of ${o.dtype}), it has ${size}`,
    );
  }
  return { count, bytes };
}

/** Allocate a raw volume's array; its bytes are filled by the caller, then {@link finishRaw}. */
export function allocateRaw(options: RawOptions, count: number): TypedArray {
  return new ARRAY_OF[options.dtype](count);
}

/** Fix the byte order of a filled raw array and wrap it as an ndarray. */
export function finishRaw(options: RawOptions, data: TypedArray): NdArray {
  const big = (options.byteOrder ?? 'little') === 'big';
  if (big === LITTLE_ENDIAN_HOST)
    swapBytes(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      BYTES_OF[options.dtype],
    );
  return ndarray(data, [...options.shape]);
}

/**
 * Decode a raw binary volume (no header, or one skipped with `offset`): elements of
 * `dtype` in row-major order, little- or big-endian.
 *
 * @param bytes - the file's bytes (not modified; the result never shares them)
 * @param options - {@link RawOptions}: `shape` and `dtype` (required), `byteOrder`
 *   ('little'), `offset` (0)
 * @returns an ndarray of `shape`
 * @throws InvalidArgumentError for a bad option, or when the bytes are fewer than
 *   `offset` + the volume (checked before allocating)
 */
export function decodeRaw(bytes: Uint8Array, options: RawOptions): NdArray {
  const fn = 'decodeRaw';
  if (!(bytes instanceof Uint8Array))
    throw new InvalidArgumentError(fn, 'bytes', bytes, 'a Uint8Array');
  const { count, bytes: length } = checkRaw(fn, options, bytes.length, 'bytes', bytes);
  const data = allocateRaw(options, count);
  const offset = options.offset ?? 0;
  new Uint8Array(data.buffer).set(bytes.subarray(offset, offset + length));
  return finishRaw(options, data);
}
