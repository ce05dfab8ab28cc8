import { checkOptions, type NdArray, type OptionKeys, type ProgressCallback } from '@mgraph/core';
import { openZarrAs, type ZarrInfo, type ZarrOpenOptions } from './open-zarr.js';
import type { ZarrReadableStore } from './zarr-store.js';

/** Options of {@link readZarr}. */
export interface ZarrReadOptions extends ZarrOpenOptions {
  /** Called with `(chunksRead, chunksTotal)` after each chunk. */
  onProgress?: ProgressCallback;
  /** Checked before each chunk (`AbortError`). */
  signal?: AbortSignal;
}

/** What {@link readZarr} returns. */
export interface ZarrImage {
  /** The whole array, row-major. */
  data: NdArray;
  /** Voxel size per axis (OME `scale`), or undefined for a plain Zarr array. */
  spacing: number[] | undefined;
  /** OME-NGFF unit of the space axes (`micrometer`, `nanometer`...), or undefined. */
  unit: string | undefined;
  /** One letter per axis, e.g. `ZYX`. */
  axes: string;
  info: ZarrInfo;
}

const READ_KEYS: OptionKeys<ZarrReadOptions> = {
  path: true,
  level: true,
  onProgress: true,
  signal: true,
};

/**
 * Read a whole Zarr array or OME-Zarr image (see {@link openZarr} for what is accepted)
 * from any zarrita store, chunk by chunk. `@mgraph/io/node`'s `readZarr` takes a directory
 * path as well.
 *
 * @param source - a zarrita readable store
 * @param options - {@link ZarrReadOptions}: `path` (''), `level` (0), `onProgress`, `signal`
 * @returns a {@link ZarrImage}
 * @throws InvalidArgumentError naming `source` for missing or malformed metadata, an
 *   unsupported dtype, or a chunk that does not decode (its key named)
 * @throws AbortError when `options.signal` aborts
 */
export async function readZarr(
  source: ZarrReadableStore,
  options: ZarrReadOptions | null = {},
): Promise<ZarrImage> {
  return readZarrAs('readZarr', source, options);
}

/** {@link readZarr} under the name of the calling function. @internal */
export async function readZarrAs(
  fn: string,
  source: ZarrReadableStore,
  options: ZarrReadOptions | null | undefined,
): Promise<ZarrImage> {
  const { path, level, onProgress, signal } = checkOptions(fn, options, READ_KEYS);
  const volume = await openZarrAs(fn, source, { path, level });
  const data = await volume.readRegion(
    volume.shape.map(() => 0),
    volume.shape,
    { onProgress, signal },
  );
  const { spacing, unit, axes, info } = volume;
  return { data, spacing, unit, axes, info };
}
