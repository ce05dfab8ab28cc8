import { InvalidArgumentError } from '@mgraph/core';
import {
  type AnyGraph,
  assertGraph,
  checkPhaseNames,
  edgeWeight,
  nodePhases,
} from './graph-access.js';

/** Options of {@link triplePhaseBoundaries}. */
export interface TriplePhaseBoundariesOptions {
  /**
   * The three phases `[p0, p1, p2]` of a boundary. Default `['nmc', 'sse', 'graphite']`;
   * e.g. `['ni', 'ysz', 'pore']` for a fuel-cell anode.
   */
  phases?: readonly [string, string, string];
  /** Numeric edge attribute read as the weight. Default `'weight'`. */
  weight?: string;
}

/** One triple phase boundary: a triangle of mutually adjacent nodes of the three phases. */
export interface TriplePhaseBoundary {
  /** Node keys in the order of `options.phases`: `[p0 node, p1 node, p2 node]`. */
  nodes: [string, string, string];
  /** Edge weights `[w(p0-p1), w(p0-p2), w(p1-p2)]`. */
  weights: [number, number, number];
  /** TPB size: the sum of the three edge weights. */
  perimeter: number;
  /** Interface ratio `w(p0-p1) / w(p0-p2)`, e.g. w(NMC-SSE) / w(NMC-graphite). */
  ratio: number;
}

/** Result of {@link triplePhaseBoundaries}. */
export interface TriplePhaseBoundaries {
  /** Every triangle, ordered by the graph's node order of its p0, p1, then p2 node. */
  triangles: TriplePhaseBoundary[];
  /**
   * Number of triangles each node belongs to, for every node of the three phases (0 when
   * none); for the p0 (NMC) nodes this is the number of TPBs per NMC particle.
   */
  countByNode: Record<string, number>;
}

/**
 * Triple phase boundaries (TPBs) of a microstructure graph: every triangle of mutually
 * adjacent nodes whose phases are `p0`, `p1`, `p2` (one node of each), with its perimeter
 * (sum of the three edge weights) and interface ratio `w(p0-p1) / w(p0-p2)`, and the number
 * of triangles per node. Works for any scheme: only node attribute `phase` and the weight
 * attribute are read.
 *
 * @param graph - a graph from {@link buildGraph} (or any graphology graph with node attribute
 *   `phase` and a positive numeric edge weight)
 * @param options - {@link TriplePhaseBoundariesOptions}: `phases` (['nmc', 'sse', 'graphite']),
 *   `weight` ('weight')
 * @returns {@link TriplePhaseBoundaries}: `triangles`, `countByNode`
 * @throws InvalidArgumentError when `graph` is not a graphology graph, `phases` are not three
 *   distinct names (of the graph's scheme when recorded), a node has no `phase`, or an edge
 *   of a triangle has no positive finite weight
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (TPB = NMC-SSE-graphite triangle, size =
 * perimeter, interface ratio).
 */
export function triplePhaseBoundaries(
  graph: AnyGraph,
  options: TriplePhaseBoundariesOptions = {},
): TriplePhaseBoundaries {
  const fn = 'triplePhaseBoundaries';
  assertGraph(fn, graph);
  const { phases = ['nmc', 'sse', 'graphite'], weight = 'weight' } = options;
  if (!Array.isArray(phases) || phases.length !== 3) {
    throw new InvalidArgumentError(fn, 'options.phases', phases, 'three phase names');
  }
  checkPhaseNames(fn, graph, 'options.phases', phases, phases);
  const [p0, p1, p2] = phases;
  const phaseOf = nodePhases(fn, graph);
  const order = new Map<string, number>();
  const countByNode: Record<string, number> = {};
  for (const [key, phase] of phaseOf) {
    order.set(key, order.size);
    if (phase === p0 || phase === p1 || phase === p2) countByNode[key] = 0;
  }
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  const triangles: TriplePhaseBoundary[] = [];
  for (const [u, phase] of phaseOf) {
    if (phase !== p0) continue;
    const n1: string[] = [];
    const n2: string[] = [];
    graph.forEachNeighbor(u, (v) => {
      const pv = phaseOf.get(v);
      if (pv === p1) n1.push(v);
      else if (pv === p2) n2.push(v);
    });
    n1.sort(byOrder);
    n2.sort(byOrder);
    for (const v of n1) {
      for (const w of n2) {
        if (!graph.hasEdge(v, w)) continue;
        const w01 = edgeWeight(fn, graph, u, v, weight);
        const w02 = edgeWeight(fn, graph, u, w, weight);
        const w12 = edgeWeight(fn, graph, v, w, weight);
        triangles.push({
          nodes: [u, v, w],
          weights: [w01, w02, w12],
          perimeter: w01 + w02 + w12,
          ratio: w01 / w02,
        });
        countByNode[u]!++;
        countByNode[v]!++;
        countByNode[w]!++;
      }
    }
  }
  return { triangles, countByNode };
}
