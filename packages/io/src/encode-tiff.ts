import {
  assertNdarray,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  type TypedArray,
  throwIfAborted,
} from '@mgraph/core';
import { zlibSync } from 'fflate';
import { LITTLE_ENDIAN_HOST, swapBytes } from './byte-order.js';
import { ARRAY_OF, BYTES_OF, type IoDtype, ioDtypeOf, tiffFormatOf } from './dtype.js';
import { encodeLzw } from './lzw.js';
import { encodePackBits } from './packbits.js';
import { applyFloatingPoint, applyHorizontal } from './predictor.js';
import { toRational } from './rational.js';
import { imagejDescription, omeXml } from './tiff-description.js';
import { TAG, TYPE } from './tiff-tags.js';

/** Pixels of one page (copied into one typed array). */
const MAX_PAGE_PIXELS = 2 ** 31 - 1;
/** Bytes `encodeTiff` builds in memory (one Uint8Array holds the file). */
const MAX_IN_MEMORY = 2 ** 32 - 1;

/** Every option of {@link TiffWriteOptions}, for `checkOptions`. */
export const WRITE_OPTION_KEYS: OptionKeys<TiffWriteOptions> = {
  compression: true,
  level: true,
  predictor: true,
  tile: true,
  rowsPerStrip: true,
  byteOrder: true,
  bigTiff: true,
  spacing: true,
  unit: true,
  metadata: true,
  bilevel: true,
  onProgress: true,
  signal: true,
};

/** Options of {@link encodeTiff} and `writeTiff`. */
export interface TiffWriteOptions {
  /** `'none'` (default), `'packbits'`, `'lzw'` or `'deflate'` (compression 8, zlib stream). */
  compression?: 'none' | 'packbits' | 'lzw' | 'deflate';
  /** Deflate level 0..9. Default 6. */
  level?: number;
  /**
   * `'none'` (default), `'horizontal'` (Predictor 2, integer dtypes) or `'float'`
   * (Predictor 3, float32 / float64). Needs a compression.
   */
  predictor?: 'none' | 'horizontal' | 'float';
  /** Tiles of `[rows, cols]`, each a multiple of 16. Default: strips. */
  tile?: readonly [number, number];
  /**
   * Rows per strip. Default: the whole page when uncompressed, else the rows of about
   * 64 KiB.
   */
  rowsPerStrip?: number;
  /** `'little'` (default) or `'big'`. */
  byteOrder?: 'little' | 'big';
  /**
   * BigTIFF (64-bit offsets): `'auto'` (default) writes BigTIFF only when the file could
   * pass 4 GB; `true` always, `false` never (a typed error when the file would not fit).
   */
  bigTiff?: boolean | 'auto';
  /** Voxel size per axis, in the array's axis order (`[dz, dy, dx]`). Default: none. */
  spacing?: readonly number[];
  /** Unit of `spacing`, e.g. `'um'`, `'µm'`, `'nm'`. Default: none (ImageJ: pixel; OME: µm). */
  unit?: string;
  /**
   * Metadata convention: `'auto'` (default: ImageJ when `spacing` or `unit` is given and
   * the dtype is one ImageJ reads (uint8, uint16, int16, float32), else OME-XML; tifffile's
   * `{"shape": [...]}` when neither is given), `'imagej'`, `'ome'` or `'shaped'`.
   */
  metadata?: 'auto' | 'imagej' | 'ome' | 'shaped';
  /** Write uint8 data as 1-bit bilevel (nonzero -> 1). Default false. */
  bilevel?: boolean;
  /** Called after each page with (pages written, pages in all). */
  onProgress?: ProgressCallback;
  /** Stops between pages with an `AbortError`. */
  signal?: AbortSignal;
}

/** A checked write: everything the page loop needs. */
export interface TiffWritePlan {
  fn: string;
  arr: NdArray;
  dtype: IoDtype;
  pages: number;
  rows: number;
  cols: number;
  compression: number;
  predictor: number;
  level: number;
  tile: readonly [number, number] | undefined;
  rowsPerStrip: number;
  littleEndian: boolean;
  bigTiff: boolean;
  bilevel: boolean;
  description: string;
  resolution: { x: [number, number]; y: [number, number] } | undefined;
  onProgress: ProgressCallback | undefined;
  signal: AbortSignal | undefined;
}

