// Every public function of @mgraph/stats that reads phases (nodeMetrics), on graphs of the
// cathode, the SOFC anode and the three-phase Li-ion electrode schemes: neighbour counts
// against a brute-force count over the edge list, every scheme mismatch a typed error.
import {
  CATHODE_SCHEME,
  createRng,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseScheme,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { degree, nodeMetrics } from '../src/index.js';

const SCHEMES: readonly PhaseScheme[] = [
  CATHODE_SCHEME,
  SOFC_ANODE_SCHEME,
  LI_ION_ELECTRODE_SCHEME,
];

interface SchemeGraph {
  graph: UndirectedGraph;
  phase: Map<string, string>;
  edges: Array<[string, string]>;
}

/**
 * A seeded random contact graph of a scheme, shaped as `buildGraph` makes it: object-phase
 * nodes (`phase`, `size`), weighted edges, a few self-loops and isolated nodes, graph attribute
 * `scheme`.
 */
function schemeGraph(scheme: PhaseScheme, seed: number, withScheme = true): SchemeGraph {
  const rng = createRng(seed);
  const graph = new UndirectedGraph();
  if (withScheme) graph.setAttribute('scheme', scheme);
  const phase = new Map<string, string>();
  const n = 40;
  for (let i = 1; i <= n; i++) {
    const p = scheme.objects[rng.integer(0, scheme.objects.length)]!;
    phase.set(String(i), p);
    graph.addNode(String(i), { label: i, phase: p, size: rng.integer(10, 500) });
  }
  const edges: Array<[string, string]> = [];
  for (let a = 1; a <= n; a++) {
    for (let b = a; b <= n; b++) {
      const u = rng.random();
      if ((a === b && u < 0.05) || (a !== b && u < 0.1)) {
        graph.addEdge(String(a), String(b), { weight: 0.5 + rng.random() });
        edges.push([String(a), String(b)]);
      }
    }
  }
  return { graph, phase, edges };
}

/** Neighbours of each phase of every node, by a plain loop over the edge list. */
function bruteNeighbours(
  scheme: PhaseScheme,
  { phase, edges }: SchemeGraph,
): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const node of phase.keys()) {
    const others = new Set<string>();
    for (const [a, b] of edges) {
      if (a === node && b !== node) others.add(b);
      if (b === node && a !== node) others.add(a);
    }
    const counts: Record<string, number> = {};
    for (const p of scheme.objects) {
      counts[p] = [...others].filter((o) => phase.get(o) === p).length;
    }
    out.set(node, counts);
  }
  return out;
}

describe.each(SCHEMES.map((s) => [s.name, s] as const))(
  'nodeMetrics on a %s graph',
  (_, scheme) => {
    it('neighbour counts keyed by the scheme object phases equal a brute-force count', () => {
      for (const seed of [1, 2, 3]) {
        const g = schemeGraph(scheme, seed);
        const want = bruteNeighbours(scheme, g);
        const rows = nodeMetrics(g.graph);
        expect(rows).toHaveLength(g.phase.size);
        const deg = degree(g.graph);
        let total = 0;
        for (const row of rows) {
          expect(row.phase).toBe(g.phase.get(row.node));
          expect(Object.keys(row.neighbors)).toEqual([...scheme.objects]);
          expect(row.neighbors, `node ${row.node}`).toEqual(want.get(row.node));
          expect(row.degree).toBe(deg[row.node]);
          total += Object.values(row.neighbors).reduce((a, b) => a + b, 0);
        }
        // some contacts of every kind were drawn
        expect(total).toBeGreaterThan(50);
      }
    });
    it('the same rows with the scheme passed for a graph without one', () => {
      const carried = schemeGraph(scheme, 4);
      const bare = schemeGraph(scheme, 4, false);
      expect(nodeMetrics(bare.graph, { scheme })).toEqual(nodeMetrics(carried.graph));
      expect(nodeMetrics(carried.graph, { scheme })).toEqual(nodeMetrics(carried.graph));
    });
    it('every other scheme passed, a missing scheme, and a foreign phase throw InvalidArgumentError', () => {
      const g = schemeGraph(scheme, 5);
      for (const other of SCHEMES.filter((s) => s !== scheme)) {
        expect(() => nodeMetrics(g.graph, { scheme: other })).toThrow(InvalidArgumentError);
        expect(() => nodeMetrics(g.graph, { scheme: other })).toThrow(/options\.scheme/);
        // the graph labelled with another scheme: its phases are foreign there
        const relabelled = schemeGraph(scheme, 5);
        relabelled.graph.setAttribute('scheme', other);
        expect(() => nodeMetrics(relabelled.graph)).toThrow(InvalidArgumentError);
        expect(() => nodeMetrics(relabelled.graph)).toThrow(/attribute phase must be a phase of/);
      }
      // same phases under another name: a different scheme
      const renamed = { ...scheme, name: `${scheme.name}-copy` };
      expect(() => nodeMetrics(g.graph, { scheme: renamed })).toThrow(InvalidArgumentError);
      expect(() => nodeMetrics(schemeGraph(scheme, 5, false).graph)).toThrow(InvalidArgumentError);
      g.graph.setNodeAttribute('3', 'phase', 'unobtainium');
      expect(() => nodeMetrics(g.graph)).toThrow(/graph node "3" attribute phase/);
    });
  },
);
