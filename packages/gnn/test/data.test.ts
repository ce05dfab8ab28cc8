import { CATHODE_SCHEME, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  batchGraphs,
  edgeTypeKey,
  fitStandardizer,
  fromGraph,
  type HeteroGraph,
  splitGraphs,
  standardize,
  validateHeteroGraph,
} from '../src/index.js';

/** n1 (nmc) - s2 (sse) - n3 (nmc) - g4 (graphite), plus n1 - g4 and a background node 5. */
function smallGraph(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  g.addNode('1', { phase: 'nmc', size: 100, soc: 0.4, heterogeneity: 0.1, polarization: 1 });
  g.addNode('2', { phase: 'sse', size: 50 });
  g.addNode('3', { phase: 'nmc', size: 120, soc: 0.6, heterogeneity: 0.2, polarization: 2 });
  g.addNode('4', { phase: 'graphite', size: 70 });
  g.addNode('5', { phase: 'background', size: 1 });
  g.addEdge('1', '2', { weight: 1.5 });
  g.addEdge('2', '3', { weight: 2.5 });
  g.addEdge('3', '4', { weight: 0.5 });
  g.addEdge('1', '4', { weight: 3 });
  g.addEdge('4', '5', { weight: 9 });
  return g;
}
const key = (s: string, d: string) => edgeTypeKey([s, 'contacts', d]);

describe('fromGraph', () => {
  it('builds node types, both edge directions as relations, features and targets', () => {
    const graph = smallGraph();
    const before = JSON.stringify(graph.export());
    const h = fromGraph(graph);
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(h.nodeKeys).toEqual({ nmc: ['1', '3'], sse: ['2'], graphite: ['4'] });
    expect(h.featureNames).toEqual(['size', 'nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors']);
    // node 1: size 100, neighbours 2 (sse), 4 (graphite); node 3: 2 (sse), 4 (graphite)
    expect(Array.from(h.x.nmc!.data)).toEqual([100, 0, 1, 1, 120, 0, 1, 1]);
    expect(Array.from(h.x.sse!.data)).toEqual([50, 2, 0, 0]);
    expect(Array.from(h.x.graphite!.data)).toEqual([70, 2, 0, 0]);
    expect(Object.keys(h.relations)).toHaveLength(9);
    const ns = h.relations[key('nmc', 'sse')]!;
    expect([Array.from(ns.src), Array.from(ns.dst), Array.from(ns.attr.data)]).toEqual([
      [0, 1],
      [0, 0],
      [1.5, 2.5],
    ]);
    const sn = h.relations[key('sse', 'nmc')]!;
    expect([Array.from(sn.src), Array.from(sn.dst)]).toEqual([
      [0, 0],
      [0, 1],
    ]);
    const gn = h.relations[key('graphite', 'nmc')]!;
    expect([Array.from(gn.src), Array.from(gn.dst), Array.from(gn.attr.data)]).toEqual([
      [0, 0],
      [1, 0],
      [0.5, 3],
    ]);
    expect(h.relations[key('nmc', 'nmc')]!.src.length).toBe(0);
    expect(h.targetNames).toEqual(['soc', 'heterogeneity', 'polarization']);
    expect(Array.from(h.y!.data)).toEqual([0.4, 0.1, 1, 0.6, 0.2, 2]);
    expect(() => validateHeteroGraph('t', h)).not.toThrow();
  });

  it('takes built-in and computed features, targets from a record, and no targets', () => {
    const h = fromGraph(smallGraph(), {
      features: [
        'degree',
        'weightedDegree',
        'logSize',
        { name: 'twice', value: (_n, a) => 2 * (a.size as number) },
      ],
      targets: ['heterogeneity'],
      targetValues: { '3': { heterogeneity: 7 } },
    });
    // node 1: degree 2, weights 1.5 + 3; node 3: degree 2, weights 2.5 + 0.5
    expect(Array.from(h.x.nmc!.data)).toEqual([
      2,
      4.5,
      Math.log1p(100),
      200,
      2,
      3,
      Math.log1p(120),
      240,
    ]);
    expect(Array.from(h.y!.data)).toEqual([0.1, 7]);
    expect(fromGraph(smallGraph(), { targets: [] }).y).toBeNull();
  });

  it('throws typed errors naming the node for missing or NaN values', () => {
    const g = smallGraph();
    g.setNodeAttribute('2', 'size', Number.NaN);
    expect(() => fromGraph(g)).toThrow(
      'fromGraph: argument node "2" feature size must be a finite number, got NaN',
    );
    const h = smallGraph();
    h.removeNodeAttribute('3', 'soc');
    expect(() => fromGraph(h)).toThrow(InvalidArgumentError);
    expect(() => fromGraph(smallGraph(), { targetType: 'pore' })).toThrow(InvalidArgumentError);
    expect(() => fromGraph({} as never)).toThrow(InvalidArgumentError);
  });
});

