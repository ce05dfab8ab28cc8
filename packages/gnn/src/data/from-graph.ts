import {
  assertBoolean,
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseScheme,
  schemeOfGraph,
} from '@mgraph/core';
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
   * `'logSize'` (`ln(1 + size)`), and `'<phase>Neighbors'` for each phase of the scheme
   * (neighbours of that phase, self excluded, e.g. `'sseNeighbors'`, `'poreNeighbors'`); a
   * name `'<x>Neighbors'` whose `<x>` is not a phase of the scheme is an error. Default
   * `['size', ...nodeTypes.map((t) => t + 'Neighbors')]` (on the cathode `['size',
   * 'nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors']`).
   */
  features?: ReadonlyArray<string | NodeFeature>;
  /**
   * Append the accessibility columns {@link ACCESSIBILITY_FEATURES} (`'ionicAccess'`,
   * `'electronicAccess'`, `'wired'`) to `features`: the node attributes that
   * `particleAccessibility` / `withAccessibility` of `@mgraph/transport` (or an analysis of
   * `@mgraph/pipeline` with `transport`) write. `ionicAccess` is `1 / (1 + ionicResistance)`
   * (resistance in the graph's ohm; 0 without a path or on a node that was not rated),
   * `electronicAccess` likewise, `wired` 1 or 0. The same names are built-ins of `features`.
   * Default `false`. A graph on which no node carries `wired` is an error (nothing was rated).
   */
  accessibility?: boolean;
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
  /**
   * Node types (phase names of the scheme) in model order; nodes of other phases are left out
   * with their edges. Default: the scheme's object phases, active ones first, then the others
   * in code order ({@link defaultNodeTypes}: `['nmc', 'sse', 'graphite']` on the cathode, as
   * the paper orders them; `['am', 'pore', 'cbd']` on the Li-ion electrode; `['pore', 'ni',
   * 'ysz']` on the SOFC anode).
   */
  nodeTypes?: readonly string[];
  /** Node attribute holding the phase name. Default `'phase'`. */
  phaseAttribute?: string;
  /**
   * Node type whose nodes carry targets and are predicted. Default: the scheme's active phase
   * (`'nmc'` on the cathode, `'am'` on the Li-ion electrode); required when the scheme has no
   * active phase (the SOFC anode) or several.
   */
  targetType?: string;
  /** Relation name of the contact edges. Default `'contacts'`. */
  relation?: string;
  /**
   * Phase scheme of a graph that carries none (graph attribute `scheme`, which `buildGraph`
   * of `@mgraph/graph` sets). When the graph carries one, a scheme passed here must be the
   * same. Default: the graph's.
   */
  scheme?: PhaseScheme;
}

/** The node features `fromGraph`'s `accessibility` option appends, in column order. */
export const ACCESSIBILITY_FEATURES = ['ionicAccess', 'electronicAccess', 'wired'] as const;

const FROM_GRAPH_KEYS: OptionKeys<FromGraphOptions> = {
  features: true,
  accessibility: true,
  edgeFeatures: true,
  targets: true,
  targetValues: true,
  nodeTypes: true,
  phaseAttribute: true,
  targetType: true,
  relation: true,
  scheme: true,
};

