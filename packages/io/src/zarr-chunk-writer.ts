import { assertNdarray, InvalidArgumentError, type NdArray } from '@mgraph/core';
import { ARRAY_OF, type IoDtype, ioDtypeOf } from './dtype.js';
import {
  planZarrWrite,
  writeZarrMetadata,
  type ZarrWriteOptions,
  type ZarrWritePlan,
} from './write-zarr.js';
import { copyBox, cStrides, encodeChunk, type StridedView } from './zarr-chunks.js';
import { chunkGrid, chunkKey } from './zarr-layout.js';
import { assertStore, type ZarrWritableStore } from './zarr-store.js';

/** A one-level OME-Zarr image written chunk by chunk ({@link createZarrWriter}). */
export interface ZarrChunkWriter {
  /** Shape of the array. */
  readonly shape: readonly number[];
  /** Chunk shape (the write options' `chunks`, or the default). */
  readonly chunkShape: readonly number[];
  /** Chunks per axis. */
  readonly grid: readonly number[];
  /**
   * Encode and store the chunk at grid coordinates `coords`: `data` holds its voxels (any
   * strides, the writer's dtype), the chunk's box clipped to the array (edge chunks are
   * padded with the fill value 0, as `writeZarr` stores them).
   */
  writeChunk(coords: readonly number[], data: NdArray): Promise<void>;
}

/**
 * Start an OME-Zarr image of `shape` and `dtype` in `destination` (its metadata, as
 * `writeZarr` writes it) and return a writer of one chunk at a time, so that an array never
 * held in memory (generated or computed block by block) is written with bounded memory:
 * one chunk buffer. Chunks not written read as 0 (the fill value).
 *
 * @param destination - a zarrita writable store (`set(key, bytes)`: a `Map`, `@mgraph/io/node`'s
 *   `ZarrDirectoryStore`)
 * @param shape - 2 to 5 positive integers
 * @param dtype - uint8, int8, uint16, int16, uint32, int32, float32 or float64
 * @param options - `writeZarr`'s {@link ZarrWriteOptions} (`onProgress` / `signal` unused)
 * @returns the {@link ZarrChunkWriter}
 * @throws InvalidArgumentError for a bad store, shape, dtype or option (before writing);
 *   from `writeChunk`: coordinates outside the grid, or data of another shape or dtype
 */
export async function createZarrWriter(
  destination: ZarrWritableStore,
  shape: readonly number[],
  dtype: IoDtype,
  options: ZarrWriteOptions | null = {},
): Promise<ZarrChunkWriter> {
  const fn = 'createZarrWriter';
  assertStore(fn, 'destination', destination, 'set');
  if (
    !Array.isArray(shape) ||
    shape.length < 2 ||
    shape.length > 5 ||
    !shape.every((n) => Number.isSafeInteger(n) && n >= 1)
  ) {
    throw new InvalidArgumentError(fn, 'shape', shape, '2 to 5 positive integers');
  }
  if (ioDtypeOf(dtype) !== dtype) {
    throw new InvalidArgumentError(
      fn,
      'dtype',
      dtype,
      'uint8, int8, uint16, int16, uint32, int32, float32 or float64',
    );
  }
  const plan: ZarrWritePlan = planZarrWrite(fn, shape, dtype, options);
  await writeZarrMetadata(destination, plan);
  const { layout } = plan;
  const grid = chunkGrid(layout);
  const cs = layout.chunkShape;
  const chunk = new ARRAY_OF[dtype](cs.reduce((a, b) => a * b, 1));
  const view: StridedView = { data: chunk, shape: cs, stride: cStrides(cs), offset: 0 };
  const zeros = cs.map(() => 0);
  return {
    shape: shape.slice(),
    chunkShape: cs.slice(),
    grid,
    async writeChunk(coords, data) {
      const write = 'writeChunk';
      if (
        !Array.isArray(coords) ||
        coords.length !== grid.length ||
        !coords.every((c, d) => Number.isSafeInteger(c) && c >= 0 && c < grid[d]!)
      ) {
        throw new InvalidArgumentError(
          write,
          'coords',
          coords,
          `chunk coordinates within ${grid.join(' x ')}`,
        );
      }
      const extent = coords.map((c, d) => Math.min(cs[d]!, shape[d]! - c * cs[d]!));
      assertNdarray(write, 'data', data);
      if (data.shape.join() !== extent.join() || ioDtypeOf(data.dtype) !== dtype) {
        throw new InvalidArgumentError(
          write,
          'data',
          data,
          `a ${dtype} ndarray of the chunk's shape ${extent.join(' x ')}`,
        );
      }
      if (extent.some((e, d) => e < cs[d]!)) chunk.fill(0);
      copyBox(data as StridedView, zeros, view, zeros, extent);
      await destination.set(chunkKey(layout, coords) as `/${string}`, encodeChunk(layout, chunk));
    },
  };
}
