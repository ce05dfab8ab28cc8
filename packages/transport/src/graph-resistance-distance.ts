import { assertBoolean, checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import type { AbstractGraph } from 'graphology-types';
import { edgeWeightOf } from './graph-laplacian.js';
import { conjugateGradient } from './graph-laplacian-cg.js';
import type { Network } from './kirchhoff-network.js';
import { networkComponents } from './kirchhoff-network.js';
import { groundedOperator } from './kirchhoff-operator.js';

/** Options of {@link resistanceDistance}. */
export interface ResistanceDistanceOptions {
  /** Edge attribute holding the weight, or `null` for 1 on every edge (networkx's default). Default `null`. */
  weight?: string | null;
  /** The weight is a resistance, its reciprocal the conductance (networkx's `invert_weight`). Default `true`. */
  invertWeight?: boolean;
  /** Relative residual of the conjugate gradients. Default 1e-12. */
  tol?: number;
}

const KEYS: OptionKeys<ResistanceDistanceOptions> = {
  weight: true,
  invertWeight: true,
  tol: true,
};

/**
 * Resistance distance between two nodes: the effective resistance between them when every
 * edge is a resistor, as networkx `resistance_distance(G, nodeA, nodeB, weight,
 * invert_weight)` (one pair). Computed on the component holding both nodes by grounding
 * `nodeB` and solving the Laplacian for 1 A injected at `nodeA` (Jacobi-preconditioned
 * conjugate gradients, Float64), so other components do not matter.
 *
 * @param graph - an undirected graphology graph
 * @param nodeA - a node key
 * @param nodeB - a node key (0 when equal to `nodeA`)
 * @param options - {@link ResistanceDistanceOptions}: `weight` (null: unit resistors), `invertWeight` (true), `tol` (1e-12)
 * @returns the resistance, in the reciprocal unit of the conductances
 * @throws InvalidArgumentError for a graph that is not undirected, an unknown node, nodes in
 *   two components (no finite resistance), a weight that is not a finite positive number
 * @throws ConvergenceError when the conjugate gradients do not converge
 *
 * @remarks
 * References: Klein and Randic, J. Math. Chem. 12 (1993) 81; networkx `resistance_distance`.
 */
export function resistanceDistance(
  graph: AbstractGraph,
  nodeA: string,
  nodeB: string,
  options: ResistanceDistanceOptions | null = {},
): number {
  const fn = 'resistanceDistance';
  if (typeof graph !== 'object' || graph === null || (graph as AbstractGraph).type !== 'undirected')
    throw new InvalidArgumentError(fn, 'graph', graph, 'an undirected graphology graph');
  const { weight = null, invertWeight = true, tol = 1e-12 } = checkOptions(fn, options, KEYS);
  if (weight !== null && typeof weight !== 'string')
    throw new InvalidArgumentError(fn, 'options.weight', weight, 'an attribute name or null');
  assertBoolean(fn, 'options.invertWeight', invertWeight);
  if (!(typeof tol === 'number' && tol > 0 && tol < 1))
    throw new InvalidArgumentError(fn, 'options.tol', tol, 'a number in (0, 1)');
  for (const [argument, node] of [
    ['nodeA', nodeA],
    ['nodeB', nodeB],
  ] as const)
    if (typeof node !== 'string' || !graph.hasNode(node))
      throw new InvalidArgumentError(fn, argument, node, 'a node key of the graph');
  if (nodeA === nodeB) return 0;
  const nodes = graph.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const rows: { j: number; g: number }[][] = nodes.map(() => []);
  graph.forEachEdge((edge, _attributes, a, b) => {
    if (a === b) return;
    const w = edgeWeightOf(fn, graph, edge, weight);
    if (!(w > 0))
      throw new InvalidArgumentError(
        fn,
        `graph edge ${JSON.stringify(edge)} ${weight}`,
        w,
        'a positive number',
      );
    const g = invertWeight ? 1 / w : w;
    rows[index.get(a)!]!.push({ j: index.get(b)!, g });
    rows[index.get(b)!]!.push({ j: index.get(a)!, g });
  });
  const indptr = new Int32Array(nodes.length + 1);
  rows.forEach((row, i) => {
    indptr[i + 1] = indptr[i]! + row.length;
  });
  const net: Network = {
    phases: [],
    nodes,
    index,
    indptr,
    indices: Int32Array.from(rows.flatMap((row) => row.map((e) => e.j))),
    conductance: Float64Array.from(rows.flatMap((row) => row.map((e) => e.g))),
  };
  const component = networkComponents(net);
  const a = index.get(nodeA)!;
  const b = index.get(nodeB)!;
  if (component[a] !== component[b])
    throw new InvalidArgumentError(
      fn,
      'nodeB',
      nodeB,
      `a node connected to ${JSON.stringify(nodeA)} (in two components the resistance is infinite)`,
    );
  const free: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (component[i] === component[a] && i !== b) free.push(i);
  const op = groundedOperator(net, free);
  const rhs = new Float64Array(free.length);
  const fa = free.indexOf(a);
  rhs[fa] = 1;
  return conjugateGradient(fn, op, rhs, tol, 10 * free.length + 100).x[fa]!;
}
