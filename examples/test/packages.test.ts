// What a user installs: `npm pack` every package of packages/* and check each tarball. It ships
// the LICENSE, no file in it names a path of the machine that built it, its dependencies on
// other @mgraph packages are `^x.y.z` ranges of the current workspace versions (never `*`), and
// the type packages its .d.ts files import (ndarray -> @types/ndarray, graphology-types) are
// dependencies, not devDependencies the user never gets.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const dirs = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((d) => {
    try {
      readFileSync(join(root, 'packages', d, 'package.json'));
      return true;
    } catch {
      return false;
    }
  })
  .sort();

const workspace = new Map<string, Manifest>();
for (const d of dirs) {
  const m = JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')) as Manifest;
  workspace.set(m.name, m);
}

/** The regular files of a .tgz, by path inside the tarball (ustar, as npm writes it). */
function untar(tgz: Buffer): Map<string, Buffer> {
  const data = gunzipSync(tgz);
  const files = new Map<string, Buffer>();
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= data.length) {
    const header = data.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const body = data.subarray(at + 512, at + 512 + size);
    if (type === 'x') {
      const path = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      longName = path?.[1];
    } else {
      if (type === '0' || type === '') files.set(longName ?? name, Buffer.from(body));
      longName = undefined;
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

// Paths of a build machine or a developer's home: a shipped file must not name them.
const MACHINE_PATH = /\/work\/|\/tmp\/|\/home\/|\/root\/|\/Users\/|[A-Za-z]:\\\\Users\\\\/;

const scratch = mkdtempSync(join(tmpdir(), 'mgraph-pack-'));
const tarballs = new Map<string, Map<string, Buffer>>();
const tgzFiles: string[] = [];

beforeAll(async () => {
  const args = ['pack', '--json', '--pack-destination', scratch];
  for (const d of dirs) args.push('-w', `packages/${d}`);
  const { stdout } = await run('npm', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const packed = JSON.parse(stdout) as { name: string; filename: string }[];
  for (const p of packed) {
    const file = join(scratch, p.filename.replace(/^@/, '').replace('/', '-'));
    tarballs.set(p.name, untar(readFileSync(file)));
    tgzFiles.push(file);
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack of every package', () => {
  it('packs every package of packages/*', () => {
    expect([...tarballs.keys()].sort()).toEqual([...workspace.keys()].sort());
  });

  for (const [name, manifest] of workspace) {
    if (manifest.private) continue;
    describe(name, () => {
      const files = () => {
        const f = tarballs.get(name);
        if (!f) throw new Error(`${name} was not packed`);
        return f;
      };

      it('ships LICENSE, README.md and package.json', () => {
        const f = files();
        expect(f.has('package/LICENSE')).toBe(true);
        expect(f.get('package/LICENSE')?.toString('utf8')).toMatch(/MIT License/);
        expect(f.has('package/README.md')).toBe(true);
        expect(f.has('package/package.json')).toBe(true);
        // built first (turbo: test depends on ^build), so the .d.ts checks below see the types
        for (const out of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
          expect(f.has(`package/dist/${out}`), `${name}: dist/${out}`).toBe(true);
        }
      });

      it('names no absolute path of the build machine in any file', () => {
        const hits: string[] = [];
        for (const [path, body] of files()) {
          const m = MACHINE_PATH.exec(body.toString('latin1'));
          if (m) {
            const text = body.toString('latin1');
            hits.push(`${path}: ...${text.slice(Math.max(0, m.index - 40), m.index + 40)}...`);
          }
        }
        expect(hits).toEqual([]);
      });

      it('depends on @mgraph packages by ^ of their current versions', () => {
        const shipped = JSON.parse(
          files().get('package/package.json')!.toString('utf8'),
        ) as Manifest;
        const bad: string[] = [];
        for (const kind of [
          'dependencies',
          'devDependencies',
          'peerDependencies',
          'optionalDependencies',
        ] as const) {
          for (const [dep, range] of Object.entries(shipped[kind] ?? {})) {
            if (!dep.startsWith('@mgraph/')) continue;
            const target = workspace.get(dep);
            if (!target || range !== `^${target.version}`) {
              bad.push(`${kind}.${dep}: ${range} (want ^${target?.version ?? '?'})`);
            }
          }
        }
        expect(bad).toEqual([]);
      });

      it('depends on the type packages that its .d.ts files import', () => {
        const f = files();
        const shipped = JSON.parse(f.get('package/package.json')!.toString('utf8')) as Manifest;
        const deps = { ...shipped.dependencies, ...shipped.peerDependencies };
        const dts = [...f]
          .filter(([path]) => /\.d\.c?ts$/.test(path))
          .map(([, body]) => body.toString('utf8'))
          .join('\n');
        const imports = (mod: string) =>
          new RegExp(`from ['"]${mod}['"]|import\\(['"]${mod}['"]\\)`).test(dts);
        if (imports('ndarray')) expect(deps).toHaveProperty(['@types/ndarray']);
        if (imports('graphology-types') || imports('graphology')) {
          expect(deps).toHaveProperty(['graphology-types']);
        }
        for (const dep of Object.keys(shipped.devDependencies ?? {})) {
          if (dep.startsWith('@mgraph/')) continue;
          const typesOf = dep.startsWith('@types/') ? dep.slice('@types/'.length) : dep;
          expect(
            imports(dep) || imports(typesOf),
            `${name}: .d.ts imports devDependency ${dep}`,
          ).toBe(false);
        }
      });
    });
  }
});

// A TypeScript user's project outside the workspace: the tarballs installed with npm (their
// dependencies and typescript from the registry), a program that imports every package, type-
// checked without skipLibCheck under every moduleResolution, next to a call that must not
// type-check (nodeMetrics(42)): the only error must be that one.
describe('the tarballs in a fresh TypeScript project', () => {
  const project = join(scratch, 'consumer');
  const names = [...workspace.values()].filter((m) => !m.private).map((m) => m.name);
  const program = [
    ...names.map((n, i) => `import * as p${i} from '${n}';`),
    "import { nodeMetrics, type NodeMetricsRow } from '@mgraph/stats';",
    "import { UndirectedGraph } from 'graphology';",
    'const g = new UndirectedGraph();',
    "g.addNode('a');",
    "g.addNode('b');",
    "g.addEdge('a', 'b');",
    'const rows: NodeMetricsRow[] = nodeMetrics(g);',
    `export const used = [rows, ${names.map((_, i) => `p${i}`).join(', ')}];`,
    '',
  ].join('\n');
  const bad = "import { nodeMetrics } from '@mgraph/stats';\nexport const bad = nodeMetrics(42);\n";

  beforeAll(async () => {
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`,
    );
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--prefer-offline',
        'typescript@5.9.3',
        ...tgzFiles,
      ],
      { cwd: project, maxBuffer: 64 * 1024 * 1024 },
    );
    for (const ext of ['ts', 'mts', 'cts']) {
      writeFileSync(join(project, `main.${ext}`), program);
      writeFileSync(join(project, `bad.${ext}`), bad);
    }
  }, 180_000);

  const cases: [resolution: string, module: string, ext: string][] = [
    ['node16', 'node16', 'mts'],
    ['node16', 'node16', 'cts'],
    ['nodenext', 'nodenext', 'mts'],
    ['nodenext', 'nodenext', 'cts'],
    ['bundler', 'esnext', 'ts'],
    ['node10', 'commonjs', 'ts'],
  ];
  for (const [resolution, module, ext] of cases) {
    it(`type-checks under moduleResolution ${resolution} (.${ext}), rejects nodeMetrics(42)`, async () => {
      const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
      const args = [tsc, '--noEmit', '--strict', '--target', 'es2022'];
      args.push('--module', module, '--moduleResolution', resolution, `main.${ext}`, `bad.${ext}`);
      const result = await run(process.execPath, args, { cwd: project }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
      const errors = result.out.split('\n').filter((line) => / error TS\d+/.test(line));
      expect(result.code).not.toBe(0);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^bad\\.${ext}\\(2,\\d+\\): error TS2345`));
    }, 60_000);
  }
});
