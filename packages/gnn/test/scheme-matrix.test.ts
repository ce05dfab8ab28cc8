// Every public function of @mgraph/gnn that reads phases (fromGraph, and the model built from
// its output by HeteroNNConvModel.forData and train), on graphs of the cathode, the SOFC anode
// and the three-phase Li-ion electrode schemes: node types, relations, neighbour features and
// edges against brute-force counts over the node and edge lists, every scheme mismatch a
// typed error.
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
import {
  edgeTypeKey,
  type FromGraphOptions,
  fromGraph,
  HeteroNNConvModel,
  predict,
  train,
} from '../src/index.js';

const SCHEMES: readonly PhaseScheme[] = [
  CATHODE_SCHEME,
  SOFC_ANODE_SCHEME,
  LI_ION_ELECTRODE_SCHEME,
];

/** Node types each scheme's graphs should get by default: active object phases first. */
const WANT_TYPES: Record<string, string[]> = {
  cathode: ['nmc', 'sse', 'graphite'],
  'sofc-anode': ['pore', 'ni', 'ysz'],
  'li-ion-electrode': ['am', 'pore', 'cbd'],
};

/** The predicted node type of each scheme: its active phase, or Ni for the SOFC anode. */
const TARGET: Record<string, string> = {
  cathode: 'nmc',
  'sofc-anode': 'ni',
  'li-ion-electrode': 'am',
};

/** Options a scheme's graphs need: SOFC has no active phase, so the target type is named. */
const needs = (scheme: PhaseScheme): FromGraphOptions =>
  scheme.active.length === 1 ? {} : { targetType: TARGET[scheme.name] };

interface SchemeGraph {
  graph: UndirectedGraph;
  nodes: Array<{ key: string; phase: string; size: number }>;
  edges: Array<[string, string, number]>;
}

/**
 * A seeded random contact graph of a scheme, shaped as `buildGraph` makes it (node `phase`,
 * `size`, edge `weight`, graph attribute `scheme`), with self-loops, isolated nodes, a node of
 * a phase not cut into objects where the scheme has one, and targets on every node.
 */
function schemeGraph(scheme: PhaseScheme, seed: number, withScheme = true): SchemeGraph {
  const rng = createRng(seed);
  const graph = new UndirectedGraph();
  if (withScheme) graph.setAttribute('scheme', scheme);
  const nodes: SchemeGraph['nodes'] = [];
  const uncut = scheme.phases.filter((p) => !scheme.objects.includes(p));
  const n = 36;
  for (let i = 1; i <= n; i++) {
    const phase =
      i === n && uncut.length > 0
        ? uncut[0]!
        : scheme.objects[rng.integer(0, scheme.objects.length)]!;
    const size = rng.integer(10, 500);
    nodes.push({ key: String(i), phase, size });
    graph.addNode(String(i), {
      label: i,
      phase,
      size,
      soc: rng.random(),
      heterogeneity: rng.random(),
      polarization: rng.random(),
    });
  }
  const edges: SchemeGraph['edges'] = [];
  for (let a = 1; a <= n; a++) {
    for (let b = a; b <= n; b++) {
      const u = rng.random();
      if ((a === b && u < 0.05) || (a !== b && u < 0.12)) {
        const w = 0.5 + rng.random();
        graph.addEdge(String(a), String(b), { weight: w });
        edges.push([String(a), String(b), w]);
      }
    }
  }
  return { graph, nodes, edges };
}

/** Distinct other nodes of `phase` touching `key`, by a plain loop over the edge list. */
function bruteNeighbours(g: SchemeGraph, key: string, phase: string): number {
  const phaseOf = new Map(g.nodes.map((n) => [n.key, n.phase]));
  const others = new Set<string>();
  for (const [a, b] of g.edges) {
    if (a === key && b !== key) others.add(b);
    if (b === key && a !== key) others.add(a);
  }
  return [...others].filter((o) => phaseOf.get(o) === phase).length;
}

