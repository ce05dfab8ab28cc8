import type { NdArray } from '@mgraph/core';
import { openZarrAs, type ZarrOpenOptions, type ZarrVolume } from './open-zarr.js';
import { readZarrAs, type ZarrImage, type ZarrReadOptions } from './read-zarr.js';
import { writeZarr as writeZarrToStore, type ZarrWriteOptions } from './write-zarr.js';
import { ZarrDirectoryStore } from './zarr-directory-store.js';
import type { ZarrReadableStore, ZarrWritableStore } from './zarr-store.js';

/** A directory path or a zarrita store. */
export type ZarrLocation = string | ZarrReadableStore;

/** The store of a path (a {@link ZarrDirectoryStore}) or the store itself. */
export function storeOf<T>(location: string | T, fn: string): T | ZarrDirectoryStore {
  return typeof location === 'string' ? new ZarrDirectoryStore(location, fn) : location;
}

/**
 * `@mgraph/io`'s `openZarr` that also takes the path of a directory store
 * (`'volume.zarr'`).
 *
 * @param source - directory path or zarrita store
 * @param options - `path` (''), `level` (0)
 * @returns the opened {@link ZarrVolume}
 * @throws InvalidArgumentError as `@mgraph/io`'s `openZarr`; FileError when a file exists
 *   but cannot be read
 */
export function openZarr(
  source: ZarrLocation,
  options: ZarrOpenOptions | null = {},
): Promise<ZarrVolume> {
  return openZarrAs('openZarr', storeOf(source, 'openZarr') as ZarrReadableStore, options);
}

/**
 * `@mgraph/io`'s `readZarr` that also takes the path of a directory store.
 *
 * @param source - directory path or zarrita store
 * @param options - `path` (''), `level` (0), `onProgress`, `signal`
 * @returns the {@link ZarrImage}
 * @throws InvalidArgumentError as `@mgraph/io`'s `readZarr`; FileError for unreadable files
 */
export function readZarr(
  source: ZarrLocation,
  options: ZarrReadOptions | null = {},
): Promise<ZarrImage> {
  return readZarrAs('readZarr', storeOf(source, 'readZarr') as ZarrReadableStore, options);
}

/**
 * `@mgraph/io`'s `writeZarr` that also takes the path of a directory store (created when
 * missing; files of the same keys are overwritten).
 *
 * @param destination - directory path or zarrita writable store
 * @param data - 2D to 5D ndarray
 * @param options - {@link ZarrWriteOptions}
 * @throws InvalidArgumentError as `@mgraph/io`'s `writeZarr`; FileError when a file cannot
 *   be written
 */
export function writeZarr(
  destination: string | ZarrWritableStore,
  data: NdArray,
  options: ZarrWriteOptions | null = {},
): Promise<void> {
  return writeZarrToStore(storeOf(destination, 'writeZarr') as ZarrWritableStore, data, options);
}
