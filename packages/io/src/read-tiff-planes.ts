import { FileError, type NdArray, type TypedArray, throwIfAborted } from '@mgraph/core';
import ndarray from 'ndarray';
import { allocate } from './decode-tiff.js';
import { readFromFile } from './file-reads.js';
import { assertPath } from './read-tiff.js';
import type { Blame } from './tiff-directory.js';
import { decodePlane, planTiff, type TiffInfo, type TiffReadOptions } from './tiff-plan.js';

/** One page of a stack, as {@link readTiffPlanes} yields it. */
export interface TiffPlane<T extends TypedArray = TypedArray> {
  /** Page index, 0-based. */
  index: number;
  /** Pages in the stack. */
  count: number;
  /** The page, `(rows, cols)`, in a fresh array. */
  data: NdArray<T>;
  /** Voxel size of the whole stack (axes of `axes`), or undefined. */
  spacing: number[] | undefined;
  unit: string | undefined;
  /** Axes of the whole stack, e.g. `"ZYX"`. */
  axes: string;
  info: TiffInfo;
}

/**
 * Read a TIFF stack page by page, as an async iterator of 2D planes: memory holds one
 * plane and one strip or tile at a time, so a stack larger than memory can be streamed.
 * The header, IFDs and every block of every page are checked against the file size
 * before the first plane is read.
 *
 * @param source - path of the file
 * @param options - {@link TiffReadOptions}: `page` (only that page), `channel`,
 *   `onProgress` (called after each plane), `signal` (checked before each plane)
 * @returns an async iterator of {@link TiffPlane}; breaking out of the loop closes the file
 * @throws InvalidArgumentError for a file this package cannot read; AbortError on abort
 *
 * @example
 * ```ts
 * for await (const plane of readTiffPlanes('stack.tif')) console.log(plane.index, plane.data.shape);
 * ```
 */
export async function* readTiffPlanes(
  source: string,
  options: TiffReadOptions = {},
): AsyncGenerator<TiffPlane, void, void> {
  const fn = 'readTiffPlanes';
  assertPath(fn, 'source', source);
  const { open } = await import('node:fs/promises');
  const handle = await FileError.wrap(fn, source, 'open', () => open(source, 'r'));
  try {
    const size = (await handle.stat()).size;
    const blame: Blame = { fn, argument: 'source', value: source };
    const plan = await FileError.wrap(fn, source, 'read', () =>
      readFromFile(handle, planTiff(size, options ?? {}, blame)),
    );
    const count = plan.pages.length;
    for (let k = 0; k < count; k++) {
      throwIfAborted(fn, options?.signal);
      const data = allocate(blame, plan.dtype, plan.height * plan.width);
      await FileError.wrap(fn, source, 'read', () =>
        readFromFile(handle, decodePlane(plan, plan.pages[k]!, data, blame)),
      );
      options?.onProgress?.(k + 1, count);
      yield {
        index: k,
        count,
        data: ndarray(data, [plan.height, plan.width]),
        spacing: plan.series.spacing,
        unit: plan.series.unit,
        axes: plan.series.axes,
        info: plan.info,
      };
    }
  } finally {
    await handle.close();
  }
}
