// The block-wise composite: any box of compositeBox equals the same crop of the whole volume
// (random boxes, 64^3..96^3), the labels and phases agree, the layout is seeded, and
// writeCompositeZarr writes the whole volume chunk by chunk (read back equal) with a peak
// RSS that does not grow with the volume.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, InvalidArgumentError } from '@mgraph/core';
import { readZarr } from '@mgraph/io/node';
import { describe, expect, it } from 'vitest';
import { compositeBox, compositeLayout, writeCompositeZarr } from '../src/node.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('compositeBox', () => {
  for (const [shape, seed] of [
    [[64, 64, 64], 1],
    [[80, 96, 72], 2],
    [[96, 96, 96], 3],
  ] as const) {
    it(`${shape.join('x')} seed ${seed}: 12 random boxes equal the crops of the whole volume`, () => {
      const layout = compositeLayout({ shape, seed, nmcRadius: 8 });
      const whole = compositeBox(layout, [0, 0, 0], shape);
      const [, NY, NX] = shape;
      const rng = createRng(100 + seed);
      for (let k = 0; k < 12; k++) {
        const start = shape.map((n) => rng.integer(0, n));
        const stop = start.map((s, d) => rng.integer(s + 1, shape[d]! + 1));
        const box = compositeBox(layout, start, stop);
        const [nz, ny, nx] = stop.map((s, d) => s - start[d]!) as [number, number, number];
        let differ = 0;
        for (let z = 0, i = 0; z < nz; z++) {
          for (let y = 0; y < ny; y++) {
            for (let x = 0; x < nx; x++, i++) {
              const j = ((start[0]! + z) * NY + start[1]! + y) * NX + start[2]! + x;
              if (box.phases.data[i] !== whole.phases.data[j]) differ++;
              if (box.instances.data[i] !== whole.instances.data[j]) differ++;
            }
          }
        }
        expect(differ, `box ${start} .. ${stop}`).toBe(0);
      }
      // labels and phases agree: particles 1..P are NMC, flakes graphite, the rest SSE
      const P = layout.particles.length;
      const F = layout.flakes.length;
      const phaseOf = (l: number) => (l === 0 ? 0 : l <= P ? 2 : l <= P + F ? 3 : 1);
      let wrong = 0;
      for (let i = 0; i < whole.phases.data.length; i++) {
        if (whole.phases.data[i] !== phaseOf(whole.instances.data[i]!)) wrong++;
      }
      expect(wrong).toBe(0);
      const counts = [0, 0, 0, 0];
      for (const p of whole.phases.data) counts[p]!++;
      expect(counts.every((c) => c > 0)).toBe(true);
    }, 120_000);
  }

  it('seeded: the same seed gives the same layout, another seed another', () => {
    const a = compositeLayout({ shape: [48, 48, 48], seed: 5, nmcRadius: 6 });
    expect(compositeLayout({ shape: [48, 48, 48], seed: 5, nmcRadius: 6 })).toEqual(a);
    expect(compositeLayout({ shape: [48, 48, 48], seed: 6, nmcRadius: 6 }).particles).not.toEqual(
      a.particles,
    );
  });

  it('refuses 2D shapes, bad options and boxes outside the volume', () => {
    expect(() => compositeLayout({ shape: [64, 64] })).toThrow(/options\.shape/);
    expect(() => compositeLayout({ shape: [8, 8, 8], bogus: 1 } as never)).toThrow(/bogus/);
    expect(() => compositeLayout({ shape: [8, 8, 8], nmcRadius: -1 })).toThrow(
      InvalidArgumentError,
    );
    const layout = compositeLayout({ shape: [16, 16, 16], nmcRadius: 3 });
    expect(() => compositeBox(layout, [0, 0, 0], [17, 16, 16])).toThrow(/inside the volume/);
    expect(() => compositeBox(layout, [4, 0, 0], [4, 16, 16])).toThrow(/non-empty box/);
    expect(() => compositeBox(layout, [0, 0], [16, 16])).toThrow(InvalidArgumentError);
  });
});

describe('writeCompositeZarr', () => {
  it('writes phases and instances chunk by chunk: read back, they equal the whole compositeBox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgraph-phantom-zarr-'));
    try {
      const options = { shape: [40, 48, 56], seed: 4, nmcRadius: 5 };
      const summary = await writeCompositeZarr(dir, {
        ...options,
        chunks: [16, 16, 16],
        spacing: [0.5, 0.4, 0.4],
        unit: 'um',
      });
      const whole = compositeBox(compositeLayout(options), [0, 0, 0], options.shape);
      const phases = await readZarr(join(dir, 'phases'));
      const instances = await readZarr(join(dir, 'instances'));
      expect(phases.data.shape).toEqual(options.shape);
      expect([instances.spacing, instances.unit]).toEqual([[0.5, 0.4, 0.4], 'micrometer']);
      expect(
        Buffer.from(phases.data.data as Uint8Array).equals(Buffer.from(whole.phases.data)),
      ).toBe(true);
      expect(Array.from(instances.data.data as Int32Array)).toEqual(
        Array.from(whole.instances.data),
      );
      const nmc = whole.phases.data.reduce((a, p) => a + (p === 2 ? 1 : 0), 0);
      expect(summary.fractions.nmc).toBe(nmc / whole.phases.data.length);
      await expect(writeCompositeZarr(dir, options)).rejects.toThrow(/empty directory/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);

  it('peak RSS does not grow with the volume (32 x 96 x 96 vs 320 x 96 x 96, chunks of 32^3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgraph-phantom-rss-'));
    try {
      const rss: Record<string, number> = {};
      for (const shape of ['32x96x96', '320x96x96']) {
        const out = execFileSync(
          process.execPath,
          [
            '--expose-gc',
            '--import',
            'tsx',
            join(here, 'composite-zarr-rss-child.ts'),
            join(dir, shape),
            shape,
          ],
          { encoding: 'utf8', cwd: join(here, '..') },
        );
        rss[shape] = JSON.parse(out.trim().split('\n').pop()!).maxRssBytes;
      }
      // 288 more planes are 2.65 M more voxels: the whole volume's phases and labels alone
      // would be 13.3 MB more, compositeBox of the whole volume 45 MB; measured growth 7.6 MB
      expect(rss['320x96x96']! - rss['32x96x96']!, JSON.stringify(rss)).toBeLessThan(12 * 2 ** 20);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 300_000);
});
