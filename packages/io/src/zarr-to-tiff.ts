import { checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import ndarray from 'ndarray';
import { ARRAY_OF } from './dtype.js';
import {
  planTiffWrite,
  type TiffWriteOptions,
  tiffChunks,
  WRITE_OPTION_KEYS,
} from './encode-tiff.js';
import { openZarrAs, type ZarrOpenOptions } from './open-zarr.js';
import { assertPath } from './read-tiff.js';
import { writeFileChunks } from './write-file-chunks.js';
import { storeOf, type ZarrLocation } from './zarr-paths.js';
import type { ZarrReadableStore } from './zarr-store.js';

/** Options of {@link zarrToTiff}: the TIFF write options and which Zarr array to read. */
export interface ZarrToTiffOptions extends TiffWriteOptions, ZarrOpenOptions {}

const KEYS: OptionKeys<ZarrToTiffOptions> = { ...WRITE_OPTION_KEYS, path: true, level: true };

/** TIFF spellings of OME-NGFF units (ImageJ reads `um` as microns). */
const TIFF_UNIT: Readonly<Record<string, string>> = {
  micrometer: 'um',
  nanometer: 'nm',
  millimeter: 'mm',
  centimeter: 'cm',
  meter: 'm',
};

/**
 * Convert a 2D or 3D Zarr array / OME-Zarr image to a TIFF file, page by page: memory
 * holds `chunks[0] + 1` pages and one chunk, whatever the number of pages. The OME
 * voxel size and unit become ImageJ or OME-TIFF metadata unless `spacing` / `unit` are
 * given (`micrometer` is written `um`, `nanometer` `nm`...). A failed write removes the
 * partial file.
 *
 * @param source - directory path or zarrita store
 * @param destination - path of the TIFF file (overwritten)
 * @param options - {@link ZarrToTiffOptions}: `path`, `level` and the TIFF write options
 *   (`compression`, `predictor`, `tile`, `bigTiff`, `metadata`, `spacing`, `unit`,
 *   `onProgress` (pages), `signal`)
 * @throws InvalidArgumentError for a Zarr source `openZarr` refuses, an array of more than
 *   3 axes, or a bad option
 * @throws FileError when the TIFF cannot be written
 */
export async function zarrToTiff(
  source: ZarrLocation,
  destination: string,
  options: ZarrToTiffOptions | null = {},
): Promise<void> {
  const fn = 'zarrToTiff';
  assertPath(fn, 'destination', destination);
  const { path, level, ...tiff } = checkOptions(fn, options, KEYS);
  const volume = await openZarrAs(fn, storeOf(source, fn) as ZarrReadableStore, { path, level });
  const { shape, dtype } = volume;
  if (shape.length > 3) {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      `a 2D or 3D array (found shape [${shape.join(', ')}])`,
    );
  }
  const [pages, rows, cols] = (shape.length === 3 ? shape : [1, ...shape]) as [
    number,
    number,
    number,
  ];
  const plane = rows * cols;
  const unit =
    tiff.unit ?? (volume.unit === undefined ? undefined : (TIFF_UNIT[volume.unit] ?? volume.unit));
  // checked against the full shape over one plane (stride 0 along the pages); the pages
  // are swapped in below as they are read
  const probe = ndarray(
    new ARRAY_OF[dtype](plane),
    shape,
    shape.length === 3 ? [0, cols, 1] : [cols, 1],
  );
  const plan = planTiffWrite(fn, probe, { ...tiff, spacing: tiff.spacing ?? volume.spacing, unit });
  const depth = volume.info.chunkShape[0]! + 1;
  let from = 0;
  let to = 0;
  let progressed = 0;
  const userProgress = plan.onProgress;
  plan.onProgress = (done, total) => {
    progressed = done;
    userProgress?.(done, total);
  };
  // tiffChunks reads page k + 1 in the same step that reports page k done, so before each
  // step the pages `progressed` and `progressed + 1` must be in memory
  const ensure = async () => {
    const need = Math.min(pages, progressed + 2);
    if (progressed >= from && need <= to) return;
    from = progressed;
    to = Math.min(pages, from + Math.max(depth, 2));
    const start = shape.length === 3 ? [from, 0, 0] : [0, 0];
    const stop = shape.length === 3 ? [to, rows, cols] : [rows, cols];
    const region = await volume.readRegion(start, stop, { signal: tiff.signal });
    plan.arr = ndarray(region.data, [pages, rows, cols], [plane, cols, 1], -from * plane);
  };
  // the pages each step needs are read before the step
  async function* pagedChunks(): AsyncGenerator<Uint8Array> {
    const chunks = tiffChunks(plan);
    for (;;) {
      await ensure();
      const next = chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  await writeFileChunks(fn, destination, pagedChunks());
}
