import ndarray from 'ndarray';
import { assertNdarray } from './checks.js';
import { flatData } from './contiguous.js';
import { InvalidArgumentError } from './errors.js';
import { describeScheme, type PhaseScheme } from './phase-scheme.js';
import type { NdArray, PhaseMap, TypedArray } from './types.js';

/** Most distinct values an error message lists. */
const LISTED = 20;

/**
 * Phase map of raw file values: every element becomes the code of the phase whose
 * `scheme.values` hold it (e.g. `0 / 85 / 170` or `0 / 128 / 255` to codes `0 / 1 / 2`).
 *
 * @param raw - 2D or 3D (any ndim) ndarray of integer values, any dtype and strides
 * @param scheme - the phase scheme naming the values
 * @returns a new uint8 phase map of the same shape, row-major
 * @throws InvalidArgumentError when `raw` is not an ndarray, or holds a value no phase of the
 *   scheme names (the message lists the distinct values found, up to 20, and the scheme's);
 *   raised before the phase map is allocated
 */
export function applyScheme(raw: NdArray, scheme: PhaseScheme): PhaseMap {
  const fn = 'applyScheme';
  assertNdarray(fn, 'raw', raw);
  const data = flatData(raw as NdArray<TypedArray>);
  const codeOf = new Map<number, number>();
  scheme.values.forEach((list, code) => {
    for (const v of list) codeOf.set(v, code);
  });
  const table = byteTable(data, codeOf);
  const unknown = new Set<number>();
  if (table) {
    const { lut, shift } = table;
    for (let i = 0; i < data.length; i++) {
      if (lut[data[i]! + shift] === 255) unknown.add(data[i]!);
    }
  } else {
    for (let i = 0; i < data.length; i++) {
      if (!codeOf.has(data[i]!)) unknown.add(data[i]!);
    }
  }
  if (unknown.size > 0) {
    const found = new Set<number>(unknown);
    for (const v of codeOf.keys()) {
      if (found.size >= LISTED) break;
      if (data.includes(v as never)) found.add(v);
    }
    const list = (values: Iterable<number>) =>
      [...values]
        .sort((a, b) => a - b)
        .slice(0, LISTED)
        .join(', ');
    throw new InvalidArgumentError(
      fn,
      'raw',
      raw,
      `values the scheme names (${describeScheme(scheme)}); found ${list(found)}, of which ${unknown.size} unnamed: ${list(unknown)}${unknown.size > LISTED ? ', ...' : ''}`,
    );
  }
  const out = new Uint8Array(data.length);
  if (table) {
    const { lut, shift } = table;
    for (let i = 0; i < data.length; i++) out[i] = lut[data[i]! + shift]!;
  } else {
    for (let i = 0; i < data.length; i++) out[i] = codeOf.get(data[i]!)!;
  }
  return ndarray(out, raw.shape.slice());
}

/** A look-up table over every value of an 8- or 16-bit integer array (255 = not named). */
function byteTable(
  data: TypedArray,
  codeOf: ReadonlyMap<number, number>,
): { lut: Uint8Array; shift: number } | undefined {
  const range =
    data instanceof Uint8Array || data instanceof Uint8ClampedArray
      ? [0, 256]
      : data instanceof Int8Array
        ? [-128, 256]
        : data instanceof Uint16Array
          ? [0, 65536]
          : data instanceof Int16Array
            ? [-32768, 65536]
            : undefined;
  if (!range) return undefined;
  const [low, size] = range as [number, number];
  const lut = new Uint8Array(size).fill(255);
  for (const [value, code] of codeOf) {
    if (value >= low && value < low + size) lut[value - low] = code;
  }
  return { lut, shift: -low };
}
