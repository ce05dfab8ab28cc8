/**
 * @mgraph/gnn: train the heterogeneous NNConv GNN on ground-truth graphs of phantom
 * composites to predict SOC, heterogeneity and polarization of NMC particles, and compare
 * it with predicting the training mean.
 *
 * Run: npx tsx examples/gnn-basics.ts
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { fromGraph, train } from '@mgraph/gnn';
import { buildGraph } from '@mgraph/graph';
import { generateDataset } from '@mgraph/phantom';

const composites = generateDataset({ count: 10, seed: 40, shape: [96, 96] });
const graphs = composites.map((c) => {
  const graph = buildGraph(c.instances, { phaseOfLabel: c.phaseOfLabel, scheme: CATHODE_SCHEME });
  for (const p of c.truth.particles)
    graph.mergeNodeAttributes(String(p.label), {
      soc: p.soc,
      heterogeneity: p.heterogeneity,
      polarization: p.polarization,
    } as never);
  return fromGraph(graph);
});
console.log(
  'graphs:',
  graphs.length,
  'NMC nodes:',
  graphs.reduce((n, g) => n + (g.y?.rows ?? 0), 0),
);
const result = train(graphs, { seed: 1, maxEpochs: 30, model: { hiddenChannels: 8 } });
console.log('epochs:', result.history.length, 'best:', result.bestEpoch);
for (const [target, e] of Object.entries(result.evaluation.test.targets))
  console.log(
    `${target}: test RMSE ${e.rmse.toFixed(4)} (mean baseline ${e.baseline.rmse.toFixed(4)}), MAE ${e.mae.toFixed(4)}`,
  );
