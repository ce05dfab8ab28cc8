import {
  assertAllocation,
  assertCallback,
  assertNdarray,
  assertNumber,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import { ARRAY_OF, type IoDtype, ioDtypeOf } from './dtype.js';
import { defaultAxisNames, omeAttributes, omeUnit } from './ome-multiscales.js';
import { copyBox, cStrides, encodeChunk, type StridedView } from './zarr-chunks.js';
import {
  arrayMetadata,
  checkChunkShape,
  chunkGrid,
  chunkKey,
  groupMetadata,
  type ZarrCompression,
  type ZarrLayout,
} from './zarr-layout.js';
import { assertStore, type ZarrWritableStore } from './zarr-store.js';

/** Options of {@link writeZarr} (and of `tiffToZarr` in `@mgraph/io/node`). */
export interface ZarrWriteOptions {
  /**
   * `2` (default): Zarr v2 with OME-Zarr 0.4 metadata (`.zgroup`, `.zattrs`, `0/.zarray`),
   * what zarr-python 2, ome-zarr-py, napari and Fiji's n5-zarr read today; `3`: Zarr v3
   * with OME-Zarr 0.5 metadata (`zarr.json` with `attributes.ome`).
   */
  zarrFormat?: 2 | 3;
  /** Chunk shape, one size per axis (may exceed the axis). Default up to 64 per axis (3D+), 256 x 256 (2D). */
  chunks?: readonly number[];
  /** `'gzip'` (default; numcodecs' GZip in v2, the v3 core `gzip` codec) or `'none'`. */
  compression?: ZarrCompression;
  /** gzip level 0..9. Default 1, numcodecs' GZip default. */
  level?: number;
  /** Voxel size per axis, array order (`[dz, dy, dx]`): the `scale` transform. Default all 1. */
  spacing?: readonly number[];
  /** Unit of the space axes: an OME-NGFF name (`micrometer`) or `um`, `µm`, `micron`, `nm`... Default none. */
  unit?: string;
  /** Called with `(chunksWritten, chunksTotal)` after each chunk. */
  onProgress?: ProgressCallback;
  /** Checked before each chunk; aborting leaves the chunks written so far. */
  signal?: AbortSignal;
}

/** The option keys of {@link ZarrWriteOptions}. */
export const ZARR_WRITE_KEYS: OptionKeys<ZarrWriteOptions> = {
  zarrFormat: true,
  chunks: true,
  compression: true,
  level: true,
  spacing: true,
  unit: true,
  onProgress: true,
  signal: true,
};

/** A checked write: layout, group attributes, callbacks. */
export interface ZarrWritePlan {
  layout: ZarrLayout;
  attributes: Record<string, unknown>;
  onProgress: ProgressCallback | undefined;
  signal: AbortSignal | undefined;
  /** Chunks in all. */
  total: number;
}

/** Most elements of one chunk (2^28, 2 GiB of float64). */
const CHUNK_LIMIT = 2 ** 28;

/**
 * Check the options of a Zarr write of an array of `shape` and `dtype`.
 *
 * @throws InvalidArgumentError naming the option at fault
 */
export function planZarrWrite(
  fn: string,
  shape: readonly number[],
  dtype: IoDtype,
  options: ZarrWriteOptions | null | undefined,
): ZarrWritePlan {
  const o = checkOptions(fn, options, ZARR_WRITE_KEYS);
  const zarrFormat = o.zarrFormat ?? 2;
  if (zarrFormat !== 2 && zarrFormat !== 3) {
    throw new InvalidArgumentError(fn, 'options.zarrFormat', o.zarrFormat, '2 or 3');
  }
  const chunkShape = checkChunkShape(fn, o.chunks, shape);
  const chunkSize = chunkShape.reduce((a, b) => a * b, 1);
  assertAllocation(fn, 'options.chunks', o.chunks, chunkSize, {
    limit: CHUNK_LIMIT,
    what: 'elements per chunk',
    subject: 'a chunk shape',
  });
  const compression = o.compression ?? 'gzip';
  if (compression !== 'gzip' && compression !== 'none') {
    throw new InvalidArgumentError(fn, 'options.compression', o.compression, "'gzip' or 'none'");
  }
  const level = o.level ?? 1;
  assertNumber(fn, 'options.level', level, { integer: true, min: 0, max: 9 });
  const spacing = o.spacing;
  if (
    spacing !== undefined &&
    (!Array.isArray(spacing) ||
      spacing.length !== shape.length ||
      !spacing.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0))
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.spacing',
      spacing,
      `${shape.length} positive finite numbers (one per axis of data)`,
    );
  }
  const unit = o.unit === undefined ? undefined : omeUnit(fn, o.unit);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const axisNames = defaultAxisNames(shape.length);
  const layout: ZarrLayout = {
    zarrFormat,
    shape: shape.slice(),
    chunkShape,
    dtype,
    compression,
    level,
    arrayPath: '0',
    axisNames,
  };
  const attributes = omeAttributes(zarrFormat, axisNames, spacing, unit, '0');
  const total = chunkGrid(layout).reduce((a, b) => a * b, 1);
  return { layout, attributes, onProgress: o.onProgress, signal: o.signal, total };
}

