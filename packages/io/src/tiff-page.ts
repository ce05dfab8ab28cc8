import { dtypeOfTiff, type IoDtype } from './dtype.js';
import { type Blame, fail, type TagValue, type TiffDirectory } from './tiff-directory.js';
import { COMPRESSION_NAMES, SUPPORTED_COMPRESSIONS, TAG } from './tiff-tags.js';

/** One page of a TIFF, checked: geometry, sample type, compression, blocks. */
export interface TiffPage {
  /** Index of the IFD (or of the ImageJ virtual page). */
  index: number;
  width: number;
  height: number;
  bitsPerSample: number;
  samplesPerPixel: number;
  /** 1 unsigned, 2 signed, 3 IEEE float. */
  sampleFormat: number;
  /** Dtype of one decoded sample (`uint8` for 1-bit data, 0 / 1 values). */
  dtype: IoDtype;
  compression: number;
  predictor: number;
  photometric: number;
  /** 1 chunky (samples interleaved), 2 planar (one plane per sample). */
  planar: number;
  tiled: boolean;
  /** Tile width, or the image width for strips. */
  blockWidth: number;
  /** Tile length, or RowsPerStrip. */
  blockHeight: number;
  blocksAcross: number;
  blocksDown: number;
  offsets: number[];
  byteCounts: number[];
  littleEndian: boolean;
  description: string | undefined;
  /** XResolution, YResolution as [numerator, denominator]. */
  xResolution: [number, number] | undefined;
  yResolution: [number, number] | undefined;
  resolutionUnit: number;
  colorMap: number[] | undefined;
  /** NewSubfileType bit 0: a reduced-resolution copy (thumbnail, pyramid level). */
  reduced: boolean;
}

function numbers(tags: Map<number, TagValue>, tag: number): number[] | undefined {
  const v = tags.get(tag);
  return Array.isArray(v) ? v : undefined;
}

function one(tags: Map<number, TagValue>, tag: number, fallback?: number): number | undefined {
  return numbers(tags, tag)?.[0] ?? fallback;
}

/**
 * How to convert a TIFF that another tool can convert: used in error messages.
 */
const CONVERT_HINT =
  "convert it first, e.g. in Python: tifffile.imwrite('out.tif', tifffile.imread('in.tif'), compression='zlib'), or with libtiff: tiffcp -c zip in.tif out.tif";

/**
 * Check one IFD and describe its page.
 *
 * @param dir - the directory
 * @param index - page index (for messages)
 * @param littleEndian - the file's byte order
 * @param blame - names the function and argument in errors
 * @returns the page
 * @throws InvalidArgumentError for anything this package cannot decode, naming the page
 */
