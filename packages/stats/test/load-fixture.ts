import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const local = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Read a shared reference fixture (`centrality.json`, `stats.json`) from `$MGRAPH_FIXTURES`
 * when it is set, else from the copy in `test/fixtures/`.
 */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(process.env.MGRAPH_FIXTURES ?? local, name), 'utf8')) as T;
}

/** Read this package's own fixture (written by `scripts/make_fixtures.py`) from `test/fixtures/`. */
export function loadOwnFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(local, name), 'utf8')) as T;
}
