import { checkOptions, type PhaseScheme } from '@mgraph/core';
import { type AnyGraph, graphScheme, nodePhases } from './graph-access.js';

/** Per node key, the number of neighbours of each object phase of the scheme. */
export type NeighborPhaseCounts = Record<string, Record<string, number>>;

/** Options of {@link neighborPhaseCounts}. */
export interface NeighborPhaseCountsOptions {
  /**
   * The scheme the caller expects. Optional: the graph carries its own (graph attribute
   * `scheme`); when given, it must be the graph's (else `InvalidArgumentError`), and a graph
   * that carries none is read with it.
   */
  scheme?: PhaseScheme;
}

/**
 * Number of neighbours of each phase, for every node: e.g. the NMC / SSE / graphite
 * neighbour counts of the paper's metrics. Every node gets an entry for every object phase
 * of the graph's scheme (graph attribute `scheme`, as {@link buildGraph} records it), in
 * code order, 0 when it has no such neighbour.
 *
 * @param graph - a graph from {@link buildGraph} (it carries its scheme), or any graphology
 *   graph whose nodes have a string attribute `phase`, read with `options.scheme`
 * @param options - {@link NeighborPhaseCountsOptions}: `scheme` (the graph's)
 * @returns `{ [node]: { [object phase]: count } }`
 * @throws InvalidArgumentError when `graph` is not a graphology graph; when it carries no
 *   scheme and `options.scheme` is not given, or `options.scheme` differs from the graph's;
 *   or when a node's phase is missing or not an object phase of the scheme
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (counts of NMC, SSE and graphite
 * neighbours as node metrics).
 */
export function neighborPhaseCounts(
  graph: AnyGraph,
  options: NeighborPhaseCountsOptions = {},
): NeighborPhaseCounts {
  const fn = 'neighborPhaseCounts';
  const { scheme: given } = checkOptions(fn, options, { scheme: true });
  const scheme = graphScheme(fn, graph, given);
  const phaseOf = nodePhases(fn, graph, scheme);
  const out: NeighborPhaseCounts = {};
  for (const key of phaseOf.keys()) {
    const counts: Record<string, number> = {};
    for (const name of scheme.objects) counts[name] = 0;
    graph.forEachNeighbor(key, (v) => {
      if (v !== key) counts[phaseOf.get(v)!]!++; // a self-loop is no neighbour
    });
    out[key] = counts;
  }
  return out;
}
