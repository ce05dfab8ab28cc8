import { InvalidArgumentError } from '@mgraph/core';

/**
 * Most elements one table this package allocates may hold: 2^26 (512 MiB as float64). The
 * per-particle histograms (`labels x bins`) and the Gaussian smoothing kernel are checked
 * against it before anything is allocated.
 */
export const MAX_ELEMENTS = 2 ** 26;

/** `1.5 GiB`-style rendering of a byte count. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${v.toPrecision(3)} ${units[u]}`;
}

/**
 * Throw before allocating `elements` float64 elements when it is more than
 * {@link MAX_ELEMENTS}; the message states the size the request would take.
 *
 * @internal
 */
export function assertAllocation(
  fn: string,
  argument: string,
  value: unknown,
  elements: number,
  what: string,
): void {
  if (elements <= MAX_ELEMENTS) return;
  throw new InvalidArgumentError(
    fn,
    argument,
    value,
    `a value giving at most ${MAX_ELEMENTS} ${what} (this one gives ${elements}, ${formatBytes(elements * 8)})`,
  );
}
