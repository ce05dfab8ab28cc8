/**
 * Benchmark of @mgraph/blocks: connected components and adjacency counts (window 7) of a
 * SIDE^3 mask of seeded random spheres (DESIGN.md's 256^3 input: ~6,000 spheres of radius
 * 4-10, the count scaled with the volume), whole volume vs block by block, each step in its
 * own process (so the peak RSS printed is that step's; seconds: best of 3 runs), with scipy's `ndimage.label` on the
 * same mask in the same run. Checks that the block-wise results equal the whole-volume
 * ones (checksums). Prints JSON; never asserts timings.
 *
 * Run: npm run bench -w @mgraph/blocks                 (256^3, blocks of 64^3)
 *      flock /tmp/bigmem.lock npm run bench -w @mgraph/blocks -- 512   (512^3, blocks of 128^3)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const sides = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const child = (...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(here, 'child.ts'), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
      .trim()
      .split('\n')
      .pop()!,
  );

for (const side of sides.length > 0 ? sides : [256]) {
  const block = side >= 512 ? 128 : 64;
  const dir = mkdtempSync(join(tmpdir(), 'blocks-bench-'));
  try {
    const input = child('make', dir, String(side));
    const runs: Record<string, Record<string, unknown>> = {};
    for (const mode of ['label-whole', 'label-blocks', 'adjacency-whole', 'adjacency-blocks']) {
      runs[mode] = child(mode, dir, String(side), String(block));
    }
    runs.scipy = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [join(here, '..', 'scripts', 'scipy-label.py'), join(dir, 'mask.u8'), String(side)],
        {
          encoding: 'utf8',
        },
      ),
    );
    const identical = {
      labels: runs['label-whole']!.checksum === runs['label-blocks']!.checksum,
      labelCountVsScipy: runs['label-whole']!.count === runs.scipy!.count,
      adjacency: runs['adjacency-whole']!.checksum === runs['adjacency-blocks']!.checksum,
    };
    console.log(
      JSON.stringify({ side, blockShape: [block, block, block], input, runs, identical }, null, 1),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
