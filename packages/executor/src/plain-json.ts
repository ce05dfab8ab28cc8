import { describeValue, InvalidArgumentError } from '@mgraph/core';

/**
 * Assert `value` is plain JSON: `null`, a boolean, a finite number, a string, or arrays and
 * plain objects (prototype `Object.prototype` or `null`) of those, without cycles, so that
 * `JSON.parse(JSON.stringify(value))` gives back an equal value. Typed arrays, ndarrays,
 * `undefined`, `NaN`, functions, dates, maps and bigints are refused: they would be dropped
 * or changed silently on their way through Redis.
 *
 * @param fn - the calling function, for the error
 * @param argument - the argument's name, e.g. `"tasks[3].input"`
 * @param value - the value to check
 * @param maxBytes - the largest JSON text allowed, in UTF-16 code units. Default `Infinity`
 * @returns the JSON text of `value`
 * @throws InvalidArgumentError naming the first offending path (`tasks[3].input.box[2]`) and
 *   its value, or the JSON size when it passes `maxBytes`
 */
export function assertPlainJson(
  fn: string,
  argument: string,
  value: unknown,
  maxBytes = Number.POSITIVE_INFINITY,
): string {
  checkJson(fn, argument, value, new Set());
  const text = JSON.stringify(value);
  if (text.length > maxBytes) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `plain JSON of at most ${maxBytes} characters (chunk keys, boxes, seeds: never voxels), got ${text.length} characters of`,
    );
  }
  return text;
}

function checkJson(fn: string, path: string, value: unknown, open: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw notJson(fn, path, value);
  }
  if (typeof value !== 'object') throw notJson(fn, path, value);
  if (open.has(value)) throw notJson(fn, path, value, 'a cycle');
  open.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkJson(fn, `${path}[${i}]`, item, open);
    });
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw notJson(fn, path, value);
    for (const [name, item] of Object.entries(value)) {
      checkJson(
        fn,
        /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`,
        item,
        open,
      );
    }
  }
  open.delete(value);
}

function notJson(fn: string, path: string, value: unknown, what?: string): InvalidArgumentError {
  return new InvalidArgumentError(
    fn,
    path,
    value,
    `plain JSON (null, booleans, finite numbers, strings, arrays and plain objects${what ? `, not ${what}` : ''}; ${describeValue(value)} does not survive JSON)`,
  );
}