const COMPRESSION_CODE = { none: 1, packbits: 32773, lzw: 5, deflate: 8 } as const;
const PREDICTOR_CODE = { none: 1, horizontal: 2, float: 3 } as const;
const IMAGEJ_DTYPES: readonly IoDtype[] = ['uint8', 'uint16', 'int16', 'float32'];
const FOUR_GB = 2 ** 32;

/**
 * Check the data and options of a TIFF write; nothing is allocated or written before this
 * passes.
 *
 * @param fn - function name for errors
 * @param data - the array
 * @param options - the options
 * @returns the write plan
 * @throws InvalidArgumentError naming the argument or option at fault
 */
export function planTiffWrite(
  fn: string,
  data: NdArray,
  options: TiffWriteOptions = {},
): TiffWritePlan {
  const o = checkOptions(fn, options, WRITE_OPTION_KEYS);
  assertNdarray(fn, 'data', data);
  const bad = (argument: string, value: unknown, expected: string): never => {
    throw new InvalidArgumentError(fn, argument, value, expected);
  };
  const shape = data.shape;
  if (shape.length < 2 || !shape.every((s) => Number.isInteger(s) && s >= 1)) {
    bad(
      'data',
      data,
      'an ndarray of 2 or more dimensions, none of length 0 (pages of rows x cols)',
    );
  }
  const dtype = ioDtypeOf(data.dtype);
  if (dtype === undefined) {
    bad(
      'data',
      data,
      'an ndarray over uint8, int8, uint16, int16, uint32, int32, float32 or float64 data',
    );
  }
  const rows = shape[shape.length - 2]!;
  const cols = shape[shape.length - 1]!;
  const pages = shape.slice(0, -2).reduce((p, s) => p * s, 1);
  if (rows * cols > MAX_PAGE_PIXELS) {
    // each page is copied into one typed array: a 1e5 x 1e5 broadcast view would fail there
    bad(
      'data',
      data,
      `pages of at most ${MAX_PAGE_PIXELS} pixels (${rows} x ${cols} = ${rows * cols})`,
    );
  }
  const compressionName = o.compression ?? 'none';
  if (!(compressionName in COMPRESSION_CODE)) {
    bad('options.compression', o.compression, "'none', 'packbits', 'lzw' or 'deflate'");
  }
  const compression = COMPRESSION_CODE[compressionName];
  const predictorName = o.predictor ?? 'none';
  if (!(predictorName in PREDICTOR_CODE))
    bad('options.predictor', o.predictor, "'none', 'horizontal' or 'float'");
  const predictor = PREDICTOR_CODE[predictorName];
  const isFloat = dtype!.startsWith('float');
  if (predictor !== 1 && compression === 1) {
    bad(
      'options.predictor',
      o.predictor,
      "'none' without compression (a predictor only helps a compressor)",
    );
  }
  if ((predictor === 2 && isFloat) || (predictor === 3 && !isFloat)) {
    bad(
      'options.predictor',
      o.predictor,
      `${isFloat ? "'float' or 'none'" : "'horizontal' or 'none'"} for ${dtype} data`,
    );
  }
  const level = o.level ?? 6;
  if (!(Number.isInteger(level) && level >= 0 && level <= 9))
    bad('options.level', o.level, 'an integer in 0..9');
  const bilevel = o.bilevel ?? false;
  if (typeof bilevel !== 'boolean') bad('options.bilevel', o.bilevel, 'a boolean');
  if (bilevel && (dtype !== 'uint8' || predictor !== 1)) {
    bad('options.bilevel', o.bilevel, 'false unless data is uint8 and there is no predictor');
  }
  let tile: readonly [number, number] | undefined;
  if (o.tile !== undefined) {
    if (
      !(
        Array.isArray(o.tile) &&
        o.tile.length === 2 &&
        o.tile.every((t) => Number.isInteger(t) && t >= 16 && t % 16 === 0)
      )
    ) {
      bad('options.tile', o.tile, '[rows, cols], each a positive multiple of 16');
    }
    tile = [o.tile[0], o.tile[1]];
  }
  const bytes = BYTES_OF[dtype!];
  const rowBytes = bilevel ? Math.ceil(cols / 8) : cols * bytes;
  let rowsPerStrip =
    o.rowsPerStrip ??
    (compression === 1
      ? Math.min(rows, Math.max(1, Math.floor(2 ** 31 / rowBytes)))
      : Math.max(1, Math.ceil(65536 / rowBytes)));
  if (!(Number.isInteger(rowsPerStrip) && rowsPerStrip >= 1))
    bad('options.rowsPerStrip', o.rowsPerStrip, 'an integer >= 1');
  rowsPerStrip = Math.min(rowsPerStrip, rows);
  const byteOrder = o.byteOrder ?? 'little';
  if (byteOrder !== 'little' && byteOrder !== 'big')
    bad('options.byteOrder', o.byteOrder, "'little' or 'big'");
  const spacing = o.spacing;
  if (
    spacing !== undefined &&
    !(
      Array.isArray(spacing) &&
      spacing.length === shape.length &&
      spacing.every((s) => Number.isFinite(s) && s > 0)
    )
  ) {
    bad(
      'options.spacing',
      spacing,
      `${shape.length} positive finite numbers (one per axis of data)`,
    );
  }
  if (o.unit !== undefined && (typeof o.unit !== 'string' || o.unit.length === 0))
    bad('options.unit', o.unit, 'a non-empty string');
  const withVoxel = spacing !== undefined || o.unit !== undefined;
  let metadata = o.metadata ?? 'auto';
  if (!['auto', 'imagej', 'ome', 'shaped'].includes(metadata))
    bad('options.metadata', o.metadata, "'auto', 'imagej', 'ome' or 'shaped'");
  if (metadata === 'auto') {
    metadata = !withVoxel
      ? 'shaped'
      : IMAGEJ_DTYPES.includes(dtype!) && !bilevel
        ? 'imagej'
        : 'ome';
  }
  if (metadata === 'imagej' && (!IMAGEJ_DTYPES.includes(dtype!) || bilevel)) {
    bad(
      'options.metadata',
      o.metadata,
      `'ome' or 'shaped' for ${bilevel ? '1-bit' : dtype} data (ImageJ reads uint8, uint16, int16, float32)`,
    );
  }
  if ((metadata === 'imagej' || metadata === 'ome') && shape.length > 3) {
    bad(
      'options.metadata',
      o.metadata,
      `'shaped' for ${shape.length}D data (ImageJ and OME metadata are written for 2D images and Z stacks)`,
    );
  }
  if (metadata === 'shaped' && withVoxel) {
    bad(
      'options.metadata',
      o.metadata,
      "'auto', 'imagej' or 'ome' when spacing or unit is given (the shaped description has no voxel size)",
    );
  }
  const full = spacing ?? shape.map(() => 1);
  let description: string;
  let resolution: TiffWritePlan['resolution'];
  if (metadata === 'imagej') {
    description = imagejDescription(pages, shape.length === 3 ? full[0] : undefined, o.unit);
    // write 1 / spacing as q / p of the closest fraction to the spacing itself
    const [px, qx] = toRational(full[full.length - 1]!);
    const [py, qy] = toRational(full[full.length - 2]!);
    resolution = { x: [qx, px], y: [qy, py] };
  } else if (metadata === 'ome') {
    description = omeXml(
      shape,
      dtype!,
      bilevel,
      withVoxel ? full : undefined,
      o.unit,
      byteOrder === 'big',
    );
  } else {
    description = JSON.stringify({ shape });
  }
  const bigTiffOption = o.bigTiff ?? 'auto';
  if (!(bigTiffOption === 'auto' || typeof bigTiffOption === 'boolean'))
    bad('options.bigTiff', o.bigTiff, "'auto', true or false");
  // worst case of the file: data (LZW can grow 12/8, PackBits 129/128, Deflate ~0.1%), IFDs
  const dataBytes = pages * rows * rowBytes;
  const growth =
    compression === 5 ? 1.5 : compression === 32773 ? 1.01 : compression === 8 ? 1.002 : 1;
  const blocksPerPage = tile
    ? Math.ceil(rows / tile[0]) * Math.ceil(cols / tile[1])
    : Math.ceil(rows / rowsPerStrip);
  const tileBytes = tile
    ? pages * blocksPerPage * tile[0] * Math.ceil((tile[1] * (bilevel ? 1 : 8 * bytes)) / 8)
    : dataBytes;
  const estimate =
    tileBytes * growth + pages * (512 + 16 * blocksPerPage) + description.length * 4 + 1024;
  const bigTiff = bigTiffOption === 'auto' ? estimate >= FOUR_GB : bigTiffOption;
  if (!bigTiff && tileBytes * (compression === 1 ? 1 : 0) + pages * 200 >= FOUR_GB) {
    bad(
      'options.bigTiff',
      o.bigTiff,
      `'auto' or true for ${dataBytes} bytes of pixels (a classic TIFF ends at 4 GB)`,
    );
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
    bad('options.onProgress', o.onProgress, 'a function (done, total)');
  assertSignal(fn, 'options.signal', o.signal);
  return {
    fn,
    arr: data,
    dtype: dtype!,
    pages,
    rows,
    cols,
    compression,
    predictor,
    level,
    tile,
    rowsPerStrip,
    littleEndian: byteOrder === 'little',
    bigTiff,
    bilevel,
    description,
    resolution,
    onProgress: o.onProgress,
    signal: o.signal,
  };
}

/** Page `k` of the array as a row-major plane (a view when the array is contiguous). */
function pagePlane(plan: TiffWritePlan, k: number): TypedArray {
  const { arr, rows, cols } = plan;
  const nd = arr.shape.length;
  let base = arr.offset;
  let rest = k;
  for (let d = nd - 3; d >= 0; d--) {
    const i = rest % arr.shape[d]!;
    rest = Math.floor(rest / arr.shape[d]!);
    base += i * arr.stride[d]!;
  }
  const sy = arr.stride[nd - 2]!;
  const sx = arr.stride[nd - 1]!;
  const src = arr.data as TypedArray;
  if ((sx === 1 || cols === 1) && (sy === cols || rows === 1) && src.subarray) {
    return src.subarray(base, base + rows * cols);
  }
  const out = new ARRAY_OF[plan.dtype](rows * cols);
  for (let y = 0, o = 0; y < rows; y++) {
    const row = base + y * sy;
    for (let x = 0; x < cols; x++) out[o++] = src[row + x * sx]!;
  }
  return out;
}

function bytesOf(a: TypedArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Encode one block (native-order samples of `rows` rows of `width` samples) for the file. */
function encodeBlock(
  plan: TiffWritePlan,
  native: Uint8Array,
  width: number,
  rows: number,
  owned: boolean,
): Uint8Array {
  const bps = plan.bilevel ? 1 : BYTES_OF[plan.dtype];
  let bytes = native;
  if (plan.bilevel) {
    const rowBytes = Math.ceil(width / 8);
    bytes = new Uint8Array(rowBytes * rows);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < width; x++) {
        if (native[y * width + x] !== 0) bytes[y * rowBytes + (x >>> 3)]! |= 0x80 >>> (x & 7);
      }
    }
  } else if (plan.predictor === 3) {
    bytes = applyFloatingPoint(native, bps, 1, width, rows);
  } else {
    const swap = bps > 1 && plan.littleEndian !== LITTLE_ENDIAN_HOST;
    if (plan.predictor === 2 || swap) {
      if (!owned || native.byteOffset % bps !== 0) bytes = native.slice();
      if (plan.predictor === 2) applyHorizontal(bytes, bps, 1, width, rows);
      if (swap) swapBytes(bytes, bps);
    }
  }
  switch (plan.compression) {
    case 32773:
      return encodePackBits(bytes, bytes.length / rows);
    case 5:
      return encodeLzw(bytes);
    case 8:
      return zlibSync(bytes, { level: plan.level as 0 });
    default:
      return bytes;
  }
}

