import { InvalidArgumentError } from '@mgraph/core';
import type { IoDtype } from './dtype.js';

/** How chunks are compressed by {@link writeZarr}. */
export type ZarrCompression = 'none' | 'gzip';

/** Everything a chunk writer needs: checked once, before anything is written. */
export interface ZarrLayout {
  /** 2 (OME-Zarr 0.4) or 3 (OME-Zarr 0.5). */
  zarrFormat: 2 | 3;
  shape: readonly number[];
  chunkShape: readonly number[];
  dtype: IoDtype;
  compression: ZarrCompression;
  /** gzip level 0..9. */
  level: number;
  /** Path of the array inside the group, e.g. `'0'`. */
  arrayPath: string;
  /** Lower-case axis names (`z`, `y`, `x`...), one per axis. */
  axisNames: readonly string[];
}

/** Zarr v2 `dtype` strings (little-endian) of each dtype. */
export const ZARR_V2_DTYPE: Readonly<Record<IoDtype, string>> = {
  uint8: '|u1',
  int8: '|i1',
  uint16: '<u2',
  int16: '<i2',
  uint32: '<u4',
  int32: '<i4',
  float32: '<f4',
  float64: '<f8',
};

/** Number of chunks along each axis. */
export function chunkGrid(layout: Pick<ZarrLayout, 'shape' | 'chunkShape'>): number[] {
  return layout.shape.map((n, d) => Math.ceil(n / layout.chunkShape[d]!));
}

/**
 * Key of a chunk in the store, from the array path: `0/1/2/3` (v2 with OME-Zarr's `/`
 * separator) or `0/c/1/2/3` (v3 default encoding).
 */
export function chunkKey(layout: ZarrLayout, coords: readonly number[]): string {
  const grid = coords.join('/');
  return layout.zarrFormat === 2
    ? `/${layout.arrayPath}/${grid}`
    : `/${layout.arrayPath}/c/${grid}`;
}

/** The metadata documents of the array, as `[key, JSON value]` pairs. */
export function arrayMetadata(layout: ZarrLayout): [string, unknown][] {
  const { zarrFormat, shape, chunkShape, dtype, compression, level, arrayPath } = layout;
  if (zarrFormat === 2) {
    return [
      [
        `/${arrayPath}/.zarray`,
        {
          zarr_format: 2,
          shape,
          chunks: chunkShape,
          dtype: ZARR_V2_DTYPE[dtype],
          compressor: compression === 'gzip' ? { id: 'gzip', level } : null,
          fill_value: 0,
          order: 'C',
          filters: null,
          dimension_separator: '/',
        },
      ],
    ];
  }
  const codecs: unknown[] = [{ name: 'bytes', configuration: { endian: 'little' } }];
  if (compression === 'gzip') codecs.push({ name: 'gzip', configuration: { level } });
  return [
    [
      `/${arrayPath}/zarr.json`,
      {
        zarr_format: 3,
        node_type: 'array',
        shape,
        data_type: dtype,
        chunk_grid: { name: 'regular', configuration: { chunk_shape: chunkShape } },
        chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
        fill_value: 0,
        codecs,
        attributes: {},
        dimension_names: layout.axisNames,
      },
    ],
  ];
}

/** The metadata documents of the root group holding `attributes`. */
export function groupMetadata(zarrFormat: 2 | 3, attributes: unknown): [string, unknown][] {
  if (zarrFormat === 2) {
    return [
      ['/.zgroup', { zarr_format: 2 }],
      ['/.zattrs', attributes],
    ];
  }
  return [['/zarr.json', { zarr_format: 3, node_type: 'group', attributes }]];
}

/** Default chunk shape: up to 64 per axis in 3D and more, up to 256 x 256 in 2D. */
export function defaultChunkShape(shape: readonly number[]): number[] {
  const side = shape.length === 2 ? 256 : 64;
  return shape.map((n, d) => (d < shape.length - 3 ? 1 : Math.max(1, Math.min(n, side))));
}

/**
 * Check a user's chunk shape: one positive integer per axis (larger than the axis is
 * allowed, as in zarr).
 *
 * @throws InvalidArgumentError naming `options.chunks`
 */
export function checkChunkShape(
  fn: string,
  chunks: unknown,
  shape: readonly number[],
): readonly number[] {
  if (chunks === undefined) return defaultChunkShape(shape);
  if (
    !Array.isArray(chunks) ||
    chunks.length !== shape.length ||
    !chunks.every((c) => Number.isInteger(c) && c >= 1 && c <= 2 ** 31 - 1)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.chunks',
      chunks,
      `${shape.length} positive integers (one chunk size per axis of data)`,
    );
  }
  return chunks as number[];
}
