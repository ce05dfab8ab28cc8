// One measured step of bench/index.ts in its own process, so that its peak RSS is its own:
//   make SIDE DIR                 write DIR/mask.u8 (seeded spheres) and DIR/labels.i32
//   label-whole | label-blocks DIR SIDE BLOCK
//   adjacency-whole | adjacency-blocks DIR SIDE BLOCK
// prints one JSON line: seconds (best of 3 runs in this process), peak RSS, and a checksum
// of the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@mgraph/core';
import { adjacencyCounts } from '@mgraph/graph';
import { label } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { adjacencyCountsBlockwise, labelBlockwise } from '../src/index.js';

const [mode, dir, sideArg, blockArg] = process.argv.slice(2) as [string, string, string, string];
const side = Number(sideArg);
const shape = [side, side, side];

/** FNV-1a over the bytes of typed arrays. */
function checksum(...arrays: ArrayBufferView[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** The result of `run` and its best wall-clock time of 3 runs, in seconds. */
function bestOf3<T>(run: () => T): { out: T; best: number } {
  let best = Number.POSITIVE_INFINITY;
  let out!: T;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { out, best };
}

if (mode === 'make') {
  // DESIGN.md's 256^3 input: ~6,000 spheres of radius 4-10 (scaled with the volume)
  const count = Math.round(6000 * (side / 256) ** 3);
  const rng = createRng(2);
  const mask = new Uint8Array(side ** 3);
  for (let k = 0; k < count; k++) {
    const r = rng.uniform(4, 10);
    const c = [rng.uniform(0, side), rng.uniform(0, side), rng.uniform(0, side)];
    const lo = c.map((x) => Math.max(0, Math.ceil(x - r)));
    const hi = c.map((x) => Math.min(side - 1, Math.floor(x + r)));
    for (let z = lo[0]!; z <= hi[0]!; z++)
      for (let y = lo[1]!; y <= hi[1]!; y++)
        for (let x = lo[2]!; x <= hi[2]!; x++)
          if ((z - c[0]!) ** 2 + (y - c[1]!) ** 2 + (x - c[2]!) ** 2 <= r * r)
            mask[(z * side + y) * side + x] = 1;
  }
  writeFileSync(join(dir, 'mask.u8'), mask);
  const { labels, count: objects } = label(ndarray(mask, shape));
  writeFileSync(join(dir, 'labels.i32'), labels.data);
  console.log(JSON.stringify({ mode, spheres: count, objects }));
} else {
  const block = Number(blockArg);
  const blockShape = [block, block, block];
  const read = (name: string) => readFileSync(join(dir, name));
  let result: Record<string, unknown>;
  let seconds: number;
  if (mode.startsWith('label')) {
    const buf = read('mask.u8');
    const mask = ndarray(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), shape);
    const run = () => (mode === 'label-whole' ? label(mask) : labelBlockwise(mask, { blockShape }));
    const { out, best } = bestOf3(run);
    seconds = best;
    result = { count: out.count, checksum: checksum(out.labels.data) };
  } else {
    const buf = read('labels.i32');
    const labels = ndarray(new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4), shape);
    const run = () =>
      mode === 'adjacency-whole'
        ? adjacencyCounts(labels, { window: 7 })
        : adjacencyCountsBlockwise(labels, { blockShape, window: 7 });
    const { out, best } = bestOf3(run);
    seconds = best;
    result = { pairs: out.source.length, checksum: checksum(out.source, out.target, out.count) };
  }
  const peakRssMiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  console.log(JSON.stringify({ mode, seconds, peakRssMiB: Math.round(peakRssMiB), ...result }));
}
