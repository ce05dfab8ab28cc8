import {
  assertAllocation,
  assertCallback,
  assertNumber,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  MGraphError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import type * as zarr from 'zarrita';
import { ARRAY_OF, type IoDtype, ioDtypeOf } from './dtype.js';
import { parseMultiscales } from './ome-multiscales.js';
import { copyBox, cStrides, type StridedView } from './zarr-chunks.js';
import { assertStore, type ZarrReadableStore } from './zarr-store.js';

/** Options of {@link openZarr} (and the reading part of {@link ZarrReadOptions}). */
export interface ZarrOpenOptions {
  /** Path of the group or array inside the store (`''`, the root, by default). */
  path?: string;
  /** Resolution level of an OME-Zarr multiscale image (index into `datasets`). Default 0. */
  level?: number;
}

/** Options of {@link ZarrVolume.readRegion}. */
export interface ZarrRegionOptions {
  /** Called with `(chunksRead, chunksTotal)` after each chunk. */
  onProgress?: ProgressCallback;
  /** Checked before each chunk (`AbortError`); also passed to the store. */
  signal?: AbortSignal;
}

/** What the metadata of a Zarr array says. */
export interface ZarrInfo {
  /** 2 or 3. */
  zarrFormat: 2 | 3;
  /** OME-Zarr version (`'0.4'`, `'0.5'`), or undefined for a plain array. */
  omeVersion: string | undefined;
  /** Path of the array in the store. */
  arrayPath: string;
  /** Chunk shape. */
  chunkShape: number[];
  /** Fill value of chunks that are not stored. */
  fillValue: number;
}

/** An opened Zarr array: its metadata, and reads of any box of it. */
export interface ZarrVolume {
  shape: number[];
  dtype: IoDtype;
  /** Voxel size per axis from the OME `scale` transforms, or undefined for a plain array. */
  spacing: number[] | undefined;
  /** OME-NGFF unit of the space axes (`micrometer`...), or undefined. */
  unit: string | undefined;
  /** One upper-case letter per axis (`ZYX`, `YX`, `CZYX`...); `Q` for unnamed axes. */
  axes: string;
  info: ZarrInfo;
  /**
   * Read the box `[start, stop)` (one pair per axis) into a fresh row-major ndarray,
   * chunk by chunk, up to 8 chunks requested at once (memory: the result and 8 chunks);
   * chunks not in the store read as the fill value.
   *
   * @throws InvalidArgumentError naming `start` / `stop` for a box outside the array, or
   *   naming the chunk key for a chunk that does not decode (corrupt or truncated bytes)
   * @throws AbortError when `options.signal` aborts
   */
  readRegion(
    start: readonly number[],
    stop: readonly number[],
    options?: ZarrRegionOptions | null,
  ): Promise<NdArray>;
}

const OPEN_KEYS: OptionKeys<ZarrOpenOptions> = { path: true, level: true };
const REGION_KEYS: OptionKeys<ZarrRegionOptions> = { onProgress: true, signal: true };

/** Chunks requested at once by a read (their decoded data is the memory this costs). */
const IN_FLIGHT = 8;

/** Most elements of one read (2^31 - 1, the largest typed array every engine allocates). */
const READ_LIMIT = 2 ** 31 - 1;

/**
 * Open a Zarr array (v2 or v3) or an OME-Zarr image (0.4 on v2, 0.5 on v3) in any zarrita
 * store (a `Map`, a `FileSystemStore`, zarrita's `FetchStore` over HTTP or an S3 gateway):
 * reads the metadata only. A group must carry OME `multiscales`; its level `level` is
 * opened, with the voxel size (`scale` transforms of the level and of the multiscale,
 * multiplied) and the unit of its space axes.
 *
 * @param source - a zarrita readable store (`get(key)`)
 * @param options - {@link ZarrOpenOptions}: `path` (''), `level` (0)
 * @returns a {@link ZarrVolume}
 * @throws InvalidArgumentError naming `source` when there is no array or group at the
 *   path, the metadata is not valid JSON / Zarr, a group has no or malformed OME
 *   `multiscales`, or the dtype is not one of {@link IoDtype} (int64, bool and strings are
 *   refused)
 *
 * @remarks
 * References: Zarr storage specification 2 and 3; OME-NGFF 0.4 and 0.5.
 */
export async function openZarr(
  source: ZarrReadableStore,
  options: ZarrOpenOptions | null = {},
): Promise<ZarrVolume> {
  return openZarrAs('openZarr', source, options);
}

/** {@link openZarr} under the name of the calling function (for its errors). @internal */
export async function openZarrAs(
  fn: string,
  source: ZarrReadableStore,
  options: ZarrOpenOptions | null | undefined,
): Promise<ZarrVolume> {
  assertStore(fn, 'source', source, 'get');
  const o = checkOptions(fn, options, OPEN_KEYS);
  const path = o.path ?? '';
  if (typeof path !== 'string')
    throw new InvalidArgumentError(fn, 'options.path', path, 'a string');
  const level = o.level ?? 0;
  assertNumber(fn, 'options.level', level, { integer: true, min: 0 });
  // zarrita is ESM only: a dynamic import keeps the CommonJS build loadable
  const zarr = await import('zarrita');
  const recorder = recordingStore(source as zarr.Readable);
  const root = zarr.root(recorder.store);
  const at = path === '' ? root : root.resolve(path);
  let opened = await openNode(zarr, fn, source, at);
  let omeVersion: string | undefined;
  let spacing: number[] | undefined;
  let unit: string | undefined;
  let axisNames: string[] | undefined;
  if (opened.node.kind === 'group') {
    const ome = parseMultiscales(fn, source, opened.node.attrs, level);
    if (ome === undefined) {
      throw new InvalidArgumentError(
        fn,
        'source',
        source,
        `an OME-Zarr image or a Zarr array at path "${path}" (found a group without multiscales metadata; give options.path of an array)`,
      );
    }
    ({ version: omeVersion, spacing, unit, axisNames } = ome);
    opened = await openNode(zarr, fn, source, at.resolve(ome.path));
  }
  const arr = opened.node;
  if (arr.kind !== 'array') {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      'a multiscales dataset path naming an array',
    );
  }
  const dtype = ioDtypeOf(String(arr.dtype));
  if (dtype === undefined) {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      `an array of uint8, int8, uint16, int16, uint32, int32, float32 or float64 (found ${String(arr.dtype)})`,
    );
  }
  const shape = arr.shape.slice();
  if (axisNames !== undefined && axisNames.length !== shape.length) {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      `OME axes matching the array's ${shape.length} dimensions (found ${axisNames.length} axes)`,
    );
  }
  const names = axisNames ?? arr.dimensionNames;
  const axes =
    names?.length === shape.length
      ? names.map((n) => (n.length === 1 ? n.toUpperCase() : 'Q')).join('')
      : defaultAxes(shape.length);
  const info: ZarrInfo = {
    zarrFormat: opened.format,
    omeVersion,
    arrayPath: arr.path,
    chunkShape: arr.chunks.slice(),
    fillValue: Number(arr.fillValue ?? 0),
  };
  return {
    shape,
    dtype,
    spacing,
    unit,
    axes,
    info,
    readRegion: (start, stop, regionOptions) =>
      readRegion(fn, arr, recorder, dtype, start, stop, regionOptions),
  };
}

