import { FileError, InvalidArgumentError, type NdArray } from '@mgraph/core';
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
 * Check that a directory a Zarr image is written to is missing or empty: files of an
 * earlier image (another format's metadata, chunks past the new grid) would mix with the
 * new ones and be read back as part of it.
 *
 * @throws InvalidArgumentError naming `argument` for a directory with entries
 * @throws FileError when the path cannot be listed (a file, no permission)
 */
export async function assertFreshDirectory(
  fn: string,
  argument: string,
  path: string,
): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'ENOENT') return;
    throw FileError.from(fn, path, 'list', error);
  }
  if (entries.length > 0) {
    throw new InvalidArgumentError(
      fn,
      argument,
      path,
      `a missing or empty directory (this one holds ${entries.length} entries, which would mix with the new image: remove it first)`,
    );
  }
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
 * missing; an existing directory must be empty).
 *
 * @param destination - directory path or zarrita writable store
 * @param data - 2D to 5D ndarray
 * @param options - {@link ZarrWriteOptions}
 * @throws InvalidArgumentError as `@mgraph/io`'s `writeZarr`, or naming `destination` for a
 *   directory that is not empty; FileError when a file cannot be written
 */
export async function writeZarr(
  destination: string | ZarrWritableStore,
  data: NdArray,
  options: ZarrWriteOptions | null = {},
): Promise<void> {
  if (typeof destination === 'string' && destination.length > 0) {
    await assertFreshDirectory('writeZarr', 'destination', destination);
  }
  return writeZarrToStore(storeOf(destination, 'writeZarr') as ZarrWritableStore, data, options);
}
