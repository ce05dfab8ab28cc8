import { createRequire } from 'node:module';
import { CATHODE_SCHEME } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/stats', () => {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  g.addNode('a', { phase: 'nmc' });
  g.addNode('b', { phase: 'sse' });
  g.addNode('c', { phase: 'graphite' });
  g.addEdge('a', 'b', { weight: 2 });
  g.addEdge('b', 'c', { weight: 3 });
  it('loads with import (ESM build)', async () => {
    const esm = await import('@mgraph/stats');
    expect(esm.betweennessCentrality(g)).toEqual({ a: 0, b: 1, c: 0 });
    expect(esm.welchTTest([1, 2, 3], [2, 4, 7]).df).toBeCloseTo(2.6162162162162166, 12);
    expect(esm.nodeMetrics(g)[1]).toMatchObject({
      node: 'b',
      neighbors: { sse: 0, nmc: 1, graphite: 1 },
    });
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/stats').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/stats') as typeof import('@mgraph/stats');
    const esm = await import('@mgraph/stats');
    expect(cjs.pearson([1, 2, 3, 4], [1, 3, 2, 5])).toEqual(
      esm.pearson([1, 2, 3, 4], [1, 3, 2, 5]),
    );
    expect(cjs.eigenvectorCentrality(g)).toEqual(esm.eigenvectorCentrality(g));
    // exact (mpmath, 40 digits) 2.22813885198627474...; scipy t.ppf gives 2.2281388519649385
    expect(cjs.tPpf(0.975, 10)).toBeCloseTo(2.228138851986275, 14);
  });
});
