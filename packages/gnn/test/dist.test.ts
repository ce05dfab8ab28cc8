import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/gnn', () => {
  it('loads with import (ESM build) and runs a model', async () => {
    const esm = await import('@mgraph/gnn');
    const m = new esm.HeteroNNConvModel({ inChannels: 2, hiddenChannels: 4, edgeHidden: 2 });
    expect(Object.keys(m.stateDict())).toContain('conv1.convs.<nmc___contacts___sse>.nn.0.weight');
    expect(esm.erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/gnn').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/gnn') as typeof import('@mgraph/gnn');
    const esm = await import('@mgraph/gnn');
    const a = new cjs.HeteroNNConvModel({
      inChannels: 2,
      hiddenChannels: 4,
      edgeHidden: 2,
      seed: 3,
    });
    const b = new esm.HeteroNNConvModel({
      inChannels: 2,
      hiddenChannels: 4,
      edgeHidden: 2,
      seed: 3,
    });
    expect(a.stateDict()).toEqual(b.stateDict());
    expect(cjs.splitGraphs(73).train).toEqual(esm.splitGraphs(73).train);
  });
});
