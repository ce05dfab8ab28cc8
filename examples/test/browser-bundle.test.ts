// The packages in a browser, as a user bundles them: every package main bundles with esbuild
// for platform 'browser' with NO externals (no Node built-in, no native addon); a page bundled
// the same way runs watershed + graph + stats on a crop of the MATBOX volume (decoded from
// fetched bytes by @mgraph/io's browser entry), phantom generation, the shipped U-Net through
// onnxruntime-web (wasm served from node_modules) and ndarray-ops in headless Chromium, and
// must give exactly what Node gives; the same page under a strict Content-Security-Policy
// records what needs eval; minified bundle sizes stay under their budgets.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateComposite } from '@mgraph/phantom';
import type { UNetCard } from '@mgraph/segment';
import * as ortNode from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeNeeds } from '../../test-utils/ci.js';
import { bundleForBrowser } from './browser/bundle.js';
import { BUDGETS, DEFAULT_MAIN_BUDGET, SIZE_ENTRIES } from './browser/bundle-budgets.js';
import { type BundleSize, measureBundleSizes } from './browser/bundle-sizes.js';
import { chromium, runPage } from './browser/chromium.js';
import { NODE_ONLY, workspacePackages, workspaceSources } from './browser/main-entries.js';
import { ndarrayOpsSteps } from './browser/ndarray-ops-steps.js';
import { serve } from './browser/server.js';
import { cropTiff, PHANTOM, phantomSteps, unetSteps, volumeSteps } from './browser/steps.js';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..');
const root = join(examples, '..');
const require = createRequire(import.meta.url);
const TIFF = join(examples, 'data', 'nmc-1-cal-cbd.tif');
const MODELS = dirname(require.resolve('@mgraph/segment/models/unet.json'));
const ORT_WASM = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
const packages = workspacePackages(root);

