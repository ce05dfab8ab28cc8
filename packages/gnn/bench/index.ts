/**
 * Benchmark of @mgraph/gnn: seconds per training epoch (forward, backward, clipping, AdamW
 * over the training split, then the validation loss) on 73 seeded graphs of the paper's size
 * (about 5 NMC and 30 nodes each) and on 73 graphs 10x larger, with the default model
 * (hidden 32, edge MLP 16, batch 8 graphs), float64 and float32. Prints JSON.
 *
 *   npm run bench            (from packages/gnn)
 */
import { createRng } from '@mgraph/core';
import { fromGraph, type HeteroGraph, HeteroNNConvModel, train } from '../src/index.js';
import { syntheticGraph } from '../test/synthetic-graphs.js';

function dataset(scale: number): HeteroGraph[] {
  const rng = createRng(2026);
  return Array.from({ length: 73 }, () =>
    fromGraph(
      syntheticGraph(rng.fork(), {
        nmc: 5 * scale,
        sse: 15 * scale,
        graphite: 10 * scale,
        radius: 0.3 / Math.sqrt(scale),
      }),
    ),
  );
}

function run(name: string, graphs: HeteroGraph[], epochs: number, dtype: 'float64' | 'float32') {
  const stamps: number[] = [];
  const t0 = performance.now();
  const r = train(graphs, {
    seed: 1,
    maxEpochs: epochs,
    patience: epochs,
    model: { dtype },
    onProgress: () => stamps.push(performance.now()),
  });
  const per = stamps.map((t, i) => (t - (i === 0 ? t0 : stamps[i - 1]!)) / 1000);
  const sorted = [...per].sort((a, b) => a - b);
  const nodes = graphs.reduce((a, g) => a + g.nodeTypes.reduce((s, t) => s + g.x[t]!.rows, 0), 0);
  const edges = graphs.reduce(
    (a, g) => a + Object.values(g.relations).reduce((s, rel) => s + rel.src.length, 0),
    0,
  );
  return {
    name,
    dtype,
    graphs: graphs.length,
    trainGraphs: r.split.train.length,
    meanNodesPerGraph: nodes / graphs.length,
    meanNmcPerGraph: graphs.reduce((a, g) => a + g.x.nmc!.rows, 0) / graphs.length,
    meanDirectedEdgesPerGraph: edges / graphs.length,
    parameters: r.model.parameters().reduce((a, p) => a + p.size, 0),
    epochs: per.length,
    secondsPerEpochMedian: sorted[Math.floor(sorted.length / 2)],
    secondsPerEpochMin: sorted[0],
  };
}

const paper = dataset(1);
const large = dataset(10);
const results = [
  run('73 graphs, paper size', paper, 10, 'float64'),
  run('73 graphs, paper size', paper, 10, 'float32'),
  run('73 graphs, 10x larger', large, 3, 'float64'),
  run('73 graphs, 10x larger', large, 3, 'float32'),
];
const inference = (() => {
  const m = new HeteroNNConvModel({ inChannels: paper[0]!.featureNames.length });
  const t0 = performance.now();
  for (const g of paper) m.forward(g);
  return {
    name: 'forward only, 73 paper-size graphs one by one',
    seconds: (performance.now() - t0) / 1000,
  };
})();
console.log(
  JSON.stringify({ package: '@mgraph/gnn', node: process.version, results, inference }, null, 2),
);
