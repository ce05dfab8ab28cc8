// A 3D composite generated block by block into OME-Zarr (writeCompositeZarr): wall time,
// CPU time and peak RSS of this process, and the fractions obtained.
// Usage: tsx bench/composite-zarr.ts [side=256] [chunk=64]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCompositeZarr } from '../src/node.js';

const side = Number(process.argv[2] ?? 256);
const chunk = Number(process.argv[3] ?? 64);
const dir = mkdtempSync(join(tmpdir(), 'mgraph-composite-zarr-'));
const t = performance.now();
const cpu = process.cpuUsage();
try {
  const summary = await writeCompositeZarr(join(dir, 'composite'), {
    shape: [side, side, side],
    seed: 1,
    chunks: [chunk, chunk, chunk],
  });
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      side,
      chunk,
      seconds: +((performance.now() - t) / 1000).toFixed(1),
      cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      particles: summary.particles,
      flakes: summary.flakes,
      fractions: Object.fromEntries(
        Object.entries(summary.fractions).map(([k, v]) => [k, +v.toFixed(3)]),
      ),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
