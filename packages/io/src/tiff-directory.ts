import { InvalidArgumentError } from '@mgraph/core';
import type { ByteReads } from './byte-reads.js';
import { TYPE_SIZE, WANTED_TAGS } from './tiff-tags.js';

/** Numeric tag values; ASCII values are strings (UTF-8, cut at the first NUL). */
export type TagValue = number[] | string;

/** Where a parse error is reported: the function, the argument and its value. */
export interface Blame {
  fn: string;
  argument: string;
  value: unknown;
}

/** Throw the typed error of a bad file: `expected` says what a good one has. */
export function fail(blame: Blame, expected: string): never {
  throw new InvalidArgumentError(blame.fn, blame.argument, blame.value, expected);
}

/** The TIFF header: byte order, classic or BigTIFF, first IFD. */
export interface TiffHeader {
  littleEndian: boolean;
  bigTiff: boolean;
  firstIfd: number;
}

/** One image file directory: its offset and the tags the reader needs. */
export interface TiffDirectory {
  offset: number;
  tags: Map<number, TagValue>;
}

function uint64(view: DataView, at: number, le: boolean): number {
  const lo = view.getUint32(at + (le ? 0 : 4), le);
  const hi = view.getUint32(at + (le ? 4 : 0), le);
  // past 2^53 no file holds it: report it as infinity, which fails every size check
  return hi >= 0x200000 ? Number.POSITIVE_INFINITY : hi * 2 ** 32 + lo;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Read the header and every IFD of the chain, checking each offset and count against the
 * file size before reading it, and stopping with a typed error when the chain loops.
 *
 * @param fileSize - size of the file in bytes
 * @param blame - names the function and argument in errors
 * @returns the header and the directories in file order
 */
export function* readDirectories(
  fileSize: number,
  blame: Blame,
): ByteReads<{ header: TiffHeader; directories: TiffDirectory[] }> {
  if (fileSize < 8) fail(blame, `a TIFF file (at least 8 bytes), the input has ${fileSize}`);
  const head = viewOf(yield { offset: 0, length: Math.min(16, fileSize) });
  const b0 = head.getUint8(0);
  const b1 = head.getUint8(1);
  if (!((b0 === 0x49 && b1 === 0x49) || (b0 === 0x4d && b1 === 0x4d))) {
    fail(blame, 'a TIFF file (starting with "II" or "MM")');
  }
  const le = b0 === 0x49;
  const magic = head.getUint16(2, le);
  let bigTiff = false;
  let firstIfd: number;
  if (magic === 42) {
    firstIfd = head.getUint32(4, le);
  } else if (magic === 43 && head.byteLength >= 16 && head.getUint16(4, le) === 8) {
    bigTiff = true;
    firstIfd = uint64(head, 8, le);
  } else {
    fail(blame, `a TIFF file (version 42, or 43 for BigTIFF), this one has version ${magic}`);
  }
  const header: TiffHeader = { littleEndian: le, bigTiff, firstIfd };
  const countSize = bigTiff ? 8 : 2;
  const entrySize = bigTiff ? 20 : 12;
  const inline = bigTiff ? 8 : 4;
  const directories: TiffDirectory[] = [];
  const seen = new Set<number>();
  let offset = firstIfd;
  while (offset !== 0) {
    if (seen.has(offset)) {
      fail(
        blame,
        `a TIFF whose IFD chain ends; IFD ${directories.length} points back to the IFD at byte ${offset} (a loop)`,
      );
    }
    seen.add(offset);
    if (!(offset + countSize <= fileSize)) {
      fail(
        blame,
        `a TIFF whose IFD ${directories.length} lies inside the file, it starts at byte ${offset} past the end (${fileSize} bytes)`,
      );
    }
    const countView = viewOf(yield { offset, length: countSize });
    const n = bigTiff ? uint64(countView, 0, le) : countView.getUint16(0, le);
    const size = n * entrySize + countSize;
    if (!(offset + size + countSize <= fileSize)) {
      fail(
        blame,
        `a TIFF whose IFD ${directories.length} (${n} entries at byte ${offset}) lies inside the file, it ends past the end (${fileSize} bytes)`,
      );
    }
    const block = yield { offset: offset + countSize, length: n * entrySize + (bigTiff ? 8 : 4) };
    const view = viewOf(block);
    const tags = new Map<number, TagValue>();
    for (let e = 0; e < n; e++) {
      const at = e * entrySize;
      const tag = view.getUint16(at, le);
      const type = view.getUint16(at + 2, le);
      const typeSize = TYPE_SIZE[type];
      if (!WANTED_TAGS.has(tag) || typeSize === undefined) continue;
      const count = bigTiff ? uint64(view, at + 4, le) : view.getUint32(at + 4, le);
      const bytes = count * typeSize;
      let raw: Uint8Array;
      let rawLe = le;
      if (bytes <= inline) {
        raw = block.subarray(at + (bigTiff ? 12 : 8), at + (bigTiff ? 12 : 8) + bytes);
      } else {
        const at2 = bigTiff ? uint64(view, at + 12, le) : view.getUint32(at + 8, le);
        if (!(at2 + bytes <= fileSize)) {
          fail(
            blame,
            `a TIFF whose tag ${tag} values (${count} x ${typeSize} bytes from byte ${at2}) lie inside the file (${fileSize} bytes)`,
          );
        }
        raw = yield { offset: at2, length: bytes };
        rawLe = le;
      }
      tags.set(tag, decodeValues(raw, type, count, rawLe));
    }
    directories.push({ offset, tags });
    const next = n * entrySize;
    offset = bigTiff ? uint64(view, next, le) : view.getUint32(next, le);
  }
  return { header, directories };
}

const utf8 = new TextDecoder('utf-8');

function decodeValues(raw: Uint8Array, type: number, count: number, le: boolean): TagValue {
  if (type === 2) {
    const end = raw.indexOf(0);
    return utf8.decode(end < 0 ? raw : raw.subarray(0, end));
  }
  const view = viewOf(raw);
  const values: number[] = new Array(type === 5 || type === 10 ? 2 * count : count);
  for (let i = 0; i < count; i++) {
    switch (type) {
      case 1:
      case 7:
        values[i] = raw[i]!;
        break;
      case 6:
        values[i] = view.getInt8(i);
        break;
      case 3:
        values[i] = view.getUint16(2 * i, le);
        break;
      case 8:
        values[i] = view.getInt16(2 * i, le);
        break;
      case 4:
      case 13:
        values[i] = view.getUint32(4 * i, le);
        break;
      case 9:
        values[i] = view.getInt32(4 * i, le);
        break;
      case 5:
        values[2 * i] = view.getUint32(8 * i, le);
        values[2 * i + 1] = view.getUint32(8 * i + 4, le);
        break;
      case 10:
        values[2 * i] = view.getInt32(8 * i, le);
        values[2 * i + 1] = view.getInt32(8 * i + 4, le);
        break;
      case 11:
        values[i] = view.getFloat32(4 * i, le);
        break;
      case 12:
        values[i] = view.getFloat64(8 * i, le);
        break;
      default:
        values[i] = uint64(view, 8 * i, le);
    }
  }
  return values;
}
