import { InvalidArgumentError } from '@mgraph/core';

/**
 * What the Zarr readers need of a store: zarrita's store interface (a `Map`, zarrita's
 * `FileSystemStore`, `FetchStore` over HTTP or an S3 gateway, or {@link ZarrDirectoryStore}
 * of `@mgraph/io/node`). Keys are absolute (`/0/.zarray`); a missing key is `undefined`.
 */
export interface ZarrReadableStore {
  get(
    key: `/${string}`,
    options?: { signal?: AbortSignal },
  ): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

/** What the Zarr writers need of a store: zarrita's `set(key, bytes)` (a `Map` has it). */
export interface ZarrWritableStore {
  set(key: `/${string}`, value: Uint8Array): unknown;
}

/**
 * Check that `store` has a `get` (readers) or `set` (writers) method.
 *
 * @throws InvalidArgumentError naming `argument`
 */
export function assertStore(
  fn: string,
  argument: string,
  store: unknown,
  method: 'get' | 'set',
): void {
  if (
    store === null ||
    typeof store !== 'object' ||
    typeof (store as Record<string, unknown>)[method] !== 'function'
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      store,
      `a zarrita store (an object with a ${method}(key${method === 'set' ? ', bytes' : ''}) method, e.g. a Map)`,
    );
  }
}
