import { extname } from 'node:path';
import {
  assertCallback,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import type { IoDtype } from '@mgraph/io';
import { readNpy, readRaw, readTiff } from '@mgraph/io/node';

/** Options of {@link readVolume}. */
export interface ReadVolumeOptions {
  /** Raw files: `[planes, rows, cols]` (with `dtype`; then the file is read as raw bytes). */
  shape?: readonly number[];
  /** Raw files: element type. */
  dtype?: IoDtype;
  /** Raw files: `'little'` (default) or `'big'`. */
  byteOrder?: 'little' | 'big';
  /** Raw files: bytes to skip. Default 0. */
  offset?: number;
  /** Progress of the read, `(done, total)` pages or bytes. */
  onProgress?: ProgressCallback;
}

const KEYS: OptionKeys<ReadVolumeOptions> = {
  shape: true,
  dtype: true,
  byteOrder: true,
  offset: true,
  onProgress: true,
};

/** A volume as read from a file, with the voxel size the file states (if any). */
export interface VolumeFile {
  /** The values, `(planes, rows, cols)`. */
  data: NdArray;
  /** `'tiff'`, `'npy'` or `'raw'`. */
  format: 'tiff' | 'npy' | 'raw';
  /** Voxel size `[dz, dy, dx]` from the file's metadata, or undefined. */
  spacing: number[] | undefined;
  /** Unit of the file's spacing, or undefined. */
  unit: string | undefined;
}

/**
 * Read a 3D volume: raw bytes when `shape` and `dtype` are given, else by extension a TIFF
 * stack (`.tif`, `.tiff`) or a NumPy `.npy` file.
 *
 * @param path - the file
 * @param options - {@link ReadVolumeOptions}
 * @returns the {@link VolumeFile}
 * @throws InvalidArgumentError for an unknown option or a non-function `onProgress`, an unknown extension without `shape` / `dtype`, for a file
 *   that is not 3D (a hyperstack with channels, one page), and as the `@mgraph/io` readers
 *   do for a corrupt or truncated file; FileError for a missing or unreadable path
 */
export async function readVolume(
  path: string,
  options: ReadVolumeOptions = {},
): Promise<VolumeFile> {
  const fn = 'readVolume';
  options = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', options.onProgress);
  const ext = extname(path).toLowerCase();
  let file: VolumeFile;
  if (options.shape !== undefined && options.dtype !== undefined) {
    const data = await readRaw(path, {
      shape: options.shape,
      dtype: options.dtype,
      byteOrder: options.byteOrder ?? 'little',
      offset: options.offset ?? 0,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    file = { data, format: 'raw', spacing: undefined, unit: undefined };
  } else if (ext === '.tif' || ext === '.tiff') {
    const tiff = await readTiff(path, options.onProgress ? { onProgress: options.onProgress } : {});
    file = { data: tiff.data, format: 'tiff', spacing: tiff.spacing, unit: tiff.unit };
  } else if (ext === '.npy') {
    file = { data: await readNpy(path), format: 'npy', spacing: undefined, unit: undefined };
  } else {
    throw new InvalidArgumentError(
      fn,
      'FILE',
      path,
      'a .tif / .tiff stack, a .npy file, or a raw file with --shape and --dtype',
    );
  }
  if (file.data.shape.length !== 3)
    throw new InvalidArgumentError(
      fn,
      'FILE',
      path,
      `a 3D volume (planes, rows, cols); it holds an array of shape [${file.data.shape.join(', ')}]`,
    );
  return file;
}
