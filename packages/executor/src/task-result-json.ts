import { InvalidArgumentError } from '@mgraph/core';
import { assertPlainJson } from './plain-json.js';

/**
 * How a task's result crosses Redis unchanged: BullMQ stores a job's return value as JSON,
 * which would turn `NaN` and the infinities into `null` and `-0` into `0`. The worker writes
 * each of those numbers as `{ $numberDouble: "NaN" | "Infinity" | "-Infinity" | "-0" }` (the
 * MongoDB Extended JSON spelling) and the executor reads them back, so a result equals the
 * in-thread one bit for bit. Everything else must be plain JSON.
 */
const TAG = '$numberDouble';
const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

/**
 * A copy of `value` that JSON carries unchanged (see above).
 *
 * @throws InvalidArgumentError naming the first part that is not plain JSON (typed arrays,
 *   `undefined`, functions, class instances, cycles) or an object that already has the
 *   `$numberDouble` form (it would be read back as a number)
 */
export function encodeTaskResult(fn: string, argument: string, value: unknown): unknown {
  const encoded = encode(fn, argument, value);
  assertPlainJson(fn, argument, encoded);
  return encoded;
}

function encode(fn: string, path: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { [TAG]: 'NaN' };
    if (value === Number.POSITIVE_INFINITY) return { [TAG]: 'Infinity' };
    if (value === Number.NEGATIVE_INFINITY) return { [TAG]: '-Infinity' };
    return Object.is(value, -0) ? { [TAG]: '-0' } : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => encode(fn, `${path}[${i}]`, item));
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    if (isTagged(value)) {
      throw new InvalidArgumentError(
        fn,
        path,
        value,
        `not an object of the form { ${TAG}: ... } (reserved)`,
      );
    }
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, encode(fn, `${path}.${name}`, item)]),
    );
  }
  // Anything else is checked (and refused where it is not JSON) by assertPlainJson.
  return value;
}

/** The value {@link encodeTaskResult} encoded, with its special numbers back. */
export function decodeTaskResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTaskResult);
  if (typeof value === 'object' && value !== null) {
    if (isTagged(value)) return SPECIAL[(value as Record<string, string>)[TAG]!];
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, decodeTaskResult(item)]),
    );
  }
  return value;
}

function isTagged(value: object): boolean {
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    keys[0] === TAG &&
    Object.hasOwn(SPECIAL, (value as Record<string, unknown>)[TAG] as string)
  );
}
