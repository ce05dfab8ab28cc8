import {
  assertSignal,
  checkOptions,
  type OptionKeys,
  type ProgressCallback,
  type TypedArray,
} from '@mgraph/core';
import type { ByteReads } from './byte-reads.js';
import { decodePageInto } from './decode-tiff-page.js';
import { ARRAY_OF, BYTES_OF, type IoDtype } from './dtype.js';
import { type Blame, fail, readDirectories } from './tiff-directory.js';
import { readSeries, type TiffMetadataFormat, type TiffSeries } from './tiff-metadata.js';
import { checkBlocks, describePage, type TiffPage } from './tiff-page.js';

/** Options of the TIFF readers and decoders. */
export interface TiffReadOptions {
  /**
   * Read only this page (IFD index among full-resolution pages), as a 2D array. Default:
   * every page, stacked.
   */
  page?: number;
  /**
   * What to read from a colour page, which is otherwise a typed error: a sample index
   * (`0` red, `1` green, `2` blue of RGB; a colormap channel of a palette image, as
   * uint16), `'luminance'` (float32 `0.299 R + 0.587 G + 0.114 B`, ITU-R BT.601 as PIL's
   * `convert('L')` without its rounding), or `'index'` (the palette indices). Default:
   * undefined (grey images only).
   */
  channel?: number | 'luminance' | 'index';
  /** Called after each page with (pages done, pages in all). */
  onProgress?: ProgressCallback;
  /** Stops the read between pages with an `AbortError`. */
  signal?: AbortSignal;
}

/** What a TIFF holds beyond its pixels: how it is stored and where its voxel size came from. */
export interface TiffInfo {
  /** Which metadata gave the shape and voxel size. */
  format: TiffMetadataFormat;
  /** The first page's ImageDescription, if any. */
  description: string | undefined;
  bigTiff: boolean;
  byteOrder: 'little' | 'big';
  /** Pages read (ImageJ's contiguous stacks count their virtual pages). */
  pages: number;
  /** Sample type stored in the file (`uint8` for 1-bit). */
  fileDtype: IoDtype;
  bitsPerSample: number;
  samplesPerPixel: number;
  /** TIFF Photometric: 0 / 1 grey, 2 RGB, 3 palette. */
  photometric: number;
  /** Compression code of the first page: 1, 5 (LZW), 8 / 32946 (Deflate), 32773 (PackBits). */
  compression: number;
  /** Predictor of the first page: 1 none, 2 horizontal, 3 floating point. */
  predictor: number;
  tiled: boolean;
}

/** A checked TIFF, ready to decode page by page. */
export interface TiffPlan {
  pages: TiffPage[];
  series: TiffSeries;
  info: TiffInfo;
  /** Dtype of the output (differs from the file's for luminance and palette channels). */
  dtype: IoDtype;
  /** Rows and columns of every page. */
  height: number;
  width: number;
  channel: number | 'luminance' | 'index' | undefined;
}

/** Every option of {@link TiffReadOptions}, for core's `checkOptions`. */
const READ_OPTION_KEYS: OptionKeys<TiffReadOptions> = {
  page: true,
  channel: true,
  onProgress: true,
  signal: true,
};

function checkReadOptions(options: TiffReadOptions, blame: Blame): void {
  const { fn } = blame;
  const o = checkOptions(fn, options, READ_OPTION_KEYS);
  assertSignal(fn, 'options.signal', o.signal);
  if (o.page !== undefined && !(Number.isInteger(o.page) && o.page >= 0)) {
    fail({ fn, argument: 'options.page', value: o.page }, 'a page index (integer >= 0)');
  }
  if (
    o.channel !== undefined &&
    o.channel !== 'luminance' &&
    o.channel !== 'index' &&
    !(Number.isInteger(o.channel) && (o.channel as number) >= 0)
  ) {
    fail(
      { fn, argument: 'options.channel', value: o.channel },
      "a sample index (integer >= 0), 'luminance' or 'index'",
    );
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    fail({ fn, argument: 'options.onProgress', value: o.onProgress }, 'a function (done, total)');
  }
}

/**
 * Read and check a TIFF's structure: header, IFD chain, every page and block, metadata.
 * Nothing proportional to the image is allocated here, and every size the header claims is
 * checked against the file size.
 *
 * @param fileSize - size of the file
 * @param options - read options
 * @param blame - names the function and argument in errors
 */
