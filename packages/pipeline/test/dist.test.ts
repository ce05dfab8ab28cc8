import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { phantom } from './helpers.js';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/pipeline', () => {
  const c = phantom(5003, [96, 96]);
  it('loads with import (ESM build) and analyses a phase map', async () => {
    const esm = await import('@mgraph/pipeline');
    const a = esm.analyzePhaseMap({ phases: c.phases, energy: c.energy });
    expect(a.particles.length).toBeGreaterThan(0);
    expect(esm.DESCRIPTORS).toEqual(['soc', 'heterogeneity', 'polarization']);
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/pipeline').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/pipeline') as typeof import('@mgraph/pipeline');
    const esm = await import('@mgraph/pipeline');
    const input = { phases: c.phases, energy: c.energy };
    expect(cjs.analyzePhaseMap(input).particles).toEqual(esm.analyzePhaseMap(input).particles);
  });
});
