import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertCallback,
  assertSignal,
  FileError,
  InvalidArgumentError,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import { createZarrWriter, ZarrDirectoryStore, type ZarrWriteOptions } from '@mgraph/io/node';
import { compositeBox } from './composite-box.js';
import { type CompositeLayoutOptions, compositeLayout } from './composite-layout.js';

/** Options of {@link writeCompositeZarr}: the layout's, and how the arrays are stored. */
export interface CompositeZarrOptions extends CompositeLayoutOptions {
  /** Chunk (= generation block) shape. Default `[64, 64, 64]`. */
  chunks?: readonly number[];
  /** `writeZarr`'s `zarrFormat` (2) and `compression` ('gzip'). */
  zarrFormat?: ZarrWriteOptions['zarrFormat'];
  compression?: ZarrWriteOptions['compression'];
  /** Voxel size per axis and its unit, written as the OME `scale` (`writeZarr`'s). Default 1, none. */
  spacing?: ZarrWriteOptions['spacing'];
  unit?: ZarrWriteOptions['unit'];
  /** Called with `(chunksDone, chunksTotal)`. */
  onProgress?: ProgressCallback;
  /** Checked before each chunk (`AbortError`; the chunks written so far stay). */
  signal?: AbortSignal;
}

/** What {@link writeCompositeZarr} returns. */
export interface CompositeZarrSummary {
  shape: [number, number, number];
  /** NMC particles and graphite flakes of the layout. */
  particles: number;
  flakes: number;
  /** Voxel fractions by phase name, counted while writing. */
  fractions: Record<'background' | 'sse' | 'nmc' | 'graphite', number>;
}

/**
 * Write a 3D composite of any size block by block into the directory `dir`: two OME-Zarr
 * images, `dir/phases` (uint8 codes of `CATHODE_SCHEME`) and `dir/instances` (int32 truth
 * labels), generated chunk by chunk from a {@link compositeLayout} with
 * {@link compositeBox} and written with `@mgraph/io`'s `createZarrWriter`. Memory: the
 * layout (a few numbers per particle) and one chunk, whatever the volume.
 *
 * @param dir - a missing or empty directory
 * @param options - {@link CompositeZarrOptions}: the layout options (`shape` required in
 *   practice, 3D), `chunks` ([64, 64, 64]), `zarrFormat` (2), `compression` ('gzip'),
 *   `spacing`, `unit`, `onProgress`, `signal`
 * @returns the {@link CompositeZarrSummary}
 * @throws InvalidArgumentError for a bad option or a directory with entries (before writing)
 * @throws FileError when the directory cannot be listed or written
 * @throws AbortError when `options.signal` aborts
 */
export async function writeCompositeZarr(
  dir: string,
  options: CompositeZarrOptions = {},
): Promise<CompositeZarrSummary> {
  const fn = 'writeCompositeZarr';
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new InvalidArgumentError(fn, 'dir', dir, 'a directory path');
  }
  const {
    chunks = [64, 64, 64],
    zarrFormat,
    compression,
    spacing,
    unit,
    onProgress,
    signal,
    ...layoutOptions
  } = options ?? {};
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const layout = compositeLayout(layoutOptions);
  try {
    if ((await readdir(dir)).length > 0) {
      throw new InvalidArgumentError(fn, 'dir', dir, 'a missing or empty directory');
    }
  } catch (error) {
    if ((error as { code?: unknown })?.code !== 'ENOENT') {
      throw error instanceof InvalidArgumentError ? error : FileError.from(fn, dir, 'list', error);
    }
  }
  const write = { chunks, zarrFormat, compression, spacing, unit };
  const shape = layout.shape;
  const phases = await createZarrWriter(
    new ZarrDirectoryStore(join(dir, 'phases'), fn),
    shape,
    'uint8',
    write,
  );
  const instances = await createZarrWriter(
    new ZarrDirectoryStore(join(dir, 'instances'), fn),
    shape,
    'int32',
    write,
  );
  const grid = phases.grid;
  const cs = phases.chunkShape;
  const total = grid.reduce((a, b) => a * b, 1);
  const counts = [0, 0, 0, 0];
  let done = 0;
  for (let a = 0; a < grid[0]!; a++) {
    for (let b = 0; b < grid[1]!; b++) {
      for (let c = 0; c < grid[2]!; c++) {
        throwIfAborted(fn, signal);
        const coords = [a, b, c];
        const start = coords.map((k, d) => k * cs[d]!);
        const stop = start.map((s, d) => Math.min(s + cs[d]!, shape[d]!));
        const box = compositeBox(layout, start, stop);
        for (const p of box.phases.data) counts[p]!++;
        await phases.writeChunk(coords, box.phases);
        await instances.writeChunk(coords, box.instances);
        onProgress?.(++done, total);
      }
    }
  }
  const size = shape[0] * shape[1] * shape[2];
  return {
    shape,
    particles: layout.particles.length,
    flakes: layout.flakes.length,
    fractions: {
      background: counts[0]! / size,
      sse: counts[1]! / size,
      nmc: counts[2]! / size,
      graphite: counts[3]! / size,
    },
  };
}
