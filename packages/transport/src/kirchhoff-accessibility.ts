import {
  assertBoolean,
  assertCallback,
  assertNumber,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { faceNodes } from './graph-face-nodes.js';
import { conjugateGradient } from './graph-laplacian-cg.js';
import type { NetworkKind } from './kirchhoff-currents.js';
import {
  buildNetwork,
  type ConductanceModel,
  type ConductanceModelOptions,
  checkGraph,
  checkModel,
  checkNodeSet,
  contactConductance,
  type Network,
  networkComponents,
} from './kirchhoff-network.js';
import { groundedOperator, type Terminal } from './kirchhoff-operator.js';

/**
 * Conductivities (S / unit) of {@link particleAccessibility}, by network: each covers every
 * conductor phase of that network and the active phase (its half-particle), e.g.
 * `{ ionic: { sse: 0.1, nmc: 1e-4 }, electronic: { graphite: 100, nmc: 0.01 } }`. No default.
 */
export interface AccessibilityConductivity {
  ionic: Record<string, number>;
  electronic: Record<string, number>;
}

/** Options of {@link particleAccessibility}. */
export interface ParticleAccessibilityOptions extends ConductanceModelOptions {
  /** Active phase whose particles are rated. Default: the scheme's only active phase (required when it has none or several). */
  active?: string;
  /** Axis normal to the two boundary faces. Default 0. */
  axis?: number;
  /**
   * The active phase conducts in both networks (a mixed conductor, as NMC is): its particles
   * are nodes of each network, with the conductivities given for it, and may carry current
   * between other particles; a particle's resistance is then its resistance distance to the
   * grounded boundary within the network, and active particles touching a boundary face
   * are part of that boundary (resistance 0). Default `false`: active particles are
   * terminals (see {@link particleAccessibility}).
   */
  activeConducts?: boolean;
  /** Face of `axis` the ions come from (separator side): `'low'` (index 0) or `'high'`; electrons come from the opposite face (current collector). Default `'low'`. */
  ionicSide?: 'low' | 'high';
  /** Grounded nodes of the ionic network. Default: its nodes touching the `ionicSide` face ({@link faceNodes}). */
  ionicBoundary?: readonly string[];
  /** Grounded nodes of the electronic network. Default: its nodes touching the face opposite `ionicSide`. */
  electronicBoundary?: readonly string[];
  /** Relative residual of each conjugate gradient solve. Default 1e-10. */
  tol?: number;
  /** Iteration limit of each solve. Default `10 * nodes + 100`. */
  maxIter?: number;
  /** Called with `(particlesDone, particles)` after each particle. */
  onProgress?: ProgressCallback;
  /** Cancels between particles (`AbortError`). */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<ParticleAccessibilityOptions> = {
  area: true,
  contactResistivity: true,
  spacing: true,
  active: true,
  activeConducts: true,
  axis: true,
  ionicSide: true,
  ionicBoundary: true,
  electronicBoundary: true,
  tol: true,
  maxIter: true,
  onProgress: true,
  signal: true,
};

/** How well one active particle is wired to the two boundaries. */
export interface ParticleAccess {
  /** Graph node key. */
  node: string;
  /** Resistance distance (ohm) from the particle to the grounded ionic boundary; `null` when no ionic path exists. */
  ionicResistance: number | null;
  /** Resistance distance (ohm) to the grounded electronic boundary; `null` when no electronic path exists. */
  electronicResistance: number | null;
  /** `1 / (ionicResistance + electronicResistance)`: the current (A) the particle carries as the only load under 1 V between the two boundaries; `null` unless wired. */
  current: number | null;
  /** Whether the particle reaches both boundaries (both resistances finite). */
  wired: boolean;
}

/** What {@link particleAccessibility} returns. */
export interface ParticleAccessibility {
  /** The active phase rated. */
  active: string;
  /** The grounded boundary sets. */
  ionicBoundary: string[];
  electronicBoundary: string[];
  /** One entry per active particle, in graph node order. */
  particles: ParticleAccess[];
  /** Conjugate gradient iterations summed over the solves, and the largest final relative residual. */
  iterations: number;
  residual: number;
}

/** One network with its grounded boundary and the components reaching it. */
interface Grounded {
  net: Network;
  model: ConductanceModel;
  grounded: Uint8Array;
  component: Int32Array;
  /** Free nodes of each component reaching the boundary; undefined for components that do not. */
  freeOf: Map<number, number[]>;
}

/**
 * How well each active particle is wired: for the ionic network (the scheme's `ionic`
 * phases) and the electronic network (`electronic` phases), the resistance distance from
 * the particle to the network's grounded boundary set (Klein and Randic), with edge
 * conductances from {@link ConductanceModelOptions} (half-particles and contact in series).
 *
 * Active particles are terminals, not conductors: the scheme declares active phases
 * non-conductors, so each particle is rated alone, joined to the network through its own
 * contacts (its half-particle, with the active phase's conductivity, in series with the
 * conductor's), and never carries current between two conductor particles or to another
 * active particle. The resistance is `R = v_p` of the grounded network plus this one
 * terminal with 1 A injected at it, solved by Jacobi-preconditioned conjugate gradients
 * (Float64), so no difference of large numbers. Parts of a network that do not reach its
 * boundary carry no current: a particle touching only those has a `null` resistance, never
 * an arbitrary number. Boundary sets hold conductor nodes; an active particle touching a
 * face reaches it only through conductors. With `activeConducts`, the active phase is a
 * conductor of both networks instead (a mixed conductor).
 *
 * @param graph - a `MicrostructureGraph` with `shape` and, by default, edge `contactArea`
 * @param conductivity - {@link AccessibilityConductivity}: S / unit per phase of each network and the active phase; no default
 * @param options - {@link ParticleAccessibilityOptions}: `active` (the scheme's), `axis` (0), `ionicSide` (`'low'`), `activeConducts` (false), `ionicBoundary` / `electronicBoundary` (face nodes), `area` (`'contactArea'`), `contactResistivity` (0), `spacing` (1), `tol` (1e-10), `maxIter` (10 n + 100), `onProgress`, `signal`
 * @returns per-particle resistances, current and `wired` flag, and the boundaries used
 * @throws InvalidArgumentError for a graph without scheme / shape, a scheme without ionic or
 *   electronic phases, a bad `active`, a missing or non-positive conductivity, a missing
 *   contact area, a boundary node not of its network, or a bad option
 * @throws ConvergenceError when a solve does not converge; AbortError when `signal` aborts
 *
 * @remarks
 * References: Klein and Randic, J. Math. Chem. 12 (1993) 81 (resistance distance);
 * Doyle and Snell, Random Walks and Electric Networks (1984).
 */
export function particleAccessibility(
  graph: MicrostructureGraph,
  conductivity: AccessibilityConductivity,
  options: ParticleAccessibilityOptions | null = {},
): ParticleAccessibility {
  const fn = 'particleAccessibility';
  const { scheme, shape } = checkGraph(fn, graph);
  const opts = checkOptions(fn, options, KEYS);
  const {
    axis = 0,
    ionicSide = 'low',
    activeConducts = false,
    tol = 1e-10,
    onProgress,
    signal,
  } = opts;
  assertBoolean(fn, 'options.activeConducts', activeConducts);
  assertNumber(fn, 'options.axis', axis, { integer: true, min: 0, max: shape.length - 1 });
  if (ionicSide !== 'low' && ionicSide !== 'high')
    throw new InvalidArgumentError(fn, 'options.ionicSide', ionicSide, "'low' or 'high'");
  assertNumber(fn, 'options.tol', tol, { greaterThan: 0, lessThan: 1 });
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const active = opts.active ?? (scheme.active.length === 1 ? scheme.active[0] : undefined);
  if (typeof active !== 'string' || !scheme.objects.includes(active))
    throw new InvalidArgumentError(
      fn,
      'options.active',
      opts.active,
      `an object phase of scheme ${JSON.stringify(scheme.name)} (required: it declares ${scheme.active.length} active phases)`,
    );
  if (typeof conductivity !== 'object' || conductivity === null)
    throw new InvalidArgumentError(
      fn,
      'conductivity',
      conductivity,
      'an object { ionic: { phase: S/unit }, electronic: { phase: S/unit } }',
    );
  const electronicSide = ionicSide === 'low' ? 'high' : 'low';
  const networks = {} as Record<NetworkKind, Grounded>;
  const boundaries = {} as Record<NetworkKind, string[]>;
  for (const kind of ['ionic', 'electronic'] as const) {
    const phases = [...scheme[kind]];
    if (phases.length === 0 || phases.includes(active))
      throw new InvalidArgumentError(
        fn,
        'graph.scheme',
        scheme.name,
        `a scheme with ${kind} conductor phases other than ${JSON.stringify(active)}`,
      );
    const model = checkModel(
      fn,
      `conductivity.${kind}`,
      conductivity[kind],
      [...phases, active],
      opts,
      shape.length,
    );
    const net = buildNetwork(fn, graph, activeConducts ? [...phases, active] : phases, model);
    const given = kind === 'ionic' ? opts.ionicBoundary : opts.electronicBoundary;
    const side = kind === 'ionic' ? ionicSide : electronicSide;
    const boundary = checkNodeSet(
      fn,
      `options.${kind}Boundary`,
      given ?? faceNodes(graph, axis, side, { phases: net.phases }),
      net,
      `the ${kind} network (${net.phases.join(', ')})`,
    );
    boundaries[kind] = boundary.map((i) => net.nodes[i]!);
    networks[kind] = ground(net, model, boundary);
  }
  const nodes = graph.filterNodes((_, attributes) => attributes.phase === active);
  let largest = 0;
  for (const kind of ['ionic', 'electronic'] as const)
    largest = Math.max(largest, networks[kind].net.nodes.length);
  const { maxIter = 10 * largest + 100 } = opts;
  assertNumber(fn, 'options.maxIter', maxIter, { integer: true, min: 1 });
  let iterations = 0;
  let residual = 0;
  const particles = nodes.map((node, done): ParticleAccess => {
    throwIfAborted(fn, signal);
    const r = {} as Record<NetworkKind, number | null>;
    for (const kind of ['ionic', 'electronic'] as const) {
      const solved = terminalResistance(fn, graph, node, networks[kind], tol, maxIter);
      r[kind] = solved.resistance;
      iterations += solved.iterations;
      residual = Math.max(residual, solved.residual);
    }
    onProgress?.(done + 1, nodes.length);
    const wired = r.ionic !== null && r.electronic !== null;
    return {
      node,
      ionicResistance: r.ionic,
      electronicResistance: r.electronic,
      current: wired ? 1 / (r.ionic! + r.electronic!) : null,
      wired,
    };
  });
  return {
    active,
    ionicBoundary: boundaries.ionic,
    electronicBoundary: boundaries.electronic,
    particles,
    iterations,
    residual,
  };
}

/** The network grounded at `boundary`: components reaching it, and their free nodes. */
function ground(net: Network, model: ConductanceModel, boundary: number[]): Grounded {
  const grounded = new Uint8Array(net.nodes.length);
  for (const i of boundary) grounded[i] = 1;
  const component = networkComponents(net);
  const freeOf = new Map<number, number[]>();
  for (const i of boundary) if (!freeOf.has(component[i]!)) freeOf.set(component[i]!, []);
  for (let i = 0; i < net.nodes.length; i++)
    if (grounded[i] === 0) freeOf.get(component[i]!)?.push(i);
  return { net, model, grounded, component, freeOf };
}

/** Resistance from `node` (a terminal) to the grounded boundary of `g`; null without a path. */
function terminalResistance(
  fn: string,
  graph: MicrostructureGraph,
  node: string,
  g: Grounded,
  tol: number,
  maxIter: number,
): { resistance: number | null; iterations: number; residual: number } {
  const own = g.net.index.get(node);
  if (own !== undefined) return conductorResistance(fn, own, g, tol, maxIter);
  const contacts: { i: number; g: number }[] = [];
  graph.forEachEdge(node, (edge, _attributes, a, b) => {
    const other = a === node ? b : a;
    const i = g.net.index.get(other);
    if (i === undefined || !g.freeOf.has(g.component[i]!)) return;
    const c = contactConductance(fn, graph, edge, node, other, g.model);
    if (c > 0) contacts.push({ i, g: c });
  });
  if (contacts.length === 0) return { resistance: null, iterations: 0, residual: 0 };
  let total = 0;
  for (const c of contacts) total += c.g;
  const touched = [...new Set(contacts.map((c) => g.component[c.i]!))];
  const free = touched.flatMap((c) => g.freeOf.get(c)!);
  if (!contacts.some((c) => g.grounded[c.i] === 0))
    return { resistance: 1 / total, iterations: 0, residual: 0 };
  const local = new Map(free.map((i, f) => [i, f]));
  const terminal: Terminal = {
    contacts: contacts
      .filter((c) => g.grounded[c.i] === 0)
      .map((c) => ({ f: local.get(c.i)!, g: c.g })),
    total,
  };
  const op = groundedOperator(g.net, free, terminal);
  const b = new Float64Array(op.size);
  b[free.length] = 1;
  const solution = conjugateGradient(fn, op, b, tol, maxIter);
  return {
    resistance: solution.x[free.length]!,
    iterations: solution.iterations,
    residual: solution.residual,
  };
}

/** Resistance distance from network node `i` to the grounded boundary of `g`; null without a path. */
function conductorResistance(
  fn: string,
  i: number,
  g: Grounded,
  tol: number,
  maxIter: number,
): { resistance: number | null; iterations: number; residual: number } {
  if (g.grounded[i] === 1) return { resistance: 0, iterations: 0, residual: 0 };
  const free = g.freeOf.get(g.component[i]!);
  if (free === undefined) return { resistance: null, iterations: 0, residual: 0 };
  const op = groundedOperator(g.net, free);
  const b = new Float64Array(op.size);
  const f = free.indexOf(i);
  b[f] = 1;
  const solution = conjugateGradient(fn, op, b, tol, maxIter);
  return {
    resistance: solution.x[f]!,
    iterations: solution.iterations,
    residual: solution.residual,
  };
}
