import { createRng } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { makeGrid } from '../src/grid.js';
import { cleanInstances } from '../src/instance-cleanup.js';
import { fillSseMatrix } from '../src/sse-matrix.js';

// The per-voxel steps of generateComposite that listed voxels (the free and SSE voxels of the
// matrix fill) on a grid past 2^27 voxels, where JavaScript arrays fail: a whole 512^3
// composite takes minutes, so the matrix fill and the instance clean-up run alone, once, on a
// cheap configuration (one pre-placed row, coarse grains). 513 x 512 x 512 voxels; about
// 3 GB peak: run locally as `flock /tmp/bigmem.lock npx vitest run test/volume-scale.test.ts`.
const SHAPE = [513, 512, 512];

describe(`generateComposite's voxel lists on ${SHAPE.join(' x ')} voxels (> 2^27)`, () => {
  it('fillSseMatrix meets the SSE fraction to the voxel; cleanInstances keeps every voxel', () => {
    const grid = makeGrid(SHAPE);
    expect(grid.size - 512).toBeGreaterThan(2 ** 27);
    const labels = new Int32Array(grid.size);
    // an object (label 1) on the first row: every other voxel is free, more than 2^27 of them
    const slab = 512;
    labels.fill(1, 0, slab);
    const fraction = 0.6;
    const { covered, lastLabel } = fillSseMatrix(
      grid,
      { fraction, poreScale: 0.5, grainRadius: 60 },
      createRng(3),
      labels,
      2,
    );
    // exactly round(fraction * size) SSE voxels (room enough), all of them free ones
    expect(covered).toBe(Math.round(fraction * grid.size));
    let sse = 0;
    let slabKept = 0;
    for (let i = 0; i < grid.size; i++) {
      if (labels[i]! >= 2) sse++;
      if (i < slab && labels[i] === 1) slabKept++;
    }
    expect(sse).toBe(covered);
    expect(slabKept).toBe(slab);
    expect(lastLabel).toBeGreaterThan(2);
    const phaseOfRaw = new Uint8Array(lastLabel + 1).fill(1);
    phaseOfRaw[1] = 2;
    const { instances, phaseOfLabel } = cleanInstances(grid, labels, phaseOfRaw, 30, [2, 1]);
    let labelled = 0;
    for (let i = 0; i < grid.size; i++) if (instances[i] !== 0) labelled++;
    expect(labelled).toBe(slab + covered);
    // the row is one object and comes first (phase order [2, 1])
    expect(instances[0]).toBe(1);
    expect(instances[slab - 1]).toBe(1);
    expect(phaseOfLabel[1]).toBe(2);
    expect(phaseOfLabel.slice(2).every((p) => p === 1)).toBe(true);
  }, 900_000);
});
