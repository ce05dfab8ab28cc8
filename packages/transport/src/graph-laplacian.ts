import { checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import type { AbstractGraph } from 'graphology-types';

/** Options of {@link laplacianMatrix}. */
export interface LaplacianMatrixOptions {
  /** Rows / columns in this node order. Default: the graph's node order. */
  nodelist?: readonly string[];
  /** Edge attribute holding the weight, or `null` for 1 on every edge. Default `'weight'` (networkx's), 1 where an edge lacks it. */
  weight?: string | null;
}

/** A sparse symmetric matrix in compressed sparse rows, Float64. */
export interface CsrMatrix {
  /** Node key of each row (and column). */
  nodes: string[];
  /** Row `i` holds entries `indptr[i] .. indptr[i + 1] - 1`, columns sorted. */
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

const KEYS: OptionKeys<LaplacianMatrixOptions> = { nodelist: true, weight: true };

/** Edge weight as networkx reads it: the attribute, 1 when absent; finite or an error. @internal */
export function edgeWeightOf(
  fn: string,
  graph: AbstractGraph,
  edge: string,
  weight: string | null,
): number {
  if (weight === null) return 1;
  const w = graph.getEdgeAttribute(edge, weight);
  if (w === undefined) return 1;
  if (typeof w !== 'number' || !Number.isFinite(w))
    throw new InvalidArgumentError(
      fn,
      `graph edge ${JSON.stringify(edge)} ${weight}`,
      w,
      'a finite number',
    );
  return w;
}

/**
 * The Laplacian `L = D - A` of an undirected graph as a sparse matrix, as networkx
 * `laplacian_matrix(G, nodelist, weight)` builds it: `A[i][j]` the edge weight, `D` the
 * weighted degrees; self-loops cancel (they add to both `D` and `A`).
 *
 * @param graph - an undirected graphology graph
 * @param options - {@link LaplacianMatrixOptions}: `nodelist` (graph order), `weight` (`'weight'`)
 * @returns {@link CsrMatrix} with the diagonal stored in every row
 * @throws InvalidArgumentError for a graph that is not undirected, a `nodelist` that is not
 *   a permutation of the graph's nodes, or a weight that is not a finite number
 *
 * @remarks
 * References: networkx `laplacian_matrix`; Chung, Spectral Graph Theory (1997).
 */
export function laplacianMatrix(
  graph: AbstractGraph,
  options: LaplacianMatrixOptions | null = {},
): CsrMatrix {
  const fn = 'laplacianMatrix';
  if (typeof graph !== 'object' || graph === null || (graph as AbstractGraph).type !== 'undirected')
    throw new InvalidArgumentError(fn, 'graph', graph, 'an undirected graphology graph');
  const { nodelist, weight = 'weight' } = checkOptions(fn, options, KEYS);
  if (weight !== null && typeof weight !== 'string')
    throw new InvalidArgumentError(fn, 'options.weight', weight, 'an attribute name or null');
  const nodes = nodelist === undefined ? graph.nodes() : [...nodelist];
  const index = new Map(nodes.map((n, i) => [n, i]));
  if (
    !Array.isArray(nodelist ?? nodes) ||
    index.size !== graph.order ||
    nodes.length !== graph.order ||
    !nodes.every((n) => graph.hasNode(n))
  )
    throw new InvalidArgumentError(
      fn,
      'options.nodelist',
      nodelist,
      'every node of the graph once',
    );
  const rows: Map<number, number>[] = nodes.map(() => new Map());
  const add = (i: number, j: number, v: number) => rows[i]!.set(j, (rows[i]!.get(j) ?? 0) + v);
  graph.forEachEdge((edge, _attributes, a, b) => {
    if (a === b) return;
    const w = edgeWeightOf(fn, graph, edge, weight);
    const i = index.get(a)!;
    const j = index.get(b)!;
    add(i, j, -w);
    add(j, i, -w);
    add(i, i, w);
    add(j, j, w);
  });
  const indptr = new Int32Array(nodes.length + 1);
  rows.forEach((row, i) => {
    indptr[i + 1] = indptr[i]! + row.size;
  });
  const indices = new Int32Array(indptr[nodes.length]!);
  const data = new Float64Array(indptr[nodes.length]!);
  rows.forEach((row, i) => {
    [...row.keys()]
      .sort((x, y) => x - y)
      .forEach((j, k) => {
        indices[indptr[i]! + k] = j;
        data[indptr[i]! + k] = row.get(j)!;
      });
  });
  return { nodes, indptr, indices, data };
}