describe('validateHeteroGraph', () => {
  it('rejects NaN features, edge indices out of range and bad widths', () => {
    const base = fromGraph(smallGraph());
    const nan: HeteroGraph = {
      ...base,
      x: { ...base.x, sse: { rows: 1, cols: 4, data: Float64Array.from([1, Number.NaN, 0, 0]) } },
    };
    expect(() => validateHeteroGraph('f', nan)).toThrow(
      'f: argument graph.x.sse[0, 1] must be a finite number, got NaN',
    );
    const rel = base.relations[key('nmc', 'sse')]!;
    const bad: HeteroGraph = {
      ...base,
      relations: {
        ...base.relations,
        [key('nmc', 'sse')]: { ...rel, dst: Int32Array.from([0, 1]) },
      },
    };
    expect(() => validateHeteroGraph('f', bad)).toThrow(
      /dst\[1\] must be an integer in \[0, 1\), got 1/,
    );
    const wide: HeteroGraph = {
      ...base,
      x: { ...base.x, sse: { rows: 1, cols: 5, data: new Float64Array(5) } },
    };
    expect(() => validateHeteroGraph('f', wide)).toThrow(ShapeMismatchError);
  });
});

describe('batchGraphs', () => {
  it('stacks rows and shifts edge indices per node type', () => {
    const a = fromGraph(smallGraph());
    const b = batchGraphs([a, a]);
    expect(b.x.nmc!.rows).toBe(4);
    expect(b.nodeKeys.nmc).toEqual(['0:1', '0:3', '1:1', '1:3']);
    const gn = b.relations[key('graphite', 'nmc')]!;
    expect([Array.from(gn.src), Array.from(gn.dst)]).toEqual([
      [0, 0, 1, 1],
      [1, 0, 3, 2],
    ]);
    expect(Array.from(b.y!.data)).toEqual([0.4, 0.1, 1, 0.6, 0.2, 2, 0.4, 0.1, 1, 0.6, 0.2, 2]);
    expect(() => validateHeteroGraph('t', b)).not.toThrow();
    const other = fromGraph(smallGraph(), { features: ['size'] });
    expect(() => batchGraphs([a, other])).toThrow(InvalidArgumentError);
    expect(() => batchGraphs([])).toThrow(InvalidArgumentError);
  });
});

describe('standardizer', () => {
  it('z-scores with population statistics of the fitted graphs; constant columns get std 1', () => {
    const h = fromGraph(smallGraph());
    const s = fitStandardizer([h]);
    expect(s.x.nmc!.mean).toEqual([110, 0, 1, 1]);
    expect(s.x.nmc!.std).toEqual([10, 1, 1, 1]);
    // 5 contacts seen in both directions: mean of [1.5, 2.5, 0.5, 3] twice
    expect(s.edge.mean[0]).toBeCloseTo(1.875, 12);
    const z = standardize(h, s);
    expect(Array.from(z.x.nmc!.data)).toEqual([-1, 0, 0, 0, 1, 0, 0, 0]);
    for (const v of z.y!.data.slice(0, 3)) expect(v).toBeCloseTo(-1, 12);
    expect(Array.from(h.x.nmc!.data.slice(0, 1))).toEqual([100]);
  });
});

describe('splitGraphs', () => {
  it('splits 73 graphs 44 / 15 / 14, disjoint, seeded', () => {
    const s = splitGraphs(73, { seed: 3 });
    expect([s.train.length, s.val.length, s.test.length]).toEqual([44, 15, 14]);
    expect(new Set([...s.train, ...s.val, ...s.test]).size).toBe(73);
    expect(splitGraphs(73, { seed: 3 })).toEqual(s);
    expect(splitGraphs(73, { seed: 4 }).train).not.toEqual(s.train);
    expect(() => splitGraphs(10, { fractions: [0.5, 0.5, 0.5] })).toThrow(InvalidArgumentError);
  });
});