describe.each(SCHEMES.map((s) => [s.name, s] as const))('fromGraph on a %s graph', (_, scheme) => {
  const types = WANT_TYPES[scheme.name]!;

  it('node types are the object phases, relations every ordered pair, features brute-force counts', () => {
    for (const seed of [1, 2]) {
      const g = schemeGraph(scheme, seed);
      const h = fromGraph(g.graph, needs(scheme));
      expect(h.nodeTypes).toEqual(types);
      expect([...h.nodeTypes].sort()).toEqual([...scheme.objects].sort());
      expect(h.targetType).toBe(TARGET[scheme.name]);
      expect(h.featureNames).toEqual(['size', ...types.map((t) => `${t}Neighbors`)]);
      // one relation per ordered pair of object phases, nothing else
      const pairs = types.flatMap((s) => types.map((d) => edgeTypeKey([s, 'contacts', d])));
      expect(Object.keys(h.relations).sort()).toEqual([...pairs].sort());
      // rows: the graph's nodes of each type, in graph order; other phases left out
      for (const t of types) {
        const keys = g.nodes.filter((n) => n.phase === t).map((n) => n.key);
        expect(h.nodeKeys[t]).toEqual(keys);
        const m = h.x[t]!;
        expect([m.rows, m.cols]).toEqual([keys.length, types.length + 1]);
        keys.forEach((key, r) => {
          const row = Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols));
          const want = [
            g.nodes.find((n) => n.key === key)!.size,
            ...types.map((p) => bruteNeighbours(g, key, p)),
          ];
          expect(row, `node ${key}`).toEqual(want);
        });
      }
      // edges: every contact between kept nodes in both directions (a self-loop once)
      const kept = new Map(g.nodes.filter((n) => types.includes(n.phase)).map((n) => [n.key, n]));
      const want = new Map<string, string[]>(pairs.map((k) => [k, []]));
      for (const [a, b, w] of g.edges) {
        const na = kept.get(a);
        const nb = kept.get(b);
        if (na === undefined || nb === undefined) continue;
        want.get(edgeTypeKey([na.phase, 'contacts', nb.phase]))!.push(`${a}>${b}:${w}`);
        if (a !== b)
          want.get(edgeTypeKey([nb.phase, 'contacts', na.phase]))!.push(`${b}>${a}:${w}`);
      }
      let directed = 0;
      for (const [k, rel] of Object.entries(h.relations)) {
        const [s, , d] = rel.edgeType;
        const got = Array.from(
          rel.src,
          (src, e) => `${h.nodeKeys[s]![src]}>${h.nodeKeys[d]![rel.dst[e]!]}:${rel.attr.data[e]}`,
        );
        expect(got.sort(), k).toEqual(want.get(k)!.sort());
        directed += got.length;
      }
      expect(directed).toBeGreaterThan(50);
      expect(h.y!.rows).toBe(h.x[h.targetType]!.rows);
    }
  });

  it('the same data with the scheme passed for a graph without one', () => {
    const carried = fromGraph(schemeGraph(scheme, 3).graph, needs(scheme));
    const bare = schemeGraph(scheme, 3, false).graph;
    expect(fromGraph(bare, { ...needs(scheme), scheme })).toEqual(carried);
    expect(fromGraph(schemeGraph(scheme, 3).graph, { ...needs(scheme), scheme })).toEqual(carried);
  });

  it('a neighbour feature of any scheme phase counts that phase, left-out node types included', () => {
    const g = schemeGraph(scheme, 4);
    const [dropped, ...kept] = types;
    const h = fromGraph(g.graph, {
      nodeTypes: kept.includes(TARGET[scheme.name]!) ? kept : [dropped!, ...kept.slice(1)],
      targetType: TARGET[scheme.name],
      features: scheme.phases.map((p) => `${p}Neighbors`),
      targets: [],
    });
    for (const t of h.nodeTypes) {
      h.nodeKeys[t]!.forEach((key, r) => {
        scheme.phases.forEach((p, c) => {
          expect(h.x[t]!.data[r * h.x[t]!.cols + c], `${key} ${p}`).toBe(
            bruteNeighbours(g, key, p),
          );
        });
      });
    }
    expect(Object.keys(h.relations)).toHaveLength(h.nodeTypes.length ** 2);
  });

  it('another scheme passed, a missing scheme, foreign phases and names throw InvalidArgumentError', () => {
    const g = schemeGraph(scheme, 5).graph;
    const opts = needs(scheme);
    for (const other of SCHEMES.filter((s) => s !== scheme)) {
      expect(() => fromGraph(g, { ...opts, scheme: other })).toThrow(InvalidArgumentError);
      expect(() => fromGraph(g, { ...opts, scheme: other })).toThrow(/options\.scheme/);
      const relabelled = schemeGraph(scheme, 5).graph;
      relabelled.setAttribute('scheme', other);
      expect(() => fromGraph(relabelled, { targetType: TARGET[other.name] })).toThrow(
        /graph node "\d+" attribute phase must be one of the phases of scheme/,
      );
      // another scheme's phase names on this graph
      const foreign = other.phases.find((p) => !scheme.phases.includes(p))!;
      expect(() => fromGraph(g, { ...opts, nodeTypes: [foreign] })).toThrow(/options\.nodeTypes/);
      expect(() => fromGraph(g, { ...opts, targetType: foreign })).toThrow(/options\.targetType/);
      expect(() => fromGraph(g, { ...opts, features: ['size', `${foreign}Neighbors`] })).toThrow(
        /options\.features\[1\]/,
      );
    }
    expect(() => fromGraph(schemeGraph(scheme, 5, false).graph, opts)).toThrow(
      /graph attribute scheme/,
    );
    // a target type of the scheme that is not a node type
    expect(() =>
      fromGraph(g, { nodeTypes: types.filter((t) => t !== TARGET[scheme.name]), ...opts }),
    ).toThrow(/options\.targetType/);
    g.setNodeAttribute('2', 'phase', 'unobtainium');
    expect(() => fromGraph(g, opts)).toThrow(/graph node "2" attribute phase/);
    g.removeNodeAttribute('2', 'phase');
    expect(() => fromGraph(g, opts)).toThrow(InvalidArgumentError);
  });

  it('HeteroNNConvModel.forData: node types, target type and widths from the data; a cathode model rejects other data', () => {
    const h = fromGraph(schemeGraph(scheme, 6).graph, needs(scheme));
    const model = HeteroNNConvModel.forData(h, { hiddenChannels: 4, edgeHidden: 2 });
    expect(model.config).toMatchObject({
      nodeTypes: types,
      targetType: TARGET[scheme.name],
      relation: 'contacts',
      inChannels: types.length + 1,
      edgeChannels: 1,
      outChannels: 3,
    });
    const names = Object.keys(model.stateDict());
    for (const s of types) {
      for (const d of types) {
        expect(names).toContain(`conv1.convs.<${s}___contacts___${d}>.nn.0.weight`);
      }
    }
    expect(names.filter((k) => k.startsWith('conv2.') && k.endsWith('.lin.weight'))).toHaveLength(
      types.length,
    );
    expect(model.forward(h).shape).toEqual([h.x[h.targetType]!.rows, 3]);
    expect(() =>
      HeteroNNConvModel.forData(h, { nodeTypes: types } as Parameters<
        typeof HeteroNNConvModel.forData
      >[1]),
    ).toThrow(/options\.nodeTypes/);
    const cathodeModel = new HeteroNNConvModel({ inChannels: 4, hiddenChannels: 4, edgeHidden: 2 });
    expect(cathodeModel.config.nodeTypes).toEqual(['nmc', 'sse', 'graphite']);
    if (scheme !== CATHODE_SCHEME)
      expect(() => cathodeModel.forward(h)).toThrow(InvalidArgumentError);
    else expect(cathodeModel.forward(h).shape).toEqual([h.x.nmc!.rows, 3]);
  });

  it('train and predict run on the scheme’s node types', () => {
    const data = Array.from({ length: 5 }, (_, i) =>
      fromGraph(schemeGraph(scheme, 10 + i).graph, needs(scheme)),
    );
    const r = train(data, {
      seed: 1,
      maxEpochs: 2,
      patience: 2,
      model: { hiddenChannels: 4, edgeHidden: 2 },
    });
    expect(r.model.config.nodeTypes).toEqual(types);
    expect(r.model.config.targetType).toBe(TARGET[scheme.name]);
    const [p] = predict(r.model, [data[0]!], r.standardizer);
    expect([p!.rows, p!.cols]).toEqual([data[0]!.x[TARGET[scheme.name]!]!.rows, 3]);
  });
});

describe('fromGraph target type defaults', () => {
  it('the SOFC anode has no active phase: targetType must be named', () => {
    const g = schemeGraph(SOFC_ANODE_SCHEME, 7).graph;
    expect(() => fromGraph(g)).toThrow(InvalidArgumentError);
    expect(() => fromGraph(g)).toThrow(
      /options\.targetType must be given: scheme "sofc-anode" has no active phase/,
    );
  });
  it('a scheme with several active phases: targetType must be named', () => {
    const scheme = { ...LI_ION_ELECTRODE_SCHEME, name: 'two-active', active: ['am', 'cbd'] };
    const g = new UndirectedGraph();
    g.setAttribute('scheme', { ...scheme, electronic: [] });
    g.addNode('a', { phase: 'am', size: 1 });
    expect(() => fromGraph(g, { targets: [] })).toThrow(/several active phases \(am, cbd\)/);
    expect(fromGraph(g, { targets: [], targetType: 'am' }).nodeTypes).toEqual([
      'am',
      'cbd',
      'pore',
    ]);
  });
});
