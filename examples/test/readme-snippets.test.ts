// Every TypeScript snippet of every README runs as written (node with the tsx loader, from a
// file inside the workspace so `@mgraph/*` resolve as they do for a user), and every
// `console.log(...); // text` line prints that text.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const scratch = join(here, '..', '.readme-snippets');

/** The README files of the repository: the root's, examples', and every package's. */
function readmes(): string[] {
  const packages = join(root, 'packages');
  return [
    join(root, 'README.md'),
    join(root, 'examples', 'README.md'),
    ...readdirSync(packages).map((p) => join(packages, p, 'README.md')),
  ].filter((f) => existsSync(f));
}

/** The ```ts blocks of a Markdown text. */
function snippets(text: string): string[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** Texts a snippet promises to print: the trailing comment of each `console.log(...)` line. */
function promised(code: string): string[] {
  return [...code.matchAll(/^\s*console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) => m[1]!.trim());
}

mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('README snippets run as written', () => {
  for (const file of readmes()) {
    const name = relative(root, file);
    snippets(readFileSync(file, 'utf8')).forEach((code, i) => {
      it(`${name} snippet ${i + 1}`, async () => {
        const path = join(scratch, `${name.replace(/[/\\.]/g, '-')}-${i + 1}.ts`);
        writeFileSync(path, code);
        const { stdout } = await run(process.execPath, ['--import', 'tsx', path], {
          cwd: scratch,
          timeout: 120_000,
        });
        for (const text of promised(code)) expect(stdout).toContain(text);
      }, 120_000);
    });
  }
});