export function* planTiff(
  fileSize: number,
  options: TiffReadOptions,
  blame: Blame,
): ByteReads<TiffPlan> {
  checkReadOptions(options, blame);
  const { header, directories } = yield* readDirectories(fileSize, blame);
  let pages: TiffPage[] = [];
  directories.forEach((dir, i) => {
    const page = describePage(dir, i, header.littleEndian, blame);
    if (!page.reduced || i === 0) pages.push(page);
  });
  if (pages.length === 0) fail(blame, 'a TIFF with at least one page');
  const allPages = pages.length;
  const head = pages[0]!; // its description holds the metadata of the whole file
  if (options.page !== undefined) {
    if (options.page >= pages.length) {
      fail(
        { ...blame, argument: 'options.page', value: options.page },
        `a page index below ${pages.length} (the pages of the file)`,
      );
    }
    pages = [pages[options.page]!];
  }
  const first = pages[0]!;
  for (const p of pages) {
    if (
      p.width !== first.width ||
      p.height !== first.height ||
      p.dtype !== first.dtype ||
      p.bitsPerSample !== first.bitsPerSample ||
      p.samplesPerPixel !== first.samplesPerPixel ||
      p.photometric !== first.photometric
    ) {
      fail(
        blame,
        `a TIFF whose pages share size and type (or options.page to read one): page ${p.index} is ${p.width} x ${p.height} ${p.dtype} x ${p.samplesPerPixel}, page 0 is ${first.width} x ${first.height} ${first.dtype} x ${first.samplesPerPixel}`,
      );
    }
  }
  let series = readSeries(
    {
      ...first,
      description: head.description,
      xResolution: head.xResolution,
      yResolution: head.yResolution,
    },
    allPages,
  );
  const images = series.imagejImages;
  if (options.page === undefined && images !== undefined && images > pages.length) {
    // ImageJ writes stacks past 4 GB as one IFD followed by all the images, contiguous
    const pageBytes =
      first.height * Math.ceil((first.width * first.samplesPerPixel * first.bitsPerSample) / 8);
    const contiguous =
      first.compression === 1 &&
      first.offsets.every(
        (o, k) => k === 0 || o === first.offsets[k - 1]! + first.byteCounts[k - 1]!,
      );
    const need = first.offsets[0]! + images * pageBytes;
    if (!contiguous || !(need <= fileSize)) {
      fail(
        blame,
        `a TIFF that holds the images its ImageJ description claims: images=${images} of ${first.width} x ${first.height} ${first.dtype} need ${need} bytes, the file has ${fileSize}`,
      );
    }
    pages = Array.from({ length: images }, (_, k) => ({
      ...first,
      index: k,
      offsets: first.offsets.map((o) => o + k * pageBytes),
    }));
  } else if (series.format === 'imagej' && images !== allPages) {
    series = {
      ...readSeries({ ...first, description: undefined }, pages.length),
      spacing: undefined,
    };
  }
  if (options.page !== undefined) {
    series = { ...series, leading: [], axes: 'YX', spacing: series.spacing?.slice(-2) };
  }
  for (const p of pages) checkBlocks(p, fileSize, blame);
  const channel = options.channel;
  const colour =
    first.photometric === 3 ? 'palette' : first.samplesPerPixel > 1 ? 'samples' : 'grey';
  let dtype = first.dtype;
  if (colour === 'palette') {
    const entries = 2 ** first.bitsPerSample;
    if (!first.colorMap || first.colorMap.length < 3 * entries) {
      fail(blame, `a palette TIFF with a ColorMap of 3 x ${entries} values (page ${first.index})`);
    }
    if (channel === undefined || (typeof channel === 'number' && channel > 2)) {
      fail(
        blame,
        `a grey TIFF; page ${first.index} is a palette (indexed colour) image: pass options.channel = 'index' for the indices, 0 / 1 / 2 for the red / green / blue colormap values (uint16), or 'luminance' (float32); in Python: tifffile.imread(path) gives the indices`,
      );
    }
    if (first.samplesPerPixel !== 1) fail(blame, 'a palette TIFF with one sample per pixel');
    dtype = channel === 'luminance' ? 'float32' : channel === 'index' ? first.dtype : 'uint16';
  } else if (colour === 'samples') {
    const n = first.samplesPerPixel;
    const rgb = first.photometric === 2 && n >= 3;
    if (
      channel === undefined ||
      channel === 'index' ||
      (typeof channel === 'number' && channel >= n) ||
      (channel === 'luminance' && !rgb)
    ) {
      fail(
        blame,
        `a grey TIFF; page ${first.index} has ${n} samples per pixel${rgb ? ' (RGB)' : ''}: pass options.channel = 0..${n - 1} for one sample${rgb ? ", or 'luminance' for float32 0.299 R + 0.587 G + 0.114 B" : ''}; in Python: tifffile.imread(path)[..., k]`,
      );
    }
    dtype = channel === 'luminance' ? 'float32' : first.dtype;
  } else if (channel !== undefined && channel !== 0 && channel !== 'luminance') {
    fail(
      { ...blame, argument: 'options.channel', value: channel },
      `0 or 'luminance' for a grey TIFF (page ${first.index} has one sample per pixel)`,
    );
  }
  const info: TiffInfo = {
    format: series.format,
    description: first.description,
    bigTiff: header.bigTiff,
    byteOrder: header.littleEndian ? 'little' : 'big',
    pages: pages.length,
    fileDtype: first.dtype,
    bitsPerSample: first.bitsPerSample,
    samplesPerPixel: first.samplesPerPixel,
    photometric: first.photometric,
    compression: first.compression,
    predictor: first.predictor,
    tiled: first.tiled,
  };
  return { pages, series, info, dtype, height: first.height, width: first.width, channel };
}

