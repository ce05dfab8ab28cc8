/**
 * Benchmark of the graph metrics on seeded contact graphs of DESIGN.md's sizes (2,261 objects
 * of the 2048^2 disc mask, 3,333 of the 256^3 sphere mask). Prints JSON seconds: the median of
 * 3 runs after a warm-up run.
 *
 *   npm run bench                      # timings
 *   npm run bench -- --export out/     # also writes the edge lists for scripts/bench_networkx.py
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  betweennessCentrality,
  closenessCentrality,
  clustering,
  degree,
  eigenvectorCentrality,
  nodeMetrics,
  weightedDegree,
} from '../src/index.js';
import { contactGraph } from './contact-graph.js';

const inputs = {
  '2048^2': contactGraph({
    count: 2261,
    side: 2048,
    ndim: 2,
    radius: [6, 20],
    reach: 3,
    seed: 2048,
  }),
  '256^3': contactGraph({ count: 3333, side: 256, ndim: 3, radius: [4, 10], reach: 3, seed: 256 }),
};

const exportAt = process.argv.indexOf('--export');
const exportDir = exportAt >= 0 ? process.argv[exportAt + 1] : undefined;

const REPEATS = 3;

/** Median of `REPEATS` timed runs, after one untimed warm-up run (JIT). */
function seconds(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times.sort((a, b) => a - b)[REPEATS >> 1]!;
}

function components(graph: (typeof inputs)['2048^2']): number {
  const seen = new Set<string>();
  let count = 0;
  for (const start of graph.nodes()) {
    if (seen.has(start)) continue;
    count++;
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      for (const next of graph.neighbors(stack.pop()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
  return count;
}

const results: Record<string, unknown> = {};
for (const [name, graph] of Object.entries(inputs)) {
  if (exportDir) {
    mkdirSync(exportDir, { recursive: true });
    const edges = graph.mapEdges((_e, a, s, t) => [Number(s), Number(t), a.weight as number]);
    writeFileSync(
      join(exportDir, `graph-${name.replace('^', '')}.json`),
      JSON.stringify({ n: graph.order, edges }),
    );
  }
  results[name] = {
    nodes: graph.order,
    edges: graph.size,
    meanDegree: Number(((2 * graph.size) / graph.order).toFixed(2)),
    components: components(graph),
    seconds: {
      degree: seconds(() => degree(graph)),
      weightedDegree: seconds(() => weightedDegree(graph)),
      clustering: seconds(() => clustering(graph)),
      clusteringWeighted: seconds(() => clustering(graph, { weight: 'weight' })),
      closeness: seconds(() => closenessCentrality(graph)),
      closenessDistance: seconds(() => closenessCentrality(graph, { distance: 'weight' })),
      eigenvector: seconds(() => eigenvectorCentrality(graph, { maxIter: 1000 })),
      betweenness: seconds(() => betweennessCentrality(graph)),
      betweennessDistance: seconds(() => betweennessCentrality(graph, { weight: 'weight' })),
      nodeMetrics: seconds(() => nodeMetrics(graph)),
    },
  };
}
console.log(JSON.stringify({ node: process.version, repeats: REPEATS, results }, null, 2));
