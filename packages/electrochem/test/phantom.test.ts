import { generateComposite, generateXanesStack, XANES_ENERGIES } from '@mgraph/phantom';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { edgeEnergyMap, electrochemicalDescriptors } from '../src/index.js';

// Acceptance against @mgraph/phantom, compared with what the generator PLANTED, not with its
// truth's `soc` / `heterogeneity` (those are the pixel mean and standard deviation of the
// generated map, i.e. the very computation under test). Planted per NMC particle: a centre
// energy s (one mode at s, or core and shell at s -+ d/2: s = the mean of `modes`), the mode
// distance d (`polarization`), and a within-mode spread = modeSpread x 0.8 in a TPB x 0.85 with
// a concurrent channel (the options passed below). Absolute errors with stated tolerances,
// not correlations (a Pearson r ignores scale and offset).
type Composite = ReturnType<typeof generateComposite>;

const ENERGY = { modeSpread: 0.3 };
const EFFECTS = {
  tpb: { heterogeneity: 0.8, polarization: 0.8, soc: 0 },
  channel: { heterogeneity: 0.85, polarization: 0.85, soc: 0 },
};

function errors(c: Composite) {
  const truth = c.truth.particles;
  const d = electrochemicalDescriptors(c.energy, c.instances, {
    labelsToUse: truth.map((p) => p.label),
  });
  expect(d.map((p) => p.label)).toEqual(truth.map((p) => p.label));
  expect(d.every((p) => p.valid)).toBe(true);
  const soc: number[] = [];
  const oneModeHet: number[] = [];
  const twoModeHet: { got: number; spread: number; bound: number }[] = [];
  const polarization: number[] = [];
  truth.forEach((t, i) => {
    const got = d[i]!;
    const s = t.modes.reduce((a, b) => a + b, 0) / t.modes.length;
    soc.push(Math.abs(got.soc! - s));
    const spread =
      ENERGY.modeSpread *
      (t.inTpb ? EFFECTS.tpb.heterogeneity : 1) *
      (t.concurrentChannel ? EFFECTS.channel.heterogeneity : 1);
    if (t.twoMode)
      twoModeHet.push({
        got: got.heterogeneity!,
        spread,
        bound: Math.hypot(spread, t.polarization / 2),
      });
    else oneModeHet.push(Math.abs(got.heterogeneity! - spread) / spread);
    polarization.push(Math.abs(got.polarization! - t.polarization));
  });
  return { soc, oneModeHet, twoModeHet, polarization, n: d.length };
}

const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;

describe('electrochemicalDescriptors on @mgraph/phantom composites (against the planted values)', () => {
  it.each([
    ['2D 512x512', [512, 512], 1],
    ['3D 64x96x96', [64, 96, 96], 4],
  ] as const)('%s', (name, shape, seed) => {
    const e = errors(
      generateComposite({ shape: [...shape], seed, energy: ENERGY, effects: EFFECTS }),
    );
    const figures = {
      n: e.n,
      socMaxAbsEv: Math.max(...e.soc),
      socMeanAbsEv: mean(e.soc),
      oneModeHetMaxRel: Math.max(...e.oneModeHet),
      polarizationMeanAbsEv: mean(e.polarization),
    };
    console.log(`phantom ${name} seed ${seed}:`, JSON.stringify(figures));
    expect(e.n).toBeGreaterThan(40);
    expect(e.oneModeHet.length).toBeGreaterThan(10);
    expect(e.twoModeHet.length).toBeGreaterThan(10);
    // SOC: within 0.1 eV of the planted centre for every particle, 0.02 eV on average
    // (measured: max 0.062 / 0.065, mean about 0.012)
    expect(figures.socMaxAbsEv).toBeLessThan(0.1);
    expect(figures.socMeanAbsEv).toBeLessThan(0.02);
    // heterogeneity of a one-mode particle: the planted spread within 1% (measured: 1e-4)
    expect(figures.oneModeHetMaxRel).toBeLessThan(0.01);
    // of a two-mode particle: above the spread, below sqrt(spread^2 + (d/2)^2) (two equal
    // halves at -+ d/2; the logistic ramp between them only lowers it)
    for (const h of e.twoModeHet) {
      expect(h.got).toBeGreaterThan(h.spread);
      expect(h.got).toBeLessThan(h.bound);
    }
    // polarization (histogram peak distance) within 0.35 eV of the planted d on average
    // (measured 0.18 / 0.28)
    expect(figures.polarizationMeanAbsEv).toBeLessThan(0.35);
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
