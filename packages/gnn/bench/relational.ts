/**
 * Benchmark of the GNN against the no-graph baselines (mean, linear regression, MLP) on the
 * relational phantom of @mgraph/phantom (`relationalDescriptors`, R^2* = 0.9), larger than
 * the acceptance test (test/relational-phantom.test.ts: 40 graphs, 50 epochs): prints, as
 * JSON, test R^2 per target and model beside R^2*, and the seconds each model took, for
 * - the constant edge attribute (the test's setting),
 * - the contact strength as edge attribute (the paper's setting),
 * - the control: the same graphs with the relational signal switched off (strength 0).
 *
 *   npm run bench:relational                 (from packages/gnn; GRAPHS=80 SIZE=128 EPOCHS=100)
 */
import { generateComposite, RELATIONAL_TARGETS, relationalDescriptors } from '@mgraph/phantom';
import { compareModels } from '../src/index.js';
import { relationalGraphs } from '../test/relational-graphs.js';

const GRAPHS = Number(process.env.GRAPHS ?? 80);
const SIZE = Number(process.env.SIZE ?? 128);
const EPOCHS = Number(process.env.EPOCHS ?? 100);

const t0 = performance.now();
const composites = Array.from({ length: GRAPHS }, (_, i) =>
  generateComposite({ shape: [SIZE, SIZE], seed: 500 + i, nmcRadius: 7, sseGrainRadius: 14 }),
);
const generateSeconds = (performance.now() - t0) / 1000;
const graphsOf = (strength: number, edge: 'constant' | 'contact strength') => {
  const rel = relationalDescriptors(composites, { seed: 1, noise: 1 / 3, strength });
  return { rel, graphs: relationalGraphs(composites, rel, edge) };
};

const runs = [];
for (const [strength, edge] of [
  [1, 'constant'],
  [1, 'contact strength'],
  [0, 'constant'],
] as const) {
  const { rel, graphs } = graphsOf(strength, edge);
  const t = performance.now();
  const cmp = compareModels(graphs, {
    seed: 0,
    gnn: {
      maxEpochs: EPOCHS,
      patience: 15,
      lr: 5e-3,
      batchSize: 2,
      model: { hiddenChannels: 8, edgeHidden: 4, dropout: 0 },
    },
    mlp: { maxEpochs: 300, patience: 30 },
  });
  const table = Object.fromEntries(
    RELATIONAL_TARGETS.map((target) => [
      target,
      {
        r2Star: rel.r2Star[target],
        ...Object.fromEntries(
          Object.entries(cmp.test[target]!).map(([m, v]) => [m, Number(v.r2.toFixed(3))]),
        ),
      },
    ]),
  );
  runs.push({
    signal: strength === 1 ? 'relational' : 'off (strength 0)',
    edgeAttribute: edge,
    nodes: cmp.nodes,
    gnnEpochs: cmp.gnn.history.length,
    gnnBestEpoch: cmp.gnn.bestEpoch,
    seconds: Number(((performance.now() - t) / 1000).toFixed(1)),
    testR2: table,
  });
  console.error(JSON.stringify(runs.at(-1)));
}
console.log(
  JSON.stringify(
    {
      package: '@mgraph/gnn',
      bench: 'relational phantom: GNN vs no-graph baselines',
      node: process.version,
      graphs: GRAPHS,
      size: [SIZE, SIZE],
      generateSeconds: Number(generateSeconds.toFixed(1)),
      runs,
    },
    null,
    2,
  ),
);
