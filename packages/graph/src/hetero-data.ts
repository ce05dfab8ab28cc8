import { checkOptions, InvalidArgumentError, type PhaseScheme } from '@mgraph/core';
import { type AnyGraph, checkObjectPhases, graphScheme, nodePhases } from './graph-access.js';

/** Options of {@link toHeteroData}. */
export interface HeteroDataOptions {
  /**
   * Node types (object phases of the graph's scheme) to keep, in order. Default: every object
   * phase of the scheme, in code order, also those without nodes (their arrays are empty),
   * so that every graph of one scheme gives the same node and edge types.
   */
  nodeTypes?: readonly string[];
  /**
   * Numeric node attributes forming the feature matrix `x`; array attributes (e.g.
   * `centroid`) become one column per element (`centroid_0`, ...). Default `['size']`.
   */
  features?: readonly string[];
  /** Numeric edge attributes forming `edge_attr`. Default `['weight']`. */
  edgeAttributes?: readonly string[];
  /** Relation name of every edge type. Default `'contacts'`. */
  relation?: string;
  /**
   * The scheme the caller expects. Optional: the graph carries its own (graph attribute
   * `scheme`); when given, it must be the graph's (else `InvalidArgumentError`), and a graph
   * that carries none is read with it.
   */
  scheme?: PhaseScheme;
}

/** Arrays of one node type. */
export interface HeteroNodeArrays {
  /** Graph node key of each row. */
  keys: string[];
  /** Image label of each row (node attribute `label`, else the numeric key): the label map. */
  labels: Int32Array;
  /** Feature matrix, row-major `[keys.length, features]`. */
  x: Float32Array;
  /** Number of feature columns. */
  features: number;
}

/** Arrays of one edge type `(src, relation, dst)`. */
export interface HeteroEdgeArrays {
  /** `[src, relation, dst]`. */
  type: [string, string, string];
  /** `edge_index`, row-major `[2, E]`: source rows (in `src`'s arrays), then target rows. */
  edgeIndex: Int32Array;
  /** `edge_attr`, row-major `[E, edgeAttributes.length]`. */
  edgeAttr: Float32Array;
}

/** Arrays ready for PyTorch Geometric `HeteroData`. */
export interface HeteroDataArrays {
  /** Node types, in order. */
  nodeTypes: string[];
  /** Edge types `[src, relation, dst]`, in order. */
  edgeTypes: [string, string, string][];
  /** Feature column names (array attributes expanded as `name_i`). */
  features: string[];
  /** Edge attribute names (columns of `edge_attr`). */
  edgeAttributes: string[];
  /** Per node type. */
  nodes: Record<string, HeteroNodeArrays>;
  /** Per edge type, keyed `src__relation__dst` (PyG's separator). */
  edges: Record<string, HeteroEdgeArrays>;
}

/**
 * Turn a microstructure graph into the arrays of a PyTorch Geometric `HeteroData`: per node
 * type (an object phase of the graph's scheme) a float32 feature matrix and the image label of each row, per relation
 * `(src, relation, dst)` an `edge_index` and `edge_attr`. Each undirected edge between types
 * `s` and `t` appears as `s -> t` in `(s, rel, t)` and `t -> s` in `(t, rel, s)`; between two
 * nodes of one type, both directions appear in `(s, rel, s)` (what PyG's `ToUndirected`
 * gives). Edges to nodes of types left out are dropped. Write the arrays as `.npy` with
 * {@link encodeHeteroDataNpy} / {@link writeHeteroDataNpy}.
 *
 * @param graph - a graph from {@link buildGraph} (it carries its scheme), or any graphology
 *   graph with node attribute `phase` and the numeric attributes asked for, read with
 *   `options.scheme`
 * @param options - {@link HeteroDataOptions}: `nodeTypes` (the scheme's object phases),
 *   `features` (['size']), `edgeAttributes` (['weight']), `relation` ('contacts'), `scheme`
 *   (the graph's)
 * @returns {@link HeteroDataArrays}
 * @throws InvalidArgumentError when `graph` is not a graphology graph; when it carries no
 *   scheme and `options.scheme` is not given, or `options.scheme` differs from the graph's;
 *   when a node type is not an object phase of the scheme (or repeated); when a node's
 *   phase is not an object phase of the scheme or a node has no integer label in int32's
 *   range; a feature or edge attribute is missing, not finite, beyond float32's range (its
 *   magnitude above 3.4e38, or non-zero below 1.4e-45: it would be stored as Infinity or 0)
 *   or an array of different length across nodes; or a type / relation name is not made of
 *   letters, digits, `_`, `-` and `.` (names become file names)
 *
 * @remarks
 * References: M. Fey, J. E. Lenssen, "Fast Graph Representation Learning with PyTorch
 * Geometric", ICLR workshop 2019 (`HeteroData`, `edge_index` layout).
 */
