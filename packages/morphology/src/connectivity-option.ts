import { assertNumber } from '@mgraph/core';

/**
 * Check a `connectivity` option: 1 (faces: 6 neighbours in 3D, 4 in 2D) up to `ndim`
 * (faces, edges and corners: 26 in 3D, 8 in 2D), as scipy's
 * `generate_binary_structure(ndim, connectivity)`.
 *
 * @internal
 */
export function checkConnectivity(fn: string, value: unknown, ndim: number): number {
  const connectivity = value ?? 1;
  assertNumber(fn, 'options.connectivity', connectivity, { integer: true, min: 1, max: ndim });
  return connectivity;
}
