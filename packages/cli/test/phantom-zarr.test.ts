// mgraph phantom OUT_DIR --zarr: the block-wise phantom of @mgraph/phantom written as two
// OME-Zarr images, equal to compositeBox of the whole volume, with the voxel size; typed
// errors for flags that do not go together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { readZarr } from '@mgraph/io/node';
import { compositeBox, compositeLayout } from '@mgraph/phantom';
import { describe, expect, it } from 'vitest';
import { runPhantom } from '../src/index.js';

describe('mgraph phantom --zarr', () => {
  it('writes phases and instances block by block, equal to compositeBox of the whole volume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgraph-cli-phantom-'));
    try {
      const out = join(dir, 'p');
      const lines: string[] = [];
      const argv = [out, '--zarr', '--shape', '16,24,32', '--block', '8', '--seed', '3'];
      expect(await runPhantom(argv, { write: (t: string) => lines.push(t) })).toBe(out);
      expect(lines.join('')).toContain('blocks of 8^3');
      const whole = compositeBox(
        compositeLayout({ shape: [16, 24, 32], seed: 3 }),
        [0, 0, 0],
        [16, 24, 32],
      );
      const phases = await readZarr(join(out, 'phases'));
      const instances = await readZarr(join(out, 'instances'));
      expect(Array.from(phases.data.data as Uint8Array)).toEqual(Array.from(whole.phases.data));
      expect(Array.from(instances.data.data as Int32Array)).toEqual(
        Array.from(whole.instances.data),
      );
      expect([phases.spacing, phases.unit]).toEqual([[0.4, 0.4, 0.4], 'micrometer']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);

  it('refuses --block without --zarr, a .tif with --zarr, --force with --zarr and a bad --block', async () => {
    const quiet = { write: () => undefined };
    await expect(runPhantom(['a.tif', '--block', '8'], quiet)).rejects.toThrow(/--block/);
    await expect(runPhantom(['a.tif', '--zarr'], quiet)).rejects.toThrow(/OUT_DIR/);
    await expect(runPhantom(['d', '--zarr', '--force'], quiet)).rejects.toThrow(/--force/);
    await expect(runPhantom(['d', '--zarr', '--block', '0'], quiet)).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
