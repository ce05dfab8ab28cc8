import {
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
  type TypedArray,
  throwIfAborted,
} from '@mgraph/core';
import { ARRAY_OF, ioDtypeOf } from './dtype.js';
import { assertPath } from './read-tiff.js';
import { readTiffPlanes } from './read-tiff-planes.js';
import {
  planZarrWrite,
  writeZarrChunks,
  writeZarrMetadata,
  ZARR_WRITE_KEYS,
  type ZarrWriteOptions,
  type ZarrWritePlan,
} from './write-zarr.js';
import type { StridedView } from './zarr-chunks.js';
import { chunkGrid } from './zarr-layout.js';
import { assertFreshDirectory, storeOf } from './zarr-paths.js';
import type { ZarrWritableStore } from './zarr-store.js';

/** Options of {@link tiffToZarr}: the Zarr write options, plus the TIFF channel to read. */
export interface TiffToZarrOptions extends ZarrWriteOptions {
  /** Sample of a colour page to convert (`readTiffPlanes`' `channel`). Default none. */
  channel?: number | 'luminance' | 'index';
}

const KEYS: OptionKeys<TiffToZarrOptions> = { ...ZARR_WRITE_KEYS, channel: true };

/**
 * Convert a TIFF stack (or one page) to a one-level OME-Zarr image, page by page: memory
 * holds one layer of chunks (`chunks[0]` pages) and one chunk, whatever the number of
 * pages. The TIFF's voxel size and unit (ImageJ or OME) become the OME `scale` and axis
 * unit unless `spacing` / `unit` are given.
 *
 * @param source - path of the TIFF file (a `ZYX` stack or a single `YX` page)
 * @param destination - directory path (created; an existing one must be empty) or a
 *   zarrita writable store
 * @param options - {@link TiffToZarrOptions}: the {@link ZarrWriteOptions} (`zarrFormat` 2,
 *   `chunks`, `compression` 'gzip', `level` 1, `spacing`, `unit`, `onProgress` (chunks),
 *   `signal`) and `channel`
 * @throws InvalidArgumentError for a file `readTiffPlanes` refuses, a hyperstack (axes
 *   other than `ZYX` / `YX`), a TIFF unit OME-NGFF does not name (give `options.unit`),
 *   a non-empty destination directory, or a bad option
 * @throws FileError when the TIFF cannot be read or the store written
 * @throws AbortError when `options.signal` aborts
 */
export async function tiffToZarr(
  source: string,
  destination: string | ZarrWritableStore,
  options: TiffToZarrOptions | null = {},
): Promise<void> {
  const fn = 'tiffToZarr';
  assertPath(fn, 'source', source);
  const { channel, ...write } = checkOptions(fn, options, KEYS);
  if (typeof destination === 'string' && destination.length > 0) {
    await assertFreshDirectory(fn, 'destination', destination);
  }
  const store = storeOf(destination, fn) as ZarrWritableStore;
  if (typeof (store as { set?: unknown }).set !== 'function') {
    throw new InvalidArgumentError(
      fn,
      'destination',
      destination,
      'a directory path or a zarrita store with set()',
    );
  }
  let plan: ZarrWritePlan | undefined;
  let slab: TypedArray | undefined;
  let depth = 0;
  let filled = 0;
  let layer = 0;
  let written = 0;
  const flush = async (rows: number, cols: number) => {
    const view: StridedView = {
      data: slab!,
      shape: [filled, rows, cols],
      stride: [rows * cols, cols, 1],
      offset: 0,
    };
    written = await writeZarrChunks(
      fn,
      store,
      plan!,
      view,
      layer * depth,
      layer,
      layer + 1,
      written,
    );
    layer++;
    filled = 0;
  };
  const planes = readTiffPlanes(
    source,
    channel === undefined ? { signal: write.signal } : { channel, signal: write.signal },
  );
  for await (const plane of planes) {
    const [rows, cols] = plane.data.shape as [number, number];
    if (plan === undefined) {
      const threeD = plane.count > 1 || plane.axes.length === 3;
      if (plane.axes !== (threeD ? 'ZYX' : 'YX')) {
        throw new InvalidArgumentError(
          fn,
          'source',
          source,
          `a Z stack (ZYX) or one page (YX) (found axes ${plane.axes}; read it with readTiff and write the array with writeZarr)`,
        );
      }
      const shape = threeD ? [plane.count, rows, cols] : [rows, cols];
      const spacing = write.spacing ?? plane.spacing;
      const unit = write.unit ?? plane.unit;
      plan = planZarrWrite(fn, shape, ioDtypeOf(plane.data.dtype)!, { ...write, spacing, unit });
      await writeZarrMetadata(store, plan);
      if (!threeD) {
        written = await writeZarrChunks(
          fn,
          store,
          plan,
          plane.data as StridedView,
          0,
          0,
          chunkGrid(plan.layout)[0]!,
          0,
        );
        return;
      }
      depth = plan.layout.chunkShape[0]!;
      slab = new ARRAY_OF[plan.layout.dtype](Math.min(depth, plane.count) * rows * cols);
    }
    throwIfAborted(fn, write.signal);
    slab!.set(plane.data.data as TypedArray, filled * rows * cols);
    filled++;
    if (filled === depth || plane.index === plane.count - 1) await flush(rows, cols);
  }
}