function defaultAxes(ndim: number): string {
  return ndim <= 5 ? 'TCZYX'.slice(5 - ndim) : 'Q'.repeat(ndim);
}

type ZarrNode = zarr.Array<zarr.DataType, zarr.Readable> | zarr.Group<zarr.Readable>;

/** Open the node at `at`, v2 first, then v3; zarrita's errors become typed errors. */
async function openNode(
  zarr: typeof import('zarrita'),
  fn: string,
  source: unknown,
  at: zarr.Location<zarr.Readable>,
): Promise<{ node: ZarrNode; format: 2 | 3 }> {
  const problems: string[] = [];
  for (const format of [2, 3] as const) {
    try {
      const node = format === 2 ? await zarr.open.v2(at, { attrs: true }) : await zarr.open.v3(at);
      return { node, format };
    } catch (error) {
      if (MGraphError.isInstance(error)) throw error;
      if ((error as Error)?.name !== 'NotFoundError') {
        problems.push(`v${format}: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }
  const why =
    problems.length > 0
      ? `metadata that parses (${problems.join('; ')})`
      : 'a Zarr v2 or v3 array or group';
  throw new InvalidArgumentError(fn, 'source', source, `${why} at "${at.path}"`);
}

/** A store that passes every call through and remembers the last key asked for. */
function recordingStore(store: zarr.Readable): { store: zarr.Readable; lastKey: () => string } {
  let last = '';
  const s = store as zarr.AsyncReadable;
  const wrapped: zarr.AsyncReadable = {
    get: (key, opts) => {
      last = key;
      return s.get(key, opts);
    },
  };
  if (typeof s.getRange === 'function') {
    wrapped.getRange = (key, range, opts) => {
      last = key;
      return s.getRange!(key, range, opts);
    };
  }
  return { store: wrapped, lastKey: () => last };
}

async function readRegion(
  fn: string,
  arr: zarr.Array<zarr.DataType, zarr.Readable>,
  recorder: { lastKey: () => string },
  dtype: IoDtype,
  start: readonly number[],
  stop: readonly number[],
  options: ZarrRegionOptions | null | undefined,
): Promise<NdArray> {
  const o = checkOptions(fn, options, REGION_KEYS);
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  const shape = arr.shape;
  const nd = shape.length;
  const box = (name: string, v: unknown): number[] => {
    if (!Array.isArray(v) || v.length !== nd || !v.every((x) => Number.isInteger(x))) {
      throw new InvalidArgumentError(fn, name, v, `${nd} integers (one per axis)`);
    }
    return v as number[];
  };
  const lo = box('start', start);
  const hi = box('stop', stop);
  for (let d = 0; d < nd; d++) {
    if (lo[d]! < 0 || hi[d]! > shape[d]! || lo[d]! >= hi[d]!) {
      throw new InvalidArgumentError(
        fn,
        d === 0 || lo[d]! < 0 ? 'start' : 'stop',
        [lo, hi],
        `a box inside the array's shape [${shape.join(', ')}] with start < stop on every axis`,
      );
    }
  }
  const outShape = hi.map((h, d) => h - lo[d]!);
  const count = outShape.reduce((a, b) => a * b, 1);
  assertAllocation(fn, 'stop', hi, count, {
    limit: READ_LIMIT,
    bytesPerElement: ARRAY_OF[dtype] === Float64Array ? 8 : 4,
    subject: 'a region',
  });
  const out = new ARRAY_OF[dtype](count);
  const dst: StridedView = { data: out, shape: outShape, stride: cStrides(outShape), offset: 0 };
  const cs = arr.chunks;
  const c0 = lo.map((l, d) => Math.floor(l / cs[d]!));
  const c1 = hi.map((h, d) => Math.ceil(h / cs[d]!));
  const total = c1.reduce((a, c, d) => a * (c - c0[d]!), 1);
  const chunkSize = cs.reduce((a, b) => a * b, 1);
  // up to IN_FLIGHT chunks requested at once (latency of HTTP stores), copied in order
  const next = c0.slice();
  let issued = 0;
  const queue: { coords: number[]; chunk: Promise<zarr.Chunk<zarr.DataType> | Error> }[] = [];
  const request = () => {
    const coords = next.slice();
    queue.push({
      coords,
      chunk: arr.getChunk(coords, { signal: o.signal }).catch((e: unknown) => asError(e)),
    });
    issued++;
    for (let d = nd - 1; d >= 0 && ++next[d]! === c1[d]; d--) next[d] = c0[d]!;
  };
  // a chunk that failed is asked for again alone, so that the store's last key is its key
  const fail = async (coords: number[], why: string): Promise<never> => {
    throwIfAborted(fn, o.signal);
    await Promise.all(queue.map((q) => q.chunk));
    let again = why;
    try {
      const chunk = await arr.getChunk(coords, { signal: o.signal });
      if ((chunk.data as ArrayLike<number>).length !== chunkSize) {
        again = `it holds ${(chunk.data as ArrayLike<number>).length} elements`;
      }
    } catch (error) {
      again = asError(error).message;
    }
    throw corrupt(fn, recorder.lastKey(), dtype, chunkSize, again);
  };
  for (let done = 0; done < total; ) {
    throwIfAborted(fn, o.signal);
    while (queue.length < IN_FLIGHT && issued < total) request();
    const { coords, chunk: pending } = queue.shift()!;
    const chunk = await pending;
    if (chunk instanceof Error) await fail(coords, chunk.message);
    const { data, shape: chunkShape, stride } = chunk as zarr.Chunk<zarr.DataType>;
    if ((data as ArrayLike<number>).length !== chunkSize) {
      await fail(coords, `it holds ${(data as ArrayLike<number>).length} elements`);
    }
    const origin = coords.map((c, d) => c * cs[d]!);
    const from = origin.map((s, d) => Math.max(s, lo[d]!));
    const to = origin.map((s, d) => Math.min(s + cs[d]!, hi[d]!));
    copyBox(
      { data: data as StridedView['data'], shape: chunkShape, stride, offset: 0 },
      from.map((f, d) => f - origin[d]!),
      dst,
      from.map((f, d) => f - lo[d]!),
      to.map((t, d) => t - from[d]!),
    );
    done++;
    o.onProgress?.(done, total);
  }
  return ndarray(out, outShape);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

function corrupt(
  fn: string,
  key: string,
  dtype: IoDtype,
  size: number,
  why: string,
): InvalidArgumentError {
  return new InvalidArgumentError(
    fn,
    'source',
    key,
    `chunks that decode to ${size} ${dtype} elements (chunk ${JSON.stringify(key)} does not: ${why})`,
  );
}
