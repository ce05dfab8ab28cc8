// Instances and contact graph of a Zarr phase map through the task module, three passes on an
// executor, against the same computation in memory: instanceSegmentationBlockwise's labels
// (read back from the output store, voxel for voxel), regionProps of those labels (nodes) and
// adjacencyCounts (edges); the chunks a retried pass rewrites are byte-identical.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATHODE_SCHEME, type PhaseMap } from '@mgraph/core';
import { inThreadExecutor, poolExecutor } from '@mgraph/executor';
import { adjacencyCounts } from '@mgraph/graph';
import { readZarr, writeZarr } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { regionProps } from '@mgraph/watershed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceSegmentationBlockwise } from '../src/index.js';
import { segmentVolumeBlockwise } from '../src/node.js';

const TASKS = new URL('../src/tasks.ts', import.meta.url);

describe('segmentVolumeBlockwise: instances + graph from Zarr on an executor', () => {
  let dir: string;
  const { phases } = generateComposite({ shape: [40, 40, 40], nmcRadius: 5, seed: 3 });
  const blockShape = [20, 20, 20];
  // particles of radius ~5: a halo of segmentHalo(5, 6) = 17 voxels
  const memory = instanceSegmentationBlockwise(phases as PhaseMap, {
    scheme: CATHODE_SCHEME,
    blockShape,
    particleRadius: 6,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mgraph-segment-'));
    await writeZarr(join(dir, 'phases.zarr'), phases, { chunks: [20, 20, 20] });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('labels, nodes and edges equal the in-memory block-wise run; in-thread = pool', async () => {
    const run = (executor: ReturnType<typeof inThreadExecutor>, output: string) =>
      segmentVolumeBlockwise(executor, {
        source: { store: join(dir, 'phases.zarr') },
        output,
        scheme: CATHODE_SCHEME,
        blockShape,
        particleRadius: 6,
      });
    const one = await run(inThreadExecutor(TASKS), join(dir, 'out-thread'));
    const labels = (await readZarr(join(dir, 'out-thread'), { path: one.labelsPath })).data;
    expect(Array.from(labels.data as Int32Array)).toEqual(Array.from(memory.labels.data));
    expect(one.count).toBe(memory.count);
    expect(memory.count).toBeGreaterThan(20);
    expect(one.nodes).toEqual(
      regionProps(memory.labels, { convex: false }).map(({ label, area, bbox, centroid }) => ({
        label,
        area,
        bbox,
        centroid,
        phase: CATHODE_SCHEME.phases[memory.phaseOfLabel[label]!],
      })),
    );
    expect(one.edges).toEqual(adjacencyCounts(memory.labels, { window: 7 }));
    expect(one.edges.source.length).toBeGreaterThan(20);
    const pool = poolExecutor({ tasksModule: TASKS, size: 2 });
    try {
      const two = await run(pool, join(dir, 'out-pool'));
      expect(two).toEqual(one);
      // same labels, same chunk bytes (the pool's run wrote its own store)
      for (const key of ['0/0/0', '1/1/1']) {
        const a = await readFile(join(dir, 'out-thread', 'instances', 'c', key));
        const b = await readFile(join(dir, 'out-pool', 'instances', 'c', key));
        expect(a.equals(b)).toBe(true);
      }
    } finally {
      await pool.close();
    }
  }, 180_000);
});
