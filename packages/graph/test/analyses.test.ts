import { CATHODE_SCHEME, InvalidArgumentError, SOFC_ANODE_SCHEME } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  concurrentChannels,
  neighborPhaseCounts,
  triplePhaseBoundaries,
} from '../src/index.js';
import { draw, SCENE, SCENE_PHASES } from './scene.js';

const graph = buildGraph(draw(26, 14, SCENE), {
  scheme: CATHODE_SCHEME,
  phaseOfLabel: SCENE_PHASES,
  window: 3,
});

describe('triplePhaseBoundaries', () => {
  it('finds the one NMC-SSE-graphite triangle with its perimeter and ratio', () => {
    const { triangles, countByNode } = triplePhaseBoundaries(graph);
    // w(14-15) = (4 + 4) / 2, w(14-16) = (5 + 4) / 2, w(15-16) = (5 + 4) / 2 (radius 1)
    expect(triangles).toEqual([
      { nodes: ['14', '15', '16'], weights: [4, 4.5, 4.5], perimeter: 13, ratio: 4 / 4.5 },
    ]);
    expect(countByNode).toEqual({
      1: 0,
      2: 0,
      3: 0,
      4: 0,
      5: 0,
      6: 0,
      7: 0,
      8: 0,
      9: 0,
      11: 0,
      12: 0,
      13: 0,
      14: 1,
      15: 1,
      16: 1,
    });
  });

  it('counts several triangles per node and honours the phase order', () => {
    // NMC 1 between SSE 2 (above) and graphite 3 (below), which touch each other at both
    // ends; NMC 4 as well: two triangles sharing the SSE-graphite edge.
    const labels = draw(5, 11, [
      [2, 0, 1, 0, 10],
      [1, 2, 2, 1, 3],
      [4, 2, 2, 7, 9],
      [3, 3, 4, 0, 10],
      [2, 2, 2, 0, 0],
    ]);
    const g = buildGraph(labels, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: [0, 2, 1, 3, 2],
      window: 3,
    });
    const { triangles, countByNode } = triplePhaseBoundaries(g);
    expect(triangles.map((t) => t.nodes)).toEqual([
      ['1', '2', '3'],
      ['4', '2', '3'],
    ]);
    expect(countByNode).toEqual({ 1: 1, 2: 2, 3: 2, 4: 1 });
    for (const t of triangles) {
      expect(t.perimeter).toBeCloseTo(t.weights[0] + t.weights[1] + t.weights[2], 12);
      expect(t.ratio).toBeCloseTo(t.weights[0] / t.weights[1], 12);
    }
    // reordered phases: the same triangles, weights permuted
    const other = triplePhaseBoundaries(g, { phases: ['sse', 'graphite', 'nmc'] });
    expect(other.triangles.map((t) => t.nodes)).toEqual([
      ['2', '3', '1'],
      ['2', '3', '4'],
    ]);
    expect(other.triangles[0]!.perimeter).toBeCloseTo(triangles[0]!.perimeter, 12);
  });

  it('works for the SOFC anode scheme (Ni, YSZ, pore objects)', () => {
    const codes = Uint8Array.from(SCENE_PHASES, (c) => [0, 2, 1, 0][c]!); // sse->ysz, nmc->ni
    // graphite objects become pore objects (code 0 is a real phase in this scheme)
    SCENE_PHASES.forEach((c, l) => {
      if (c === 3) codes[l] = 0;
    });
    const g = buildGraph(draw(26, 14, SCENE), {
      phaseOfLabel: codes,
      scheme: SOFC_ANODE_SCHEME,
      window: 3,
    });
    // the graph's scheme gives the phases: ['ni', 'ysz', 'pore']
    const r = triplePhaseBoundaries(g);
    expect(r.phases).toEqual(['ni', 'ysz', 'pore']);
    expect(r.triangles).toEqual([
      { nodes: ['14', '15', '16'], weights: [4, 4.5, 4.5], perimeter: 13, ratio: 4 / 4.5 },
    ]);
    expect(r.objectCounts).toEqual({ ni: 9, ysz: 3, pore: 3 });
    expect(r.warnings).toEqual([]);
    expect(triplePhaseBoundaries(g, { phases: ['ni', 'ysz', 'pore'] })).toEqual(r);
  });

  it('gives nothing on a graph without triangles or nodes', () => {
    const empty = buildGraph(draw(2, 2, []), { scheme: CATHODE_SCHEME, phaseOfLabel: [0] });
    expect(triplePhaseBoundaries(empty)).toEqual({
      phases: ['nmc', 'sse', 'graphite'],
      triangles: [],
      countByNode: {},
      objectCounts: { nmc: 0, sse: 0, graphite: 0 },
      warnings: [
        'phase "nmc" has no objects in the graph: no TPB can exist',
        'phase "sse" has no objects in the graph: no TPB can exist',
        'phase "graphite" has no objects in the graph: no TPB can exist',
      ],
    });
    expect(concurrentChannels(empty)).toEqual({
      roles: { active: 'nmc', ionic: ['sse'], electronic: ['graphite'] },
      pairs: [],
      categoryByNode: {},
      concurrentByNode: {},
      objectCounts: { nmc: 0, sse: 0, graphite: 0 },
      warnings: [
        'active phase "nmc" has no objects in the graph: no channel can exist',
        'ionic phase "sse" has no objects in the graph: no ionic bridge can exist',
        'no ionic link can exist: no ionic bridge object and directIonic is false',
        'electronic phase "graphite" has no objects in the graph: no electronic bridge can exist',
      ],
    });
    expect(neighborPhaseCounts(empty)).toEqual({});
  });

  it('rejects bad options and graphs with typed errors', () => {
    expect(() => triplePhaseBoundaries(graph, { phases: ['nmc', 'sse'] as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => triplePhaseBoundaries(graph, { phases: ['nmc', 'sse', 'ysz'] })).toThrow(
      'triplePhaseBoundaries: argument options.phases must be distinct object phases of the graph\'s scheme "cathode" ("sse", "nmc", "graphite"); the scheme has no phase "ysz", got ["nmc", "sse", "ysz"]',
    );
    expect(() => triplePhaseBoundaries(graph, { phases: ['nmc', 'nmc', 'sse'] })).toThrow(
      '"nmc" is repeated',
    );
    expect(() => triplePhaseBoundaries(graph, { phases: ['nmc', 'sse', 'background'] })).toThrow(
      '"background" is not cut into objects, so no node has it',
    );
    expect(() => triplePhaseBoundaries({} as never)).toThrow(
      'argument graph must be a graphology graph',
    );
    expect(() => triplePhaseBoundaries(graph, { weight: 'nope' })).toThrow(
      'argument graph edge 14-15 attribute nope must be a finite number > 0, got undefined',
    );
    const g = new UndirectedGraph();
    g.addNode('a', { phase: 3 });
    expect(() => triplePhaseBoundaries(g)).toThrow(
      'triplePhaseBoundaries: argument graph attribute scheme must be a PhaseScheme: build the graph with buildGraph, or pass options.scheme, got undefined',
    );
    expect(() => triplePhaseBoundaries(g, { scheme: CATHODE_SCHEME })).toThrow(
      'argument graph node a attribute phase must be an object phase of the graph\'s scheme "cathode" ("sse", "nmc", "graphite"), got 3',
    );
  });
});

describe('concurrentChannels', () => {
  it('finds the pairs and Fig. 3c categories of the hand-drawn scene', () => {
    const r = concurrentChannels(graph);
    expect(r.pairs).toEqual([
      {
        nodes: ['1', '4'],
        ionicBridges: ['2'],
        electronicBridges: ['3'],
        direct: false,
        ionic: 'bridge',
        electronic: 'bridge',
      },
      {
        nodes: ['4', '5'],
        ionicBridges: ['2'],
        electronicBridges: [],
        direct: true,
        ionic: 'bridge',
        electronic: 'direct',
      },
    ]);
    expect(r.categoryByNode).toEqual({
      1: 'both',
      4: 'both',
      5: 'both',
      6: 'electronic-only',
      7: 'electronic-only',
      9: 'none',
      12: 'ionic-only',
      13: 'ionic-only',
      14: 'none',
    });
    expect(r.concurrentByNode).toEqual({
      1: true,
      4: true,
      5: true,
      6: false,
      7: false,
      9: false,
      12: false,
      13: false,
      14: false,
    });
  });

  it('follows the direct-contact options', () => {
    const noDirect = concurrentChannels(graph, { directElectronic: false });
    expect(noDirect.pairs.map((p) => p.nodes)).toEqual([['1', '4']]);
    expect(noDirect.categoryByNode['5']).toBe('ionic-only');
    expect(noDirect.categoryByNode['6']).toBe('electronic-only'); // via graphite 8
    const ionicToo = concurrentChannels(graph, { directIonic: true });
    expect(ionicToo.pairs.map((p) => [p.nodes, p.ionic, p.electronic])).toEqual([
      [['1', '4'], 'bridge', 'bridge'],
      [['4', '5'], 'bridge+direct', 'direct'],
      [['6', '7'], 'direct', 'bridge+direct'],
    ]);
    expect(ionicToo.categoryByNode['6']).toBe('both');
    expect(ionicToo.pairs[2]!.electronicBridges).toEqual(['8']);
  });

  it('takes several bridge phases and other schemes', () => {
    // graphite counted as ionic as well: 1-4 then has bridges 2 and 3 for ions
    const r = concurrentChannels(graph, { ionic: ['sse', 'graphite'], electronic: 'graphite' });
    expect(r.pairs[0]!.ionicBridges).toEqual(['2', '3']);
    const codes = Uint8Array.from(SCENE_PHASES, (c) => [0, 2, 1, 0][c]!);
    const sofc = buildGraph(draw(26, 14, SCENE), {
      phaseOfLabel: codes,
      scheme: SOFC_ANODE_SCHEME,
      window: 3,
    });
    // Ni particles linked through YSZ and through pore objects (here graphite 3 -> pore 3),
    // or directly
    // the SOFC scheme declares no active phase, and Ni is its electronic phase: name them
    expect(() => concurrentChannels(sofc)).toThrow(
      'concurrentChannels: argument options.active must be given: the graph\'s scheme "sofc-anode" declares no active phase, got undefined',
    );
    expect(() => concurrentChannels(sofc, { active: 'ni' })).toThrow(
      'argument options.electronic must be phases other than the active phase "ni", got ["ni"]',
    );
    const s = concurrentChannels(sofc, { active: 'ni', ionic: 'ysz', electronic: 'pore' });
    expect(s.roles).toEqual({ active: 'ni', ionic: ['ysz'], electronic: ['pore'] });
    expect(s.pairs.map((p) => [p.nodes, p.electronicBridges, p.electronic])).toEqual([
      [['1', '4'], ['3'], 'bridge'],
      [['4', '5'], [], 'direct'],
    ]);
    expect(s.categoryByNode['12']).toBe('ionic-only');
  });

  it('rejects bad options with typed errors', () => {
    expect(() => concurrentChannels(graph, { active: 'ni' })).toThrow(
      'concurrentChannels: argument options.active must be distinct object phases of the graph\'s scheme "cathode" ("sse", "nmc", "graphite"); the scheme has no phase "ni", got "ni"',
    );
    expect(() => concurrentChannels(graph, { ionic: 'nmc' })).toThrow(
      'argument options.ionic must be phases other than the active phase "nmc", got "nmc"',
    );
    expect(() => concurrentChannels(graph, { electronic: ['graphite', 'graphite'] })).toThrow(
      InvalidArgumentError,
    );
    // an empty list is allowed: no ionic bridge, reported in warnings
    expect(concurrentChannels(graph, { ionic: [] }).warnings).toEqual([
      'no ionic link can exist: no ionic bridge object and directIonic is false',
    ]);
    expect(() => concurrentChannels(graph, { electronic: 5 as never })).toThrow(
      'options.electronic',
    );
    expect(() => concurrentChannels(graph, { directIonic: 1 as never })).toThrow(
      'argument options.directIonic must be a boolean, got 1',
    );
  });
});

describe('neighborPhaseCounts', () => {
  it('counts the neighbours of each phase for every node', () => {
    const counts = neighborPhaseCounts(graph);
    expect(Object.keys(counts)).toEqual(graph.nodes());
    // keyed by the scheme's object phases in code order (no background: never a node)
    expect(counts['4']).toEqual({ sse: 1, nmc: 1, graphite: 1 });
    expect(Object.keys(counts['4']!)).toEqual(['sse', 'nmc', 'graphite']);
    expect(counts['2']).toEqual({ sse: 0, nmc: 3, graphite: 0 });
    expect(counts['9']).toEqual({ sse: 0, nmc: 0, graphite: 0 });
    for (const node of graph.nodes()) {
      const total = Object.values(counts[node]!).reduce((a, b) => a + b, 0);
      expect(total).toBe(graph.degree(node));
    }
  });

  it('reads graphs without a recorded scheme with options.scheme, and rejects unknown phases', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { phase: 'ni' });
    g.addNode('b', { phase: 'pore' });
    g.addEdge('a', 'b');
    expect(() => neighborPhaseCounts(g)).toThrow(
      'neighborPhaseCounts: argument graph attribute scheme must be a PhaseScheme',
    );
    expect(neighborPhaseCounts(g, { scheme: SOFC_ANODE_SCHEME })).toEqual({
      a: { pore: 1, ni: 0, ysz: 0 },
      b: { pore: 0, ni: 1, ysz: 0 },
    });
    g.addNode('c', { phase: 'nmc' });
    expect(() => neighborPhaseCounts(g, { scheme: SOFC_ANODE_SCHEME })).toThrow(
      'neighborPhaseCounts: argument graph node c attribute phase must be an object phase of the graph\'s scheme "sofc-anode" ("pore", "ni", "ysz"), got "nmc"',
    );
    g.setNodeAttribute('c', 'phase', undefined);
    expect(() => neighborPhaseCounts(g, { scheme: SOFC_ANODE_SCHEME })).toThrow(
      'graph node c attribute phase',
    );
  });
});
