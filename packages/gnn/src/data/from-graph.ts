import { InvalidArgumentError } from '@mgraph/core';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { edgeTypeKey } from '../nn/hetero-conv.js';
import {
  allRelations,
  type FeatureMatrix,
  type HeteroGraph,
  type HeteroRelation,
} from './hetero-graph.js';

/** A computed node feature: a name and a function of the node. */
export interface NodeFeature {
  name: string;
  value: (node: string, attributes: Attributes, graph: AbstractGraph) => number;
}

/** A computed edge feature: a name and a function of the edge. */
export interface EdgeFeature {
  name: string;
  value: (edge: string, attributes: Attributes, graph: AbstractGraph) => number;
}

/** Options of {@link fromGraph}. */
export interface FromGraphOptions {
  /**
   * Node features, in column order: a built-in name, a numeric node attribute name, or a
   * {@link NodeFeature}. Built-ins: `'degree'`, `'weightedDegree'` (sum of the `weight` of its edges),
   * `'logSize'` (`ln(1 + size)`), and `'<type>Neighbors'` for each node type (neighbours
   * of that phase, e.g. `'sseNeighbors'`). Default
   * `['size', 'nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors']`.
   */
  features?: ReadonlyArray<string | NodeFeature>;
  /** Edge attributes, in column order: edge attribute names or {@link EdgeFeature}s. Default `['weight']` (contact strength). */
  edgeFeatures?: ReadonlyArray<string | EdgeFeature>;
  /**
   * Target names, read from the node attributes of `targetType` nodes (or `targetValues`).
   * Default `['soc', 'heterogeneity', 'polarization']`; `[]` for a graph without targets
   * (prediction only).
   */
  targets?: readonly string[];
  /** Targets by node key and target name; they take precedence over node attributes. */
  targetValues?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Node types (phase names) in model order; nodes of other phases are left out with their edges. Default `['nmc', 'sse', 'graphite']`. */
  nodeTypes?: readonly string[];
  /** Node attribute holding the phase name. Default `'phase'`. */
  phaseAttribute?: string;
  /** Node type whose nodes carry targets and are predicted. Default `'nmc'`. */
  targetType?: string;
  /** Relation name of the contact edges. Default `'contacts'`. */
  relation?: string;
}

const DEFAULT_FEATURES = ['size', 'nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors'];

/**
 * Build the heterogeneous input of {@link HeteroNNConvModel} from a microstructure graph
 * (graphology, as `buildGraph` of `@mgraph/graph` returns): one node type per phase, every
 * contact edge in both directions, one relation per ordered pair of node types
 * (`nmc -> sse` and `sse -> nmc` are two relations; all nine are always present, possibly
 * empty), the edge attributes (default the contact strength `weight`) and the node
 * features; targets of the `targetType` nodes from their attributes or `targetValues`.
 * Rows follow the graph's node order. The graph is not modified.
 *
 * @param graph - graphology graph (undirected, directed or mixed; a directed edge is also
 *   used in both directions); node attribute `phase`, edge attribute `weight`
 * @param options - see {@link FromGraphOptions}
 * @returns a {@link HeteroGraph}
 * @throws InvalidArgumentError for a graph that is not a graphology graph, a missing or
 *   non-finite feature, edge attribute or target (naming the node or edge), or a
 *   `targetType` that is not a node type
 */