export function describePage(
  dir: TiffDirectory,
  index: number,
  littleEndian: boolean,
  blame: Blame,
): TiffPage {
  const t = dir.tags;
  const where = `page ${index}`;
  const width = one(t, TAG.ImageWidth);
  const height = one(t, TAG.ImageLength);
  if (!(Number.isInteger(width) && width! > 0 && Number.isInteger(height) && height! > 0)) {
    fail(
      blame,
      `a TIFF whose ${where} has ImageWidth and ImageLength >= 1, got ${width} x ${height}`,
    );
  }
  const w = width!;
  const h = height!;
  const samplesPerPixel = one(t, TAG.SamplesPerPixel, 1)!;
  const bitsList = numbers(t, TAG.BitsPerSample) ?? [1];
  const bitsPerSample = bitsList[0]!;
  const sampleFormat = one(t, TAG.SampleFormat, 1) === 4 ? 1 : one(t, TAG.SampleFormat, 1)!;
  if (bitsList.some((b) => b !== bitsPerSample)) {
    fail(
      blame,
      `a TIFF whose samples share one bit depth, ${where} has BitsPerSample ${bitsList.join(', ')}`,
    );
  }
  if (!(samplesPerPixel >= 1 && samplesPerPixel <= 64)) {
    fail(blame, `a TIFF with 1 to 64 samples per pixel, ${where} has ${samplesPerPixel}`);
  }
  let dtype: IoDtype | undefined;
  if (bitsPerSample === 1 && sampleFormat === 1 && samplesPerPixel === 1) dtype = 'uint8';
  else dtype = dtypeOfTiff(bitsPerSample, sampleFormat);
  if (dtype === undefined) {
    fail(
      blame,
      `a TIFF of 1-bit, 8/16/32-bit integer or 32/64-bit float samples, ${where} has ${bitsPerSample}-bit samples of SampleFormat ${sampleFormat}; ${CONVERT_HINT}`,
    );
  }
  const compression = one(t, TAG.Compression, 1)!;
  if (!SUPPORTED_COMPRESSIONS.has(compression)) {
    const name = COMPRESSION_NAMES[compression];
    fail(
      blame,
      `a TIFF compressed with none, PackBits, LZW or Deflate; ${where} uses ${name ? `${name} (compression ${compression})` : `compression ${compression}, a code no TIFF standard or common extension defines`}, which @mgraph/io does not decode: ${CONVERT_HINT}`,
    );
  }
  const predictor = one(t, TAG.Predictor, 1)!;
  if (!(predictor === 1 || predictor === 2 || (predictor === 3 && sampleFormat === 3))) {
    fail(
      blame,
      `a TIFF with Predictor 1, 2 or (floats) 3, ${where} has Predictor ${predictor} for SampleFormat ${sampleFormat}`,
    );
  }
  if (predictor !== 1 && bitsPerSample < 8) {
    fail(blame, `a TIFF without a predictor on ${bitsPerSample}-bit samples (${where})`);
  }
  const planar = samplesPerPixel > 1 ? one(t, TAG.PlanarConfiguration, 1)! : 1;
  if (planar !== 1 && planar !== 2)
    fail(blame, `a TIFF with PlanarConfiguration 1 or 2, ${where} has ${planar}`);
  const fillOrder = one(t, TAG.FillOrder, 1);
  if (fillOrder !== 1 && bitsPerSample < 8) {
    fail(
      blame,
      `a TIFF with FillOrder 1 (most significant bit first), ${where} has FillOrder ${fillOrder}; ${CONVERT_HINT}`,
    );
  }
  const tiled = t.has(TAG.TileWidth) || t.has(TAG.TileOffsets);
  let blockWidth: number;
  let blockHeight: number;
  let offsets: number[] | undefined;
  let byteCounts: number[] | undefined;
  if (tiled) {
    blockWidth = one(t, TAG.TileWidth) ?? 0;
    blockHeight = one(t, TAG.TileLength) ?? 0;
    offsets = numbers(t, TAG.TileOffsets);
    byteCounts = numbers(t, TAG.TileByteCounts);
  } else {
    blockWidth = w;
    const rps = one(t, TAG.RowsPerStrip, h)!;
    blockHeight = rps > 0 ? Math.min(rps, h) : h;
    offsets = numbers(t, TAG.StripOffsets);
    byteCounts = numbers(t, TAG.StripByteCounts);
  }
  const kind = tiled ? 'tile' : 'strip';
  if (!(blockWidth > 0 && blockHeight > 0)) {
    fail(
      blame,
      `a TIFF whose ${where} has a ${kind} size >= 1, got ${blockWidth} x ${blockHeight}`,
    );
  }
  const blocksAcross = Math.ceil(w / blockWidth);
  const blocksDown = Math.ceil(h / blockHeight);
  const blocks = blocksAcross * blocksDown * (planar === 2 ? samplesPerPixel : 1);
  if (!offsets || !byteCounts || offsets.length < blocks || byteCounts.length < blocks) {
    fail(
      blame,
      `a TIFF whose ${where} lists ${blocks} ${kind} offsets and byte counts, it lists ${offsets?.length ?? 0} and ${byteCounts?.length ?? 0}`,
    );
  }
  const xr = numbers(t, TAG.XResolution);
  const yr = numbers(t, TAG.YResolution);
  const description = t.get(TAG.ImageDescription);
  return {
    index,
    width: w,
    height: h,
    bitsPerSample,
    samplesPerPixel,
    sampleFormat,
    dtype: dtype!,
    compression,
    predictor,
    photometric: one(t, TAG.Photometric, 1)!,
    planar,
    tiled,
    blockWidth,
    blockHeight,
    blocksAcross,
    blocksDown,
    offsets: offsets.slice(0, blocks),
    byteCounts: byteCounts.slice(0, blocks),
    littleEndian,
    description: typeof description === 'string' ? description : undefined,
    xResolution: xr && xr.length >= 2 ? [xr[0]!, xr[1]!] : undefined,
    yResolution: yr && yr.length >= 2 ? [yr[0]!, yr[1]!] : undefined,
    resolutionUnit: one(t, TAG.ResolutionUnit, 2)!,
    colorMap: numbers(t, TAG.ColorMap),
    reduced: ((one(t, TAG.NewSubfileType, 0)! & 1) as number) === 1,
  };
}