describe('main entries are browser-clean', () => {
  it('lists every package directory, the Node-only ones by name', () => {
    const names = packages.map((p) => p.name);
    for (const name of ['@mgraph/core', '@mgraph/graph', '@mgraph/segment', '@mgraph/phantom'])
      expect(names).toContain(name);
    for (const name of Object.keys(NODE_ONLY)) expect(names).toContain(name);
  });
  for (const p of packages) {
    const nodeOnly = NODE_ONLY[p.name];
    if (nodeOnly !== undefined) continue;
    it(`${p.name}: the main entry bundles for platform 'browser' with no externals`, async () => {
      // esbuild refuses a Node built-in ("fs", "node:path", a dynamic import of either) or a
      // native .node file under platform 'browser': the build error names it
      const bundle = await bundleForBrowser(`export * from '${p.name}';`, examples, {
        minify: false,
        plugins: [workspaceSources(packages)],
      });
      const inputs = Object.keys(bundle.inputs);
      expect(inputs.filter((f) => /(^|\/)node:|\.node$|onnxruntime-node/.test(f))).toEqual([]);
      expect(inputs.some((f) => f.startsWith(`../packages/${p.dir.split('/').pop()}/src/`))).toBe(
        true,
      );
    }, 60_000);
  }
  it('every src/node.ts is built and exported as the /node subpath (import, require, types)', () => {
    const withNode = packages.filter((p) => existsSync(join(p.dir, 'src', 'node.ts')));
    expect(withNode.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@mgraph/graph', '@mgraph/io', '@mgraph/phantom', '@mgraph/segment']),
    );
    for (const p of withNode) {
      const manifest = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as {
        scripts: { build: string };
        exports: Record<string, unknown>;
      };
      expect(manifest.scripts.build, p.name).toMatch(/src\/node\.ts/);
      expect(manifest.exports['./node'], p.name).toEqual({
        import: { types: './dist/node.d.ts', default: './dist/node.js' },
        require: { types: './dist/node.d.cts', default: './dist/node.cjs' },
      });
    }
  });
  it('our own code needs no eval: no `new Function` / `eval(` in any package source', () => {
    const offenders: string[] = [];
    for (const p of packages) {
      for (const file of readdirSync(join(p.dir, 'src'), { recursive: true }).map(String)) {
        if (!file.endsWith('.ts')) continue;
        // code only: doc comments may name what the code avoids
        const text = readFileSync(join(p.dir, 'src', file), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '');
        if (/\bnew Function\b|(^|[^.\w])eval\(|\bFunction\(\s*['"`]/m.test(text))
          offenders.push(`${p.name}/src/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** What the page posts: one outcome per step. */
type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string };
type PageResult = { results?: Record<string, Outcome>; fatal?: string };

/** No eval of JavaScript; with and without WebAssembly compilation. */
const STRICT_CSP = "default-src 'self'; script-src 'self'";
const WASM_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
/** The bundler setting of the README for a strict policy. */
const NO_EVAL_ALIAS = { ndarray: '@mgraph/core/ndarray' };

/** The page's outcome of one step, or a failure naming the page's own error. */
function step(result: PageResult | undefined, name: string): Outcome {
  expect(result?.fatal).toBeUndefined();
  const outcome = result?.results?.[name];
  expect(outcome, `step ${name}`).toBeDefined();
  return outcome!;
}

/** The value of a step that must have succeeded (its error in the failure message if not). */
function value(result: PageResult | undefined, name: string): unknown {
  const outcome = step(result, name);
  if (!outcome.ok)
    expect.fail(`${name} failed in the browser: ${outcome.name}: ${outcome.message}`);
  return outcome.value;
}

describeNeeds(chromium !== null, 'chromium (Debian package)')('in headless Chromium', () => {
  let dir = '';
  const page: Record<string, PageResult> = {};
  let node: Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mgraph-browser-'));
    const source = readFileSync(join(here, 'browser', 'page.ts'), 'utf8');
    for (const [name, alias] of [
      ['app.js', undefined],
      ['app-no-eval.js', NO_EVAL_ALIAS],
    ] as const) {
      const bundle = await bundleForBrowser(source, join(here, 'browser'), { alias });
      writeFileSync(join(dir, name), bundle.code);
      writeFileSync(
        join(dir, name.replace('.js', '.html')),
        `<!doctype html><meta charset="utf-8"><title>mgraph</title><script type="module" src="/${name}"></script>\n`,
      );
    }
    // a 40^3 crop of the committed MATBOX volume (its licence: examples/data), made here
    const crop = cropTiff(new Uint8Array(readFileSync(TIFF)));
    writeFileSync(join(dir, 'crop.tif'), crop);
    const routes = {
      '/app.html': join(dir, 'app.html'),
      '/app.js': join(dir, 'app.js'),
      '/app-no-eval.html': join(dir, 'app-no-eval.html'),
      '/app-no-eval.js': join(dir, 'app-no-eval.js'),
      '/ort/': ORT_WASM,
      '/models/': MODELS,
      '/data/nmc-1-cal-cbd-crop.tif': join(dir, 'crop.tif'),
    };
    const runs = [
      ['plain', 'app', undefined],
      ['strict', 'app', STRICT_CSP],
      ['noEvalWasm', 'app-no-eval', WASM_CSP],
    ] as const;
    for (const [name, app, csp] of runs) {
      const server = await serve(routes, csp);
      try {
        const result = server.result();
        page[name] = (await runPage(`${server.origin}/${app}.html`, result, 90_000)) as PageResult;
      } finally {
        await server.close();
      }
    }
    const card = JSON.parse(readFileSync(join(MODELS, 'unet.json'), 'utf8')) as UNetCard;
    const session = await ortNode.InferenceSession.create(join(MODELS, 'unet.onnx'));
    node = {
      volume: volumeSteps(crop),
      phantom: phantomSteps(),
      unet: await unetSteps(session, card),
      ndarrayOps: ndarrayOpsSteps(),
    };
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('watershed + graph + stats on the MATBOX crop: identical labels, graph JSON and metrics', () => {
    const browser = value(page.plain, 'volume') as ReturnType<typeof volumeSteps>;
    const reference = node.volume as ReturnType<typeof volumeSteps>;
    expect(browser.shape).toEqual([40, 40, 40]);
    expect(reference.countByPhase.am).toBeGreaterThan(5);
    expect(browser.labels).toEqual(reference.labels);
    expect(browser.phaseOfLabel).toEqual(reference.phaseOfLabel);
    expect(browser.graphJSON).toBe(reference.graphJSON);
    expect(browser.metrics).toEqual(reference.metrics);
    expect(browser.sizeDegree).toEqual(reference.sizeDegree);
  });

  it('phantom generation: the same image and phases bit for bit', () => {
    const browser = value(page.plain, 'phantom') as ReturnType<typeof phantomSteps>;
    expect(browser.particles).toBeGreaterThan(3);
    expect(browser).toEqual(node.phantom);
  });

  it('the shipped U-Net through onnxruntime-web: the phases and mIoU of onnxruntime-node', () => {
    const browser = value(page.plain, 'unet') as { phases: number[]; mIoU: number };
    const reference = node.unet as { phases: number[]; mIoU: number };
    expect(reference.mIoU).toBeGreaterThan(0.7);
    expect(Math.abs(browser.mIoU - reference.mIoU)).toBeLessThan(1e-6);
    expect(browser.phases).toEqual(reference.phases);
  });

  it('ndarray-ops on our (transposed, offset, strided) views: what Node gives, what a loop gives', () => {
    expect(value(page.plain, 'ndarrayOps')).toEqual(node.ndarrayOps);
    // the oracle: the same threshold and negation written as loops over get()
    const { mask, negated } = node.ndarrayOps as ReturnType<typeof ndarrayOpsSteps>;
    const image = generateComposite({ shape: [32, 32], seed: PHANTOM.seed }).image;
    const t = image.transpose(1, 0);
    const loopMask: number[] = [];
    for (let i = 0; i < t.shape[0]!; i++)
      for (let j = 0; j < t.shape[1]!; j++) loopMask.push(t.get(i, j) > 0.5 ? 1 : 0);
    expect(mask).toEqual(loopMask);
    expect(mask.some((m) => m === 1) && mask.some((m) => m === 0)).toBe(true);
    const s = image.lo(3, 5).step(2, 3);
    const loopNeg: number[] = [];
    for (let i = 0; i < s.shape[0]!; i++)
      for (let j = 0; j < s.shape[1]!; j++) loopNeg.push(-s.get(i, j));
    expect(negated).toEqual(loopNeg);
  });

  it("strict CSP (script-src 'self'): ndarray and ndarray-ops need eval, so every step fails", () => {
    for (const name of ['volume', 'phantom', 'ndarrayOps']) {
      const outcome = step(page.strict, name);
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && outcome.name).toBe('EvalError');
    }
    // onnxruntime-web's WebAssembly compilation is refused without 'wasm-unsafe-eval'
    const unet = step(page.strict, 'unet');
    expect(unet.ok === false && unet.message).toMatch(/WebAssembly/);
  });

  it("script-src 'self' 'wasm-unsafe-eval', ndarray aliased to @mgraph/core/ndarray: every package runs, as in Node", () => {
    expect(value(page.noEvalWasm, 'volume')).toEqual(node.volume);
    expect(value(page.noEvalWasm, 'phantom')).toEqual(node.phantom);
    expect(value(page.noEvalWasm, 'unet')).toEqual(node.unet);
    // ndarray-ops still compiles code when imported
    const ops = step(page.noEvalWasm, 'ndarrayOps');
    expect(ops.ok === false && ops.name).toBe('EvalError');
  });
});

describe('bundle budgets (esbuild, platform browser, minified, no externals)', () => {
  let sizes: Record<string, BundleSize>;
  beforeAll(async () => {
    sizes = await measureBundleSizes(examples, root);
    console.log(
      JSON.stringify(
        Object.entries(sizes).map(([entry, { bytes }]) => ({
          entry,
          minifiedBytes: bytes,
          budgetBytes: BUDGETS[entry] ?? DEFAULT_MAIN_BUDGET,
        })),
      ),
    );
  }, 120_000);

  it('adjacencyCounts alone leaves out graphology, GEXF / GraphML and xmldom', () => {
    const inputs = sizes["import { adjacencyCounts } from '@mgraph/graph'"]!.inputs;
    expect(inputs.some((f) => f.includes('packages/graph/'))).toBe(true);
    expect(
      inputs.filter((f) => /graphology|xmldom|xml-writer|graph-gexf|graph-graphml/.test(f)),
    ).toEqual([]);
  });

  it('pearson alone leaves out jstat and the graph metrics', () => {
    const inputs = sizes["import { pearson } from '@mgraph/stats'"]!.inputs;
    expect(inputs.some((f) => f.includes('packages/stats/'))).toBe(true);
    expect(inputs.filter((f) => /jstat|graphology|centrality/.test(f))).toEqual([]);
  });

  it('every single-function entry and every package main is within its budget', () => {
    for (const label of Object.keys(SIZE_ENTRIES)) expect(sizes[label]).toBeDefined();
    const over = Object.entries(sizes)
      .filter(([entry, { bytes }]) => bytes > (BUDGETS[entry] ?? DEFAULT_MAIN_BUDGET))
      .map(([entry, { bytes, largest }]) => ({
        entry,
        bytes,
        budget: BUDGETS[entry] ?? DEFAULT_MAIN_BUDGET,
        largest,
      }));
    expect(over).toEqual([]);
  });
});

/** The shell commands and the app of the root README's "Use in the browser" section. */
function readmeBrowserSection(): { section: string; sh: string; app: string } {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const start = text.indexOf('## Use in the browser');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 3);
  const section = text.slice(start, end < 0 ? undefined : end);
  const sh = /^```sh\n([\s\S]*?)^```/m.exec(section)?.[1];
  const app = /^```ts browser\n([\s\S]*?)^```/m.exec(section)?.[1];
  expect(sh).toBeDefined();
  expect(app).toBeDefined();
  return { section, sh: sh!, app: app! };
}

/** Around the README's app: console.log lines and uncaught errors posted to /result. */
const CAPTURE_HEAD = `const __lines: string[] = [];
const __log = console.log;
console.log = (...args: unknown[]) => { __lines.push(args.map(String).join(' ')); __log(...args); };
const __fail = (e: unknown) => fetch('/result', { method: 'POST', body: JSON.stringify({ error: String((e as Error)?.stack ?? e) }) });
addEventListener('error', (e) => __fail(e.error ?? e.message));
addEventListener('unhandledrejection', (e) => __fail(e.reason));
`;
const CAPTURE_TAIL = `
await fetch('/result', { method: 'POST', body: JSON.stringify({ lines: __lines }) });
`;

describeNeeds(chromium !== null, 'chromium (Debian package)')(
  'root README "Use in the browser": the commands and app.ts as written',
  () => {
    let dir = '';
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('installs every package the app imports; builds and runs it in Chromium, printing what it says', async () => {
      const { section, sh, app } = readmeBrowserSection();
      const install = sh.split('\n').find((line) => line.startsWith('npm install '));
      const imported = [...app.matchAll(/from '((?:@[\w-]+\/)?[\w-]+)/g)].map((m) => m[1]!);
      for (const name of imported) expect(install?.split(/\s+/)).toContain(name);
      // the alias the README gives for a strict policy is the one of the CSP run above
      expect(section).toContain(`--alias:ndarray=${NO_EVAL_ALIAS.ndarray}`);

      dir = mkdtempSync(join(tmpdir(), 'mgraph-readme-browser-'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, 'app.ts'), `${CAPTURE_HEAD}${app}${CAPTURE_TAIL}`);
      // every command but the install (the workspace's node_modules stands in for it)
      const commands = sh
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('npm install '));
      expect(commands.some((line) => line.startsWith('npx esbuild '))).toBe(true);
      const shell = promisify(execFile);
      const promised = [...app.matchAll(/^\s*console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) =>
        m[1]!.trim(),
      );
      expect(promised.length).toBeGreaterThan(0);
      const pub = join(dir, 'public');
      const routes = {
        '/index.html': join(pub, 'index.html'),
        '/app.js': join(pub, 'app.js'),
        '/ort/': join(pub, 'ort'),
        '/models/': join(pub, 'models'),
      };
      await shell('bash', ['-euo', 'pipefail', '-c', commands.join('\n')], {
        cwd: dir,
        timeout: 60_000,
      });
      const server = await serve(routes);
      try {
        const posted = (await runPage(`${server.origin}/index.html`, server.result(), 60_000)) as {
          lines?: string[];
          error?: string;
        };
        expect(posted.error).toBeUndefined();
        for (const text of promised) expect(posted.lines).toContain(text);
      } finally {
        await server.close();
      }
    }, 120_000);
  },
);
