import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A fixture array: `{ shape, dtype, data }`, `null` = NaN. */
export interface FixtureArray {
  shape: number[];
  dtype: string;
  data: Array<number | null>;
}

const LOCAL = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Parse a fixture JSON file by name from `$MGRAPH_FIXTURES` when set, else `test/fixtures`.
 * Fixtures this package generates itself (`scripts/`, `shared: false`) are read from
 * `$MGRAPH_FIXTURES` only when a file of that name is there.
 */
export function readFixture<T>(name: string, options: { shared?: boolean } = {}): T {
  const { shared = true } = options;
  const env = process.env.MGRAPH_FIXTURES;
  const dir = env !== undefined && (shared || existsSync(join(env, name))) ? env : LOCAL;
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

/** The numbers of a fixture array (NaN for null). */
export function values(a: FixtureArray): number[] {
  return a.data.map((v) => (v === null ? Number.NaN : v));
}

/** Largest absolute difference of two equally long lists. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