/** Samples in one row of a block (all samples for chunky, one for planar). */
export function blockRowSamples(page: TiffPage): number {
  return page.blockWidth * (page.planar === 1 ? page.samplesPerPixel : 1);
}

/** Bytes of one row of a block, as stored (1-bit rows are padded to a byte). */
export function blockRowBytes(page: TiffPage): number {
  return Math.ceil((blockRowSamples(page) * page.bitsPerSample) / 8);
}

/** Rows block `b` holds (strips: the last one may be shorter; tiles are always full). */
export function blockRows(page: TiffPage, b: number): number {
  if (page.tiled) return page.blockHeight;
  const down = b % page.blocksDown;
  return Math.min(page.blockHeight, page.height - down * page.blockHeight);
}

/**
 * Most bytes `byteCount` compressed bytes can decode to: Deflate at most 1032:1, PackBits
 * 64:1 (2 bytes -> 128), LZW n codes of >= 9 bits, each at most as long as the codes before
 * it (and <= 4096 bytes). Lets a reader refuse a header that claims more than the data can
 * hold before it allocates anything.
 */
function maxDecodedBytes(compression: number, byteCount: number): number {
  if (compression === 1) return byteCount;
  if (compression === 32773) return byteCount * 64;
  if (compression === 5) {
    const codes = Math.floor((byteCount * 8) / 9);
    return codes * Math.min(codes, 4096);
  }
  return byteCount * 1032 + 64;
}

/**
 * Check every block of a page against the file: inside it, not empty, and able to hold
 * the bytes the header claims. Runs before anything is allocated for the page.
 *
 * @param page - the page
 * @param fileSize - the file's size
 * @param blame - names the function and argument in errors
 * @throws InvalidArgumentError naming the page and block
 */
export function checkBlocks(page: TiffPage, fileSize: number, blame: Blame): void {
  const kind = page.tiled ? 'tile' : 'strip';
  const rowBytes = blockRowBytes(page);
  for (let b = 0; b < page.offsets.length; b++) {
    const offset = page.offsets[b]!;
    const count = page.byteCounts[b]!;
    const where = `${kind} ${b} of page ${page.index}`;
    if (count === 0 || offset === 0) {
      fail(
        blame,
        `a TIFF whose ${kind}s all hold data, ${where} is empty (offset ${offset}, ${count} bytes)`,
      );
    }
    if (!(offset + count <= fileSize)) {
      fail(
        blame,
        `a TIFF whose ${kind}s lie inside the file, ${where} (${count} bytes from byte ${offset}) ends past the end of the file (${fileSize} bytes)`,
      );
    }
    const expected = rowBytes * blockRows(page, b);
    const most = maxDecodedBytes(page.compression, count);
    if (expected > most) {
      fail(
        blame,
        page.compression === 1
          ? `a TIFF whose ${kind}s hold the bytes the header claims: ${where} holds ${count} bytes, ${page.width} x ${page.height} ${page.dtype} needs ${expected}`
          : `a TIFF whose ${kind}s can hold the bytes the header claims: ${where} has ${count} compressed bytes, which cannot decompress to the ${expected} bytes the header claims`,
      );
    }
  }
}
