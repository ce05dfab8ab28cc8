import {
  assertAllocation,
  assertNdarray,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
} from '@mgraph/core';
import { zlibSync } from 'fflate';

/** Bytes of filtered rows `encodePng` builds before deflating (one Uint8Array holds them). */
const MAX_RAW_BYTES = 2 ** 31 - 1;

/** Options of {@link encodePng}. */
export interface PngOptions {
  /** Deflate level 0..9. Default 6. */
  level?: number;
}

const PNG_OPTION_KEYS: OptionKeys<PngOptions> = { level: true };

/** PNG colour type of each number of channels: gray, gray + alpha, RGB, RGBA. */
const COLOUR_TYPE: Readonly<Record<number, number>> = { 1: 0, 2: 4, 3: 2, 4: 6 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG chunks use it) of `bytes`. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encode an 8-bit image as PNG: `[rows, cols]` as gray, `[rows, cols, c]` as gray (c = 1),
 * gray + alpha (2), RGB (3) or RGBA (4). Rows are stored unfiltered (filter type 0) in one
 * zlib-compressed IDAT chunk, without interlacing. Browser-safe (deflate of `fflate`).
 *
 * @param data - an ndarray (any strides) of uint8 (or uint8_clamped) samples, row-major
 *   `[rows, cols]` or `[rows, cols, channels]` with 1..4 channels, no axis of length 0
 * @param options - {@link PngOptions}: `level` (6)
 * @returns the PNG file bytes
 * @throws InvalidArgumentError for a bad array, dtype, shape or option, before anything
 *   large is allocated
 *
 * @remarks
 * References: W3C, "Portable Network Graphics (PNG) Specification (Third Edition)" (2025),
 * sections 5 (datastream), 6.1 (colour types), 7.3 (filtering); CRC-32 of ISO 3309.
 */
export function encodePng(data: NdArray, options: PngOptions = {}): Uint8Array {
  const fn = 'encodePng';
  const o = checkOptions(fn, options, PNG_OPTION_KEYS);
  assertNdarray(fn, 'data', data);
  if (data.dtype !== 'uint8' && data.dtype !== 'uint8_clamped')
    throw new InvalidArgumentError(fn, 'data', data, `an ndarray of uint8 (got ${data.dtype})`);
  const shape = data.shape as number[];
  const channels = shape.length === 2 ? 1 : shape[2]!;
  if (
    (shape.length !== 2 && shape.length !== 3) ||
    COLOUR_TYPE[channels] === undefined ||
    shape.some((s) => s === 0)
  ) {
    throw new InvalidArgumentError(
      fn,
      'data',
      data,
      `shape [rows, cols] or [rows, cols, 1..4], no axis of length 0 (got [${shape.join(', ')}])`,
    );
  }
  const level = o.level ?? 6;
  if (!Number.isInteger(level) || level < 0 || level > 9)
    throw new InvalidArgumentError(fn, 'options.level', o.level, 'an integer 0..9');
  const [rows, cols] = shape as [number, number];
  const rowBytes = cols * channels;
  assertAllocation(fn, 'data', data, rows * (1 + rowBytes), {
    limit: MAX_RAW_BYTES,
    bytesPerElement: 1,
    what: 'bytes of PNG rows',
    subject: 'an image',
  });
  const samples = flatData(data as NdArray<Uint8Array>);
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, cols);
  hv.setUint32(4, rows);
  header.set([8, COLOUR_TYPE[channels]!, 0, 0, 0], 8); // bit depth 8, colour type, no interlace
  const raw = new Uint8Array(rows * (1 + rowBytes)); // each row: filter byte 0, then samples
  for (let y = 0; y < rows; y++)
    raw.set(samples.subarray(y * rowBytes, (y + 1) * rowBytes), y * (1 + rowBytes) + 1);
  const parts = [
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: level as 0 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
