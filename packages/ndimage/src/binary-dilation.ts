import type { NdArray } from '@mgraph/core';
import { type BinaryMorphologyOptions, morphology } from './binary-erosion.js';

/**
 * Binary dilation, as `scipy.ndimage.binary_dilation(input, structure, iterations,
 * border_value=borderValue)` (no mask, origin 0): an element is 1 when some element of the
 * reflected structure around it (`x - (s - shape // 2)`) is nonzero, elements past the edges
 * being `borderValue`.
 *
 * @param input - ndarray of any dimension, dtype and strides; nonzero = true
 * @param options - {@link BinaryMorphologyOptions}
 * @returns a new uint8 ndarray of 0 and 1
 * @throws InvalidArgumentError as {@link binaryErosion}
 *
 * @remarks
 * References: `scipy.ndimage.binary_dilation`; P. Soille, "Morphological Image Analysis",
 * 2nd ed., Springer (2004), doi:10.1007/978-3-662-05088-0, ch. 3.
 */
export function binaryDilation(
  input: NdArray,
  options: BinaryMorphologyOptions | null = {},
): NdArray<Uint8Array> {
  return morphology('binaryDilation', input, options, [false]);
}
