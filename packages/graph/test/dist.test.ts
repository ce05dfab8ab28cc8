import { createRequire } from 'node:module';
import { CATHODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import * as src from '../src/index.js';

// The built package, through its `exports` map: ESM via import, CJS via require.
// 1 1 2 / 1 1 2 / 3 3 3: all three objects touch (one TPB with window 3).
const labels = ndarray(Int32Array.from([1, 1, 2, 1, 1, 2, 3, 3, 3]), [3, 3]);
const phaseOfLabel = Uint8Array.from([0, 2, 1, 3]);

describe('built @mgraph/graph', () => {
  it('loads with import (ESM build) and agrees with the sources', async () => {
    const esm = await import('@mgraph/graph');
    const g = esm.buildGraph(labels, { scheme: CATHODE_SCHEME, phaseOfLabel, window: 3 });
    expect(g.nodes()).toEqual(['1', '2', '3']);
    expect(esm.triplePhaseBoundaries(g).triangles.map((t) => t.nodes)).toEqual([['1', '2', '3']]);
    const counts = esm.adjacencyCounts(labels, { window: 3 });
    expect(counts).toEqual(src.adjacencyCounts(labels, { window: 3 }));
    // dilated 1 (cols 0-2, rows 0-2) holds all of 2 and 3: 2 and 3 pixels
    expect(Array.from(counts.count.subarray(0, 2))).toEqual([2, 3]);
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/graph').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/graph') as typeof import('@mgraph/graph');
    const esm = await import('@mgraph/graph');
    const a = cjs.buildGraph(labels, { scheme: CATHODE_SCHEME, phaseOfLabel, window: 3 });
    const b = esm.buildGraph(labels, { scheme: CATHODE_SCHEME, phaseOfLabel, window: 3 });
    expect(cjs.graphToJSON(a)).toBe(esm.graphToJSON(b));
    const back = cjs.graphFromGraphML(esm.graphToGraphML(b)).export();
    expect([back.attributes, back.nodes, back.edges]).toEqual([
      b.export().attributes,
      b.export().nodes,
      b.export().edges,
    ]);
  });
});
