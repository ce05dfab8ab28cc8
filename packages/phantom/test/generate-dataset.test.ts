import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { generateComposite, generateDataset, toUint16 } from '../src/index.js';
import { readCompositeFiles, writeCompositeFiles } from '../src/node.js';

const small = { shape: [40, 48], nmcRadius: 5 };

describe('generateDataset', () => {
  it('sample i equals generateComposite with seed + i; progress is reported', () => {
    const progress: Array<[number, number]> = [];
    const ds = generateDataset({
      ...small,
      count: 3,
      seed: 10,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(ds).toHaveLength(3);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const again = generateComposite({ ...small, seed: 12 });
    expect(ds[2]!.image.data).toEqual(again.image.data);
    expect(ds[2]!.truth.seed).toBe(12);
    expect(ds[0]!.image.data).not.toEqual(ds[1]!.image.data);
  });

  it('aborts between composites and rejects a bad count', () => {
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      generateDataset({
        ...small,
        count: 5,
        signal: controller.signal,
        onProgress: () => {
          calls++;
          controller.abort();
        },
      }),
    ).toThrow(AbortError);
    expect(calls).toBe(1);
    expect(() => generateDataset({ count: -1 })).toThrow(InvalidArgumentError);
    expect(() => generateDataset({ count: 1.5 })).toThrow('options.count');
  });
});

describe('composite files', () => {
  it('toUint16 quantises [0, 1] and clips, for strided views', () => {
    const a = ndarray(Float32Array.of(0, 0.5, 1, 1.2, -0.1, Number.NaN), [2, 3]);
    expect(Array.from(toUint16(a).data)).toEqual([0, 32768, 65535, 65535, 0, 0]);
    expect(Array.from(toUint16(a.transpose(1, 0)).data)).toEqual([0, 65535, 32768, 0, 65535, 0]);
  });

  it('writeCompositeFiles / readCompositeFiles round-trip (2D and 3D)', async () => {
    for (const shape of [
      [40, 48],
      [6, 20, 24],
    ]) {
      const c = generateComposite({ shape, seed: 4, nmcRadius: 4 });
      const dir = join(mkdtempSync(join(tmpdir(), 'phantom-files-')), 'sample');
      await writeCompositeFiles(dir, c);
      const back = await readCompositeFiles(dir);
      expect(back.image.shape).toEqual(shape);
      expect(Array.from(back.image.data)).toEqual(Array.from(toUint16(c.image).data));
      expect(Array.from(back.phases.data)).toEqual(Array.from(c.phases.data));
      expect(Array.from(back.instances.data)).toEqual(Array.from(c.instances.data));
      expect(back.energy.data).toEqual(c.energy.data);
      expect(Array.from(back.phaseOfLabel)).toEqual(Array.from(c.phaseOfLabel));
      expect(back.truth).toEqual(JSON.parse(JSON.stringify(c.truth)));
    }
  });
});
