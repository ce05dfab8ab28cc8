// Compare npm TIFF decoders with @mgraph/io on the corpus (correctness) and on in-memory
// stacks (speed). Prints JSON; `npm run compare-decoders -w @mgraph/io`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ndarray from 'ndarray';
import { decodeNpy, encodeTiff } from '../src/index.js';
import { DECODERS, type Flat } from './decoders.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = join(here, '..', 'test', 'fixtures', 'tiff');
const manifest = JSON.parse(readFileSync(join(corpus, '..', 'tiff-manifest.json'), 'utf8')) as {
  cases: Array<{ file: string; expected: string }>;
  bad: Array<{ file: string }>;
};

function same(parts: Flat, b: ArrayLike<number>): boolean {
  let k = 0;
  for (const a of parts) {
    for (let i = 0; i < a.length; i++, k++)
      if (k >= b.length || !Object.is(Number(a[i]), Number(b[k]))) return false;
  }
  return k === b.length;
}

const result: Record<string, unknown> = {};
for (const [name, decode] of Object.entries(DECODERS)) {
  let pass = 0;
  let wrong = 0;
  let threw = 0;
  const failures: Record<string, number> = {};
  for (const c of manifest.cases) {
    const expected = decodeNpy(new Uint8Array(readFileSync(join(corpus, c.expected))))
      .data as ArrayLike<number>;
    const group = c.file.replace(/-(page|stack|tiles)-/, '-').replace(/\.tif$/, '');
    try {
      const got = await decode(new Uint8Array(readFileSync(join(corpus, c.file))));
      if (same(got, expected)) pass++;
      else {
        wrong++;
        failures[group] = (failures[group] ?? 0) + 1;
      }
    } catch {
      threw++;
      failures[group] = (failures[group] ?? 0) + 1;
    }
  }
  result[name] = {
    corpus: { cases: manifest.cases.length, identical: pass, wrongValues: wrong, threw },
    failures,
  };
}

// bad files, each decoder in a child process with a 20 s limit
const bad: Record<string, Record<string, string>> = {};
for (const b of manifest.bad.filter((x) => x.file.endsWith('.tif'))) {
  bad[b.file] = {};
  for (const name of Object.keys(DECODERS)) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'bad-file-child.ts'), name, join(corpus, b.file)],
      {
        encoding: 'utf8',
        timeout: 20_000,
        maxBuffer: 1 << 20,
      },
    );
    if (run.error || run.status === null)
      bad[b.file]![name] = `killed after 20 s (${run.signal ?? run.error?.message})`;
    else {
      const line = run.stdout.trim().split('\n').pop() ?? '';
      try {
        const r = JSON.parse(line) as { outcome: string; maxRssMB: number };
        bad[b.file]![name] = `${r.outcome}; peak RSS ${r.maxRssMB} MB`;
      } catch {
        bad[b.file]![name] =
          `crashed (exit ${run.status}): ${run.stderr.trim().split('\n').pop()?.slice(0, 100)}`;
      }
    }
  }
}

// speed: a 64 MiB uint16 stack (32 pages of 1024 x 1024), in memory
const pages = 32;
const data = new Uint16Array(pages * 1024 * 1024);
let x = 1;
for (let i = 0; i < data.length; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  data[i] = (i % 1024) * 16 + (x >>> 28); // smooth ramp + noise, so Deflate has work to do
}
const stack = ndarray(data, [pages, 1024, 1024]);
const files = {
  uncompressed: encodeTiff(stack),
  'deflate+predictor': encodeTiff(stack, { compression: 'deflate', predictor: 'horizontal' }),
  lzw: encodeTiff(stack, { compression: 'lzw' }),
};
const speed: Record<string, Record<string, string>> = {};
for (const [kind, bytes] of Object.entries(files)) {
  speed[kind] = {};
  for (const [name, decode] of Object.entries(DECODERS)) {
    try {
      let best = Number.POSITIVE_INFINITY;
      let ok = false;
      for (let r = 0; r < 3; r++) {
        const t = performance.now();
        const out = await decode(bytes);
        best = Math.min(best, performance.now() - t);
        ok = same(out, data);
      }
      speed[kind]![name] = `${best.toFixed(0)} ms${ok ? '' : ' (WRONG VALUES)'}`;
    } catch (error) {
      speed[kind]![name] = `threw: ${(error as Error).message.slice(0, 80)}`;
    }
  }
}
console.log(
  JSON.stringify(
    { node: process.version, correctness: result, badFiles: bad, speed64MiB: speed },
    null,
    2,
  ),
);
