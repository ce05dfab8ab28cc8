import { InvalidArgumentError } from '@mgraph/core';
import {
  type FeatureMatrix,
  type HeteroGraph,
  type HeteroRelation,
  validateHeteroGraph,
} from './hetero-graph.js';

/** Column means and standard deviations. */
export interface ColumnStats {
  mean: number[];
  /** Population standard deviation; 1 where a column is constant. */
  std: number[];
}

/**
 * z-scoring parameters fitted on training graphs: node features per node type, edge
 * attributes over all relations, targets. JSON-serialisable.
 */
export interface Standardizer {
  x: Record<string, ColumnStats>;
  edge: ColumnStats;
  /** Null when the graphs had no targets. */
  y: ColumnStats | null;
}

/**
 * Fit z-scoring on (training) graphs: mean and population standard deviation of every
 * node-feature column per node type, of every edge-attribute column over all edges, and of
 * every target column. A constant (or empty) column gets mean 0 / std 1 where nothing is
 * seen, std 1 where the spread is 0.
 *
 * @param graphs - at least one graph
 * @returns a {@link Standardizer}
 * @throws InvalidArgumentError for an empty list
 */
export function fitStandardizer(graphs: readonly HeteroGraph[]): Standardizer {
  if (!Array.isArray(graphs as unknown) || graphs.length === 0) {
    throw new InvalidArgumentError('fitStandardizer', 'graphs', graphs, 'at least one graph');
  }
  graphs.forEach((g, i) => {
    validateHeteroGraph('fitStandardizer', g, `graphs[${i}]`);
  });
  const first = graphs[0]!;
  const x: Record<string, ColumnStats> = {};
  for (const t of first.nodeTypes)
    x[t] = columnStats(
      graphs.map((g) => g.x[t]!),
      first.featureNames.length,
    );
  const edge = columnStats(
    graphs.flatMap((g) => Object.values(g.relations).map((r) => r.attr)),
    first.edgeFeatureNames.length,
  );
  const y =
    first.y === null
      ? null
      : columnStats(
          graphs.map((g) => g.y!),
          first.targetNames.length,
        );
  return { x, edge, y };
}

/**
 * z-score a graph with a fitted {@link Standardizer}: `(v - mean) / std` for node features,
 * edge attributes and targets. The input is not modified.
 *
 * @returns a new {@link HeteroGraph} (index arrays shared with the input)
 */
export function standardize(graph: HeteroGraph, s: Standardizer): HeteroGraph {
  const fn = 'standardize';
  validateHeteroGraph(fn, graph);
  const stats = (st: unknown, argument: string, cols: number) => {
    const c = st as Partial<ColumnStats> | null;
    const ok =
      typeof c === 'object' &&
      c !== null &&
      Array.isArray(c.mean) &&
      Array.isArray(c.std) &&
      c.mean.length === cols &&
      c.std.length === cols &&
      c.mean.every((v) => Number.isFinite(v)) &&
      c.std.every((v) => Number.isFinite(v) && v > 0);
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        argument,
        st,
        `column statistics { mean, std } of ${cols} finite numbers (std > 0), from fitStandardizer`,
      );
    }
  };
  if (typeof s !== 'object' || s === null || typeof s.x !== 'object' || s.x === null) {
    throw new InvalidArgumentError(fn, 's', s, 'a Standardizer (see fitStandardizer)');
  }
  for (const t of graph.nodeTypes) stats(s.x[t], `s.x.${t}`, graph.featureNames.length);
  stats(s.edge, 's.edge', graph.edgeFeatureNames.length);
  if (graph.y !== null && s.y !== null) stats(s.y, 's.y', graph.targetNames.length);
  const x: Record<string, FeatureMatrix> = {};
  for (const t of graph.nodeTypes) x[t] = scale(graph.x[t]!, s.x[t]!);
  const relations: Record<string, HeteroRelation> = {};
  for (const [k, r] of Object.entries(graph.relations))
    relations[k] = { ...r, attr: scale(r.attr, s.edge) };
  return {
    ...graph,
    x,
    relations,
    y: graph.y === null || s.y === null ? graph.y : scale(graph.y, s.y),
  };
}

function columnStats(ms: readonly FeatureMatrix[], cols: number): ColumnStats {
  const mean = new Array<number>(cols).fill(0);
  const std = new Array<number>(cols).fill(1);
  for (let c = 0; c < cols; c++) {
    let n = 0;
    let s = 0;
    for (const m of ms) for (let r = 0; r < m.rows; r++) s += m.data[r * cols + c]!;
    for (const m of ms) n += m.rows;
    if (n === 0) continue;
    const mu = s / n;
    let v = 0;
    for (const m of ms) for (let r = 0; r < m.rows; r++) v += (m.data[r * cols + c]! - mu) ** 2;
    const sd = Math.sqrt(v / n);
    mean[c] = mu;
    std[c] = sd > 0 ? sd : 1;
  }
  return { mean, std };
}

function scale(m: FeatureMatrix, st: ColumnStats): FeatureMatrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < data.length; i++) {
    const c = i % m.cols;
    data[i] = (m.data[i]! - st.mean[c]!) / st.std[c]!;
  }
  return { rows: m.rows, cols: m.cols, data };
}