function bytesOf(a: TypedArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

const LUMA = [0.299, 0.587, 0.114];

/**
 * Decode one page of a plan into `out` (a plane of `height * width` elements of the
 * plan's dtype), converting colour as the plan's channel asks.
 */
export function* decodePlane(
  plan: TiffPlan,
  page: TiffPage,
  out: TypedArray,
  blame: Blame,
): ByteReads<void> {
  const n = plan.height * plan.width;
  const { channel } = plan;
  if (page.photometric === 3) {
    const idx = channel === 'index' ? out : new ARRAY_OF[page.dtype](n);
    yield* decodePageInto(page, bytesOf(idx), 'all', blame);
    if (channel === 'index') return;
    const cmap = page.colorMap!;
    const entries = 2 ** page.bitsPerSample;
    for (let i = 0; i < n; i++) {
      const k = idx[i]!;
      out[i] =
        channel === 'luminance'
          ? LUMA[0]! * cmap[k]! + LUMA[1]! * cmap[entries + k]! + LUMA[2]! * cmap[2 * entries + k]!
          : cmap[(channel as number) * entries + k]!;
    }
    return;
  }
  const spp = page.samplesPerPixel;
  if (spp === 1) {
    yield* decodePageInto(page, bytesOf(out), 'all', blame);
    return;
  }
  const wanted = channel === 'luminance' ? [0, 1, 2] : [channel as number];
  const planes: TypedArray[] = [];
  if (page.planar === 2) {
    for (const s of wanted) {
      const plane = wanted.length === 1 ? out : new ARRAY_OF[page.dtype](n);
      yield* decodePageInto(page, bytesOf(plane), s, blame);
      planes.push(plane);
    }
    if (wanted.length === 1) return;
    for (let i = 0; i < n; i++)
      out[i] = LUMA[0]! * planes[0]![i]! + LUMA[1]! * planes[1]![i]! + LUMA[2]! * planes[2]![i]!;
    return;
  }
  const all = new ARRAY_OF[page.dtype](n * spp);
  yield* decodePageInto(page, bytesOf(all), 'all', blame);
  if (wanted.length === 1) {
    const s = wanted[0]!;
    for (let i = 0; i < n; i++) out[i] = all[i * spp + s]!;
  } else {
    for (let i = 0; i < n; i++) {
      out[i] =
        LUMA[0]! * all[i * spp]! + LUMA[1]! * all[i * spp + 1]! + LUMA[2]! * all[i * spp + 2]!;
    }
  }
}

/** Bytes of one output plane of a plan. */
export function planeBytes(plan: TiffPlan): number {
  return plan.height * plan.width * BYTES_OF[plan.dtype];
}