/** The encoded blocks of page `k`. */
function pageBlocks(plan: TiffWritePlan, k: number): Uint8Array[] {
  const plane = pagePlane(plan, k);
  const { rows, cols, tile } = plan;
  const bps = BYTES_OF[plan.dtype];
  const planeBytes = bytesOf(plane);
  const blocks: Uint8Array[] = [];
  if (!tile) {
    for (let y = 0; y < rows; y += plan.rowsPerStrip) {
      const n = Math.min(plan.rowsPerStrip, rows - y);
      blocks.push(
        encodeBlock(
          plan,
          planeBytes.subarray(y * cols * bps, (y + n) * cols * bps),
          cols,
          n,
          false,
        ),
      );
    }
    return blocks;
  }
  const [th, tw] = tile;
  for (let ty = 0; ty < rows; ty += th) {
    for (let tx = 0; tx < cols; tx += tw) {
      const buf = new Uint8Array(th * tw * bps);
      const w = Math.min(tw, cols - tx);
      for (let y = 0; y < th && ty + y < rows; y++) {
        const src = ((ty + y) * cols + tx) * bps;
        buf.set(planeBytes.subarray(src, src + w * bps), y * tw * bps);
      }
      blocks.push(encodeBlock(plan, buf, tw, th, true));
    }
  }
  return blocks;
}

