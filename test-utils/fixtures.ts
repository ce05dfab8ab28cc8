// The one fixture loader of every package's tests (imported by relative path, so no package
// depends on another for it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The reference fixtures shared by several packages, written together by
 * `scripts/make-fixtures.py` (one seeded random stream, so they are made as a set). Every
 * other fixture is a package's own, written by a script in that package's `scripts/`.
 */
export const SHARED_FIXTURES: readonly string[] = [
  'watershed.json',
  'adjacency.json',
  'centrality.json',
  'find_peaks.json',
  'stats.json',
  'nn.json',
];

/**
 * Read a JSON fixture.
 *
 * @param dir - the package's fixture folder (its `test/fixtures`).
 * @param name - the file name.
 * @returns the parsed file: a shared fixture from `$MGRAPH_FIXTURES` when that variable is
 *   set (to test against freshly generated references), a package's own fixture from there
 *   only when that folder holds a file of its name; otherwise from `dir`.
 */
export function loadFixture<T>(dir: string, name: string): T {
  const env = process.env.MGRAPH_FIXTURES;
  const fromEnv =
    env !== undefined &&
    env !== '' &&
    (SHARED_FIXTURES.includes(name) || existsSync(join(env, name)));
  return JSON.parse(readFileSync(join(fromEnv ? env : dir, name), 'utf8')) as T;
}
