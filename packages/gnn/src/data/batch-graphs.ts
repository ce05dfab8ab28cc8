import { InvalidArgumentError } from '@mgraph/core';
import type { FeatureMatrix, HeteroGraph, HeteroRelation } from './hetero-graph.js';

/**
 * Disjoint union of graphs (PyTorch Geometric's mini-batch): node rows of each type and
 * target rows are stacked in input order, edge indices are shifted by the rows before
 * them. Node keys become `<graph position>:<key>`. Inputs are not modified.
 *
 * @param graphs - at least one graph, all with the same node types, relations, feature,
 *   edge-feature and target names
 * @returns one {@link HeteroGraph}
 * @throws InvalidArgumentError for an empty list or graphs that do not share a schema
 */
export function batchGraphs(graphs: readonly HeteroGraph[]): HeteroGraph {
  const fn = 'batchGraphs';
  if (!Array.isArray(graphs as unknown)) {
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'an array of HeteroGraphs');
  }
  graphs.forEach((g, i) => {
    if (typeof g !== 'object' || g === null || !Array.isArray(g.nodeTypes)) {
      throw new InvalidArgumentError(fn, `graphs[${i}]`, g, 'a HeteroGraph (see fromGraph)');
    }
  });
  if (graphs.length === 0)
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'at least one graph');
  const first = graphs[0]!;
  if (graphs.length === 1) return first;
  const schema = (g: HeteroGraph) =>
    JSON.stringify([
      g.nodeTypes,
      Object.keys(g.relations),
      g.featureNames,
      g.edgeFeatureNames,
      g.targetType,
      g.targetNames,
      g.y === null,
    ]);
  const want = schema(first);
  graphs.forEach((g, i) => {
    if (schema(g) !== want) {
      throw new InvalidArgumentError(
        fn,
        `graphs[${i}]`,
        schema(g),
        `the schema of graphs[0] (${want})`,
      );
    }
  });
  const x: Record<string, FeatureMatrix> = {};
  const nodeKeys: Record<string, string[]> = {};
  for (const t of first.nodeTypes) {
    x[t] = stack(graphs.map((g) => g.x[t]!));
    nodeKeys[t] = graphs.flatMap((g, i) => g.nodeKeys[t]!.map((k) => `${i}:${k}`));
  }
  const relations: Record<string, HeteroRelation> = {};
  for (const [key, rel] of Object.entries(first.relations)) {
    const [s, , d] = rel.edgeType;
    const parts = graphs.map((g) => g.relations[key]!);
    const total = parts.reduce((a, p) => a + p.src.length, 0);
    const src = new Int32Array(total);
    const dst = new Int32Array(total);
    let at = 0;
    let offS = 0;
    let offD = 0;
    parts.forEach((p, i) => {
      for (let k = 0; k < p.src.length; k++) {
        src[at + k] = p.src[k]! + offS;
        dst[at + k] = p.dst[k]! + offD;
      }
      at += p.src.length;
      offS += graphs[i]!.x[s]!.rows;
      offD += graphs[i]!.x[d]!.rows;
    });
    relations[key] = { edgeType: rel.edgeType, src, dst, attr: stack(parts.map((p) => p.attr)) };
  }
  return {
    ...first,
    x,
    nodeKeys,
    relations,
    y: first.y === null ? null : stack(graphs.map((g) => g.y!)),
  };
}

function stack(ms: readonly FeatureMatrix[]): FeatureMatrix {
  const cols = ms[0]!.cols;
  const rows = ms.reduce((a, m) => a + m.rows, 0);
  const data = new Float64Array(rows * cols);
  let at = 0;
  for (const m of ms) {
    data.set(m.data, at);
    at += m.data.length;
  }
  return { rows, cols, data };
}