interface Entry {
  tag: number;
  type: number;
  values: number[] | Uint8Array;
}

const TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 16: 8 };

function entryBytes(e: Entry): number {
  const count = e.values.length / (e.type === TYPE.RATIONAL ? 2 : 1);
  return count * TYPE_BYTES[e.type]!;
}

/** Size of an IFD with these entries, its out-of-line values included. */
function ifdSize(entries: Entry[], bigTiff: boolean): number {
  const inline = bigTiff ? 8 : 4;
  let size = bigTiff ? 8 + 20 * entries.length + 8 : 2 + 12 * entries.length + 4;
  for (const e of entries) {
    const b = entryBytes(e);
    if (b > inline) size += b + (b % 2);
  }
  return size;
}

function putValues(view: DataView, at: number, e: Entry, le: boolean): void {
  if (e.values instanceof Uint8Array) {
    new Uint8Array(view.buffer, view.byteOffset + at, e.values.length).set(e.values);
    return;
  }
  const v = e.values;
  for (let i = 0; i < v.length; i++) {
    if (e.type === TYPE.SHORT) view.setUint16(at + 2 * i, v[i]!, le);
    else if (e.type === TYPE.LONG || e.type === TYPE.RATIONAL)
      view.setUint32(at + 4 * i, v[i]!, le);
    else view.setBigUint64(at + 8 * i, BigInt(v[i]!), le);
  }
}

