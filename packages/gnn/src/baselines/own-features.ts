import { InvalidArgumentError } from '@mgraph/core';
import { type FeatureMatrix, type HeteroGraph, validateHeteroGraph } from '../data/hetero-graph.js';

/** The target-type nodes of several graphs as a plain table: features and targets. */
export interface OwnFeatureTable {
  /** `(nodes, features)`: each node's own feature row (`graph.x[targetType]`), graphs in order. */
  x: FeatureMatrix;
  /** `(nodes, targets)`: their targets. */
  y: FeatureMatrix;
}

/**
 * The no-graph view of graphs with targets: every node of the target type with its own
 * feature row and its targets, stacked graph after graph. What a model that ignores the
 * graph (mean, linear regression, MLP) sees; neighbours enter only through the node's own
 * columns (e.g. its neighbour counts), never through the neighbours' features.
 *
 * @param graphs - graphs with targets ({@link fromGraph}, possibly z-scored); not modified
 * @returns an {@link OwnFeatureTable}
 * @throws InvalidArgumentError for a graph without targets, or graphs whose feature or
 *   target columns differ
 */
export function ownFeatureTable(graphs: readonly HeteroGraph[]): OwnFeatureTable {
  const fn = 'ownFeatureTable';
  if (!Array.isArray(graphs as unknown) || graphs.length === 0) {
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'a non-empty array of HeteroGraphs');
  }
  const first = graphs[0]!;
  graphs.forEach((g, i) => {
    validateHeteroGraph(fn, g, `graphs[${i}]`);
    if (g.y === null) {
      throw new InvalidArgumentError(
        fn,
        `graphs[${i}].y`,
        null,
        'targets (fromGraph with targets)',
      );
    }
    if (
      g.featureNames.join('\n') !== first.featureNames.join('\n') ||
      g.targetNames.join('\n') !== first.targetNames.join('\n') ||
      g.targetType !== first.targetType
    ) {
      throw new InvalidArgumentError(
        fn,
        `graphs[${i}]`,
        `features ${g.featureNames.join(', ')}; targets ${g.targetNames.join(', ')}`,
        `the features and targets of graphs[0] (${first.featureNames.join(', ')}; ${first.targetNames.join(', ')})`,
      );
    }
  });
  const p = first.featureNames.length;
  const k = first.targetNames.length;
  const rows = graphs.reduce((a, g) => a + g.y!.rows, 0);
  const x = new Float64Array(rows * p);
  const y = new Float64Array(rows * k);
  let r = 0;
  for (const g of graphs) {
    x.set(g.x[g.targetType]!.data, r * p);
    y.set(g.y!.data, r * k);
    r += g.y!.rows;
  }
  return { x: { rows, cols: p, data: x }, y: { rows, cols: k, data: y } };
}
