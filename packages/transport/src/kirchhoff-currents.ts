import {
  assertCallback,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { faceNodes } from './graph-face-nodes.js';
import { conjugateGradient } from './graph-laplacian-cg.js';
import {
  buildNetwork,
  type ConductanceModelOptions,
  checkGraph,
  checkModel,
  checkNodeSet,
  networkComponents,
} from './kirchhoff-network.js';
import { groundedOperator } from './kirchhoff-operator.js';

/** Which conductor roles of the scheme make a network. */
export type NetworkKind = 'ionic' | 'electronic';

/** Options of {@link kirchhoffCurrents}. */
export interface KirchhoffCurrentsOptions extends ConductanceModelOptions {
  /** Axis normal to the two driving faces. Default 0. */
  axis?: number;
  /** Nodes held at potential 1. Default: the network's nodes touching the low face of `axis` ({@link faceNodes}). */
  source?: readonly string[];
  /** Nodes held at potential 0. Default: the network's nodes touching the high face of `axis`. */
  sink?: readonly string[];
  /** Relative residual of the conjugate gradients, `||r|| <= tol ||b||`. Default 1e-10. */
  tol?: number;
  /** Iteration limit of the conjugate gradients. Default `10 * nodes + 100`. */
  maxIter?: number;
  /** Called with `(1, 1)` when the solve is done. */
  onProgress?: (done: number, total: number) => void;
}

const KEYS: OptionKeys<KirchhoffCurrentsOptions> = {
  area: true,
  contactResistivity: true,
  spacing: true,
  axis: true,
  source: true,
  sink: true,
  tol: true,
  maxIter: true,
  onProgress: true,
};

/** One contact of the network and the current through it. */
export interface KirchhoffEdge {
  /** Graph edge key. */
  edge: string;
  /** Graph source node (current is counted from `source` to `target`). */
  source: string;
  target: string;
  /** Conductance of the contact, S (S / unit of depth in 2D). */
  conductance: number;
  /** `conductance * (potential[source] - potential[target])`, A per V of drive; `null` in an isolated component. */
  current: number | null;
}

/** What {@link kirchhoffCurrents} returns. */
export interface KirchhoffCurrents {
  network: NetworkKind;
  /** The conductor phases of the network (the scheme's `ionic` or `electronic` phases). */
  phases: string[];
  /** The boundary sets used. */
  source: string[];
  sink: string[];
  /** Potential of each network node, V for a 1 V drive; `null` for isolated nodes. */
  potential: Record<string, number | null>;
  /** Nodes in components that touch not both the source and the sink (no potential, no current). */
  isolated: string[];
  /** Every contact between two network nodes, in graph edge order. */
  edges: KirchhoffEdge[];
  /** Effective conductance between source and sink: the current the 1 V drive pushes from source to sink, S. 0 without a path. */
  conductance: number;
  /** Conjugate gradient iterations and final relative residual (0, 0 when nothing was solved). */
  iterations: number;
  residual: number;
}

/**
 * Kirchhoff currents on a contact graph: the network of the phases the graph's scheme marks
 * `ionic` (or `electronic`), edge conductances from the contact model (two half-particles
 * and the contact in series, {@link ConductanceModelOptions}), the `source` nodes held at 1 V
 * and the `sink` nodes at 0 V. Solves the grounded weighted Laplacian by Jacobi-preconditioned
 * conjugate gradients (Float64). Components not reaching both boundary sets are reported
 * as `isolated`, without potentials. Active particles are not part of the network (the
 * scheme declares them non-conductors); see {@link particleAccessibility} for them.
 *
 * @param graph - a `MicrostructureGraph` with `shape` and, by default, edge `contactArea`
 * @param network - `'ionic'` or `'electronic'`
 * @param conductivity - conductivity (S / unit) of every phase of the network, e.g. `{ sse: 0.1 }`; no default
 * @param options - {@link KirchhoffCurrentsOptions}: `axis` (0), `source` / `sink` (nodes touching the low / high face), `area` (`'contactArea'`), `contactResistivity` (0), `spacing` (1 per axis), `tol` (1e-10), `maxIter` (10 n + 100)
 * @returns potentials, edge currents, isolated nodes and the effective conductance
 * @throws InvalidArgumentError for a graph without scheme / shape, a missing or non-positive
 *   conductivity, a missing contact area, a node in both boundary sets, a boundary node that
 *   is not of the network, or a bad option
 * @throws ConvergenceError when the conjugate gradients do not converge within `maxIter`
 *
 * @remarks
 * References: Kirchhoff (1847); Doyle and Snell, Random Walks and Electric Networks (1984);
 * the network model of Li, Deng, Liu, Hu, arXiv:2512.16085 (secondary source).
 */
export function kirchhoffCurrents(
  graph: MicrostructureGraph,
  network: NetworkKind,
  conductivity: Record<string, number>,
  options: KirchhoffCurrentsOptions | null = {},
): KirchhoffCurrents {
  const fn = 'kirchhoffCurrents';
  const { scheme, shape } = checkGraph(fn, graph);
  if (network !== 'ionic' && network !== 'electronic')
    throw new InvalidArgumentError(fn, 'network', network, "'ionic' or 'electronic'");
  const opts = checkOptions(fn, options, KEYS);
  const { axis = 0, tol = 1e-10, onProgress } = opts;
  assertNumber(fn, 'options.axis', axis, { integer: true, min: 0, max: shape.length - 1 });
  assertNumber(fn, 'options.tol', tol, { greaterThan: 0, lessThan: 1 });
  assertCallback(fn, 'options.onProgress', onProgress);
  const phases = [...scheme[network]];
  if (phases.length === 0)
    throw new InvalidArgumentError(
      fn,
      'network',
      network,
      `a role scheme ${JSON.stringify(scheme.name)} gives to at least one phase`,
    );
  const model = checkModel(fn, 'conductivity', conductivity, phases, opts, shape.length);
  const net = buildNetwork(fn, graph, phases, model);
  const n = net.nodes.length;
  const { maxIter = 10 * n + 100 } = opts;
  assertNumber(fn, 'options.maxIter', maxIter, { integer: true, min: 1 });
  const what = `the ${network} network (${phases.join(', ')})`;
  const source = checkNodeSet(
    fn,
    'options.source',
    opts.source ?? faceNodes(graph, axis, 'low', { phases }),
    net,
    what,
  );
  const sink = checkNodeSet(
    fn,
    'options.sink',
    opts.sink ?? faceNodes(graph, axis, 'high', { phases }),
    net,
    what,
  );
  // Fixed potential of each node: 1 source, 0 sink, NaN free.
  const fixed = new Float64Array(n).fill(Number.NaN);
  for (const i of source) fixed[i] = 1;
  for (const i of sink) {
    if (fixed[i] === 1)
      throw new InvalidArgumentError(
        fn,
        'options.sink',
        net.nodes[i],
        'nodes not also in options.source (this node touches both faces: a short circuit)',
      );
    fixed[i] = 0;
  }
  const component = networkComponents(net);
  const components = Math.max(0, ...component) + 1;
  const hasSource = new Uint8Array(components);
  const hasSink = new Uint8Array(components);
  for (const i of source) hasSource[component[i]!] = 1;
  for (const i of sink) hasSink[component[i]!] = 1;
  const live = (i: number) => hasSource[component[i]!] === 1 && hasSink[component[i]!] === 1;
  const potential = new Float64Array(n).fill(Number.NaN);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!live(i)) continue;
    if (Number.isNaN(fixed[i]!)) free.push(i);
    else potential[i] = fixed[i]!;
  }
  let iterations = 0;
  let residual = 0;
  if (free.length > 0) {
    const op = groundedOperator(net, free);
    const b = new Float64Array(free.length);
    free.forEach((i, f) => {
      for (let k = net.indptr[i]!; k < net.indptr[i + 1]!; k++)
        if (fixed[net.indices[k]!] === 1) b[f]! += net.conductance[k]!;
    });
    const solution = conjugateGradient(fn, op, b, tol, maxIter);
    free.forEach((i, f) => {
      potential[i] = solution.x[f]!;
    });
    iterations = solution.iterations;
    residual = solution.residual;
  }
  let total = 0;
  for (const i of source)
    for (let k = net.indptr[i]!; k < net.indptr[i + 1]!; k++) {
      const j = net.indices[k]!;
      if (live(j)) total += net.conductance[k]! * (1 - potential[j]!);
    }
  const edges: KirchhoffEdge[] = [];
  graph.forEachEdge((edge, _attributes, a, b) => {
    const i = net.index.get(a);
    const j = net.index.get(b);
    if (i === undefined || j === undefined || i === j) return;
    let g = 0;
    for (let k = net.indptr[i]!; k < net.indptr[i + 1]!; k++)
      if (net.indices[k] === j) g = net.conductance[k]!;
    edges.push({
      edge,
      source: a,
      target: b,
      conductance: g,
      current: live(i) ? g * (potential[i]! - potential[j]!) : null,
    });
  });
  const out: Record<string, number | null> = {};
  net.nodes.forEach((key, i) => {
    out[key] = live(i) ? potential[i]! : null;
  });
  onProgress?.(1, 1);
  return {
    network,
    phases,
    source: source.map((i) => net.nodes[i]!),
    sink: sink.map((i) => net.nodes[i]!),
    potential: out,
    isolated: net.nodes.filter((_, i) => !live(i)),
    edges,
    conductance: total,
    iterations,
    residual,
  };
}
