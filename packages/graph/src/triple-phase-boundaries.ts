import { checkOptions, InvalidArgumentError, type PhaseScheme } from '@mgraph/core';
import {
  type AnyGraph,
  checkObjectPhases,
  countObjects,
  edgeWeight,
  graphScheme,
  nodePhases,
} from './graph-access.js';

/** Options of {@link triplePhaseBoundaries}. */
export interface TriplePhaseBoundariesOptions {
  /**
   * The three phases `[p0, p1, p2]` of a boundary, object phases of the graph's scheme.
   * Default: the scheme's `tpb` (`['nmc', 'sse', 'graphite']` for `CATHODE_SCHEME`,
   * `['ni', 'ysz', 'pore']` for `SOFC_ANODE_SCHEME`, `['am', 'pore', 'cbd']` for
   * `LI_ION_ELECTRODE_SCHEME`).
   */
  phases?: readonly [string, string, string];
  /** Numeric edge attribute read as the weight. Default `'weight'`. */
  weight?: string;
  /**
   * The scheme the caller expects. Optional: the graph carries its own (graph attribute
   * `scheme`); when given, it must be the graph's (else `InvalidArgumentError`), and a graph
   * that carries none is read with it.
   */
  scheme?: PhaseScheme;
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
  /** The three phases searched, `[p0, p1, p2]`. */
  phases: [string, string, string];
  /** Every triangle, ordered by the graph's node order of its p0, p1, then p2 node. */
  triangles: TriplePhaseBoundary[];
  /**
   * Number of triangles each node belongs to, for every node of the three phases (0 when
   * none); for the p0 (e.g. NMC) nodes this is the number of TPBs per particle.
   */
  countByNode: Record<string, number>;
  /** Number of nodes (objects) of each of the three phases, keyed by phase name, p0 first. */
  objectCounts: Record<string, number>;
  /**
   * Conditions that make the result empty for a reason other than geometry, e.g.
   * `phase "pore" has no objects in the graph: no TPB can exist`. Empty when none.
   */
  warnings: string[];
}

/**
 * Triple phase boundaries (TPBs) of a microstructure graph: every triangle of mutually
 * adjacent nodes whose phases are `p0`, `p1`, `p2` (one node of each), with its perimeter
 * (sum of the three edge weights) and interface ratio `w(p0-p1) / w(p0-p2)`, and the number
 * of triangles per node. The phases default to the TPB the graph's scheme declares, and are
 * checked against it; a phase with no node in the graph is reported in `warnings` (a TPB
 * count of 0 then means "could not exist", not "none found").
 *
 * @param graph - a graph from {@link buildGraph} (it carries its scheme), or any graphology
 *   graph with node attribute `phase` and a positive numeric edge weight, read with
 *   `options.scheme`
 * @param options - {@link TriplePhaseBoundariesOptions}: `phases` (the scheme's `tpb`),
 *   `weight` ('weight'), `scheme` (the graph's)
 * @returns {@link TriplePhaseBoundaries}: `phases`, `triangles`, `countByNode`,
 *   `objectCounts`, `warnings`
 * @throws InvalidArgumentError when `graph` is not a graphology graph; when it carries no
 *   scheme and `options.scheme` is not given, or `options.scheme` differs from the graph's;
 *   when `phases` is not given and the scheme declares no TPB; when `phases` are not three
 *   distinct object phases of the scheme; when a node's phase is not an object phase of the
 *   scheme; or when an edge of a triangle has no positive finite weight
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
  options = checkOptions(fn, options, { phases: true, weight: true, scheme: true });
  const scheme = graphScheme(fn, graph, options.scheme);
  if (graph.multi) {
    // a triangle's side would be several edges: which weight is its length?
    throw new InvalidArgumentError(
      fn,
      'graph',
      graph,
      'a graph without parallel edges (a multigraph gives a triangle side several weights; merge the edges first)',
    );
  }
  const { phases = scheme.tpb ?? undefined, weight = 'weight' } = options;
  if (typeof weight !== 'string' || weight.length === 0) {
    throw new InvalidArgumentError(fn, 'options.weight', weight, 'an edge attribute name');
  }
  if (phases === undefined) {
    throw new InvalidArgumentError(
      fn,
      'options.phases',
      phases,
      `three object phases [p0, p1, p2]: the graph's scheme ${JSON.stringify(scheme.name)} declares no TPB (tpb: null)`,
    );
  }
  if (!Array.isArray(phases) || phases.length !== 3) {
    throw new InvalidArgumentError(fn, 'options.phases', phases, 'three phase names');
  }
  checkObjectPhases(fn, scheme, 'options.phases', phases, phases);
  const [p0, p1, p2] = phases as [string, string, string];
  const phaseOf = nodePhases(fn, graph, scheme);
  const objectCounts = countObjects(phaseOf, [p0, p1, p2]);
  const warnings = [p0, p1, p2]
    .filter((p) => objectCounts[p] === 0)
    .map((p) => `phase ${JSON.stringify(p)} has no objects in the graph: no TPB can exist`);
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
  return { phases: [p0, p1, p2], triangles, countByNode, objectCounts, warnings };
}
