import { generateComposite, generateXanesStack, XANES_ENERGIES } from '@mgraph/phantom';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { edgeEnergyMap, electrochemicalDescriptors } from '../src/index.js';
import { pearson } from './helpers.js';

// Acceptance against @mgraph/phantom, whose truth holds per NMC particle the pixel mean
// (soc), pixel standard deviation (heterogeneity) and the planted core/shell mode distance
// (polarization, 0 for one mode).
type Composite = ReturnType<typeof generateComposite>;

function correlations(c: Composite) {
  const truth = c.truth.particles;
  const d = electrochemicalDescriptors(c.energy, c.instances, {
    labelsToUse: truth.map((p) => p.label),
  });
  expect(d.map((p) => p.label)).toEqual(truth.map((p) => p.label));
  expect(d.every((p) => p.valid)).toBe(true);
  const r = Object.fromEntries(
    (['soc', 'heterogeneity', 'polarization'] as const).map((k) => [
      k,
      pearson(
        d.map((p) => p[k]!),
        truth.map((p) => p[k]),
      ),
    ]),
  );
  return { r, n: d.length };
}

describe('electrochemicalDescriptors on @mgraph/phantom composites', () => {
  it('2D 512x512: descriptors correlate with the planted values (r > 0.9)', () => {
    const { r, n } = correlations(generateComposite({ shape: [512, 512], seed: 1 }));
    console.log(`phantom 2D 512x512 seed 1, ${n} NMC particles, Pearson r:`, JSON.stringify(r));
    expect(r.soc).toBeGreaterThan(0.999);
    expect(r.heterogeneity).toBeGreaterThan(0.999);
    expect(r.polarization).toBeGreaterThan(0.9);
  });

  it('3D 64x96x96: descriptors correlate with the planted values (r > 0.9)', () => {
    const { r, n } = correlations(generateComposite({ shape: [64, 96, 96], seed: 4 }));
    console.log(`phantom 3D 64x96x96 seed 4, ${n} NMC particles, Pearson r:`, JSON.stringify(r));
    expect(r.soc).toBeGreaterThan(0.999);
    expect(r.heterogeneity).toBeGreaterThan(0.999);
    expect(r.polarization).toBeGreaterThan(0.9);
  });
});

describe('edgeEnergyMap on generateXanesStack', () => {
  it('recovers the planted edge energies within 0.1 eV RMS at the default noise', () => {
    const c = generateComposite({ shape: [256, 256], seed: 2 });
    const stack = generateXanesStack(c.energy);
    const e = c.energy.data;
    const mask = ndarray(
      Uint8Array.from(e, (v) => (Number.isNaN(v) ? 0 : 1)),
      c.energy.shape,
    );
    const figures: Record<string, number> = {};
    for (const method of ['halfHeight', 'maxDerivative'] as const) {
      const m = edgeEnergyMap(stack, XANES_ENERGIES, { mask, method });
      expect(m.failed).toBe(0);
      let se = 0;
      for (let i = 0; i < e.length; i++) if (mask.data[i]) se += (m.edge.data[i]! - e[i]!) ** 2;
      figures[method] = Math.sqrt(se / m.evaluated);
      // outside the NMC, no evaluation
      const outside = mask.data.indexOf(0);
      expect(Number.isNaN(m.edge.data[outside]!)).toBe(true);
    }
    console.log('generateXanesStack 256x256 seed 2, RMS eV:', JSON.stringify(figures));
    expect(figures.halfHeight).toBeLessThan(0.1);
    expect(figures.maxDerivative).toBeLessThan(0.2);
  });
});
