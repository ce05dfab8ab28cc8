/**
 * The float arrays the peak search reads without a copy: float64, and float32 (the exact
 * squared distance maps of `splitTouching` on large volumes, half the memory of float64).
 *
 * @internal
 */
export type FloatData = Float32Array | Float64Array;