/**
 * Build the heterogeneous input of {@link HeteroNNConvModel} from a microstructure graph
 * (graphology, as `buildGraph` of `@mgraph/graph` returns): one node type per object phase
 * of the graph's phase scheme, every contact edge in both directions, one relation per
 * ordered pair of node types (`nmc -> sse` and `sse -> nmc` are two relations; all of them,
 * nine for three node types, are always present, possibly empty), the edge attributes
 * (default the contact strength `weight`) and the node features; targets of the
 * `targetType` nodes from their attributes or `targetValues`. Rows follow the graph's node
 * order. The graph is not modified.
 *
 * The scheme is the graph's own (graph attribute `scheme`, a `PhaseScheme` of
 * `@mgraph/core`): the default node types are its object phases, the default target type its
 * active phase, the default features `size` and the neighbour count of every node type.
 *
 * @param graph - graphology graph (undirected, directed or mixed; a directed edge is also
 *   used in both directions); node attribute `phase`, edge attribute `weight`, graph
 *   attribute `scheme`
 * @param options - see {@link FromGraphOptions}
 * @returns a {@link HeteroGraph}
 * @throws InvalidArgumentError for a graph that is not a graphology graph; when the graph
 *   carries no scheme and none is passed, or `options.scheme` differs from the graph's; for a
 *   node whose phase is not a phase of the scheme, a `nodeTypes` entry, `targetType` or
 *   `'<phase>Neighbors'` feature naming a phase the scheme lacks, no `targetType` given when
 *   the scheme has no single active phase, a `targetType` that is not a node type; a missing
 *   or non-finite feature, edge attribute or target (naming the node or edge)
 */
