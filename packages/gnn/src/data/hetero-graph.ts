import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { type EdgeType, edgeTypeKey } from '../nn/hetero-conv.js';

/** A dense row-major matrix of plain numbers. */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  /** `rows * cols` values, row-major. */
  data: Float64Array;
}

/** The edges of one relation, source rows and destination rows in their node types. */
export interface HeteroRelation {
  edgeType: EdgeType;
  src: Int32Array;
  dst: Int32Array;
  /** `(edges, edge features)` attributes, e.g. the contact strength. */
  attr: FeatureMatrix;
}

/**
 * Input of {@link HeteroNNConvModel}: a heterogeneous graph as PyTorch Geometric's
 * `HeteroData`, with node features per node type, one edge set per relation (keyed by
 * {@link edgeTypeKey}) and, for training, targets of the nodes of `targetType`.
 */
export interface HeteroGraph {
  /** Node types in model order, e.g. `['nmc', 'sse', 'graphite']`. */
  nodeTypes: string[];
  /** Features by node type, `(nodes of that type, features)`. */
  x: Record<string, FeatureMatrix>;
  /** Graph node key of every row of `x`, by node type. */
  nodeKeys: Record<string, string[]>;
  /** Edges by relation key `<src___rel___dst>`. */
  relations: Record<string, HeteroRelation>;
  /** Names of the feature columns. */
  featureNames: string[];
  /** Names of the edge-attribute columns. */
  edgeFeatureNames: string[];
  /** Node type whose nodes are predicted. */
  targetType: string;
  /** Names of the target columns (empty when there are no targets). */
  targetNames: string[];
  /** Targets of the `targetType` nodes, `(nodes, targets)`, or null. */
  y: FeatureMatrix | null;
}

/** Every ordered pair of node types as a relation `[src, relation, dst]`. */
export function allRelations(nodeTypes: readonly string[], relation: string): EdgeType[] {
  if (!Array.isArray(nodeTypes) || !nodeTypes.every((t) => typeof t === 'string')) {
    throw new InvalidArgumentError('allRelations', 'nodeTypes', nodeTypes, 'an array of names');
  }
  if (typeof relation !== 'string') {
    throw new InvalidArgumentError('allRelations', 'relation', relation, 'a relation name');
  }
  const out: EdgeType[] = [];
  for (const s of nodeTypes) for (const d of nodeTypes) out.push([s, relation, d]);
  return out;
}

/**
 * Check a {@link HeteroGraph}: matrix sizes, finite values, edge indices in range,
 * attribute rows per edge, the targets' shape.
 *
 * @param fn - function name for the messages
 * @param graph - the graph
 * @param name - argument name for the messages. Default `'graph'`.
 * @throws InvalidArgumentError for a missing node type, a non-finite value or an edge
 *   index out of range
 * @throws ShapeMismatchError for matrices whose sizes disagree
 */
export function validateHeteroGraph(fn: string, graph: HeteroGraph, name = 'graph'): void {
  if (typeof fn !== 'string') {
    throw new InvalidArgumentError('validateHeteroGraph', 'fn', fn, 'a function name (string)');
  }
  if (typeof graph !== 'object' || graph === null || !Array.isArray(graph.nodeTypes)) {
    throw new InvalidArgumentError(fn, name, graph, 'a HeteroGraph (see fromGraph)');
  }
  const checkMatrix = (m: FeatureMatrix | undefined, label: string, cols: number) => {
    if (m === undefined) throw new InvalidArgumentError(fn, label, m, 'a feature matrix');
    if (m.cols !== cols || m.data.length !== m.rows * m.cols) {
      throw new ShapeMismatchError(
        fn,
        label,
        [m.rows, cols],
        [m.data.length / Math.max(1, m.cols), m.cols],
      );
    }
    for (let i = 0; i < m.data.length; i++) {
      if (!Number.isFinite(m.data[i])) {
        const r = Math.floor(i / m.cols);
        throw new InvalidArgumentError(
          fn,
          `${label}[${r}, ${i % m.cols}]`,
          m.data[i],
          'a finite number',
        );
      }
    }
  };
  for (const t of graph.nodeTypes) {
    checkMatrix(graph.x[t], `${name}.x.${t}`, graph.featureNames.length);
  }
  for (const [key, rel] of Object.entries(graph.relations)) {
    const [s, , d] = rel.edgeType;
    if (edgeTypeKey(rel.edgeType) !== key) {
      throw new InvalidArgumentError(
        fn,
        `${name}.relations`,
        key,
        `keyed ${edgeTypeKey(rel.edgeType)}`,
      );
    }
    const label = `${name}.relations[${key}]`;
    const ns = graph.x[s]?.rows;
    const nd = graph.x[d]?.rows;
    if (ns === undefined || nd === undefined) {
      throw new InvalidArgumentError(
        fn,
        label,
        rel.edgeType,
        `a relation between node types ${graph.nodeTypes.join(', ')}`,
      );
    }
    if (rel.src.length !== rel.dst.length) {
      throw new ShapeMismatchError(fn, `${label}.dst`, [rel.src.length], [rel.dst.length]);
    }
    for (let k = 0; k < rel.src.length; k++) {
      if (!(rel.src[k]! >= 0 && rel.src[k]! < ns)) {
        throw new InvalidArgumentError(
          fn,
          `${label}.src[${k}]`,
          rel.src[k],
          `an integer in [0, ${ns})`,
        );
      }
      if (!(rel.dst[k]! >= 0 && rel.dst[k]! < nd)) {
        throw new InvalidArgumentError(
          fn,
          `${label}.dst[${k}]`,
          rel.dst[k],
          `an integer in [0, ${nd})`,
        );
      }
    }
    if (rel.attr.rows !== rel.src.length) {
      throw new ShapeMismatchError(
        fn,
        `${label}.attr`,
        [rel.src.length, graph.edgeFeatureNames.length],
        [rel.attr.rows, rel.attr.cols],
      );
    }
    checkMatrix(rel.attr, `${label}.attr`, graph.edgeFeatureNames.length);
  }
  if (graph.y !== null) {
    const n = graph.x[graph.targetType]?.rows;
    if (n === undefined)
      throw new InvalidArgumentError(
        fn,
        `${name}.targetType`,
        graph.targetType,
        'one of the node types',
      );
    if (graph.y.rows !== n) {
      throw new ShapeMismatchError(
        fn,
        `${name}.y`,
        [n, graph.targetNames.length],
        [graph.y.rows, graph.y.cols],
      );
    }
    checkMatrix(graph.y, `${name}.y`, graph.targetNames.length);
  }
}
