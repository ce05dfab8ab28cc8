import {
  assertNdarray,
  assertNdim,
  flatData,
  InvalidArgumentError,
  type TypedArray,
} from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';
import UTIF from 'utif';

/** Pixel types {@link encodeTiff} writes and {@link decodeTiff} reads. */
export type TiffDtype = 'uint8' | 'uint16' | 'int32' | 'float32';

const FORMATS: Record<TiffDtype, { bits: number; sampleFormat: number }> = {
  uint8: { bits: 8, sampleFormat: 1 },
  uint16: { bits: 16, sampleFormat: 1 },
  int32: { bits: 32, sampleFormat: 2 },
  float32: { bits: 32, sampleFormat: 3 },
};

// TIFF field types
const SHORT = 3;
const LONG = 4;
const ASCII = 2;
const RATIONAL = 5;

/**
 * Encode a 2D image as a one-page TIFF, or a 3D volume as a multi-page TIFF (one page per
 * plane): baseline, uncompressed, little-endian, one grey sample per pixel, one strip per
 * page, with `SampleFormat` (unsigned, signed, IEEE float) so that tifffile, PIL,
 * scikit-image, ImageJ and utif read the exact values. The first page's
 * `ImageDescription` is `{"shape": [...]}`, the convention tifffile uses to restore the
 * array shape.
 *
 * @param arr - a 2D or 3D ndarray (any strides) over a Uint8Array, Uint16Array, Int32Array
 *   or Float32Array
 * @returns the file's bytes
 * @throws InvalidArgumentError for another ndim or dtype
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992), sections 2 (baseline) and 19 (SampleFormat).
 * utif's own encoder only writes 8-bit RGBA into a fixed 20 kB header buffer, so
 * writing is done here and reading goes through utif.
 */
export function encodeTiff(arr: NdArray): Uint8Array {
  const fn = 'encodeTiff';
  assertNdim(fn, 'arr', arr, [2, 3]);
  const dtype = arr.dtype as string;
  if (!(dtype in FORMATS)) {
    throw new InvalidArgumentError(fn, 'arr', arr, 'of dtype uint8, uint16, int32 or float32');
  }
  const { bits, sampleFormat } = FORMATS[dtype as TiffDtype];
  const data = flatData(arr as NdArray<TypedArray>);
  const ndim = arr.shape.length;
  const pages = ndim === 3 ? arr.shape[0]! : 1;
  const rows = arr.shape[ndim - 2]!;
  const cols = arr.shape[ndim - 1]!;
  const bytesPerSample = bits / 8;
  const pageBytes = rows * cols * bytesPerSample;
  const description = `${JSON.stringify({ shape: arr.shape })}\0`;
  const tagCount = 14;
  const ifdBytes = 2 + tagCount * 12 + 4;
  const extraBytes = 16 + description.length + (description.length % 2); // two rationals + text
  const dataBytes = pages * pageBytes + ((pages * pageBytes) % 2);
  const out = new Uint8Array(8 + dataBytes + pages * (ifdBytes + extraBytes));
  const view = new DataView(out.buffer);
  out[0] = 0x49; // 'II': little-endian
  out[1] = 0x49;
  view.setUint16(2, 42, true);
  // all pages' pixels first, contiguous (as tifffile writes them), then one IFD per page
  for (let k = 0; k < data.length; k++) {
    const at = 8 + k * bytesPerSample;
    const v = data[k]!;
    if (dtype === 'uint8') view.setUint8(at, v);
    else if (dtype === 'uint16') view.setUint16(at, v, true);
    else if (dtype === 'int32') view.setInt32(at, v, true);
    else view.setFloat32(at, v, true);
  }
  let pos = 8 + dataBytes;
  let previousNext = 4; // where the offset of the next IFD goes
  for (let page = 0; page < pages; page++) {
    const dataOffset = 8 + page * pageBytes;
    const ifd = pos;
    view.setUint32(previousNext, ifd, true);
    const extra = ifd + ifdBytes;
    const text = page === 0 ? description : '\0';
    const entries: Array<[tag: number, type: number, count: number, value: number]> = [
      [256, LONG, 1, cols],
      [257, LONG, 1, rows],
      [258, SHORT, 1, bits],
      [259, SHORT, 1, 1], // no compression
      [262, SHORT, 1, 1], // BlackIsZero
      [270, ASCII, text.length, text.length <= 4 ? -1 : extra + 16],
      [273, LONG, 1, dataOffset],
      [277, SHORT, 1, 1],
      [278, LONG, 1, rows],
      [279, LONG, 1, pageBytes],
      [282, RATIONAL, 1, extra],
      [283, RATIONAL, 1, extra + 8],
      [296, SHORT, 1, 1], // no absolute unit
      [339, SHORT, 1, sampleFormat],
    ];
    view.setUint16(ifd, entries.length, true);
    entries.forEach(([tag, type, count, value], e) => {
      const at = ifd + 2 + e * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, count, true);
      if (type === SHORT) view.setUint16(at + 8, value, true);
      else if (type === ASCII && value === -1) writeAscii(out, at + 8, text);
      else view.setUint32(at + 8, value, true);
    });
    previousNext = ifd + 2 + entries.length * 12;
    view.setUint32(previousNext, 0, true);
    view.setUint32(extra, 1, true);
    view.setUint32(extra + 4, 1, true);
    view.setUint32(extra + 8, 1, true);
    view.setUint32(extra + 12, 1, true);
    if (text.length > 4) writeAscii(out, extra + 16, text);
    pos = extra + extraBytes;
  }
  return out.subarray(0, pos);
}

