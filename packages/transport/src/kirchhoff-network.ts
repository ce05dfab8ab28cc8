import { assertNumber, InvalidArgumentError, type PhaseScheme, schemeOfGraph } from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';

/**
 * Options of the conductance model shared by {@link kirchhoffCurrents} and
 * {@link particleAccessibility}.
 */
export interface ConductanceModelOptions {
  /**
   * Edge attribute read as the contact area (unit^2 in 3D; a contact length, unit, in 2D,
   * where conductances are per unit depth). Default `'contactArea'` (written by
   * `@mgraph/morphology`); a graph without it is an error. `'weight'` reads the edge `weight`
   * instead (a pixel-count proxy of the area, only when you ask for it).
   */
  area?: 'contactArea' | 'weight';
  /** Contact resistivity at each particle contact, ohm * unit^2 (added as `rho / A`). Default 0: no contact resistance. */
  contactResistivity?: number;
  /** Physical size of a pixel (voxel) along each axis, in the unit of the areas. Default 1 per axis. */
  spacing?: readonly number[];
}

/** A graph's network of some phases: nodes, and symmetric edge conductances in CSR. @internal */
export interface Network {
  /** The phases of its nodes. */
  phases: string[];
  nodes: string[];
  index: Map<string, number>;
  /** CSR of the off-diagonal conductances (both directions). */
  indptr: Int32Array;
  indices: Int32Array;
  conductance: Float64Array;
}

/** The checked conductance model. @internal */
export interface ConductanceModel {
  area: 'contactArea' | 'weight';
  contactResistivity: number;
  spacing: number[];
  /** Conductivity of each phase of the network, S / unit. */
  conductivity: Record<string, number>;
}

/** The graph checked as a {@link MicrostructureGraph}: its scheme and shape. @internal */
export function checkGraph(fn: string, graph: unknown): { scheme: PhaseScheme; shape: number[] } {
  const g = graph as MicrostructureGraph;
  if (
    typeof g !== 'object' ||
    g === null ||
    typeof g.getAttribute !== 'function' ||
    g.type !== 'undirected'
  )
    throw new InvalidArgumentError(
      fn,
      'graph',
      graph,
      'an undirected MicrostructureGraph (buildGraph of @mgraph/graph)',
    );
  const scheme = schemeOfGraph(fn, g);
  const shape = g.getAttribute('shape');
  if (
    !Array.isArray(shape) ||
    (shape.length !== 2 && shape.length !== 3) ||
    !shape.every((s) => Number.isSafeInteger(s) && s > 0)
  )
    throw new InvalidArgumentError(
      fn,
      'graph.shape',
      shape,
      'the image shape, 2 or 3 positive integers (graph attribute `shape`)',
    );
  return { scheme, shape };
}

/**
 * The conductance model checked: `conductivity` must give a finite positive conductivity
 * for every phase in `phases` (no default physical value), `spacing` one positive number
 * per axis. @internal
 */
export function checkModel(
  fn: string,
  argument: string,
  conductivity: unknown,
  phases: readonly string[],
  options: ConductanceModelOptions,
  ndim: number,
): ConductanceModel {
  const {
    area = 'contactArea',
    contactResistivity = 0,
    spacing = new Array(ndim).fill(1),
  } = options;
  if (area !== 'contactArea' && area !== 'weight')
    throw new InvalidArgumentError(fn, 'options.area', area, "'contactArea' or 'weight'");
  assertNumber(fn, 'options.contactResistivity', contactResistivity, { min: 0 });
  if (
    !Array.isArray(spacing) ||
    spacing.length !== ndim ||
    !spacing.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0)
  )
    throw new InvalidArgumentError(
      fn,
      'options.spacing',
      spacing,
      `${ndim} finite positive numbers (one per axis of the graph's shape)`,
    );
  if (typeof conductivity !== 'object' || conductivity === null || Array.isArray(conductivity))
    throw new InvalidArgumentError(
      fn,
      argument,
      conductivity,
      `an object of conductivities (S / unit) by phase, one for each of ${phases.join(', ')}`,
    );
  const map = conductivity as Record<string, unknown>;
  for (const key of Object.keys(map))
    if (!phases.includes(key))
      throw new InvalidArgumentError(
        fn,
        `${argument}.${key}`,
        map[key],
        `a phase of this network (${phases.join(', ')})`,
      );
  const out: Record<string, number> = {};
  for (const phase of phases) {
    assertNumber(fn, `${argument}.${phase}`, map[phase], { greaterThan: 0 });
    out[phase] = map[phase] as number;
  }
  return { area, contactResistivity, spacing: [...spacing], conductivity: out };
}

