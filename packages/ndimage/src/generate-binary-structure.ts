import { assertNumber } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/**
 * The `3^rank` structuring element whose elements are at most `connectivity` steps (squared
 * Euclidean distance) from the centre, as `scipy.ndimage.generate_binary_structure(rank,
 * connectivity)`: 1 = faces (the cross, default structure of the binary morphology), `rank`
 * = the full cube.
 *
 * @param rank - number of axes (integer >= 1)
 * @param connectivity - integer >= 1 (values above `rank` give the full cube)
 * @returns uint8 ndarray of shape `[3, ..., 3]`, 1 = in
 * @throws InvalidArgumentError for a rank or connectivity below 1
 *
 * @remarks
 * References: `scipy.ndimage.generate_binary_structure`.
 */
export function generateBinaryStructure(rank: number, connectivity: number): NdArray<Uint8Array> {
  const fn = 'generateBinaryStructure';
  assertNumber(fn, 'rank', rank, { integer: true, min: 1 });
  assertNumber(fn, 'connectivity', connectivity, { integer: true, min: 1 });
  const data = new Uint8Array(3 ** rank);
  for (let i = 0; i < data.length; i++) {
    let steps = 0;
    for (let d = 0, rest = i; d < rank; d++, rest = Math.floor(rest / 3)) {
      if (rest % 3 !== 1) steps++;
    }
    data[i] = steps <= connectivity ? 1 : 0;
  }
  return ndarray(data, new Array<number>(rank).fill(3));
}
