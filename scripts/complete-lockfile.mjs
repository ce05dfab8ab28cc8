// Complete package-lock.json with the platform-specific optional dependencies (for example
// @biomejs/cli-darwin-arm64) that npm leaves out when the registry it resolved against does
// not serve them. Without those entries `npm ci` refuses the lockfile ("Missing: ... from lock
// file"), and a lockfile made on one platform would not install on another. Each added entry
// carries the version and the os / cpu / libc read from the package name, so npm skips it on
// other platforms without fetching anything. Run after every `npm install` (`npm run lock`);
// an optional argument names another lockfile.
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'mips64el',
  'wasm32',
];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o) || (o === 'win32' && parts.includes('windows')));
  const cpu = CPU.find((c) => parts.includes(c));
  const out = {};
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu];
  if (parts.includes('musl')) out.libc = ['musl'];
  else if (os === 'linux' && (parts.includes('gnu') || parts.includes('glibc')))
    out.libc = ['glibc'];
  return out;
}

function resolvable(from, name) {
  // node resolution: walk up from the dependent's folder
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i >= 0 ? dir.slice(0, i) : '';
  }
}

let added = 0;
for (const [key, pkg] of Object.entries({ ...packages })) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolvable(key, name)) continue;
    const version = String(range).replace(/^[\^~=v]+/, '');
    if (!/^\d+\.\d+\.\d+/.test(version)) continue;
    const entry = { version, optional: true };
    if (pkg.dev) entry.dev = true;
    if (pkg.devOptional) entry.devOptional = true;
    Object.assign(entry, platformOf(name));
    packages[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