/** Serialise an IFD at file position `pos`, followed by its out-of-line values. */
function buildIfd(
  entries: Entry[],
  pos: number,
  next: number,
  bigTiff: boolean,
  le: boolean,
): Uint8Array {
  entries.sort((a, b) => a.tag - b.tag);
  const out = new Uint8Array(ifdSize(entries, bigTiff));
  const view = new DataView(out.buffer);
  const inline = bigTiff ? 8 : 4;
  const entrySize = bigTiff ? 20 : 12;
  const head = bigTiff ? 8 : 2;
  if (bigTiff) view.setBigUint64(0, BigInt(entries.length), le);
  else view.setUint16(0, entries.length, le);
  let extra = head + entrySize * entries.length + (bigTiff ? 8 : 4);
  entries.forEach((e, i) => {
    const at = head + i * entrySize;
    const count = e.values.length / (e.type === TYPE.RATIONAL ? 2 : 1);
    view.setUint16(at, e.tag, le);
    view.setUint16(at + 2, e.type, le);
    if (bigTiff) view.setBigUint64(at + 4, BigInt(count), le);
    else view.setUint32(at + 4, count, le);
    const valueAt = at + (bigTiff ? 12 : 8);
    const b = entryBytes(e);
    if (b <= inline) {
      putValues(view, valueAt, e, le);
    } else {
      if (bigTiff) view.setBigUint64(valueAt, BigInt(pos + extra), le);
      else view.setUint32(valueAt, pos + extra, le);
      putValues(view, extra, e, le);
      extra += b + (b % 2);
    }
  });
  const nextAt = head + entrySize * entries.length;
  if (bigTiff) view.setBigUint64(nextAt, BigInt(next), le);
  else view.setUint32(nextAt, next, le);
  return out;
}

/**
 * The chunks of a TIFF file in order: header, then for each page its IFD (with its values)
 * followed by its strips or tiles. Only one page is encoded at a time.
 *
 * @param plan - from {@link planTiffWrite}
 */
