import { InvalidArgumentError, type NdArray, type TypedArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { LITTLE_ENDIAN_HOST, swapBytes } from './byte-order.js';
import { ARRAY_OF, type IoDtype } from './dtype.js';

/** The header of an `.npy` file. */
export interface NpyHeader {
  /** Dtype of the result (`bool` becomes `uint8`; `int64` / `uint64` become `bigint64` / `biguint64`). */
  dtype: IoDtype | 'bigint64' | 'biguint64';
  /** True when the file stores its bytes big-endian. */
  bigEndian: boolean;
  /** C order (false) or Fortran order (true). */
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the data. */
  dataOffset: number;
  /** Bytes per element. */
  itemSize: number;
}

const KINDS: Record<string, IoDtype | 'bigint64' | 'biguint64'> = {
  b1: 'uint8',
  u1: 'uint8',
  i1: 'int8',
  u2: 'uint16',
  i2: 'int16',
  u4: 'uint32',
  i4: 'int32',
  f4: 'float32',
  f8: 'float64',
  i8: 'bigint64',
  u8: 'biguint64',
};

/**
 * Parse the header of an `.npy` file (versions 1, 2 and 3).
 *
 * @param head - the first bytes of the file (at least the header: 10 bytes plus the header
 *   length for version 1, 12 plus it for versions 2 and 3)
 * @param fn - function name for errors
 * @param argument - argument name for errors
 * @returns the header, or the number of bytes needed when `head` is too short
 * @throws InvalidArgumentError when the bytes are not an `.npy` header this package reads
 */
export function parseNpyHeader(head: Uint8Array, fn: string, argument: string): NpyHeader | number {
  const bad = (why: string): never => {
    throw new InvalidArgumentError(fn, argument, head, `an .npy file (${why})`);
  };
  if (head.length < 12) return 12;
  if (!(head[0] === 0x93 && String.fromCharCode(...head.subarray(1, 6)) === 'NUMPY'))
    bad('no \\x93NUMPY magic');
  const major = head[6]!;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const start = major === 1 ? 10 : 12;
  if (major < 1 || major > 3) bad(`version ${major}`);
  const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (head.length < start + length) return start + length;
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    head.subarray(start, start + length),
  );
  const descr = /'descr'\s*:\s*'([<>|=])([a-z]\d+)'/.exec(text);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr || !fortran || !shapeText) bad(`header ${text.trim()}`);
  const dtype = KINDS[descr![2]!];
  if (dtype === undefined)
    bad(`dtype '${descr![1]}${descr![2]}' is not one of b1 u1 i1 u2 i2 u4 i4 u8 i8 f4 f8`);
  const shape = shapeText![1]!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (!shape.every((s) => Number.isSafeInteger(s) && s >= 0)) bad(`shape (${shapeText![1]})`);
  return {
    dtype: dtype!,
    bigEndian: descr![1] === '>',
    fortranOrder: fortran![1] === 'True',
    shape,
    dataOffset: start + length,
    itemSize: Number(descr![2]!.slice(1)),
  };
}

/**
 * Check that an `.npy` file holds the elements its header claims; called before any
 * allocation.
 *
 * @returns the number of elements
 */
export function checkNpySize(
  header: NpyHeader,
  fileSize: number,
  fn: string,
  argument: string,
  value: unknown,
): number {
  const count = header.shape.reduce((p, s) => p * s, 1);
  const need = header.dataOffset + count * header.itemSize;
  if (!(need <= fileSize)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `an .npy file that holds the data its header claims: shape (${header.shape.join(', ')}) of ${header.itemSize}-byte elements needs ${need} bytes, the file has ${fileSize}`,
    );
  }
  return count;
}

/** Wrap `.npy` data (already native order) as an ndarray, C or Fortran order. */
export function npyArray(
  header: NpyHeader,
  data: TypedArray | BigInt64Array | BigUint64Array,
): NdArray {
  const shape = header.shape;
  if (!header.fortranOrder || shape.length < 2) return ndarray(data as TypedArray, shape);
  const stride: number[] = [];
  let s = 1;
  for (const d of shape) {
    stride.push(s);
    s *= d;
  }
  return ndarray(data as TypedArray, shape, stride, 0);
}

/** A new typed array of the header's dtype. */
export function npyAllocate(
  header: NpyHeader,
  count: number,
): TypedArray | BigInt64Array | BigUint64Array {
  if (header.dtype === 'bigint64') return new BigInt64Array(count);
  if (header.dtype === 'biguint64') return new BigUint64Array(count);
  return new ARRAY_OF[header.dtype](count);
}

/** Swap the bytes of `.npy` data read into `data` when the file's order is not the host's. */
export function npyToNative(
  header: NpyHeader,
  data: TypedArray | BigInt64Array | BigUint64Array,
): void {
  if (header.itemSize > 1 && header.bigEndian === LITTLE_ENDIAN_HOST) {
    swapBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.itemSize);
  }
}

/**
 * Decode a NumPy `.npy` file (versions 1.0, 2.0, 3.0) into an ndarray: bool (as uint8),
 * int8 to int64, uint8 to uint64 (64-bit as BigInt64Array / BigUint64Array), float32,
 * float64, either byte order; Fortran-order files become a view with Fortran strides.
 *
 * @param bytes - the file's bytes (not modified; the result never shares them)
 * @returns an ndarray of the file's shape (a 0-d array for a scalar)
 * @throws InvalidArgumentError when the bytes are not such a file, or hold fewer bytes than
 *   the header's shape needs (checked before allocating)
 *
 * @remarks
 * References: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"
 * (numpy.lib.format).
 */
export function decodeNpy(bytes: Uint8Array): NdArray {
  const fn = 'decodeNpy';
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidArgumentError(fn, 'bytes', bytes, 'the bytes of an .npy file (a Uint8Array)');
  }
  const header = parseNpyHeader(bytes, fn, 'bytes');
  if (typeof header === 'number') {
    throw new InvalidArgumentError(
      fn,
      'bytes',
      bytes,
      `an .npy file (its header needs ${header} bytes, the input has ${bytes.length})`,
    );
  }
  const count = checkNpySize(header, bytes.length, fn, 'bytes', bytes);
  const data = npyAllocate(header, count);
  new Uint8Array(data.buffer).set(
    bytes.subarray(header.dataOffset, header.dataOffset + count * header.itemSize),
  );
  npyToNative(header, data);
  return npyArray(header, data);
}
