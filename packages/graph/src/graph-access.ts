import { InvalidArgumentError } from '@mgraph/core';
import type Graph from 'graphology-types';

/** Any graphology graph; the analyses read node attribute `phase` and a numeric edge weight. */
export type AnyGraph = Graph;

/** Check `graph` is a graphology graph. */
export function assertGraph(fn: string, graph: unknown): asserts graph is AnyGraph {
  const g = graph as Partial<AnyGraph> | null;
  if (
    typeof g !== 'object' ||
    g === null ||
    typeof g.forEachNode !== 'function' ||
    typeof g.hasEdge !== 'function'
  ) {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graphology graph');
  }
}

/**
 * Phase name of every node (attribute `phase`), as a Map in the graph's node order.
 *
 * @throws InvalidArgumentError when a node has no string `phase`
 */
export function nodePhases(fn: string, graph: AnyGraph): Map<string, string> {
  const phases = new Map<string, string>();
  graph.forEachNode((key, attr) => {
    if (typeof attr.phase !== 'string') {
      throw new InvalidArgumentError(
        fn,
        `graph node ${key} attribute phase`,
        attr.phase,
        'a phase name (string)',
      );
    }
    phases.set(key, attr.phase);
  });
  return phases;
}

/**
 * Check phase names given in `argument` are distinct strings and, when the graph records
 * its scheme (graph attribute `phases`, as `buildGraph` sets it), names of that scheme.
 */
export function checkPhaseNames(
  fn: string,
  graph: AnyGraph,
  argument: string,
  names: readonly unknown[],
  value: unknown,
): void {
  const known = graph.getAttribute('phases') as unknown;
  const scheme = Array.isArray(known) ? (known as string[]) : undefined;
  const seen = new Set<unknown>();
  for (const name of names) {
    if (typeof name !== 'string' || seen.has(name) || (scheme && !scheme.includes(name))) {
      throw new InvalidArgumentError(
        fn,
        argument,
        value,
        `distinct phase names${scheme ? ` of the graph's scheme (${scheme.map((p) => JSON.stringify(p)).join(', ')})` : ''}`,
      );
    }
    seen.add(name);
  }
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
  const w = graph.getEdgeAttribute(graph.edge(u, v), attribute) as unknown;
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
