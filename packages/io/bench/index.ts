// Benchmark (printed JSON, nothing asserted): read speed of a 1 GiB uint16 stack (256 pages
// of 2048 x 1024) with readTiff, readTiffPlanes and Python's tifffile.imread on the same
// file in the same run; also writeTiff. `npm run bench -w @mgraph/io`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ndarray from 'ndarray';
import { readTiff, readTiffPlanes, writeTiff } from '../src/node.js';

const [pages, rows, cols] = [256, 2048, 1024];
const dir = join(tmpdir(), 'mgraph-io-bench');
mkdirSync(dir, { recursive: true });
const path = join(dir, 'stack-uint16-1GiB.tif');
const deflatePath = join(dir, 'stack-uint16-deflate-64pages.tif');

const data = new Uint16Array(pages * rows * cols);
for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 20;
const volume = ndarray(data, [pages, rows, cols]);

function seconds(t: number): number {
  return Math.round((performance.now() - t) / 10) / 100;
}

let t = performance.now();
await writeTiff(path, volume);
const writeS = seconds(t);
const smooth = ndarray(
  Uint16Array.from(
    { length: 64 * rows * cols },
    (_, i) => ((i % cols) * 32 + ((i * 7) % 13)) & 0xffff,
  ),
  [64, rows, cols],
);
t = performance.now();
await writeTiff(deflatePath, smooth, { compression: 'deflate', predictor: 'horizontal' });
const writeDeflateS = seconds(t);

async function best(f: () => Promise<unknown>, runs = 3): Promise<number> {
  let b = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    await f();
    b = Math.min(b, seconds(s));
  }
  return b;
}

const readS = await best(async () => {
  const img = await readTiff(path);
  if (img.data.data[12345] !== data[12345]) throw new Error('readTiff: wrong value');
});
const planesS = await best(async () => {
  let sum = 0;
  for await (const plane of readTiffPlanes(path)) sum += plane.data.data[0]!;
  if (sum < 0) throw new Error('unreachable');
});
const readDeflateS = await best(() => readTiff(deflatePath));

let tifffile: Record<string, unknown>;
try {
  const out = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      `
import json, sys, time, tifffile
def best(f, runs=3):
    b = float('inf')
    for _ in range(runs):
        t = time.perf_counter(); a = f(); b = min(b, time.perf_counter() - t)
    return round(b, 2), a
s, a = best(lambda: tifffile.imread(sys.argv[1]))
sd, _ = best(lambda: tifffile.imread(sys.argv[2]))
print(json.dumps({'version': tifffile.__version__, 'readS': s, 'shape': list(a.shape), 'dtype': str(a.dtype), 'readDeflateS': sd}))
`,
      path,
      deflatePath,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  tifffile = JSON.parse(out);
} catch (error) {
  tifffile = { error: (error as Error).message.split('\n')[0] };
}

const gib = statSync(path).size / 2 ** 30;
console.log(
  JSON.stringify(
    {
      file: {
        path,
        shape: [pages, rows, cols],
        dtype: 'uint16',
        gib: Math.round(gib * 1000) / 1000,
      },
      node: process.version,
      mgraph: {
        writeTiffS: writeS,
        readTiffS: readS,
        readTiffGiBps: Math.round((gib / readS) * 100) / 100,
        readTiffPlanesS: planesS,
        deflate64Pages: { writeTiffS: writeDeflateS, readTiffS: readDeflateS },
      },
      tifffile,
      note: 'best of 3 runs, file in the page cache for both readers',
    },
    null,
    2,
  ),
);
