import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, InvalidArgumentError } from '@mgraph/core';
import { writeTiff } from '@mgraph/io/node';
import { otsuSegmenter } from '@mgraph/segment';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeImage, analyzePhaseMap } from '../src/index.js';
import tasks, { analyzeImageTask, phantomImageBatch } from '../src/tasks.js';
import { phantom } from './helpers.js';

const SHAPE = [96, 96];
const SEED = 4242;
const c = phantom(SEED, SHAPE);
const source = { kind: 'phantom' as const, options: { shape: SHAPE, seed: SEED } };
const dir = mkdtempSync(join(tmpdir(), 'mgraph-pipeline-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the analyzeImage task', () => {
  it('gives analyzeImage / analyzePhaseMap rows on the phantom generated from its seed', async () => {
    const otsu = await analyzeImage(
      { image: c.image, energy: c.energy },
      { segmenter: otsuSegmenter() },
    );
    const truth = analyzePhaseMap({ phases: c.phases, energy: c.energy });
    const byOtsu = await analyzeImageTask({ source });
    const byTruth = await analyzeImageTask({ source, segmenter: 'truth' });
    expect(byOtsu).toEqual({
      shape: SHAPE,
      nodes: otsu.graph.order,
      edges: otsu.graph.size,
      particles: otsu.particles,
      tpbs: otsu.tpbs,
      warnings: otsu.warnings,
    });
    expect(byTruth.particles).toEqual(truth.particles);
    expect(byTruth.tpbs).toEqual(truth.tpbs);
    expect(truth.particles.length).toBeGreaterThan(5);
    // analyzeImage options travel with the task.
    const wide = await analyzeImageTask({ source, segmenter: 'truth', options: { window: 11 } });
    expect(wide.edges).toBe(analyzePhaseMap({ phases: c.phases }, { window: 11 }).graph.size);
    expect(wide.edges).toBeGreaterThan(byTruth.edges);
  });

  it('reads the same image from TIFF files and gives the same rows', async () => {
    const files = {
      kind: 'files' as const,
      image: join(dir, 'image.tif'),
      phases: join(dir, 'phases.tif'),
      energy: join(dir, 'energy.tif'),
    };
    await writeTiff(files.image, c.image);
    await writeTiff(files.phases, c.phases);
    await writeTiff(files.energy, c.energy);
    expect(await analyzeImageTask({ source: files, segmenter: 'truth' })).toEqual(
      await analyzeImageTask({ source, segmenter: 'truth' }),
    );
    expect(await analyzeImageTask({ source: files })).toEqual(await analyzeImageTask({ source }));
  });

  it('refuses bad inputs with typed errors naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'input.source'],
      [{ source: { kind: 'camera' } }, 'input.source.kind'],
      [{ source, segmenter: 'unet' }, 'input.segmenter'],
      [{ source, segment: 'otsu' }, 'input.segment'],
      [{ source: { kind: 'files', image: 7 } }, 'input.source.image'],
      [
        { source: { kind: 'files', image: join(dir, 'image.tif') }, segmenter: 'truth' },
        'input.segmenter',
      ],
    ];
    for (const [input, argument] of cases)
      await expect(analyzeImageTask(input as never)).rejects.toSatisfy(
        (e) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    await expect(
      analyzeImageTask({ source: { kind: 'files', image: join(dir, 'missing.tif') } }),
    ).rejects.toThrow(FileError);
  });
});

describe('phantomImageBatch', () => {
  it('builds one analyzeImage task per seed', () => {
    const batch = phantomImageBatch(3, { firstSeed: 5, phantom: { shape: [64, 64] } });
    expect(batch).toEqual(
      [5, 6, 7].map((seed) => ({
        kind: 'analyzeImage',
        key: `image-${seed}`,
        input: {
          source: { kind: 'phantom', options: { shape: [64, 64], seed } },
          segmenter: 'otsu',
        },
      })),
    );
    expect(phantomImageBatch(1)[0]!.input.source).toEqual({
      kind: 'phantom',
      options: { shape: [128, 128], seed: 0 },
    });
    expect(phantomImageBatch(0)).toEqual([]);
    expect(() => phantomImageBatch(-1)).toThrow(InvalidArgumentError);
    expect(() => phantomImageBatch(2, { firstSeed: 0.5 })).toThrow(InvalidArgumentError);
  });
  it('is what the task module exports, built and as source', async () => {
    expect(tasks.analyzeImage).toBe(analyzeImageTask);
    const esm = await import('@mgraph/pipeline/tasks');
    const cjs = createRequire(import.meta.url)('@mgraph/pipeline/tasks');
    expect(Object.keys(esm.default)).toEqual(['analyzeImage']);
    expect(Object.keys(cjs.default)).toEqual(['analyzeImage']);
    expect(cjs.phantomImageBatch(2)).toEqual(esm.phantomImageBatch(2));
  });
});
