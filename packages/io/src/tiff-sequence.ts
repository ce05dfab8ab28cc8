import {
  assertCallback,
  assertSignal,
  checkOptions,
  FileError,
  InvalidArgumentError,
  type NdArray,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { allocate } from './decode-tiff.js';
import type { IoDtype } from './dtype.js';
import { type TiffWriteOptions, WRITE_OPTION_KEYS } from './encode-tiff.js';
import { assertPath, readTiff } from './read-tiff.js';
import type { TiffImage } from './tiff-image.js';
import type { TiffReadOptions } from './tiff-plan.js';
import { writeTiff } from './write-tiff.js';

/** Options of {@link readTiffSequence}. */
export interface TiffSequenceReadOptions extends Omit<TiffReadOptions, 'page'> {
  /** Which files of a directory are slices. Default `/\.tiff?$/i`. */
  pattern?: RegExp;
  /** Z spacing between slices. Default: 1 when the slices have a voxel size, else none. */
  zSpacing?: number;
}

/** Options of {@link writeTiffSequence}: those of `writeTiff` plus the file names. */
export interface TiffSequenceWriteOptions extends TiffWriteOptions {
  /** File name before the number. Default `'slice-'`. */
  prefix?: string;
  /** Digits of the zero-padded number. Default: enough for the last index, at least 4. */
  digits?: number;
}

function lastNumber(name: string): number {
  const m = /(\d+)(?!.*\d)/.exec(name);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * Read a folder of numbered 2D slice files (or a list of paths) as one 3D volume
 * `(slices, rows, cols)`. Files are ordered by the last number in their names
 * (`slice-2.tif` before `slice-10.tif`), then by name.
 *
 * @param source - a directory (its files matching `options.pattern`) or a list of paths,
 *   taken in the order given
 * @param options - `pattern` (`/\.tiff?$/i`), `zSpacing`, `channel`, `onProgress`
 *   (slices read, slices in all), `signal`
 * @returns `{ data, spacing, unit, axes: 'ZYX', info }`: spacing `[zSpacing, dy, dx]`
 *   from the first slice's metadata
 * @throws InvalidArgumentError when there are no slices, or a slice is not 2D or differs
 *   from the first in shape or dtype (naming the file)
 */
export async function readTiffSequence(
  source: string | readonly string[],
  options: TiffSequenceReadOptions = {},
): Promise<TiffImage> {
  const fn = 'readTiffSequence';
  const o = checkOptions(fn, options, {
    pattern: true,
    zSpacing: true,
    channel: true,
    onProgress: true,
    signal: true,
  });
  if (o.pattern !== undefined && !(o.pattern instanceof RegExp)) {
    throw new InvalidArgumentError(fn, 'options.pattern', o.pattern, 'a RegExp');
  }
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  if (o.zSpacing !== undefined && !(Number.isFinite(o.zSpacing) && o.zSpacing > 0)) {
    throw new InvalidArgumentError(fn, 'options.zSpacing', o.zSpacing, 'a positive finite number');
  }
  let files: string[];
  if (typeof source === 'string') {
    assertPath(fn, 'source', source);
    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const pattern = o.pattern ?? /\.tiff?$/i;
    files = (await FileError.wrap(fn, source, 'list the directory', () => readdir(source)))
      .filter((name) => pattern.test(name))
      .sort((a, b) => lastNumber(a) - lastNumber(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => join(source, name));
  } else if (Array.isArray(source) && source.every((p) => typeof p === 'string' && p.length > 0)) {
    files = [...source];
  } else {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      'a directory path or a list of file paths',
    );
  }
  if (files.length === 0)
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      'a directory holding at least one slice file',
    );
  let volume: TiffImage | undefined;
  let n = 0;
  for (let k = 0; k < files.length; k++) {
    throwIfAborted(fn, o.signal);
    const slice = await readTiff(files[k]!, { channel: o.channel, signal: o.signal });
    const shape = slice.data.shape;
    if (shape.length !== 2) {
      throw new InvalidArgumentError(
        fn,
        'source',
        files[k],
        `2D slice files, this one is ${shape.length}D [${shape.join(', ')}]`,
      );
    }
    if (volume === undefined) {
      n = shape[0]! * shape[1]!;
      const data = allocate(
        { fn, argument: 'source', value: source },
        slice.data.dtype as IoDtype,
        n * files.length,
      );
      const spacing =
        slice.spacing !== undefined || o.zSpacing !== undefined
          ? [o.zSpacing ?? 1, ...(slice.spacing ?? [1, 1])]
          : undefined;
      volume = {
        data: ndarray(data, [files.length, shape[0]!, shape[1]!]),
        spacing,
        unit: slice.unit,
        axes: 'ZYX',
        info: { ...slice.info, pages: files.length },
      };
    } else {
      const first = volume.data;
      if (
        shape[0] !== first.shape[1] ||
        shape[1] !== first.shape[2] ||
        slice.data.dtype !== first.dtype
      ) {
        throw new InvalidArgumentError(
          fn,
          'source',
          files[k],
          `slices of one shape and dtype (${first.shape[1]} x ${first.shape[2]} ${first.dtype}), this one is ${shape.join(' x ')} ${slice.data.dtype}`,
        );
      }
    }
    (volume.data.data as Uint8Array).set(slice.data.data as Uint8Array, k * n);
    o.onProgress?.(k + 1, files.length);
  }
  return volume!;
}

/**
 * Write a 3D volume as a folder of numbered 2D TIFF slices (`slice-0000.tif`, ...), each
 * with the voxel size of its rows and columns when `spacing` is given.
 *
 * @param directory - output directory (created if missing)
 * @param data - a 3D ndarray `(slices, rows, cols)`, any strides
 * @param options - `prefix` ('slice-'), `digits` (>= 4), and the options of `writeTiff`
 *   (`spacing` is `[dz, dy, dx]`; each slice gets `[dy, dx]`)
 * @returns the paths written, in slice order
 * @throws InvalidArgumentError for a bad volume or option, before anything is written
 */
export async function writeTiffSequence(
  directory: string,
  data: NdArray,
  options: TiffSequenceWriteOptions = {},
): Promise<string[]> {
  const fn = 'writeTiffSequence';
  assertPath(fn, 'directory', directory);
  const {
    prefix = 'slice-',
    digits,
    spacing,
    onProgress,
    signal,
    ...rest
  } = checkOptions(fn, options, { ...WRITE_OPTION_KEYS, prefix: true, digits: true });
  if (!data || !Array.isArray(data.shape) || data.shape.length !== 3) {
    throw new InvalidArgumentError(fn, 'data', data, 'a 3D ndarray (slices, rows, cols)');
  }
  if (typeof prefix !== 'string' || /[/\\]/.test(prefix))
    throw new InvalidArgumentError(
      fn,
      'options.prefix',
      prefix,
      'a file name prefix without slashes',
    );
  const count = data.shape[0]!;
  const width = digits ?? Math.max(4, String(count - 1).length);
  if (!(Number.isInteger(width) && width >= String(count - 1).length)) {
    throw new InvalidArgumentError(
      fn,
      'options.digits',
      digits,
      `an integer >= ${String(count - 1).length}`,
    );
  }
  if (spacing !== undefined && !(Array.isArray(spacing) && spacing.length === 3)) {
    throw new InvalidArgumentError(fn, 'options.spacing', spacing, '[dz, dy, dx]');
  }
  const { mkdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await FileError.wrap(fn, directory, 'create directory', () =>
    mkdir(directory, { recursive: true }),
  );
  const paths: string[] = [];
  for (let k = 0; k < count; k++) {
    throwIfAborted(fn, signal);
    const path = join(directory, `${prefix}${String(k).padStart(width, '0')}.tif`);
    await writeTiff(path, data.pick(k, null, null), { ...rest, spacing: spacing?.slice(1) });
    paths.push(path);
    onProgress?.(k + 1, count);
  }
  return paths;
}
