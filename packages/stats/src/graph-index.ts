import {
  assertBoolean,
  assertCallback,
  assertSignal,
  InvalidArgumentError,
  type ProgressCallback,
} from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';

/**
 * A graphology graph in compressed sparse row form: node `i` is `keys[i]` (graph order) and its
 * neighbours (self excluded) are `targets[offsets[i] .. offsets[i + 1])` with matching
 * `weights`; `loops[i]` is the weight of the self-loop of `i` (0 when it has none) and
 * `hasLoop[i]` says whether there is one.
 */
export interface GraphIndex {
  readonly keys: string[];
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly loops: Float64Array;
  readonly hasLoop: Uint8Array;
}

/** How edge values are checked: any finite number, or a positive distance. */
export type WeightRule = 'finite' | 'positive';

/**
 * Throw unless `graph` is a simple undirected graphology graph (networkx `Graph` semantics).
 *
 * @throws InvalidArgumentError naming `graph`
 */
export function assertSimpleUndirected(fn: string, graph: Graph): void {
  const g = graph as Partial<Graph> | null;
  if (typeof g !== 'object' || g === null || typeof g.forEachNode !== 'function') {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graphology graph');
  }
  if (graph.type !== 'undirected' || graph.multi) {
    throw new InvalidArgumentError(
      fn,
      'graph',
      graph,
      `a simple undirected graphology graph (got type ${graph.type}${graph.multi ? ', multi' : ''})`,
    );
  }
}

/**
 * Read an edge value as networkx does: a missing attribute counts as 1; a present one must be a
 * finite number (and positive for distances).
 */
function edgeValue(
  fn: string,
  option: string,
  attributes: Record<string, unknown>,
  name: string,
  rule: WeightRule,
): number {
  const value = attributes[name];
  if (value === undefined) return 1;
  const ok =
    typeof value === 'number' && Number.isFinite(value) && (rule === 'finite' || value > 0);
  if (!ok) {
    throw new InvalidArgumentError(
      fn,
      `edge attribute ${option} (${JSON.stringify(name)})`,
      value,
      rule === 'finite' ? 'a finite number' : 'a finite number > 0',
    );
  }
  return value;
}

/**
 * Check an attribute-name option: undefined / null (unweighted) or a non-empty string.
 *
 * @throws InvalidArgumentError naming `options.<option>`
 */
export function attributeOption(fn: string, option: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError(
      fn,
      `options.${option}`,
      value,
      'an edge attribute name (non-empty string) or undefined',
    );
  }
  return value;
}

/**
 * Build the {@link GraphIndex} of a simple undirected graph. Edge values are read from
 * `weight` (1 for every edge when it is undefined).
 *
 * @throws InvalidArgumentError for a directed / multi graph or a bad edge value
 */
export function indexGraph(
  fn: string,
  graph: Graph,
  weight?: string,
  option = 'weight',
  rule: WeightRule = 'finite',
): GraphIndex {
  assertSimpleUndirected(fn, graph);
  const keys = graph.nodes();
  const n = keys.length;
  const position = new Map<string, number>();
  for (let i = 0; i < n; i++) position.set(keys[i]!, i);
  const loops = new Float64Array(n);
  const hasLoop = new Uint8Array(n);
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  const value = new Float64Array(graph.size);
  const offsets = new Int32Array(n + 1);
  let m = 0;
  graph.forEachEdge((_e, attributes, s, t) => {
    const i = position.get(s)!;
    const j = position.get(t)!;
    const w = weight === undefined ? 1 : edgeValue(fn, option, attributes, weight, rule);
    if (i === j) {
      loops[i] = w;
      hasLoop[i] = 1;
      return;
    }
    source[m] = i;
    target[m] = j;
    value[m++] = w;
    offsets[i + 1]!++;
    offsets[j + 1]!++;
  });
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  // neighbours in edge insertion order, as networkx's adjacency when built edge by edge
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * m);
  const weights = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const i = source[e]!;
    const j = target[e]!;
    let k = fill[i]!++;
    targets[k] = j;
    weights[k] = value[e]!;
    k = fill[j]!++;
    targets[k] = i;
    weights[k] = value[e]!;
  }
  return { keys, offsets, targets, weights, loops, hasLoop };
}

/** Turn a per-index array into a record keyed by node. */
export function toRecord(
  keys: readonly string[],
  values: ArrayLike<number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!;
  return out;
}

/** The checked options of a measure computed from every source node, and the graph's index. */
export interface SourceSweep {
  /** The boolean option (`normalized`, `wfImproved`): true unless given. */
  flag: boolean;
  /** The edge attribute read as a length; undefined for hop counts. */
  attribute: string | undefined;
  onProgress: ProgressCallback | undefined;
  signal: AbortSignal | undefined;
  /** The graph indexed with `attribute` as a finite length > 0. */
  index: GraphIndex;
}

/**
 * Check the options (already through `checkOptions`) of a measure that runs a search from
 * every source node (betweenness, closeness): the edge attribute option `attribute`, the
 * boolean option `flag` (default true), `onProgress` and `signal`; then index the graph with
 * that attribute as a positive length.
 *
 * @throws InvalidArgumentError naming the option at fault, or for a directed / multi graph
 * @internal
 */
export function sourceSweep(
  fn: string,
  graph: Graph,
  checked: object,
  flag: string,
  attribute: string,
): SourceSweep {
  const o = checked as Record<string, unknown>;
  const name = attributeOption(fn, attribute, o[attribute]);
  const { [flag]: value = true, onProgress, signal } = o;
  assertBoolean(fn, `options.${flag}`, value);
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const index = indexGraph(fn, graph, name, attribute, 'positive');
  return {
    flag: value !== false,
    attribute: name,
    onProgress: onProgress as ProgressCallback | undefined,
    signal,
    index,
  };
}
