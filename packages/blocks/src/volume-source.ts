import { InvalidArgumentError } from '@mgraph/core';
import type { ZarrVolume } from '@mgraph/io';
import { openZarr } from '@mgraph/io/node';

/**
 * Where a block task reads its volume (plain JSON, so that it travels in a task's input): a
 * Zarr / OME-Zarr store as a directory path (every worker must see the same file system) or
 * an `http:` / `https:` URL (any HTTP server or S3-compatible gateway serving the store).
 */
export interface VolumeSource {
  /** Directory path of the store, or its `http(s)://` URL. */
  store: string;
  /** Path of the array or OME-Zarr group inside the store (`''`, the root, by default). */
  path?: string;
}

/**
 * Open the Zarr array of a {@link VolumeSource} (metadata only): a directory through
 * `@mgraph/io/node`'s directory store, a URL through zarrita's `FetchStore`.
 *
 * @throws InvalidArgumentError naming `argument` for a source that is not `{ store, path? }`
 *   with a non-empty store string; as `@mgraph/io`'s `openZarr` for what it finds there
 * @internal
 */
export async function openVolumeSource(
  fn: string,
  argument: string,
  source: VolumeSource,
): Promise<ZarrVolume> {
  if (
    typeof source !== 'object' ||
    source === null ||
    typeof source.store !== 'string' ||
    source.store.length === 0 ||
    (source.path !== undefined && typeof source.path !== 'string')
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      source,
      '{ store, path? }: a directory path or http(s) URL, and the array path inside it',
    );
  }
  const options = { path: source.path ?? '' };
  if (/^https?:\/\//i.test(source.store)) {
    const { FetchStore } = await import('zarrita');
    return openZarr(new FetchStore(source.store), options);
  }
  return openZarr(source.store, options);
}
