import { type AnyGraph, assertGraph, nodePhases } from './graph-access.js';

/** Per node key, the number of neighbours of each phase. */
export type NeighborPhaseCounts = Record<string, Record<string, number>>;

/**
 * Number of neighbours of each phase, for every node: e.g. the NMC / SSE / graphite
 * neighbour counts of the paper's metrics. Every node gets an entry for every phase of the
 * graph's scheme (graph attribute `phases`, as {@link buildGraph} records it) plus any other
 * phase found on a node, 0 when it has no such neighbour.
 *
 * @param graph - a graph from {@link buildGraph} (or any graphology graph whose nodes have a
 *   string attribute `phase`)
 * @returns `{ [node]: { [phase]: count } }`
 * @throws InvalidArgumentError when `graph` is not a graphology graph or a node has no `phase`
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (counts of NMC, SSE and graphite
 * neighbours as node metrics).
 */
export function neighborPhaseCounts(graph: AnyGraph): NeighborPhaseCounts {
  const fn = 'neighborPhaseCounts';
  assertGraph(fn, graph);
  const phaseOf = nodePhases(fn, graph);
  const known = graph.getAttribute('phases') as unknown;
  const names = new Set<string>(Array.isArray(known) ? (known as string[]) : []);
  for (const phase of phaseOf.values()) names.add(phase);
  const out: NeighborPhaseCounts = {};
  for (const key of phaseOf.keys()) {
    const counts: Record<string, number> = {};
    for (const name of names) counts[name] = 0;
    graph.forEachNeighbor(key, (v) => {
      counts[phaseOf.get(v)!]!++;
    });
    out[key] = counts;
  }
  return out;
}
