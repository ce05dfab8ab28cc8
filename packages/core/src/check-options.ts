import { InvalidArgumentError } from './errors.js';

/**
 * Every option name of an options type, each mapped to `true`: a literal of this type must
 * list every key of `T` (the compiler says which one is missing or extra), so the list of
 * known options cannot drift from the interface.
 */
export type OptionKeys<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Check an options argument: `undefined` and `null` mean "all defaults" (an empty object);
 * anything but a plain object is an error; a key the function does not know is an error that
 * names the closest known option (so `{ conectivity: 2 }` does not silently fall back to
 * the default).
 *
 * @param fn - name of the calling function, for errors
 * @param options - the options argument as received
 * @param keys - every known option name ({@link OptionKeys} of the options type)
 * @param argument - name of the argument in errors. Default `'options'`
 * @returns `options`, or a new empty object for `undefined` / `null`
 * @throws InvalidArgumentError naming `fn`, the argument and the unknown key
 * @example const { window = 7 } = checkOptions('buildGraph', options, { window: true, scheme: true })
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | null | undefined,
  keys: OptionKeys<T>,
  argument = 'options',
): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new InvalidArgumentError(fn, argument, options, 'an options object (or undefined)');
  }
  const known = Object.keys(keys);
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(keys, key)) continue;
    const near = closest(key, known);
    throw new InvalidArgumentError(
      fn,
      `${argument}.${key}`,
      (options as Record<string, unknown>)[key],
      `a known option${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}; ${fn} knows ${known.map((k) => JSON.stringify(k)).join(', ') || 'no option'}`,
    );
  }
  return options;
}

/**
 * Assert a boolean option is a boolean (or undefined, for "the default"): `'no'`, `0` or
 * `1` are errors, not truthy or falsy values.
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 */
export function assertBoolean(
  fn: string,
  argument: string,
  value: unknown,
): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new InvalidArgumentError(fn, argument, value, 'true or false');
  }
}

/** The known name closest to `key` by edit distance, when it is close enough to be a typo. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = key.toLowerCase().replace(/[_-]/g, '');
  for (const name of known) {
    const d = editDistance(lower, name.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Levenshtein distance of two strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Assert a callback option (`onProgress`) is a function, or undefined for "none".
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 */
export function assertCallback(
  fn: string,
  argument: string,
  value: unknown,
): asserts value is ((...args: never[]) => unknown) | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new InvalidArgumentError(fn, argument, value, 'a function (or undefined)');
  }
}

/**
 * Assert a `signal` option is an `AbortSignal` (anything with a boolean `aborted`), or
 * undefined for "none".
 *
 * @throws InvalidArgumentError naming `fn` and `argument`
 */
export function assertSignal(
  fn: string,
  argument: string,
  value: unknown,
): asserts value is AbortSignal | undefined {
  if (
    value !== undefined &&
    (typeof value !== 'object' ||
      value === null ||
      typeof (value as { aborted?: unknown }).aborted !== 'boolean')
  ) {
    throw new InvalidArgumentError(fn, argument, value, 'an AbortSignal (or undefined)');
  }
}
