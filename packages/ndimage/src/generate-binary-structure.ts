import { assertNumber, InvalidArgumentError } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/** Largest rank: 3^16 = 43,046,721 bytes; rank 17 would take 129 MB. */
const MAX_RANK = 16;

/**
 * The `3^rank` structuring element whose elements are at most `connectivity` steps (squared
 * Euclidean distance) from the centre, as `scipy.ndimage.generate_binary_structure(rank,
 * connectivity)`: 1 = faces (the cross, default structure of the binary morphology), `rank`
 * = the full cube.
 *
 * @param rank - number of axes (integer >= 1)
 * @param connectivity - integer >= 1 (values above `rank` give the full cube)
 * @returns uint8 ndarray of shape `[3, ..., 3]`, 1 = in
 * @throws InvalidArgumentError for a rank or connectivity below 1, or a rank above 16 (3^17
 *   bytes and more are refused before allocation)
 *
 * @remarks
 * References: `scipy.ndimage.generate_binary_structure`.
 */
export function generateBinaryStructure(rank: number, connectivity: number): NdArray<Uint8Array> {
  const fn = 'generateBinaryStructure';
  assertNumber(fn, 'rank', rank, { integer: true, min: 1 });
  if (rank > MAX_RANK) {
    throw new InvalidArgumentError(
      fn,
      'rank',
      rank,
      `at most ${MAX_RANK} (the structure has 3^rank elements: rank ${rank} would take ${rank > 60 ? `3^${rank}` : (3 ** rank).toExponential(3)} bytes)`,
    );
  }
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
