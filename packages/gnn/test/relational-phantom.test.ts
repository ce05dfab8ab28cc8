import { generateComposite, RELATIONAL_TARGETS, relationalDescriptors } from '@mgraph/phantom';
import { describe, expect, it } from 'vitest';
import { COMPARED_MODELS, compareModels } from '../src/index.js';
import { relationalGraphs } from './relational-graphs.js';

/**
 * The GNN against the no-graph baselines where the targets are relational
 * (`relationalDescriptors` of @mgraph/phantom: neighbours' contact counts and sizes + noise
 * with R^2* = 0.9). Sizes: 40 composites of 128x128 px (NMC radius 7 px, SSE grains 14 px:
 * 1,811 NMC nodes, about 45 per graph), split 24 / 8 / 8 graphs; GNN hidden 8, edge MLP 4,
 * no dropout, lr 5e-3, 2 graphs per batch, at most 50 epochs (patience 10); the MLP 32-32.
 * The edge attribute is a constant: with the contact strength a 30-graph trial reached only
 * 0.66-0.67 (the per-edge weight matrices overfit); with 60 graphs both work (README table).
 * The larger run is `npm run bench` (bench/relational.ts).
 */
function relationalComparison(strength: number) {
  const composites = Array.from({ length: 40 }, (_, i) =>
    generateComposite({ shape: [128, 128], seed: 500 + i, nmcRadius: 7, sseGrainRadius: 14 }),
  );
  const rel = relationalDescriptors(composites, { seed: 1, noise: 1 / 3, strength });
  const graphs = relationalGraphs(composites, rel);
  const cmp = compareModels(graphs, {
    seed: 0,
    gnn: {
      maxEpochs: 50,
      patience: 10,
      lr: 5e-3,
      batchSize: 2,
      model: { hiddenChannels: 8, edgeHidden: 4, dropout: 0 },
    },
    mlp: { maxEpochs: 200, patience: 30 },
  });
  return { rel, cmp };
}

describe('a GNN that learns: relational phantom targets', () => {
  it('reaches >= 80% of R^2* on the test split and beats mean, linear regression and MLP', () => {
    const { rel, cmp } = relationalComparison(1);
    expect(cmp.nodes.test).toBeGreaterThan(300);
    for (const t of RELATIONAL_TARGETS) {
      const r = cmp.test[t]!;
      expect(rel.r2Star[t]).toBeCloseTo(0.9, 3);
      expect(r.gnn.r2, t).toBeGreaterThanOrEqual(0.8 * rel.r2Star[t]);
      const bestBaseline = Math.max(r.mean.r2, r.linear.r2, r.mlp.r2);
      expect(r.gnn.r2 - bestBaseline, t).toBeGreaterThan(0.2);
      // every model is scored: finite figures, the mean baseline near R^2 = 0
      for (const m of COMPARED_MODELS) expect(Number.isFinite(r[m].rmse), `${t} ${m}`).toBe(true);
      expect(Math.abs(r.mean.r2), t).toBeLessThan(0.05);
    }
  }, 300_000);
});
