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
      nmcNeighbors: 1,
      sseNeighbors: 1,
      graphiteNeighbors: 1,
    });
    expect(byNode['4']).toMatchObject({
      phase: 'sse',
      nmcNeighbors: 2,
      sseNeighbors: 0,
      graphiteNeighbors: 1,
    });
    expect(byNode['6']).toMatchObject({
      phase: 'graphite',
      nmcNeighbors: 2,
      sseNeighbors: 1,
      graphiteNeighbors: 0,
    });
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
  it('nodes without a phase attribute count for no phase', () => {
    const g = new UndirectedGraph();
    g.addNode('a');
    g.addNode('b', { phase: 'nmc' });
    g.addNode('c', { phase: 'toString' });
    g.addEdge('a', 'b');
    g.addEdge('a', 'c');
    const [a, b] = nodeMetrics(g);
    expect(a).toMatchObject({
      phase: undefined,
      nmcNeighbors: 1,
      sseNeighbors: 0,
      graphiteNeighbors: 0,
    });
    expect(Object.keys(a!)).toHaveLength(11);
    expect(b).toMatchObject({ phase: 'nmc', nmcNeighbors: 0, sseNeighbors: 0 });
  });
});
