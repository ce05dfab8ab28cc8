/**
 * @mgraph/graph: from a labelled image to the microstructure graph, its triple phase
 * boundaries and concurrent Li+/e- channels, and GraphML.
 *
 * Run: npx tsx examples/graph-basics.ts
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import {
  buildGraph,
  concurrentChannels,
  graphToGraphML,
  neighborPhaseCounts,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import ndarray from 'ndarray';

// Four objects, drawn pixel by pixel: 1 and 4 NMC, 2 SSE, 3 graphite.
//   1 1 2 4      With a 3x3 window (touching pixels), NMC 1 and NMC 4 each touch SSE 2
//   1 1 2 4      and graphite 3, and 2 touches 3: two TPBs (1-2-3 and 4-2-3), and NMC 1
//   3 3 3 3      and NMC 4 are linked ionically (via 2) and electronically (via 3).
const labels = ndarray(Int32Array.from([1, 1, 2, 4, 1, 1, 2, 4, 3, 3, 3, 3]), [3, 4]);
const phaseOfLabel = Uint8Array.from([0, 2, 1, 3, 2]); // label -> phase code (0 unused)

const graph = buildGraph(labels, { phaseOfLabel, scheme: CATHODE_SCHEME, window: 3 });
console.log(`graph: ${graph.order} nodes, ${graph.size} edges`);
graph.forEachEdge((_, a, s, t) => console.log(`  ${s} - ${t}: weight ${a.weight}`));

const tpb = triplePhaseBoundaries(graph);
for (const t of tpb.triangles)
  console.log(`TPB ${t.nodes.join('-')}: perimeter ${t.perimeter}, ratio ${t.ratio.toFixed(3)}`);

const channels = concurrentChannels(graph);
console.log('channel pairs:', channels.pairs.map((p) => p.nodes.join('-')).join(', '));
console.log('categories:', JSON.stringify(channels.categoryByNode));
console.log('neighbours of node 1:', JSON.stringify(neighborPhaseCounts(graph)['1']));
console.log('GraphML bytes:', graphToGraphML(graph).length);
