import { InvalidArgumentError } from '@mgraph/core';

/** The typed arrays {@link toPlainJson} encodes, by name. */
const TYPED = {
  Int32Array,
  Uint8Array,
  Uint32Array,
  Float64Array,
} as const;

type TypedName = keyof typeof TYPED;

/** A typed array as plain JSON: its type and its values run-length encoded. */
interface PlainTyped {
  typed: TypedName;
  length: number;
  /** `[value, count, value, count, ...]`. */
  runs: number[];
}

/**
 * A task result as plain JSON, so that it survives executors that carry results as JSON
 * (BullMQ / Redis): every `Int32Array`, `Uint8Array`, `Uint32Array` or `Float64Array` inside
 * `value` (at any depth of arrays and plain objects) becomes `{ typed, length, runs }` with
 * its values run-length encoded (block faces of label images are long runs of equal labels,
 * so this also shrinks them). {@link fromPlainJson} undoes it exactly.
 *
 * @internal
 */
export function toPlainJson(value: unknown): unknown {
  for (const name of Object.keys(TYPED) as TypedName[]) {
    if (value instanceof TYPED[name]) return encode(name, value);
  }
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainJson(v)]));
  }
  return value;
}

/**
 * Undo {@link toPlainJson}: every `{ typed, length, runs }` becomes its typed array again.
 * Values without them (typed arrays passed by a structured-cloning executor) come back as
 * they are.
 *
 * @throws InvalidArgumentError for runs that do not add up to `length`
 * @internal
 */
export function fromPlainJson<T>(value: unknown): T {
  return decodeAny(value) as T;
}

function decodeAny(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeAny);
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const v = value as Partial<PlainTyped>;
  if (typeof v.typed === 'string' && v.typed in TYPED && Array.isArray(v.runs)) {
    return decode(v as PlainTyped);
  }
  return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, decodeAny(x)]));
}

function encode(typed: TypedName, a: ArrayLike<number>): PlainTyped {
  const runs: number[] = [];
  for (let i = 0; i < a.length; ) {
    const v = a[i]!;
    let j = i + 1;
    while (j < a.length && Object.is(a[j], v)) j++;
    runs.push(v, j - i);
    i = j;
  }
  return { typed, length: a.length, runs };
}

function decode({ typed, length, runs }: PlainTyped): ArrayLike<number> {
  const out = new TYPED[typed](length);
  let at = 0;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const n = runs[k + 1]!;
    if (!(Number.isInteger(n) && n > 0 && at + n <= length)) break;
    out.fill(runs[k]!, at, at + n);
    at += n;
  }
  if (at !== length || runs.length % 2 !== 0) {
    throw new InvalidArgumentError(
      'fromPlainJson',
      'value',
      `runs of a ${typed}`,
      `runs adding up to its length ${length}`,
    );
  }
  return out;
}
