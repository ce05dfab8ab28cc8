import { generateComposite } from '@mgraph/phantom';
import { describe, expect, it } from 'vitest';
import { fromGraph, train } from '../src/index.js';
import { contactGraph, STRUCTURE_FEATURES } from './phantom-graph.js';
import { syntheticGraphs } from './synthetic-graphs.js';

// Kept small so that training takes seconds: hidden 16, edge MLP 8, at most 60 epochs.
const model = { hiddenChannels: 16, edgeHidden: 8 };

describe('the trained model beats the predict-the-training-mean baseline on the test split', () => {
  it('@mgraph/phantom composites with planted TPB and channel effects (heterogeneity, polarization)', () => {
    // 30 composites of 80x80 px (about 7 NMC and 36 objects each, the paper's graph size);
    // every NMC particle has two energy modes 1.8-2.2 eV apart, so that the planted
    // effects (x0.5 on spread and mode distance for TPB particles, x0.7 for concurrent
    // channels) dominate the structure-free randomness.
    const graphs = Array.from({ length: 30 }, (_, i) => {
      const c = generateComposite({
        shape: [80, 80],
        seed: 100 + i,
        energy: { twoModeFraction: 1, polarizationRange: [1.8, 2.2] },
        effects: {
          tpb: { heterogeneity: 0.5, polarization: 0.5 },
          channel: { heterogeneity: 0.7, polarization: 0.7 },
        },
      });
      const targetValues = Object.fromEntries(
        c.truth.particles.map((p) => [
          String(p.label),
          { soc: p.soc, heterogeneity: p.heterogeneity, polarization: p.polarization },
        ]),
      );
      return fromGraph(contactGraph(c.instances, c.phaseOfLabel), {
        targetValues,
        features: STRUCTURE_FEATURES,
      });
    });
    const r = train(graphs, { seed: 1, maxEpochs: 60, patience: 20, model });
    const t = r.evaluation.test.targets;
    expect(r.evaluation.test.nodes).toBeGreaterThan(20);
    for (const name of ['heterogeneity', 'polarization']) {
      expect(t[name]!.rmse, name).toBeLessThan(t[name]!.baseline.rmse);
      expect(t[name]!.mae, name).toBeLessThan(t[name]!.baseline.mae);
      expect(t[name]!.r2, name).toBeGreaterThan(t[name]!.baseline.r2);
    }
  }, 120_000);

  it('seeded synthetic graphs with a planted structure -> target relation', () => {
    const graphs = syntheticGraphs(30, 7).map((g) => fromGraph(g));
    const r = train(graphs, { seed: 1, maxEpochs: 40, patience: 20, model });
    const t = r.evaluation.test.targets;
    for (const name of ['heterogeneity', 'polarization']) {
      expect(t[name]!.rmse, name).toBeLessThan(0.9 * t[name]!.baseline.rmse);
      expect(t[name]!.r2, name).toBeGreaterThan(0.2);
    }
  }, 120_000);
});
