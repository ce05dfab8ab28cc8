import {
  assertCallback,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type PhaseScheme,
  type ProgressCallback,
  schemeOfGraph,
  throwIfAborted,
} from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { betweennessCentrality } from './betweenness-centrality.js';
import { closenessCentrality } from './closeness-centrality.js';
import { clustering } from './clustering.js';
import { degree, weightedDegree } from './degree.js';
import { eigenvectorCentrality } from './eigenvector-centrality.js';
import { attributeOption, indexGraph } from './graph-index.js';

/** Options of {@link nodeMetrics}. */
export interface NodeMetricsOptions {
  /** Edge attribute of the contact strength, for the weighted degree. Default `'weight'`. */
  weight?: string;
  /**
   * Edge attribute read as a length by betweenness and closeness; undefined for hop counts
   * (networkx's default, and the paper's). Default undefined.
   */
  distance?: string;
  /** Edge attribute weighting the eigenvector iteration; undefined for unweighted. Default undefined. */
  eigenvectorWeight?: string;
  /**
   * Power-iteration limit of the eigenvector centrality. Default 1000, not networkx's 100:
   * contact graphs of phantom composites (a 347-node one from `@mgraph/graph`) need a few
   * hundred iterations, and networkx too fails at 100 and gives the same values at 1000.
   */
  maxIter?: number;
  /** Tolerance of the eigenvector iteration. Default 1e-6 (networkx). */
  tol?: number;
  /** Nodes to report, in this order. Default: every node, in graph order. */
  nodes?: readonly string[];
  /**
   * Node attribute holding the phase name of a node (a name of the scheme's `phases`).
   * Default `'phase'`.
   */
  phaseAttribute?: string;
  /**
   * Phase scheme of a graph that carries none (graph attribute `scheme`, which `buildGraph`
   * of `@mgraph/graph` sets). When the graph carries one, a scheme passed here must be the
   * same. Default: the graph's.
   */
  scheme?: PhaseScheme;
  /** Called with `(done, total)` as the seven metrics complete. */
  onProgress?: ProgressCallback;
  /** Cancels between metrics and inside betweenness / closeness (one check per source node). */
  signal?: AbortSignal;
}

/** One row of {@link nodeMetrics}: the paper's node descriptors. */
export interface NodeMetricsRow {
  node: string;
  /** The node's phase (a phase name of the graph's scheme). */
  phase: string;
  degree: number;
  weightedDegree: number;
  clustering: number;
  betweenness: number;
  closeness: number;
  eigenvector: number;
  /**
   * Neighbours (self excluded) by phase, one key per object phase of the scheme, in code order
   * (`scheme.objects`; 0 when none): `{ sse, nmc, graphite }` for the cathode, `{ pore, ni,
   * ysz }` for the SOFC anode.
   */
  neighbors: Record<string, number>;
}

/**
 * The paper's node-level descriptors for chosen nodes of a microstructure graph: degree,
 * weighted degree, clustering coefficient, betweenness (normalised), closeness
 * (Wasserman-Faust), eigenvector centrality, and the number of neighbours of each object
 * phase of the graph's phase scheme (read from each neighbour's `phase` node attribute, as
 * `@mgraph/graph` sets it). Every metric has networkx's defaults (see the individual
 * functions).
 *
 * The scheme is the graph's own (graph attribute `scheme`, a `PhaseScheme` of
 * `@mgraph/core`), so the neighbour counts are keyed by that scheme's phases: `{ sse, nmc,
 * graphite }` on the paper's cathode, `{ pore, ni, ysz }` on an SOFC anode. Neighbours of a
 * phase the scheme does not cut into objects (the cathode's `background`, of which
 * `buildGraph` makes no nodes) are not counted.
 *
 * @param graph - simple undirected graphology graph (node attribute `phase`, edge attribute
 *   `weight`, graph attribute `scheme`, as built by `@mgraph/graph`)
 * @param options - `weight` ('weight'), `distance` (undefined), `eigenvectorWeight`
 *   (undefined), `maxIter` (1000), `tol` (1e-6), `nodes` (all), `phaseAttribute` ('phase'),
 *   `scheme` (the graph's), `onProgress`, `signal`
 * @returns one row per requested node (none for an empty graph)
 * @throws InvalidArgumentError for a bad graph, option, weight or unknown node; when the graph
 *   carries no scheme and none is passed, `options.scheme` differs from the graph's, or a
 *   node's phase is not a phase of the scheme
 * @throws ConvergenceError when the eigenvector iteration does not converge
 * @throws AbortError when `options.signal` fires
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085 (node metrics).
 */