export function fromGraph(graph: AbstractGraph, options: FromGraphOptions = {}): HeteroGraph {
  const fn = 'fromGraph';
  const {
    features = DEFAULT_FEATURES,
    edgeFeatures = ['weight'],
    targets = ['soc', 'heterogeneity', 'polarization'],
    targetValues,
    nodeTypes = ['nmc', 'sse', 'graphite'],
    phaseAttribute = 'phase',
    targetType = 'nmc',
    relation = 'contacts',
  } = options;
  if (
    typeof graph !== 'object' ||
    graph === null ||
    typeof (graph as AbstractGraph).forEachNode !== 'function'
  ) {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graphology graph');
  }
  if (nodeTypes.length === 0 || new Set(nodeTypes).size !== nodeTypes.length) {
    throw new InvalidArgumentError(
      fn,
      'options.nodeTypes',
      nodeTypes,
      'a non-empty list of unique phase names',
    );
  }
  if (!nodeTypes.includes(targetType)) {
    throw new InvalidArgumentError(
      fn,
      'options.targetType',
      targetType,
      `one of ${nodeTypes.join(', ')}`,
    );
  }
  if (features.length === 0)
    throw new InvalidArgumentError(fn, 'options.features', features, 'at least one feature');
  if (edgeFeatures.length === 0) {
    throw new InvalidArgumentError(
      fn,
      'options.edgeFeatures',
      edgeFeatures,
      'at least one edge feature',
    );
  }

  // node type and row of every kept node
  const typeOf = new Map<string, string>();
  const rowOf = new Map<string, number>();
  const nodeKeys: Record<string, string[]> = Object.fromEntries(nodeTypes.map((t) => [t, []]));
  graph.forEachNode((node, attr) => {
    const phase = attr[phaseAttribute];
    if (typeof phase !== 'string' || !nodeTypes.includes(phase)) return;
    typeOf.set(node, phase);
    rowOf.set(node, nodeKeys[phase]!.length);
    nodeKeys[phase]!.push(node);
  });

  const featureFns = features.map((f) => nodeFeature(f, nodeTypes, phaseAttribute));
  const featureNames = featureFns.map((f) => f.name);
  const x: Record<string, FeatureMatrix> = {};
  for (const t of nodeTypes) {
    const keys = nodeKeys[t]!;
    const m = matrix(keys.length, featureFns.length);
    keys.forEach((node, r) => {
      const attr = graph.getNodeAttributes(node);
      featureFns.forEach((f, c) => {
        const v = f.value(node, attr, graph);
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new InvalidArgumentError(
            fn,
            `node ${JSON.stringify(node)} feature ${f.name}`,
            v,
            'a finite number',
          );
        }
        m.data[r * m.cols + c] = v;
      });
    });
    x[t] = m;
  }

  const edgeFns = edgeFeatures.map((f) =>
    typeof f === 'string' ? { name: f, value: (_e: string, a: Attributes) => a[f] as number } : f,
  );
  const edgeTypes = allRelations(nodeTypes, relation);
  const lists = new Map(
    edgeTypes.map((et) => [
      edgeTypeKey(et),
      { src: [] as number[], dst: [] as number[], attr: [] as number[] },
    ]),
  );
  graph.forEachEdge((edge, attr, source, target) => {
    const ts = typeOf.get(source);
    const td = typeOf.get(target);
    if (ts === undefined || td === undefined) return;
    const values = edgeFns.map((f) => {
      const v = f.value(edge, attr, graph);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(
          fn,
          `edge ${JSON.stringify(edge)} attribute ${f.name}`,
          v,
          'a finite number',
        );
      }
      return v;
    });
    const push = (a: string, ta: string, b: string, tb: string) => {
      const l = lists.get(edgeTypeKey([ta, relation, tb]))!;
      l.src.push(rowOf.get(a)!);
      l.dst.push(rowOf.get(b)!);
      l.attr.push(...values);
    };
    push(source, ts, target, td);
    if (source !== target) push(target, td, source, ts);
  });
  const relations: Record<string, HeteroRelation> = {};
  for (const et of edgeTypes) {
    const key = edgeTypeKey(et);
    const l = lists.get(key)!;
    relations[key] = {
      edgeType: et,
      src: Int32Array.from(l.src),
      dst: Int32Array.from(l.dst),
      attr: { rows: l.src.length, cols: edgeFns.length, data: Float64Array.from(l.attr) },
    };
  }

  let y: FeatureMatrix | null = null;
  if (targets.length > 0) {
    const keys = nodeKeys[targetType]!;
    y = matrix(keys.length, targets.length);
    keys.forEach((node, r) => {
      const attr = graph.getNodeAttributes(node);
      targets.forEach((name, c) => {
        const v = targetValues?.[node]?.[name] ?? attr[name];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new InvalidArgumentError(
            fn,
            `node ${JSON.stringify(node)} target ${name}`,
            v,
            'a finite number',
          );
        }
        y!.data[r * y!.cols + c] = v;
      });
    });
  }

  return {
    nodeTypes: [...nodeTypes],
    x,
    nodeKeys,
    relations,
    featureNames,
    edgeFeatureNames: edgeFns.map((f) => f.name),
    targetType,
    targetNames: [...targets],
    y,
  };
}

function matrix(rows: number, cols: number): FeatureMatrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

function nodeFeature(
  f: string | NodeFeature,
  nodeTypes: readonly string[],
  phaseAttribute: string,
): NodeFeature {
  if (typeof f !== 'string') return f;
  const neighbours = nodeTypes.find((t) => f === `${t}Neighbors`);
  if (neighbours !== undefined) {
    return {
      name: f,
      value: (node, _a, g) => {
        let n = 0;
        g.forEachNeighbor(node, (_m, attr) => {
          if (attr[phaseAttribute] === neighbours) n++;
        });
        return n;
      },
    };
  }
  switch (f) {
    case 'degree':
      return { name: f, value: (node, _a, g) => g.neighbors(node).length };
    case 'weightedDegree':
      return {
        name: f,
        value: (node, _a, g) => {
          let s = 0;
          g.forEachEdge(node, (_e, attr) => {
            s += attr.weight as number;
          });
          return s;
        },
      };
    case 'logSize':
      return { name: f, value: (_n, a) => Math.log1p(a.size as number) };
    default:
      return { name: f, value: (_n, a) => a[f] as number };
  }
}
