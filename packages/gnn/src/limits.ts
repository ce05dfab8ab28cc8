import { InvalidArgumentError } from '@mgraph/core';

/**
 * Most elements one array this package allocates may hold: 2^27 (1 GiB as float64). A
 * request past it (a huge `size`, width or hidden width) throws before anything is
 * allocated.
 */
export const MAX_ELEMENTS = 2 ** 27;

/** Most parameters a {@link HeteroNNConvModel} may have: 2^25 (256 MiB as float64; training keeps about four copies). */
export const MAX_PARAMETERS = 2 ** 25;

/** Most graphs {@link splitGraphs} splits: 2^24. */
export const MAX_GRAPHS = 2 ** 24;

/** `1.5 GiB`-style rendering of a byte count. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${v.toPrecision(3)} ${units[u]}`;
}

/**
 * Throw before allocating `elements` elements of `bytesPerElement` bytes when it is more
 * than `limit`: the error names the argument at fault and the size the request would take.
 *
 * @internal
 */
export function assertAllocation(
  fn: string,
  argument: string,
  value: unknown,
  elements: number,
  limit = MAX_ELEMENTS,
  bytesPerElement = 8,
  what = 'elements',
): void {
  if (elements <= limit) return;
  throw new InvalidArgumentError(
    fn,
    argument,
    value,
    `a size needing at most ${limit} ${what} (this one needs ${elements} ${what}, ${formatBytes(elements * bytesPerElement)})`,
  );
}
