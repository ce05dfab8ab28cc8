// Sum the vitest JSON reports that `turbo run test` left in each workspace and print one
// closing line, "Tests: N passed, N failed[, N skipped]", for CI log readers. Exit 1 when a
// report is missing (a workspace with tests that did not run) or any test failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'examples'].flatMap((dir) => {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  if (existsSync(join(full, 'package.json'))) return [full];
  return readdirSync(full)
    .map((d) => join(full, d))
    .filter((d) => existsSync(join(d, 'package.json')));
});

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const ws of workspaces) {
  const pkg = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  const report = join(ws, '.vitest-report.json');
  if (!existsSync(report)) {
    console.log(`${pkg.name}: no test report (.vitest-report.json)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(`${pkg.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