export function nodeMetrics(graph: Graph, options: NodeMetricsOptions = {}): NodeMetricsRow[] {
  const fn = 'nodeMetrics';
  options = checkOptions(fn, options, {
    weight: true,
    distance: true,
    eigenvectorWeight: true,
    maxIter: true,
    tol: true,
    nodes: true,
    phaseAttribute: true,
    scheme: true,
    onProgress: true,
    signal: true,
  });
  assertCallback(fn, 'options.onProgress', options.onProgress);
  assertSignal(fn, 'options.signal', options.signal);
  const weight = attributeOption(fn, 'weight', options.weight ?? 'weight')!;
  const distance = attributeOption(fn, 'distance', options.distance);
  const eigenvectorWeight = attributeOption(fn, 'eigenvectorWeight', options.eigenvectorWeight);
  const phaseAttribute = options.phaseAttribute ?? 'phase';
  if (typeof phaseAttribute !== 'string' || phaseAttribute.length === 0) {
    throw new InvalidArgumentError(
      fn,
      'options.phaseAttribute',
      phaseAttribute,
      'a non-empty string',
    );
  }
  const { keys } = indexGraph(fn, graph);
  const scheme = schemeOfGraph(fn, graph, options.scheme);
  const phaseOf = new Map<string, string>();
  graph.forEachNode((node, attributes) => {
    const phase = attributes[phaseAttribute];
    if (typeof phase !== 'string' || !scheme.phases.includes(phase)) {
      throw new InvalidArgumentError(
        fn,
        `graph node ${JSON.stringify(node)} attribute ${phaseAttribute}`,
        phase,
        `a phase of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.map((p) => JSON.stringify(p)).join(', ')})`,
      );
    }
    phaseOf.set(node, phase);
  });
  const nodes = options.nodes ?? keys;
  if (!Array.isArray(nodes))
    throw new InvalidArgumentError(fn, 'options.nodes', nodes, 'an array of node keys');
  nodes.forEach((node, i) => {
    if (typeof node !== 'string' || !graph.hasNode(node)) {
      throw new InvalidArgumentError(
        fn,
        `options.nodes[${i}]`,
        node,
        'the key of a node of the graph',
      );
    }
  });
  const { onProgress, signal } = options;
  throwIfAborted(fn, signal);
  const total = 7;
  if (keys.length === 0) {
    onProgress?.(total, total);
    return [];
  }
  const step = <T>(done: number, value: T): T => {
    onProgress?.(done, total);
    throwIfAborted(fn, signal);
    return value;
  };
  const deg = step(1, degree(graph));
  const wdeg = step(2, weightedDegree(graph, { weight }));
  const clust = step(3, clustering(graph));
  const betw = step(4, betweennessCentrality(graph, { weight: distance, signal }));
  const close = step(5, closenessCentrality(graph, { distance, signal }));
  const eig = step(
    6,
    eigenvectorCentrality(graph, {
      weight: eigenvectorWeight,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol,
    }),
  );
  const rows = nodes.map((node) => {
    // fromEntries defines own keys, so even a phase named "__proto__" is counted as itself
    const neighbors: Record<string, number> = Object.fromEntries(scheme.objects.map((p) => [p, 0]));
    graph.forEachNeighbor(node, (neighbor) => {
      if (neighbor === node) return;
      const phase = phaseOf.get(neighbor)!;
      if (Object.hasOwn(neighbors, phase)) neighbors[phase]!++;
    });
    return {
      node,
      phase: phaseOf.get(node)!,
      degree: deg[node]!,
      weightedDegree: wdeg[node]!,
      clustering: clust[node]!,
      betweenness: betw[node]!,
      closeness: close[node]!,
      eigenvector: eig[node]!,
      neighbors,
    };
  });
  onProgress?.(total, total);
  return rows;
}
