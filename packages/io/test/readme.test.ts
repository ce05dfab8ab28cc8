// Every ```ts snippet of README.md runs as written (against the built package) and prints
// what its comments say.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README snippets', () => {
  it('has snippets', () => expect(snippets.length).toBeGreaterThanOrEqual(2));
  it.each(snippets.map((s, i) => [i, s] as const))(
    'snippet %i runs and prints its comments',
    async (i, code) => {
      // under node_modules of this package, so '@mgraph/io' resolves through the workspace
      const dir = join(root, 'node_modules', '.readme-snippets');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `snippet-${i}.mts`);
      writeFileSync(file, code);
      try {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
          cwd: root,
          timeout: 60_000,
        });
        // each `console.log(...); // text` line prints that text
        for (const m of code.matchAll(/^\s*console\.log\(.*\);\s*\/\/\s*(.+)$/gm)) {
          expect(stdout).toContain(m[1]!.trim());
        }
        expect(stdout.length).toBeGreaterThan(0);
      } finally {
        rmSync(file, { force: true });
      }
    },
    60_000,
  );
});
