import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { paperTwinOptions } from '@mgraph/phantom';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { exampleRasters, matchLabels } from '../paper-workflow/image-task.js';
import { directoryTasks, phantomOptions, phantomTasks } from '../paper-workflow/inputs.js';

describe('matchLabels', () => {
  it('maps each predicted label to the truth label it overlaps most (ties: smaller label)', () => {
    const predicted = Int32Array.from([1, 1, 1, 2, 2, 0, 3, 3]);
    const truth = Int32Array.from([5, 5, 6, 6, 7, 9, 0, 0]);
    const m = matchLabels(predicted, truth);
    expect([...m.entries()].sort()).toEqual([
      [1, 5],
      [2, 6],
    ]);
  });
});

describe('exampleRasters', () => {
  it('keeps small images whole and subsamples large ones by a whole step', () => {
    const small = ndarray(new Float32Array(6), [2, 3]);
    const r = exampleRasters(small, new Uint8Array(6), new Int32Array(6));
    expect([r.rows, r.cols, r.step]).toEqual([2, 3, 1]);
    const big = ndarray(
      Float32Array.from({ length: 10 * 7 }, (_, i) => i),
      [10, 7],
    );
    const b = exampleRasters(
      big,
      new Uint8Array(70),
      Int32Array.from({ length: 70 }, (_, i) => i),
      4,
    );
    expect([b.rows, b.cols, b.step]).toEqual([4, 3, 3]);
    expect([...b.image.subarray(0, 3)]).toEqual([0, 3, 6]);
    expect(b.labels[3]).toBe(21);
  });
});

describe('inputs', () => {
  it('phantomTasks numbers seeds from the first one', () => {
    const t = phantomTasks(3, 10, [64, 64]);
    expect(t.map((x) => x.name)).toEqual(['phantom-10', 'phantom-11', 'phantom-12']);
    expect(t[2].source).toEqual({ kind: 'phantom', seed: 12, shape: [64, 64], preset: 'twin' });
    expect(phantomTasks(1, 10, [64, 64], 'dense')[0].source).toMatchObject({ preset: 'dense' });
  });
  it('phantomOptions gives the twin its calibrated options and dense the defaults', () => {
    const [twin] = phantomTasks(1, 7, [128, 128]);
    const [dense] = phantomTasks(1, 7, [96, 96], 'dense');
    if (twin.source.kind !== 'phantom' || dense.source.kind !== 'phantom') throw new Error('kind');
    expect(phantomOptions(twin.source)).toEqual({
      ...paperTwinOptions(),
      shape: [128, 128],
      seed: 7,
    });
    expect(phantomOptions(dense.source)).toEqual({ shape: [96, 96], seed: 7 });
  });
  it('directoryTasks pairs companion maps and reads composite sub-directories', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mgraph-inputs-'));
    for (const f of ['a.tif', 'a.phases.tif', 'a.energy.tif', 'b.tiff', 'notes.txt'])
      await writeFile(join(dir, f), '');
    await mkdir(join(dir, 'c'));
    for (const f of ['image.tif', 'energy.tif']) await writeFile(join(dir, 'c', f), '');
    await mkdir(join(dir, 'empty'));
    const tasks = await directoryTasks(dir);
    expect(tasks.map((t) => [t.index, t.name])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
    expect(tasks[0].source).toEqual({
      kind: 'files',
      image: join(dir, 'a.tif'),
      phases: join(dir, 'a.phases.tif'),
      energy: join(dir, 'a.energy.tif'),
    });
    expect(tasks[1].source).toEqual({ kind: 'files', image: join(dir, 'b.tiff') });
    expect(tasks[2].source).toEqual({
      kind: 'files',
      image: join(dir, 'c', 'image.tif'),
      energy: join(dir, 'c', 'energy.tif'),
    });
  });
  it('directoryTasks rejects a directory without images', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mgraph-inputs-'));
    await expect(directoryTasks(dir)).rejects.toSatisfy((e) => InvalidArgumentError.isInstance(e));
  });
});
