import type { NdArray } from 'ndarray';

/** Typed arrays mgraph reads and writes. */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** The `dtype` strings of scijs `ndarray` for typed arrays. */
export type Dtype =
  | 'int8'
  | 'uint8'
  | 'uint8_clamped'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'float32'
  | 'float64';

/**
 * An image: a 2D `(rows, cols)` or 3D `(planes, rows, cols)` ndarray over a typed array,
 * any strides (views are accepted everywhere; functions copy when they need contiguity).
 */
export type Image<T extends TypedArray = TypedArray> = NdArray<T>;

/** Instance labels: int32, 0 = no object, objects numbered 1..n. */
export type LabelImage = NdArray<Int32Array>;

/** Phase map: uint8 codes of a {@link PhaseScheme} (default 0 background, 1 SSE, 2 NMC, 3 graphite). */
export type PhaseMap = NdArray<Uint8Array>;

/** Boolean mask as uint8 (0 = false, anything else = true). */
export type Mask = NdArray<Uint8Array>;

/** Progress callback of long work: `done` units out of `total`. */
export type ProgressCallback = (done: number, total: number) => void;

export type { NdArray };
