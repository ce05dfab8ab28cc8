// Sum the vitest JSON reports that `turbo run test` left in each workspace and print one
// closing line, "Tests: N passed, N failed[, N skipped]", for CI log readers. Exit 1 when a
// report is missing (a workspace with tests that did not run) or any test failed, and, under
// CI (`CI` set), when any test was skipped or left as a todo: CI has every tool the tests
// need (.ci/run installs them), so a skip there hides a check that did not run.
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
const skippedNames = [];
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
  for (const file of r.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status !== 'passed' && t.status !== 'failed')
        skippedNames.push(
          `${pkg.name}: ${file.name.slice(ws.length + 1)} > ${t.fullName} (${t.status})`,
        );
  const skips = r.numPendingTests + r.numTodoTests;
  console.log(
    `${pkg.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skips ? `, ${skips} skipped` : ''}`,
  );
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const ci = ['', '0', 'false'].includes(process.env.CI ?? '') === false;
if (ci && skipped > 0) {
  console.log(`CI: ${skipped} test(s) skipped; under CI every test must run:`);
  for (const name of skippedNames) console.log(`  ${name}`);
}
process.exit(failed > 0 || missing > 0 || passed === 0 || (ci && skipped > 0) ? 1 : 0);