/**
 * Check that `data` is an ndarray this package writes (2 to 5 axes, a dtype of
 * {@link IoDtype}, no empty axis) and return its dtype.
 *
 * @throws InvalidArgumentError naming `data`
 */
export function zarrDtypeOf(fn: string, data: NdArray): IoDtype {
  assertNdarray(fn, 'data', data);
  const dtype = ioDtypeOf(data.dtype);
  if (
    dtype === undefined ||
    data.shape.length < 2 ||
    data.shape.length > 5 ||
    data.shape.some((n) => n < 1)
  ) {
    throw new InvalidArgumentError(
      fn,
      'data',
      data,
      'an ndarray of 2 to 5 non-empty axes over uint8, int8, uint16, int16, uint32, int32, float32 or float64 data',
    );
  }
  return dtype;
}

/** Write the group and array metadata documents (JSON) of a plan. */
export async function writeZarrMetadata(
  store: ZarrWritableStore,
  plan: ZarrWritePlan,
): Promise<void> {
  const { layout, attributes } = plan;
  const encoder = new TextEncoder();
  for (const [key, doc] of [
    ...groupMetadata(layout.zarrFormat, attributes),
    ...arrayMetadata(layout),
  ]) {
    await store.set(key as `/${string}`, encoder.encode(JSON.stringify(doc, null, 2)));
  }
}

/**
 * Encode and store every chunk whose first-axis index is in `[first, stop)`, reading the
 * elements from `src`, which holds the array's first axis from `srcStart` on. Chunks are
 * whole (edges padded with the fill value 0, as the Zarr specifications store them).
 *
 * @returns the number of chunks written
 */
export async function writeZarrChunks(
  fn: string,
  store: ZarrWritableStore,
  plan: ZarrWritePlan,
  src: StridedView,
  srcStart: number,
  first: number,
  stop: number,
  done: number,
): Promise<number> {
  const { layout, onProgress, signal, total } = plan;
  const grid = chunkGrid(layout);
  const cs = layout.chunkShape;
  const nd = cs.length;
  const chunk = new ARRAY_OF[layout.dtype](cs.reduce((a, b) => a * b, 1));
  const view: StridedView = { data: chunk, shape: cs, stride: cStrides(cs), offset: 0 };
  const coords = new Array<number>(nd).fill(0);
  coords[0] = first;
  let written = done;
  while (coords[0]! < stop) {
    throwIfAborted(fn, signal);
    const start = coords.map((c, d) => c * cs[d]!);
    const extent = start.map((s, d) => Math.min(cs[d]!, layout.shape[d]! - s));
    if (extent.some((e, d) => e < cs[d]!)) chunk.fill(0);
    const from = start.slice();
    from[0] = start[0]! - srcStart;
    copyBox(src, from, view, new Array(nd).fill(0), extent);
    await store.set(chunkKey(layout, coords) as `/${string}`, encodeChunk(layout, chunk));
    written++;
    onProgress?.(written, total);
    let d = nd - 1;
    while (d > 0 && ++coords[d]! === grid[d]) coords[d--] = 0;
    if (d === 0) coords[0]!++;
  }
  return written;
}

/**
 * Write an array as a one-level OME-Zarr image into any zarrita store (a `Map`, zarrita's
 * `FileSystemStore`, an S3 or HTTP store with `set`): the root group carries the
 * `multiscales` metadata (axes `z`, `y`, `x` / `y`, `x` with the unit, a `scale` transform
 * with the voxel size) and the array is at `0`. Chunks are written one at a time (memory:
 * one chunk), C order, little-endian, fill value 0. `@mgraph/io/node`'s `writeZarr` takes
 * a directory path as well.
 *
 * @param destination - a zarrita writable store (`set(key, bytes)`)
 * @param data - 2D to 5D ndarray (any strides) of uint8, int8, uint16, int16, uint32,
 *   int32, float32 or float64
 * @param options - {@link ZarrWriteOptions}: `zarrFormat` (2), `chunks`, `compression`
 *   ('gzip'), `level` (1), `spacing`, `unit`, `onProgress`, `signal`
 * @throws InvalidArgumentError for a bad array or option, before anything is written
 * @throws AbortError when `options.signal` aborts
 *
 * @remarks
 * References: Zarr storage specification 2 and 3 (zarr-specs.readthedocs.io); OME-NGFF
 * 0.4 and 0.5 (ngff.openmicroscopy.org); J. Moore et al., "OME-Zarr: a cloud-optimized
 * bioimaging file format with international community support", Histochem. Cell Biol.
 * 160 (2023) 223-251, doi:10.1007/s00418-023-02209-1.
 */
export async function writeZarr(
  destination: ZarrWritableStore,
  data: NdArray,
  options: ZarrWriteOptions | null = {},
): Promise<void> {
  const fn = 'writeZarr';
  assertStore(fn, 'destination', destination, 'set');
  const dtype = zarrDtypeOf(fn, data);
  const plan = planZarrWrite(fn, data.shape, dtype, options);
  await writeZarrMetadata(destination, plan);
  const layers = chunkGrid(plan.layout)[0]!;
  await writeZarrChunks(fn, destination, plan, data as StridedView, 0, 0, layers, 0);
}
