// Print the dependency graph of the workspace packages (runtime dependencies, then dev-only
// ones in brackets) in dependency order, and exit 1 when the runtime graph has a cycle.
// Run: node scripts/dependency-graph.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packages = new Map();
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  const internal = (deps) => Object.keys(deps ?? {}).filter((d) => d.startsWith('@mgraph/'));
  packages.set(pkg.name, {
    runtime: internal(pkg.dependencies),
    dev: internal(pkg.devDependencies),
  });
}

const order = [];
const state = new Map();
function visit(name, path) {
  if (state.get(name) === 'done') return;
  if (state.get(name) === 'open') {
    console.log(`cycle: ${[...path, name].join(' -> ')}`);
    process.exitCode = 1;
    return;
  }
  state.set(name, 'open');
  for (const dep of packages.get(name)?.runtime ?? []) visit(dep, [...path, name]);
  state.set(name, 'done');
  order.push(name);
}
for (const name of [...packages.keys()].sort()) visit(name, []);

for (const name of order) {
  const { runtime, dev } = packages.get(name);
  const devOnly = dev.filter((d) => !runtime.includes(d));
  const deps = runtime.length ? runtime.join(', ') : '(none)';
  console.log(`${name} -> ${deps}${devOnly.length ? `   [dev: ${devOnly.join(', ')}]` : ''}`);
}
