import type { Dtype, TypedArray } from '@mgraph/core';

/** Sample types this package reads and writes. */
export type IoDtype =
  | 'uint8'
  | 'int8'
  | 'uint16'
  | 'int16'
  | 'uint32'
  | 'int32'
  | 'float32'
  | 'float64';

/** Typed array constructors by dtype. */
export const ARRAY_OF: Readonly<Record<IoDtype, new (n: number) => TypedArray>> = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

/** Bytes per element by dtype. */
export const BYTES_OF: Readonly<Record<IoDtype, number>> = {
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  float64: 8,
};

/** The dtypes of {@link IoDtype}, in order. */
export const IO_DTYPES: readonly IoDtype[] = Object.keys(ARRAY_OF) as IoDtype[];

/** True for the dtypes this package handles (`uint8_clamped` counts as `uint8`). */
export function ioDtypeOf(dtype: Dtype | string): IoDtype | undefined {
  if (dtype === 'uint8_clamped') return 'uint8';
  return dtype in ARRAY_OF ? (dtype as IoDtype) : undefined;
}

/** TIFF SampleFormat / BitsPerSample of a dtype and back. */
export function tiffFormatOf(dtype: IoDtype): { bits: number; sampleFormat: number } {
  const bits = BYTES_OF[dtype] * 8;
  const sampleFormat = dtype.startsWith('float') ? 3 : dtype.startsWith('int') ? 2 : 1;
  return { bits, sampleFormat };
}

/** The dtype of TIFF samples, or undefined when this package has no such dtype. */
export function dtypeOfTiff(bits: number, sampleFormat: number): IoDtype | undefined {
  if (sampleFormat === 3) return bits === 32 ? 'float32' : bits === 64 ? 'float64' : undefined;
  const signed = sampleFormat === 2;
  if (bits === 8) return signed ? 'int8' : 'uint8';
  if (bits === 16) return signed ? 'int16' : 'uint16';
  if (bits === 32) return signed ? 'int32' : 'uint32';
  return undefined;
}