function writeAscii(out: Uint8Array, at: number, text: string): void {
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k) & 0x7f;
}

/**
 * Decode a TIFF with one grey sample per pixel (uint8, uint16, int32 or float32; the
 * compressions utif supports) into an ndarray: one page gives a 2D `(rows, cols)` array,
 * several pages of one size a 3D `(pages, rows, cols)` array. A tifffile-style
 * `{"shape": [...]}` description on the first page restores that shape when it matches.
 *
 * @param bytes - the file's bytes
 * @returns an ndarray over a Uint8Array, Uint16Array, Int32Array or Float32Array
 * @throws InvalidArgumentError for files that are not such TIFFs (RGB, other bit depths,
 *   pages of different sizes or types)
 */
export function decodeTiff(
  bytes: Uint8Array,
): NdArray<Uint8Array | Uint16Array | Int32Array | Float32Array> {
  const fn = 'decodeTiff';
  if (!(bytes instanceof Uint8Array) || bytes.length < 8) {
    throw new InvalidArgumentError(fn, 'bytes', bytes, 'the bytes of a TIFF file (Uint8Array)');
  }
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => ifd.t256 !== undefined);
  } catch (error) {
    throw new InvalidArgumentError(fn, 'bytes', bytes, `a readable TIFF (${String(error)})`);
  }
  if (ifds.length === 0) throw new InvalidArgumentError(fn, 'bytes', bytes, 'a TIFF with an image');
  let dtype: TiffDtype | undefined;
  let rows = 0;
  let cols = 0;
  let data: Uint8Array | Uint16Array | Int32Array | Float32Array | undefined;
  ifds.forEach((ifd, page) => {
    UTIF.decodeImage(buffer, ifd);
    const bits = (ifd.t258 as number[] | undefined)?.[0] ?? 1;
    const samples = (ifd.t277 as number[] | undefined)?.[0] ?? 1;
    const format = (ifd.t339 as number[] | undefined)?.[0] ?? 1;
    const kind = (Object.keys(FORMATS) as TiffDtype[]).find(
      (k) => FORMATS[k].bits === bits && FORMATS[k].sampleFormat === format,
    );
    if (samples !== 1 || kind === undefined) {
      throw new InvalidArgumentError(
        fn,
        'bytes',
        bytes,
        `a grey TIFF of uint8, uint16, int32 or float32 (page ${page}: ${samples} samples of ${bits} bits, SampleFormat ${format})`,
      );
    }
    if (page === 0) {
      dtype = kind;
      rows = ifd.height;
      cols = ifd.width;
      const n = ifds.length * rows * cols;
      data =
        kind === 'uint8'
          ? new Uint8Array(n)
          : kind === 'uint16'
            ? new Uint16Array(n)
            : kind === 'int32'
              ? new Int32Array(n)
              : new Float32Array(n);
    } else if (kind !== dtype || ifd.height !== rows || ifd.width !== cols) {
      throw new InvalidArgumentError(fn, 'bytes', bytes, 'a TIFF whose pages share size and type');
    }
    // utif turns 16-bit samples little-endian; wider ones keep the file's byte order
    const littleEndian = bits === 16 ? true : (ifd as unknown as { isLE: boolean }).isLE;
    const raw = new DataView(ifd.data.buffer, ifd.data.byteOffset, ifd.data.byteLength);
    const base = page * rows * cols;
    const target = data!;
    for (let k = 0; k < rows * cols; k++) {
      const at = k * (bits / 8);
      target[base + k] =
        kind === 'uint8'
          ? raw.getUint8(at)
          : kind === 'uint16'
            ? raw.getUint16(at, littleEndian)
            : kind === 'int32'
              ? raw.getInt32(at, littleEndian)
              : raw.getFloat32(at, littleEndian);
    }
  });
  let shape = ifds.length === 1 ? [rows, cols] : [ifds.length, rows, cols];
  const described = describedShape(ifds[0]!);
  if (described && described.reduce((a, b) => a * b, 1) === data!.length && described.length >= 2) {
    shape = described;
  }
  return ndarray(data!, shape);
}

function describedShape(ifd: UTIF.IFD): number[] | undefined {
  const text = (ifd.t270 as string[] | undefined)?.[0];
  if (typeof text !== 'string' || !text.startsWith('{')) return undefined;
  try {
    const shape = (JSON.parse(text) as { shape?: unknown }).shape;
    return Array.isArray(shape) && shape.every((s) => Number.isInteger(s) && s > 0)
      ? (shape as number[])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write an ndarray to a TIFF file ({@link encodeTiff}).
 *
 * @param path - file path
 * @param arr - 2D or 3D uint8 / uint16 / int32 / float32 ndarray
 */
export async function writeTiff(path: string, arr: NdArray): Promise<void> {
  assertNdarray('writeTiff', 'arr', arr);
  // node:fs is loaded on first use, so the package also bundles for the browser
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, encodeTiff(arr));
}

/**
 * Read a TIFF file into an ndarray ({@link decodeTiff}).
 *
 * @param path - file path
 */
export async function readTiff(
  path: string,
): Promise<NdArray<Uint8Array | Uint16Array | Int32Array | Float32Array>> {
  const { readFile } = await import('node:fs/promises');
  return decodeTiff(new Uint8Array(await readFile(path)));
}
