import { InvalidArgumentError, type TypedArray, throwIfAborted } from '@mgraph/core';
import ndarray from 'ndarray';
import { readFromBytes } from './byte-reads.js';
import { ARRAY_OF, type IoDtype } from './dtype.js';
import type { Blame } from './tiff-directory.js';
import type { TiffImage } from './tiff-image.js';
import { decodePlane, planTiff, type TiffPlan, type TiffReadOptions } from './tiff-plan.js';

/**
 * Allocate the output of a read, turning an allocation the engine refuses into a typed
 * error. Called only after every claimed size was checked against the file.
 */
export function allocate(blame: Blame, dtype: IoDtype, length: number): TypedArray {
  try {
    return new ARRAY_OF[dtype](length);
  } catch (error) {
    throw new InvalidArgumentError(
      blame.fn,
      blame.argument,
      blame.value,
      `an image this JavaScript engine can allocate (${length} ${dtype} elements: ${(error as Error).message}); read it plane by plane with readTiffPlanes`,
    );
  }
}

/** The {@link TiffImage} of a read: `data` in the plan's series shape, with its metadata. */
export function imageOfPlan(plan: TiffPlan, data: TypedArray): TiffImage {
  return {
    data: ndarray(data, [...plan.series.leading, plan.height, plan.width]),
    spacing: plan.series.spacing,
    unit: plan.series.unit,
    axes: plan.series.axes,
    info: plan.info,
  };
}

/**
 * Decode a TIFF from its bytes: one page as a 2D `(rows, cols)` array, a stack of pages as
 * 3D `(pages, rows, cols)` (or the hyperstack shape its ImageJ / OME metadata gives), with
 * the voxel size and unit of its ImageJ or OME-XML metadata.
 *
 * Reads classic TIFF and BigTIFF, either byte order, strips or tiles, uint8 / int8 /
 * uint16 / int16 / uint32 / int32 / float32 / float64 and 1-bit samples (as uint8 0 / 1),
 * uncompressed, PackBits, LZW or Deflate (8 and 32946), with horizontal (2) or, for
 * floats, floating-point (3) prediction. Colour pages are a typed error unless
 * `options.channel` picks a sample, the luminance or the palette indices.
 *
 * @param bytes - the file's bytes (not modified; the result never shares them)
 * @param options - {@link TiffReadOptions}: `page` (all), `channel` (none),
 *   `onProgress`, `signal`
 * @returns a {@link TiffImage}: `{ data, spacing, unit, axes, info }`
 * @throws InvalidArgumentError naming the bad part of the file (unsupported compression
 *   and how to convert, blocks past the end, sizes the data cannot hold, IFD loops), raised
 *   before anything proportional to the claimed image is allocated
 * @throws AbortError when `options.signal` aborts
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992); "BigTIFF" (AWare Systems, 2004); Adobe
 * Photoshop TIFF Technical Note 3 (floating-point predictor); ImageJ's TiffDecoder and
 * tifffile for the ImageJ hyperstack description; OME-TIFF / OME-XML 2016-06 schema.
 */
export function decodeTiff(bytes: Uint8Array, options: TiffReadOptions = {}): TiffImage {
  const fn = 'decodeTiff';
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidArgumentError(fn, 'bytes', bytes, 'the bytes of a TIFF file (a Uint8Array)');
  }
  const blame: Blame = { fn, argument: 'bytes', value: bytes };
  const plan = readFromBytes(bytes, planTiff(bytes.length, options ?? {}, blame));
  const n = plan.height * plan.width;
  const data = allocate(blame, plan.dtype, n * plan.pages.length);
  plan.pages.forEach((page, k) => {
    throwIfAborted(fn, options?.signal);
    readFromBytes(bytes, decodePlane(plan, page, data.subarray(k * n, (k + 1) * n), blame));
    options?.onProgress?.(k + 1, plan.pages.length);
  });
  return imageOfPlan(plan, data);
}
