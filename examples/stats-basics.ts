/**
 * @mgraph/stats: networkx-style graph metrics, Pearson, Welch with Cohen's d, two-way ANOVA
 * and box-plot statistics.
 *
 * Run: npx tsx examples/stats-basics.ts
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { anova2, boxplotStats, nodeMetrics, pearson, welchTTest } from '@mgraph/stats';
import { UndirectedGraph } from 'graphology';

// a graph shaped as @mgraph/graph's buildGraph makes it: node phases of a scheme it carries
const g = new UndirectedGraph();
g.setAttribute('scheme', CATHODE_SCHEME);
for (const [k, phase] of [
  ['1', 'nmc'],
  ['2', 'sse'],
  ['3', 'graphite'],
  ['4', 'nmc'],
])
  g.addNode(k, { phase });
for (const [a, b, w] of [
  ['1', '2', 3],
  ['1', '3', 1],
  ['2', '3', 2],
  ['4', '2', 1],
] as const)
  g.addEdge(a, b, { weight: w });
for (const row of nodeMetrics(g, { nodes: ['1', '4'] }))
  console.log(
    `node ${row.node}: degree ${row.degree}, clustering ${row.clustering}, betweenness ${row.betweenness.toFixed(3)}, closeness ${row.closeness.toFixed(3)}, neighbours ${JSON.stringify(row.neighbors)}`,
  );

const x = [1.1, 0.9, 1.3, 1.2, 0.8, 1.0];
const y = [1.6, 1.4, 1.9, 1.5, 1.7, 1.8];
const r = pearson(x, y);
console.log(`pearson r = ${r.r.toFixed(4)}, p = ${r.p.toFixed(4)}`);
const t = welchTTest(x, y);
console.log(
  `welch t = ${t.t.toFixed(4)}, df = ${t.df.toFixed(2)}, p = ${t.p.toExponential(3)}, d = ${t.cohenD.toFixed(3)}`,
);
const a = anova2(
  {
    y: [...x, ...y],
    a: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1],
    b: [...x.map(() => 'x'), ...y.map(() => 'y')],
  },
  { type: 2, transform: 'log' },
);
for (const row of a.rows) console.log(`anova ${row.term}: F = ${row.F?.toFixed(3) ?? '-'}`);
console.log('boxplot median:', boxplotStats(y).median);
