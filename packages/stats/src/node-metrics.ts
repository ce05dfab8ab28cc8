import { InvalidArgumentError } from '@mgraph/core';
import type Graph from 'graphology';
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
  /** Node attribute holding the phase name of a node (`'nmc'`, `'sse'`, `'graphite'`). Default `'phase'`. */
  phaseAttribute?: string;
  /** Called with `(done, total)` as the seven metrics complete. */
  onProgress?: (done: number, total: number) => void;
}

/** One row of {@link nodeMetrics}: the paper's node descriptors. */
export interface NodeMetricsRow {
  node: string;
  /** The node's phase attribute (undefined when it has none). */
  phase: string | undefined;
  degree: number;
  weightedDegree: number;
  clustering: number;
  betweenness: number;
  closeness: number;
  eigenvector: number;
  /** Neighbours (self excluded) whose phase is `'nmc'`, `'sse'`, `'graphite'`. */
  nmcNeighbors: number;
  sseNeighbors: number;
  graphiteNeighbors: number;
}

/**
 * The paper's node-level descriptors for chosen nodes of a microstructure graph: degree,
 * weighted degree, clustering coefficient, betweenness (normalised), closeness
 * (Wasserman-Faust), eigenvector centrality, and the counts of NMC, SSE and graphite
 * neighbours (read from each neighbour's `phase` node attribute, as `@mgraph/graph` sets it).
 * Every metric has networkx's defaults (see the individual functions).
 *
 * @param graph - simple undirected graphology graph (node attribute `phase`, edge attribute
 *   `weight` as built by `@mgraph/graph`)
 * @param options - `weight` ('weight'), `distance` (undefined), `eigenvectorWeight`
 *   (undefined), `maxIter` (1000), `tol` (1e-6), `nodes` (all), `phaseAttribute` ('phase'),
 *   `onProgress`
 * @returns one row per requested node (none for an empty graph)
 * @throws InvalidArgumentError for a bad graph, option, weight or unknown node
 * @throws ConvergenceError when the eigenvector iteration does not converge
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085 (node metrics).
 */
export function nodeMetrics(graph: Graph, options: NodeMetricsOptions = {}): NodeMetricsRow[] {
  const fn = 'nodeMetrics';
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
  const { onProgress } = options;
  const total = 7;
  if (keys.length === 0) {
    onProgress?.(total, total);
    return [];
  }
  const step = <T>(done: number, value: T): T => {
    onProgress?.(done, total);
    return value;
  };
  const deg = step(1, degree(graph));
  const wdeg = step(2, weightedDegree(graph, { weight }));
  const clust = step(3, clustering(graph));
  const betw = step(4, betweennessCentrality(graph, { weight: distance }));
  const close = step(5, closenessCentrality(graph, { distance }));
  const eig = step(
    6,
    eigenvectorCentrality(graph, {
      weight: eigenvectorWeight,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol,
    }),
  );
  const rows = nodes.map((node) => {
    const counts: Record<string, number> = { nmc: 0, sse: 0, graphite: 0 };
    graph.forEachNeighbor(node, (neighbor, attributes) => {
      if (neighbor === node) return;
      const phase = attributes[phaseAttribute];
      if (typeof phase === 'string' && Object.hasOwn(counts, phase)) counts[phase]!++;
    });
    const phase = graph.getNodeAttribute(node, phaseAttribute);
    return {
      node,
      phase: typeof phase === 'string' ? phase : undefined,
      degree: deg[node]!,
      weightedDegree: wdeg[node]!,
      clustering: clust[node]!,
      betweenness: betw[node]!,
      closeness: close[node]!,
      eigenvector: eig[node]!,
      nmcNeighbors: counts.nmc!,
      sseNeighbors: counts.sse!,
      graphiteNeighbors: counts.graphite!,
    };
  });
  onProgress?.(total, total);
  return rows;
}