export function fromGraph(graph: AbstractGraph, options: FromGraphOptions = {}): HeteroGraph {
  const fn = 'fromGraph';
  if (
    typeof graph !== 'object' ||
    graph === null ||
    typeof (graph as AbstractGraph).forEachNode !== 'function'
  ) {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graphology graph');
  }
  options = checkOptions(fn, options, FROM_GRAPH_KEYS);
  const scheme = schemeOfGraph(fn, graph, options.scheme);
  const schemePhases = `phases of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.map((p) => JSON.stringify(p)).join(', ')})`;
  const {
    edgeFeatures = ['weight'],
    targets = ['soc', 'heterogeneity', 'polarization'],
    targetValues,
    nodeTypes = defaultNodeTypes(scheme),
    phaseAttribute = 'phase',
    relation = 'contacts',
  } = options;
  if (
    !Array.isArray(nodeTypes) ||
    nodeTypes.length === 0 ||
    new Set(nodeTypes).size !== nodeTypes.length ||
    nodeTypes.some((t) => !scheme.phases.includes(t))
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.nodeTypes',
      nodeTypes,
      `a non-empty list of distinct ${schemePhases}`,
    );
  }
  for (const [k, v] of [
    ['phaseAttribute', phaseAttribute],
    ['relation', relation],
  ] as const) {
    if (typeof v !== 'string') throw new InvalidArgumentError(fn, `options.${k}`, v, 'a name');
  }
  if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) {
    throw new InvalidArgumentError(fn, 'options.targets', targets, 'an array of target names');
  }
  if (targetValues !== undefined && (typeof targetValues !== 'object' || targetValues === null)) {
    throw new InvalidArgumentError(
      fn,
      'options.targetValues',
      targetValues,
      'an object of targets by node key',
    );
  }
  const targetType = options.targetType ?? defaultTargetType(fn, scheme);
  if (!scheme.phases.includes(targetType)) {
    throw new InvalidArgumentError(
      fn,
      'options.targetType',
      targetType,
      `one of the ${schemePhases}`,
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
  assertBoolean(fn, 'options.accessibility', options.accessibility);
  const base = options.features ?? ['size', ...nodeTypes.map((t) => `${t}Neighbors`)];
  const features =
    options.accessibility && Array.isArray(base) ? [...base, ...ACCESSIBILITY_FEATURES] : base;
  if (options.accessibility && !graph.someNode((_n, a) => typeof a.wired === 'boolean'))
    throw new InvalidArgumentError(
      fn,
      'options.accessibility',
      true,
      'a graph whose active nodes were rated (no node has a boolean `wired`: run particleAccessibility and withAccessibility of @mgraph/transport, or analyze with options.transport)',
    );
  const isFeature = (f: unknown) =>
    typeof f === 'string' ||
    (typeof f === 'object' &&
      f !== null &&
      typeof (f as NodeFeature).name === 'string' &&
      typeof (f as NodeFeature).value === 'function');
  for (const [k, list] of [
    ['features', features],
    ['edgeFeatures', edgeFeatures],
  ] as const) {
    if (!Array.isArray(list)) {
      throw new InvalidArgumentError(
        fn,
        `options.${k}`,
        list,
        'an array of names or { name, value }',
      );
    }
    list.forEach((f, i) => {
      if (!isFeature(f)) {
        throw new InvalidArgumentError(fn, `options.${k}[${i}]`, f, 'a name or { name, value }');
      }
    });
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
  const phaseOf = new Map<string, string>();
  graph.forEachNode((node, attr) => {
    const phase = attr[phaseAttribute];
    if (typeof phase !== 'string' || !scheme.phases.includes(phase)) {
      throw new InvalidArgumentError(
        fn,
        `graph node ${JSON.stringify(node)} attribute ${phaseAttribute}`,
        phase,
        `one of the ${schemePhases}`,
      );
    }
    phaseOf.set(node, phase);
    if (!nodeTypes.includes(phase)) return;
    typeOf.set(node, phase);
    rowOf.set(node, nodeKeys[phase]!.length);
    nodeKeys[phase]!.push(node);
  });

  const featureFns = features.map((f, i) => {
    const feature = nodeFeature(f, scheme.phases, phaseOf);
    if (feature === undefined) {
      throw new InvalidArgumentError(
        fn,
        `options.features[${i}]`,
        f,
        `a '<phase>Neighbors' feature of one of the ${schemePhases}, or a NodeFeature`,
      );
    }
    return feature;
  });
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

/**
 * The default node types of a scheme: its object phases, the active ones first, then the
 * others, each group in code order. On the paper's cathode `['nmc', 'sse', 'graphite']`, the
 * order of the paper's model (and of this package before schemes).
 */
export function defaultNodeTypes(scheme: PhaseScheme): string[] {
  scheme = checkScheme('defaultNodeTypes', 'scheme', scheme);
  const active = scheme.objects.filter((p) => scheme.active.includes(p));
  return [...active, ...scheme.objects.filter((p) => !active.includes(p))];
}

/** The single active phase of a scheme, the default target type. */
function defaultTargetType(fn: string, scheme: PhaseScheme): string {
  if (scheme.active.length !== 1) {
    throw new InvalidArgumentError(
      fn,
      'options.targetType',
      undefined,
      `given: scheme ${JSON.stringify(scheme.name)} has ${
        scheme.active.length === 0
          ? 'no active phase'
          : `several active phases (${scheme.active.join(', ')})`
      } to default to`,
    );
  }
  return scheme.active[0]!;
}

/**
 * A feature column: a {@link NodeFeature} as given, a built-in, or a node attribute;
 * undefined for `'<x>Neighbors'` with `<x>` not a phase of the scheme.
 */
function nodeFeature(
  f: string | NodeFeature,
  phases: readonly string[],
  phaseOf: ReadonlyMap<string, string>,
): NodeFeature | undefined {
  if (typeof f !== 'string') return f;
  if (f.endsWith('Neighbors')) {
    const phase = f.slice(0, -'Neighbors'.length);
    if (!phases.includes(phase)) return undefined;
    return {
      name: f,
      value: (node, _a, g) => {
        // distinct neighbours, self excluded (a self-loop is no contact with another object)
        let n = 0;
        g.forEachNeighbor(node, (m) => {
          if (m !== node && phaseOf.get(m) === phase) n++;
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
    case 'ionicAccess':
    case 'electronicAccess': {
      const key = f === 'ionicAccess' ? 'ionicResistance' : 'electronicResistance';
      return {
        name: f,
        value: (_n, a) => {
          const r = a[key];
          if (r === undefined) return 0;
          return typeof r === 'number' && r >= 0 ? 1 / (1 + r) : Number.NaN;
        },
      };
    }
    case 'wired':
      return {
        name: f,
        value: (_n, a) =>
          a.wired === undefined || a.wired === false ? 0 : a.wired === true ? 1 : Number.NaN,
      };
    default:
      return { name: f, value: (_n, a) => a[f] as number };
  }
}
