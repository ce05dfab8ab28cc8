import type { NdArray } from '@mgraph/core';
import { type BinaryMorphologyOptions, morphology } from './binary-erosion.js';

/**
 * Binary opening: {@link binaryErosion} then {@link binaryDilation} with the same structure,
 * each `iterations` times, as `scipy.ndimage.binary_opening(input, structure, iterations,
 * border_value=borderValue)` (no mask, origin 0). Removes what the structure does not fit in
 * (one-element-wide lines and isolated elements with the default cross).
 *
 * @param input - ndarray of any dimension, dtype and strides; nonzero = true
 * @param options - {@link BinaryMorphologyOptions}
 * @returns a new uint8 ndarray of 0 and 1
 * @throws InvalidArgumentError as {@link binaryErosion}
 *
 * @remarks
 * References: `scipy.ndimage.binary_opening`; P. Soille, "Morphological Image Analysis",
 * 2nd ed., Springer (2004), doi:10.1007/978-3-662-05088-0, ch. 3.
 */
export function binaryOpening(
  input: NdArray,
  options: BinaryMorphologyOptions | null = {},
): NdArray<Uint8Array> {
  return morphology('binaryOpening', input, options, [true, false]);
}
