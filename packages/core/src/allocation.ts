import { InvalidArgumentError } from './errors.js';

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A byte count as people read it: `512 bytes`, `1.50 GiB`, `58.2 TiB` (three significant
 * digits past 1 KiB, binary units up to EiB); `more than any memory` for a count that is not
 * finite. Used in the messages of errors that refuse an allocation.
 *
 * @example
 * ```ts
 * formatBytes(1536); // '1.50 KiB'
 * formatBytes(2 ** 33); // '8.00 GiB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'more than any memory';
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${v.toPrecision(3)} ${UNITS[u]}`;
}

/** Options of {@link assertAllocation}. */
export interface AllocationLimit {
  /** Most elements allowed (each package documents its own limits). */
  limit: number;
  /** Bytes per element, for the size stated in the message. Default 8 (float64). */
  bytesPerElement?: number;
  /** What the elements are, plural (`'histogram bins'`, `'parameters'`). Default `'elements'`. */
  what?: string;
  /** What the argument must be, before `needing at most ...`. Default `'a size'`. */
  subject?: string;
}

/**
 * Throw before allocating `elements` elements when that is more than `limit`: the error names
 * `fn`, the argument at fault and its value, and states the memory the request would take.
 * `elements` at or under the limit returns.
 *
 * @param fn - name of the calling function, for the error
 * @param argument - the argument that sets the size (`'options.batchSize'`)
 * @param value - its value, for the error
 * @param elements - elements the call would allocate
 * @param options - `limit` (required), `bytesPerElement` (8), `what` (`'elements'`), `subject` (`'a size'`)
 * @throws InvalidArgumentError `<subject> needing at most <limit> <what> (this one needs
 *   <elements> <what>, <bytes>)`
 *
 * @example
 * ```ts
 * assertAllocation('matmul', 'a', [2 ** 20, 1], 2 ** 40, { limit: 2 ** 27 });
 * // InvalidArgumentError: matmul: argument a must be a size needing at most 134217728
 * // elements (this one needs 1099511627776 elements, 8.00 TiB), got [1048576, 1]
 * ```
 */
export function assertAllocation(
  fn: string,
  argument: string,
  value: unknown,
  elements: number,
  options: AllocationLimit,
): void {
  const { limit, bytesPerElement = 8, what = 'elements', subject = 'a size' } = options;
  if (elements <= limit) return;
  throw new InvalidArgumentError(
    fn,
    argument,
    value,
    `${subject} needing at most ${limit} ${what} (this one needs ${elements} ${what}, ${formatBytes(elements * bytesPerElement)})`,
  );
}