/**
 * Conductance of the contact between nodes `a` and `b`: the two half-particles in series
 * with the contact, `1 / (d/2 / (sigma_a A) + d/2 / (sigma_b A) + rho_c / A)`, `d` the
 * distance of the centroids in physical units, `A` the contact area. 0 for `A = 0`.
 *
 * @throws InvalidArgumentError when the area attribute is missing, negative or not finite, or
 *   the conductance is infinite (`d = 0` and no contact resistivity)
 * @internal
 */
export function contactConductance(
  fn: string,
  graph: MicrostructureGraph,
  edge: string,
  a: string,
  b: string,
  model: ConductanceModel,
): number {
  const attributes = graph.getEdgeAttributes(edge) as unknown as Record<string, unknown>;
  const area = attributes[model.area];
  if (typeof area !== 'number' || !Number.isFinite(area) || area < 0)
    throw new InvalidArgumentError(
      fn,
      `graph edge ${JSON.stringify(edge)} attribute ${model.area}`,
      area,
      model.area === 'contactArea'
        ? "a finite contact area >= 0 (from @mgraph/morphology; pass options.area = 'weight' to use the edge weight instead)"
        : 'a finite weight >= 0',
    );
  if (area === 0) return 0;
  const ca = graph.getNodeAttribute(a, 'centroid');
  const cb = graph.getNodeAttribute(b, 'centroid');
  let d2 = 0;
  for (let k = 0; k < model.spacing.length; k++) {
    const dk = ((ca[k] ?? Number.NaN) - (cb[k] ?? Number.NaN)) * model.spacing[k]!;
    d2 += dk * dk;
  }
  if (!Number.isFinite(d2))
    throw new InvalidArgumentError(
      fn,
      `graph node ${JSON.stringify(a)} or ${JSON.stringify(b)} centroid`,
      [ca, cb],
      `${model.spacing.length} finite coordinates`,
    );
  const half = Math.sqrt(d2) / 2;
  const pa = graph.getNodeAttribute(a, 'phase');
  const pb = graph.getNodeAttribute(b, 'phase');
  const resistance =
    (half / model.conductivity[pa]! + half / model.conductivity[pb]! + model.contactResistivity) /
    area;
  if (!(resistance > 0))
    throw new InvalidArgumentError(
      fn,
      `graph edge ${JSON.stringify(edge)}`,
      edge,
      'a contact of nonzero resistance (coincident centroids need options.contactResistivity > 0)',
    );
  return 1 / resistance;
}

/** The network of the nodes whose phase is in `phases`, with the conductances of their contacts. @internal */
export function buildNetwork(
  fn: string,
  graph: MicrostructureGraph,
  phases: readonly string[],
  model: ConductanceModel,
): Network {
  const nodes = graph.filterNodes((_, attributes) => phases.includes(attributes.phase));
  const index = new Map(nodes.map((n, i) => [n, i]));
  const rows: { j: number; g: number }[][] = nodes.map(() => []);
  graph.forEachEdge((edge, _attributes, a, b) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) return;
    const g = contactConductance(fn, graph, edge, a, b, model);
    if (g === 0) return;
    rows[i]!.push({ j, g });
    rows[j]!.push({ j: i, g });
  });
  const indptr = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) indptr[i + 1] = indptr[i]! + rows[i]!.length;
  const indices = new Int32Array(indptr[nodes.length]!);
  const conductance = new Float64Array(indptr[nodes.length]!);
  rows.forEach((row, i) => {
    row.forEach(({ j, g }, k) => {
      indices[indptr[i]! + k] = j;
      conductance[indptr[i]! + k] = g;
    });
  });
  return { phases: [...phases], nodes, index, indptr, indices, conductance };
}

/** Connected component of every node of a network (ids 0.., in order of first node). @internal */
export function networkComponents(network: Network): Int32Array {
  const n = network.nodes.length;
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    component[s] = next;
    stack.push(s);
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let k = network.indptr[i]!; k < network.indptr[i + 1]!; k++) {
        const j = network.indices[k]!;
        if (component[j] === -1) {
          component[j] = next;
          stack.push(j);
        }
      }
    }
    next++;
  }
  return component;
}

/** Assert `nodes` is an array of distinct keys of network nodes. @internal */
export function checkNodeSet(
  fn: string,
  argument: string,
  nodes: unknown,
  network: Network,
  what: string,
): number[] {
  if (!Array.isArray(nodes))
    throw new InvalidArgumentError(fn, argument, nodes, `an array of node keys (${what})`);
  const out = new Set<number>();
  for (const key of nodes) {
    const i = typeof key === 'string' ? network.index.get(key) : undefined;
    if (i === undefined)
      throw new InvalidArgumentError(fn, argument, key, `keys of nodes of ${what}`);
    out.add(i);
  }
  return [...out];
}
