import { InvalidArgumentError, type PhaseScheme, schemeOfGraph } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';

/** Any graphology graph; the analyses read node attribute `phase` and a numeric edge weight. */
export type AnyGraph = Graph;

/** Check `graph` is a graphology graph. */
export function assertGraph(fn: string, graph: unknown): asserts graph is AnyGraph {
  const g = graph as Partial<AnyGraph> | null;
  if (
    typeof g !== 'object' ||
    g === null ||
    typeof g.forEachNode !== 'function' ||
    typeof g.hasEdge !== 'function' ||
    typeof g.getAttribute !== 'function'
  ) {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graphology graph');
  }
}

/**
 * Check `graph` is a graphology graph and return its phase scheme (graph attribute `scheme`),
 * checked against `given` (a caller's `options.scheme`) with core's `schemeOfGraph`.
 *
 * @throws InvalidArgumentError when `graph` is not a graph, carries no scheme and none is
 *   given, carries a broken scheme, or carries one that differs from `given`
 */
export function graphScheme(fn: string, graph: unknown, given: unknown): PhaseScheme {
  assertGraph(fn, graph);
  return schemeOfGraph(fn, graph, given as PhaseScheme | undefined);
}

/** Object phases of a scheme, quoted, for messages. */
function listed(scheme: PhaseScheme): string {
  return scheme.objects.map((p) => JSON.stringify(p)).join(', ');
}

/**
 * Phase name of every node (attribute `phase`), as a Map in the graph's node order; every
 * phase must be an object phase of `scheme`.
 *
 * @throws InvalidArgumentError when a node has no string `phase`, or a phase the scheme
 *   lacks or does not cut into objects
 */
export function nodePhases(fn: string, graph: AnyGraph, scheme: PhaseScheme): Map<string, string> {
  const phases = new Map<string, string>();
  graph.forEachNode((key, attr) => {
    const phase = attr.phase as unknown;
    if (typeof phase !== 'string' || !scheme.objects.includes(phase)) {
      throw new InvalidArgumentError(
        fn,
        `graph node ${key} attribute phase`,
        phase,
        `an object phase of the graph's scheme ${JSON.stringify(scheme.name)} (${listed(scheme)})`,
      );
    }
    phases.set(key, phase);
  });
  return phases;
}

/**
 * Check phase names given in `argument` are distinct object phases of `scheme` (a phase the
 * scheme lacks, or one it does not cut into objects, cannot be a node of the graph).
 *
 * @throws InvalidArgumentError naming the first offending name
 */
export function checkObjectPhases(
  fn: string,
  scheme: PhaseScheme,
  argument: string,
  names: readonly unknown[],
  value: unknown,
): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    let why: string | undefined;
    if (typeof name !== 'string') why = `${JSON.stringify(name) ?? String(name)} is not a name`;
    else if (seen.has(name)) why = `${JSON.stringify(name)} is repeated`;
    else if (!scheme.phases.includes(name)) {
      why = `the scheme has no phase ${JSON.stringify(name)}`;
    } else if (!scheme.objects.includes(name)) {
      why = `${JSON.stringify(name)} is not cut into objects, so no node has it`;
    }
    if (why !== undefined) {
      throw new InvalidArgumentError(
        fn,
        argument,
        value,
        `distinct object phases of the graph's scheme ${JSON.stringify(scheme.name)} (${listed(scheme)}); ${why}`,
      );
    }
    seen.add(name as string);
  }
  return names as string[];
}

/** Number of nodes of each of `phases` (in that order), from {@link nodePhases}' map. */
export function countObjects(
  phaseOf: ReadonlyMap<string, string>,
  phases: readonly string[],
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(phases.map((p) => [p, 0]));
  for (const phase of phaseOf.values()) {
    if (Object.hasOwn(counts, phase)) counts[phase]!++;
  }
  return counts;
}

/**
 * Numeric weight of the edge between `u` and `v`.
 *
 * @throws InvalidArgumentError when the attribute is not a finite number > 0
 */
export function edgeWeight(
  fn: string,
  graph: AnyGraph,
  u: string,
  v: string,
  attribute: string,
): number {
  // either direction: in a directed or mixed graph the contact may run v -> u
  const edge = graph.edge(u, v) ?? graph.edge(v, u);
  const w = graph.getEdgeAttribute(edge, attribute) as unknown;
  if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
    throw new InvalidArgumentError(
      fn,
      `graph edge ${u}-${v} attribute ${attribute}`,
      w,
      'a finite number > 0',
    );
  }
  return w;
}
