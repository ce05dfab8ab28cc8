import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const local = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Read a JSON fixture: from `$MGRAPH_FIXTURES` when that variable is set, else from
 * `test/fixtures/`. Fixtures this package made itself (`own`, e.g.
 * `find_peaks_options.json`) fall back to `test/fixtures/` when the shared directory does
 * not hold them.
 */
export function readFixture<T>(name: string, { own = false } = {}): T {
  const dir = process.env.MGRAPH_FIXTURES;
  const useEnv = dir !== undefined && dir !== '' && (!own || existsSync(join(dir, name)));
  return JSON.parse(readFileSync(join(useEnv ? dir : local, name), 'utf8')) as T;
}
