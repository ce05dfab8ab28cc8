import {
  CATHODE_SCHEME,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  closenessCentrality,
  clustering,
  degree,
  eigenvectorCentrality,
  nodeMetrics,
  weightedDegree,
} from '../src/index.js';

/** A small composite: NMC particles 1, 2, 3; SSE 4, 5; graphite 6; a self-loop on 4. */
function composite(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  const phases: Record<string, string> = {
    1: 'nmc',
    2: 'nmc',
    3: 'nmc',
    4: 'sse',
    5: 'sse',
    6: 'graphite',
  };
  for (const [key, phase] of Object.entries(phases)) g.addNode(key, { label: Number(key), phase });
  const edges: [string, string, number][] = [
    ['1', '2', 12],
    ['1', '4', 30],
    ['1', '6', 8],
    ['2', '4', 5],
    ['2', '5', 9],
    ['3', '5', 14],
    ['3', '6', 3],
    ['4', '6', 7],
    ['4', '4', 2],
  ];
  for (const [u, v, w] of edges) g.addEdge(u, v, { weight: w, overlapAB: w, overlapBA: w });
  return g;
}

describe('nodeMetrics: the paper table', () => {
  it('hand-counted neighbour phases, metrics equal to the single-metric functions', () => {
    const g = composite();
    const rows = nodeMetrics(g);
    expect(rows.map((r) => r.node)).toEqual(['1', '2', '3', '4', '5', '6']);
    const byNode = Object.fromEntries(rows.map((r) => [r.node, r]));
    expect(byNode['1']).toMatchObject({
      phase: 'nmc',
      neighbors: { sse: 1, nmc: 1, graphite: 1 },
    });
    // the self-loop on 4 is not an SSE neighbour of 4
    expect(byNode['4']).toMatchObject({
      phase: 'sse',
      neighbors: { sse: 0, nmc: 2, graphite: 1 },
    });
    expect(byNode['6']).toMatchObject({
      phase: 'graphite',
      neighbors: { sse: 1, nmc: 2, graphite: 0 },
    });
    // keys in the scheme's code order
    expect(Object.keys(byNode['6']!.neighbors)).toEqual(['sse', 'nmc', 'graphite']);
    // node 4: three neighbours plus a self-loop counted twice (networkx degree)
    expect(byNode['4']!.degree).toBe(5);
    expect(byNode['4']!.weightedDegree).toBe(30 + 5 + 7 + 2 * 2);
    const d = degree(g);
    const wd = weightedDegree(g);
    const c = clustering(g);
    const b = betweennessCentrality(g);
    const cl = closenessCentrality(g);
    const e = eigenvectorCentrality(g);
    for (const row of rows) {
      expect(row.degree).toBe(d[row.node]);
      expect(row.weightedDegree).toBe(wd[row.node]);
      expect(row.clustering).toBe(c[row.node]);
      expect(row.betweenness).toBe(b[row.node]);
      expect(row.closeness).toBe(cl[row.node]);
      expect(row.eigenvector).toBe(e[row.node]);
    }
    // triangle 1-2-4 and 1-4-6 through node 1 of degree 3: 2 / 3
    expect(byNode['1']!.clustering).toBeCloseTo(2 / 3, 15);
  });
  it('chosen nodes in the order given; distance and eigenvector weight options', () => {
    const g = composite();
    const rows = nodeMetrics(g, {
      nodes: ['3', '1'],
      distance: 'weight',
      eigenvectorWeight: 'weight',
    });
    expect(rows.map((r) => r.node)).toEqual(['3', '1']);
    expect(rows[0]!.closeness).toBe(closenessCentrality(g, { distance: 'weight' })['3']);
    expect(rows[1]!.betweenness).toBe(betweennessCentrality(g, { weight: 'weight' })['1']);
    expect(rows[1]!.eigenvector).toBe(eigenvectorCentrality(g, { weight: 'weight' })['1']);
  });
  it('reports progress and rejects unknown nodes and bad options', () => {
    const g = composite();
    const calls: number[][] = [];
    nodeMetrics(g, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([7, 7]);
    expect(calls.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => nodeMetrics(g, { nodes: ['1', '99'] })).toThrow(/options.nodes\[1\]/);
    expect(() => nodeMetrics(g, { phaseAttribute: '' })).toThrow(/options.phaseAttribute/);
  });
  it('every row has every object phase of the scheme, 0 when none; same rows with the scheme passed', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { phase: 'nmc' });
    g.addNode('b', { phase: 'nmc' });
    g.addNode('c', { phase: 'sse' });
    g.addEdge('a', 'b');
    g.addEdge('a', 'c');
    // no scheme attribute: the caller names it
    const [a, b, c] = nodeMetrics(g, { scheme: CATHODE_SCHEME });
    expect(a!.neighbors).toEqual({ sse: 1, nmc: 1, graphite: 0 });
    expect(b!.neighbors).toEqual({ sse: 0, nmc: 1, graphite: 0 });
    expect(c!.neighbors).toEqual({ sse: 0, nmc: 1, graphite: 0 });
    expect(Object.keys(a!).sort()).toEqual(
      [
        'node',
        'phase',
        'degree',
        'weightedDegree',
        'clustering',
        'betweenness',
        'closeness',
        'eigenvector',
        'neighbors',
      ].sort(),
    );
    g.setAttribute('scheme', CATHODE_SCHEME);
    expect(nodeMetrics(g)).toEqual(nodeMetrics(g, { scheme: CATHODE_SCHEME }));
    // a scheme parsed back from JSON is the same scheme
    expect(nodeMetrics(g, { scheme: JSON.parse(JSON.stringify(CATHODE_SCHEME)) })).toEqual(
      nodeMetrics(g),
    );
  });
  it('background neighbours (a phase not cut into objects) are not counted', () => {
    const g = composite();
    g.addNode('7', { phase: 'background' });
    g.addEdge('7', '1');
    const [row] = nodeMetrics(g, { nodes: ['1'] });
    expect(row!.neighbors).toEqual({ sse: 1, nmc: 1, graphite: 1 });
    expect(row!.degree).toBe(4);
    expect(nodeMetrics(g, { nodes: ['7'] })[0]).toMatchObject({
      phase: 'background',
      neighbors: { sse: 0, nmc: 1, graphite: 0 },
    });
  });
  it('reads the phase from phaseAttribute', () => {
    const g = new UndirectedGraph();
    g.setAttribute('scheme', SOFC_ANODE_SCHEME);
    g.addNode('a', { kind: 'ni', phase: 'nmc' });
    g.addNode('b', { kind: 'ysz' });
    g.addEdge('a', 'b');
    expect(nodeMetrics(g, { phaseAttribute: 'kind' }).map((r) => [r.phase, r.neighbors])).toEqual([
      ['ni', { pore: 0, ni: 0, ysz: 1 }],
      ['ysz', { pore: 0, ni: 1, ysz: 0 }],
    ]);
    expect(() => nodeMetrics(g)).toThrow(InvalidArgumentError);
  });
  it('typed errors: no scheme, a different scheme, a phase outside the scheme, no phase', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { phase: 'pore' });
    g.addNode('b', { phase: 'am' });
    g.addEdge('a', 'b');
    expect(() => nodeMetrics(g)).toThrow(InvalidArgumentError);
    expect(() => nodeMetrics(g)).toThrow(/graph attribute scheme/);
    g.setAttribute('scheme', LI_ION_ELECTRODE_SCHEME);
    expect(nodeMetrics(g)[0]!.neighbors).toEqual({ pore: 0, am: 1, cbd: 0 });
    expect(() => nodeMetrics(g, { scheme: SOFC_ANODE_SCHEME })).toThrow(InvalidArgumentError);
    expect(() => nodeMetrics(g, { scheme: SOFC_ANODE_SCHEME })).toThrow(/options.scheme/);
    expect(() => nodeMetrics(g, { scheme: CATHODE_SCHEME })).toThrow(/options.scheme/);
    // the cathode's names on a Li-ion electrode graph: named, not counted as zero
    g.setAttribute('scheme', CATHODE_SCHEME);
    expect(() => nodeMetrics(g)).toThrow(
      /graph node "a" attribute phase must be a phase of scheme "cathode".*got "pore"/,
    );
    g.setAttribute('scheme', LI_ION_ELECTRODE_SCHEME);
    g.addNode('c');
    expect(() => nodeMetrics(g)).toThrow(/graph node "c" attribute phase/);
    g.setNodeAttribute('c', 'phase', 'toString');
    expect(() => nodeMetrics(g)).toThrow(InvalidArgumentError);
    g.setAttribute('scheme', { name: 'broken' });
    g.setNodeAttribute('c', 'phase', 'cbd');
    expect(() => nodeMetrics(g)).toThrow(/graph attribute scheme must be a PhaseScheme/);
    // an empty graph still needs its scheme
    expect(() => nodeMetrics(new UndirectedGraph())).toThrow(InvalidArgumentError);
  });
});
