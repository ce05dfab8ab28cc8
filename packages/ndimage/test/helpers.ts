import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NdArray } from '@mgraph/core';
import ndarray from 'ndarray';

/** An array as scripts/make-fixtures.py writes it. */
export interface FixtureArray {
  dtype: 'float64' | 'float32' | 'uint8' | 'int16' | 'int32';
  shape: number[];
  data: number[];
}

const CTORS = {
  float64: Float64Array,
  float32: Float32Array,
  uint8: Uint8Array,
  int16: Int16Array,
  int32: Int32Array,
};

/** A fixture array as an ndarray of its dtype. */
export function toNdarray(a: FixtureArray): NdArray {
  return ndarray(new CTORS[a.dtype](a.data), a.shape);
}

/** One scipy call: input, options (TypeScript names), scipy's output. */
export interface Case<O = Record<string, unknown>, E = FixtureArray> {
  input: FixtureArray;
  sigma?: number | number[];
  size?: number;
  options: O;
  expected: E;
}

/** scripts/make-fixtures.py's output. */
export interface Fixtures {
  scipy: string;
  maximumFilter: Case[];
  maximumFilter1d: Case[];
  binaryErosion: Case[];
  binaryDilation: Case[];
  binaryOpening: Case[];
  generateBinaryStructure: { rank: number; connectivity: number; expected: FixtureArray }[];
  findObjects: Case<Record<string, unknown>, ([number, number][] | null)[]>[];
  gaussianKernel1d: { sigma: number; options: Record<string, number>; expected: number[] }[];
  gaussianFilter1d: Case[];
  gaussianFilter: Case[];
}

/** The fixture file, options' nested arrays (footprint, structure) made ndarrays. */
export function loadFixtures(): Fixtures {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(join(here, 'fixtures', 'ndimage.json'), 'utf8'), (key, v) =>
    (key === 'footprint' || key === 'structure') && v !== null ? toNdarray(v) : v,
  );
}

/** A short name of a case for test titles. */
export function describeCase(c: { input: FixtureArray; options?: object }): string {
  const opts = Object.entries(c.options ?? {})
    .map(([k, v]) => `${k}=${v?.shape ? `fp[${v.shape}]` : JSON.stringify(v)}`)
    .join(' ');
  return `${c.input.dtype}[${c.input.shape}] ${opts}`;
}

/** Indices where `actual` and `expected` differ by more than `rel` relative (0 = exact). */
export function mismatches(
  actual: ArrayLike<number>,
  expected: readonly number[],
  rel = 0,
): string[] {
  const bad: string[] = [];
  if (actual.length !== expected.length) return [`length ${actual.length} != ${expected.length}`];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = rel === 0 ? a === e : Math.abs(a - e) <= rel * Math.max(Math.abs(e), 1e-300);
    if (!ok) bad.push(`[${i}] ${a} != ${e}`);
  }
  return bad.slice(0, 5);
}