export function toHeteroData(graph: AnyGraph, options: HeteroDataOptions = {}): HeteroDataArrays {
  const fn = 'toHeteroData';
  options = checkOptions(fn, options, {
    nodeTypes: true,
    features: true,
    edgeAttributes: true,
    relation: true,
    scheme: true,
  });
  const scheme = graphScheme(fn, graph, options.scheme);
  const phaseOf = nodePhases(fn, graph, scheme);
  const {
    nodeTypes = scheme.objects,
    features = ['size'],
    edgeAttributes = ['weight'],
    relation = 'contacts',
  } = options;
  for (const [argument, names] of [
    ['options.nodeTypes', nodeTypes],
    ['options.relation', [relation]],
  ] as const) {
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && SAFE.test(n))) {
      throw new InvalidArgumentError(
        fn,
        argument,
        names,
        'names of letters, digits, "_", "-" and "." (no "__")',
      );
    }
  }
  for (const [argument, names] of [
    ['options.features', features],
    ['options.edgeAttributes', edgeAttributes],
  ] as const) {
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
      throw new InvalidArgumentError(fn, argument, names, 'a list of attribute names');
    }
  }
  checkObjectPhases(fn, scheme, 'options.nodeTypes', nodeTypes, nodeTypes);
  const types = [...nodeTypes];
  const keysByType = new Map<string, string[]>(types.map((t) => [t, []]));
  for (const [key, phase] of phaseOf) keysByType.get(phase)?.push(key);
  const rowOf = new Map<string, number>();
  const columns = featureColumns(fn, graph, features);
  const nodes: Record<string, HeteroNodeArrays> = {};
  for (const type of types) {
    const keys = keysByType.get(type)!;
    const f = columns.length;
    const x = new Float32Array(keys.length * f);
    const labels = new Int32Array(keys.length);
    keys.forEach((key, row) => {
      rowOf.set(key, row);
      const attr = graph.getNodeAttributes(key);
      const label = typeof attr.label === 'number' ? attr.label : Number(key);
      if (!Number.isInteger(label) || label < -(2 ** 31) || label >= 2 ** 31) {
        // labels are held as int32 (written as int64): 3e9 would wrap to -1294967296
        throw new InvalidArgumentError(
          fn,
          `graph node ${key} attribute label`,
          attr.label ?? key,
          'an integer in [-2^31, 2^31 - 1] (labels are held as int32)',
        );
      }
      labels[row] = label;
      const values = numericValues(fn, `graph node ${key}`, attr, features);
      if (values.length !== f) {
        throw new InvalidArgumentError(
          fn,
          `graph node ${key} features`,
          values,
          `${f} numbers (${columns.join(', ')})`,
        );
      }
      x.set(values, row * f);
    });
    nodes[type] = { keys, labels, x, features: f };
  }
  const lists = new Map<string, { src: number[]; dst: number[]; attr: number[] }>();
  const edgeTypes: [string, string, string][] = [];
  for (const s of types) {
    for (const t of types) {
      edgeTypes.push([s, relation, t]);
      lists.set(`${s}__${relation}__${t}`, { src: [], dst: [], attr: [] });
    }
  }
  graph.forEachEdge((edge, attr, u, v) => {
    const tu = phaseOf.get(u)!;
    const tv = phaseOf.get(v)!;
    if (!keysByType.has(tu) || !keysByType.has(tv)) return;
    const values = numericValues(fn, `graph edge ${edge}`, attr, edgeAttributes);
    for (const [a, ta, b, tb] of [
      [u, tu, v, tv],
      [v, tv, u, tu],
    ] as const) {
      const list = lists.get(`${ta}__${relation}__${tb}`)!;
      list.src.push(rowOf.get(a)!);
      list.dst.push(rowOf.get(b)!);
      list.attr.push(...values);
    }
  });
  const edges: Record<string, HeteroEdgeArrays> = {};
  for (const type of edgeTypes) {
    const name = type.join('__');
    const { src, dst, attr } = lists.get(name)!;
    const edgeIndex = new Int32Array(2 * src.length);
    edgeIndex.set(src, 0);
    edgeIndex.set(dst, src.length);
    edges[name] = { type, edgeIndex, edgeAttr: Float32Array.from(attr) };
  }
  return {
    nodeTypes: types,
    edgeTypes,
    features: columns,
    edgeAttributes: [...edgeAttributes],
    nodes,
    edges,
  };
}

const SAFE = /^(?!.*__)[A-Za-z0-9_.-]+$/;

/**
 * Column names: scalar attributes as is, arrays expanded from the first node's length
 * (whose values are checked here, so that errors name the graph's first node).
 */
function featureColumns(fn: string, graph: AnyGraph, features: readonly string[]): string[] {
  if (graph.order === 0) return [...features];
  const key = graph.nodes()[0]!;
  const first = graph.getNodeAttributes(key);
  numericValues(fn, `graph node ${key}`, first, features);
  return features.flatMap((name) => {
    const value = first[name] as unknown;
    return Array.isArray(value) ? value.map((_, i) => `${name}_${i}`) : [name];
  });
}

function numericValues(
  fn: string,
  where: string,
  attr: Record<string, unknown>,
  names: readonly string[],
): number[] {
  const out: number[] = [];
  for (const name of names) {
    const value = attr[name];
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(fn, `${where} attribute ${name}`, value, 'finite number(s)');
      }
      const f32 = Math.fround(v);
      if (!Number.isFinite(f32) || (f32 === 0 && v !== 0)) {
        // stored as float32: 1e39 would become Infinity, 1e-50 would become 0
        throw new InvalidArgumentError(
          fn,
          `${where} attribute ${name}`,
          value,
          `number(s) float32 can hold (0 or 1.4e-45 <= |v| <= 3.4028234663852886e38; ${v} would be stored as ${f32})`,
        );
      }
      out.push(v);
    }
  }
  return out;
}