export function* tiffChunks(plan: TiffWritePlan): Generator<Uint8Array, void, void> {
  const le = plan.littleEndian;
  const big = plan.bigTiff;
  const header = new Uint8Array(big ? 16 : 8);
  const hv = new DataView(header.buffer);
  header[0] = header[1] = le ? 0x49 : 0x4d;
  hv.setUint16(2, big ? 43 : 42, le);
  if (big) {
    hv.setUint16(4, 8, le);
    hv.setBigUint64(8, 16n, le);
  } else {
    hv.setUint32(4, 8, le);
  }
  yield header;
  let pos = header.length;
  const { bits, sampleFormat } = tiffFormatOf(plan.dtype);
  const offsetType = big ? TYPE.LONG8 : TYPE.LONG;
  const description = new TextEncoder().encode(`${plan.description}\0`);
  for (let k = 0; k < plan.pages; k++) {
    throwIfAborted(plan.fn, plan.signal);
    const blocks = pageBlocks(plan, k);
    const counts = blocks.map((b) => b.length);
    const entries: Entry[] = [
      { tag: TAG.ImageWidth, type: TYPE.LONG, values: [plan.cols] },
      { tag: TAG.ImageLength, type: TYPE.LONG, values: [plan.rows] },
      { tag: TAG.BitsPerSample, type: TYPE.SHORT, values: [plan.bilevel ? 1 : bits] },
      { tag: TAG.Compression, type: TYPE.SHORT, values: [plan.compression] },
      { tag: TAG.Photometric, type: TYPE.SHORT, values: [1] },
      { tag: TAG.SamplesPerPixel, type: TYPE.SHORT, values: [1] },
      { tag: TAG.SampleFormat, type: TYPE.SHORT, values: [plan.bilevel ? 1 : sampleFormat] },
    ];
    if (k === 0) entries.push({ tag: TAG.ImageDescription, type: TYPE.ASCII, values: description });
    if (plan.predictor !== 1)
      entries.push({ tag: TAG.Predictor, type: TYPE.SHORT, values: [plan.predictor] });
    if (plan.resolution) {
      entries.push(
        { tag: TAG.XResolution, type: TYPE.RATIONAL, values: plan.resolution.x },
        { tag: TAG.YResolution, type: TYPE.RATIONAL, values: plan.resolution.y },
        { tag: TAG.ResolutionUnit, type: TYPE.SHORT, values: [1] },
      );
    }
    const offsets: Entry = {
      tag: plan.tile ? TAG.TileOffsets : TAG.StripOffsets,
      type: offsetType,
      values: counts.map(() => 0),
    };
    const byteCounts: Entry = {
      tag: plan.tile ? TAG.TileByteCounts : TAG.StripByteCounts,
      type: big ? TYPE.LONG8 : TYPE.LONG,
      values: counts,
    };
    entries.push(offsets, byteCounts);
    if (plan.tile) {
      entries.push(
        { tag: TAG.TileWidth, type: TYPE.LONG, values: [plan.tile[1]] },
        { tag: TAG.TileLength, type: TYPE.LONG, values: [plan.tile[0]] },
      );
    } else {
      entries.push({ tag: TAG.RowsPerStrip, type: TYPE.LONG, values: [plan.rowsPerStrip] });
    }
    const size = ifdSize(entries, big);
    let at = pos + size;
    offsets.values = counts.map((c) => {
      const o = at;
      at += c;
      return o;
    });
    const end = at;
    if (!big && end > FOUR_GB - 1) {
      throw new InvalidArgumentError(
        plan.fn,
        'options.bigTiff',
        false,
        `'auto' or true: the file passes 4 GB at page ${k}`,
      );
    }
    yield buildIfd(entries, pos, k + 1 < plan.pages ? end : 0, big, le);
    for (const b of blocks) yield b;
    pos = end;
    plan.onProgress?.(k + 1, plan.pages);
  }
}

/**
 * Encode an array as a TIFF: a 2D array as one page, a 3D array as one page per plane (and
 * more dimensions as pages of the flattened leading axes, their shape kept in the
 * description), with the voxel size in ImageJ or OME-XML metadata when `spacing` / `unit`
 * is given. tifffile, scikit-image, PIL and ImageJ read the result.
 *
 * @param data - an ndarray (any strides) of uint8, int8, uint16, int16, uint32, int32,
 *   float32 or float64, at least 2D
 * @param options - {@link TiffWriteOptions}: `compression` ('none'), `level` (6),
 *   `predictor` ('none'), `tile` (strips), `rowsPerStrip`, `byteOrder` ('little'),
 *   `bigTiff` ('auto'), `spacing`, `unit`, `metadata` ('auto'), `bilevel` (false),
 *   `onProgress`, `signal`
 * @returns the file's bytes
 * @throws InvalidArgumentError for a bad array or option, before anything is allocated
 * @throws AbortError when `options.signal` aborts
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992); BigTIFF (AWare Systems); ImageJ
 * hyperstack description as tifffile writes it; OME-XML 2016-06. For files past 4 GB use
 * `writeTiff` of `@mgraph/io/node`, which streams the pages to disk.
 */
export function encodeTiff(data: NdArray, options: TiffWriteOptions = {}): Uint8Array {
  const plan = planTiffWrite('encodeTiff', data, options);
  const pixels = (data.shape as number[]).reduce((p, s) => p * s, 1) * BYTES_OF[plan.dtype];
  if (pixels > MAX_IN_MEMORY) {
    throw new InvalidArgumentError(
      'encodeTiff',
      'data',
      data,
      `at most ${MAX_IN_MEMORY} bytes of pixels to encode in memory (this has ${pixels}); writeTiff of @mgraph/io/node streams larger volumes to a file page by page`,
    );
  }
  const chunks = [...tiffChunks(plan)];
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
