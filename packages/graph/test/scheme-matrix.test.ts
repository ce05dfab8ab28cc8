// Every public function of @mgraph/graph on graphs of the three ready-made phase schemes
// (cathode, SOFC anode, three-phase Li-ion electrode), each checked against a brute-force
// oracle on a hand-drawn label image; then every scheme mismatch answered by a typed error.
//
// Brute force, written here without any code of the package: per-object dilation by the
// window done naively (every pixel of the object, every offset of the window), triangles by
// triple loops over objects, channel pairs by checking every pair of active objects against
// every bridge object.
import { spawnSync } from 'node:child_process';
import {
  CATHODE_SCHEME,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseScheme,
  SOFC_ANODE_SCHEME,
  samePhaseScheme,
  schemeOfGraph,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { itNeeds, python3Has } from '../../../test-utils/ci.js';
import {
  adjacencyCounts,
  buildGraph,
  type ChannelCategory,
  type ConcurrentChannelsOptions,
  concurrentChannels,
  encodeHeteroDataNpy,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
  type MicrostructureGraph,
  neighborPhaseCounts,
  toHeteroData,
  triplePhaseBoundaries,
} from '../src/index.js';

/** Character of each label in the drawings: '.' is 0 (no object), 'a' is 1, ... */
const KEY = '.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A hand-drawn case: planes of rows of label characters, and the phase of each character. */
interface Case {
  name: string;
  scheme: PhaseScheme;
  /** One plane (2D) or several (3D), each a list of equal-length rows. */
  planes: string[][];
  phaseOf: Record<string, string>;
  /** concurrentChannels options to run (each checked against the oracle). */
  channels: ConcurrentChannelsOptions[];
}

const CASES: Case[] = [
  {
    // a, b: NMC pair bridged by SSE s and graphite g (concurrent, two TPBs); c, d: bridged by
    // SSE t only (ionic-only); e, f: by graphite h only (electronic-only); i, j: touching,
    // bridged by SSE u (concurrent through direct contact); k: alone (none).
    name: 'cathode',
    scheme: CATHODE_SCHEME,
    planes: [
      [
        'gggggggggggg',
        'g.aaaa..bbb.',
        'g.aaaa..bbb.',
        'gsssssssssss',
        '............',
        'cccc..dddd..',
        'tttttttttt..',
        '............',
        'eeee..ffff..',
        'hhhhhhhhhh..',
        '............',
        'iiiijjjj..kk',
        'uuuuuuuu..kk',
      ],
    ],
    phaseOf: {
      a: 'nmc',
      b: 'nmc',
      c: 'nmc',
      d: 'nmc',
      e: 'nmc',
      f: 'nmc',
      i: 'nmc',
      j: 'nmc',
      k: 'nmc',
      s: 'sse',
      t: 'sse',
      u: 'sse',
      g: 'graphite',
      h: 'graphite',
    },
    channels: [{}, { directElectronic: false }, { directIonic: true }],
  },
  {
    // Pores are objects (code 0 is a phase like any other): a full partition of grains and
    // pores, and a separate cluster under a gap of unlabelled pixels.
    name: 'sofc-anode',
    scheme: SOFC_ANODE_SCHEME,
    planes: [
      [
        'aaabbbcccddd',
        'aaabbbcccddd',
        'eeeffffggghh',
        'eeeffffggghh',
        'iiijjjkkklll',
        'iiijjjkkklll',
        '............',
        'mmmnnn.ooopp',
        'qqqqqqqqqqpp',
      ],
    ],
    phaseOf: {
      a: 'pore',
      b: 'ni',
      c: 'ysz',
      d: 'ni',
      e: 'ysz',
      f: 'pore',
      g: 'ni',
      h: 'ysz',
      i: 'ni',
      j: 'ysz',
      k: 'pore',
      l: 'ni',
      m: 'ni',
      n: 'ni',
      o: 'ni',
      p: 'pore',
      q: 'ysz',
    },
    // no active phase in the scheme: name one; Ni is the scheme's electronic phase, so the
    // electron path is Ni-Ni contact (or pore objects as a stand-in bridge)
    channels: [
      { active: 'ni', electronic: [] },
      { active: 'ni', electronic: 'pore', directIonic: true },
      { active: 'ysz', ionic: 'pore', electronic: 'ni', directElectronic: false },
    ],
  },
  {
    // Active particles a, b (bridged by pore p and carbon-binder c: concurrent), d, e, f in
    // pore objects p, q, r (liquid electrolyte, ionic), carbon-binder c and x (electronic).
    name: 'li-ion-electrode',
    scheme: LI_ION_ELECTRODE_SCHEME,
    planes: [
      [
        'pppppppppppp',
        'paaapccbbbqq',
        'paaaccccbbqq',
        'paaaccxbbbqq',
        'pppcccqqqqqq',
        'rrrrrrrrrrrr',
        'rdddrreeerrr',
        'rdddrreeerfr',
        'rrrrrrrrrrrr',
      ],
    ],
    phaseOf: {
      p: 'pore',
      q: 'pore',
      r: 'pore',
      a: 'am',
      b: 'am',
      d: 'am',
      e: 'am',
      f: 'am',
      c: 'cbd',
      x: 'cbd',
    },
    channels: [{}, { directElectronic: false }, { ionic: [], directIonic: true }],
  },
  {
    // 3D: two planes of a small SOFC anode, contacts across planes included.
    name: 'sofc-anode 3D',
    scheme: SOFC_ANODE_SCHEME,
    planes: [
      ['aabb.', 'aabb.', 'cc.dd', '..eee'],
      ['e.bbe', 'c..de', 'cc.dd', 'f.eee'],
    ],
    phaseOf: { a: 'ni', b: 'ysz', c: 'pore', d: 'ni', e: 'pore', f: 'ysz' },
    channels: [{ active: 'ni', electronic: 'pore', directIonic: true }],
  },
];

/** The label image of a drawing: 2D for one plane, 3D for several. */
function labelImage(planes: string[][]): ndarray.NdArray<Int32Array> {
  const rows = planes[0]!.length;
  const cols = planes[0]![0]!.length;
  const data = new Int32Array(planes.length * rows * cols);
  planes.forEach((plane, z) => {
    expect(plane.length).toBe(rows);
    plane.forEach((row, r) => {
      expect(row.length).toBe(cols);
      for (let c = 0; c < cols; c++) {
        const label = KEY.indexOf(row[c]!);
        expect(label).toBeGreaterThanOrEqual(0);
        data[(z * rows + r) * cols + c] = label;
      }
    });
  });
  return ndarray(data, planes.length === 1 ? [rows, cols] : [planes.length, rows, cols]);
}

/** What the brute force knows of a drawing. */
interface Oracle {
  /** Labels present, ascending. */
  labels: number[];
  phase: Map<number, string>;
  size: Map<number, number>;
  centroid: Map<number, number[]>;
  bbox: Map<number, number[]>;
  /** count(a, b): pixels of b in a dilated by the window, for every ordered pair. */
  count: (a: number, b: number) => number;
  adjacent: (a: number, b: number) => boolean;
  weight: (a: number, b: number) => number;
}

function bruteForce(c: Case, window: number): Oracle {
  const img = labelImage(c.planes);
  const shape = img.shape;
  const nd = shape.length;
  const r = (window - 1) / 2;
  const pixels = new Map<number, number[][]>();
  const coords = (k: number) => {
    const out: number[] = [];
    for (let d = nd - 1; d >= 0; d--) {
      out.unshift(k % shape[d]!);
      k = Math.floor(k / shape[d]!);
    }
    return out;
  };
  for (let k = 0; k < img.data.length; k++) {
    const label = img.data[k]!;
    if (label === 0) continue;
    if (!pixels.has(label)) pixels.set(label, []);
    pixels.get(label)!.push(coords(k));
  }
  const labels = [...pixels.keys()].sort((a, b) => a - b);
  const at = (p: number[]) => p.reduce((k, x, d) => k * shape[d]! + x, 0);
  const offsets: number[][] = [[]];
  for (let d = 0; d < nd; d++) {
    const next: number[][] = [];
    for (const o of offsets) for (let x = -r; x <= r; x++) next.push([...o, x]);
    offsets.splice(0, offsets.length, ...next);
  }
  // per-object dilation, naively
  const dilated = new Map<number, Set<number>>();
  for (const label of labels) {
    const set = new Set<number>();
    for (const p of pixels.get(label)!) {
      for (const o of offsets) {
        const q = p.map((x, d) => x + o[d]!);
        if (q.every((x, d) => x >= 0 && x < shape[d]!)) set.add(at(q));
      }
    }
    dilated.set(label, set);
  }
  const counts = new Map<string, number>();
  for (const a of labels) {
    for (const b of labels) {
      if (a === b) continue;
      const n = pixels.get(b)!.filter((p) => dilated.get(a)!.has(at(p))).length;
      counts.set(`${a},${b}`, n);
    }
  }
  const count = (a: number, b: number) => counts.get(`${a},${b}`) ?? 0;
  const letter = (label: number) => KEY[label]!;
  return {
    labels,
    phase: new Map(labels.map((l) => [l, c.phaseOf[letter(l)]!])),
    size: new Map(labels.map((l) => [l, pixels.get(l)!.length])),
    centroid: new Map(
      labels.map((l) => {
        const ps = pixels.get(l)!;
        return [l, shape.map((_, d) => ps.reduce((s, p) => s + p[d]!, 0) / ps.length)];
      }),
    ),
    bbox: new Map(
      labels.map((l) => {
        const ps = pixels.get(l)!;
        const min = shape.map((_, d) => Math.min(...ps.map((p) => p[d]!)));
        const max = shape.map((_, d) => Math.max(...ps.map((p) => p[d]!)) + 1);
        return [l, [...min, ...max]];
      }),
    ),
    count,
    adjacent: (a, b) => a !== b && count(a, b) > 0,
    weight: (a, b) => (count(a, b) + count(b, a)) / 2 / Math.max(r, 1),
  };
}

function build(c: Case, window: number): MicrostructureGraph {
  const img = labelImage(c.planes);
  const phaseOfLabel = new Uint8Array(KEY.length);
  for (const [ch, phase] of Object.entries(c.phaseOf)) {
    const code = c.scheme.phases.indexOf(phase);
    expect(code, `${c.name}: phase ${phase}`).toBeGreaterThanOrEqual(0);
    phaseOfLabel[KEY.indexOf(ch)] = code;
  }
  return buildGraph(img, { scheme: c.scheme, phaseOfLabel, window });
}

/** Nodes of a phase in label order. */
function ofPhase(o: Oracle, phase: string): number[] {
  return o.labels.filter((l) => o.phase.get(l) === phase);
}

function tpbOracle(o: Oracle, phases: readonly [string, string, string]) {
  const [p0, p1, p2] = phases;
  const triangles = [];
  const countByNode: Record<string, number> = {};
  for (const l of o.labels) if (phases.includes(o.phase.get(l)!)) countByNode[l] = 0;
  for (const u of ofPhase(o, p0)) {
    for (const v of ofPhase(o, p1)) {
      for (const w of ofPhase(o, p2)) {
        if (!(o.adjacent(u, v) && o.adjacent(u, w) && o.adjacent(v, w))) continue;
        const weights = [o.weight(u, v), o.weight(u, w), o.weight(v, w)];
        triangles.push({
          nodes: [u, v, w].map(String),
          weights,
          perimeter: weights[0]! + weights[1]! + weights[2]!,
          ratio: weights[0]! / weights[1]!,
        });
        for (const n of [u, v, w]) countByNode[n]!++;
      }
    }
  }
  const objectCounts = Object.fromEntries(phases.map((p) => [p, ofPhase(o, p).length]));
  const warnings = phases
    .filter((p) => objectCounts[p] === 0)
    .map((p) => `phase "${p}" has no objects in the graph: no TPB can exist`);
  return { phases: [...phases], triangles, countByNode, objectCounts, warnings };
}

function list(value: string | readonly string[] | undefined, fallback: readonly string[]) {
  if (value === undefined) return [...fallback];
  return typeof value === 'string' ? [value] : [...value];
}

function channelOracle(o: Oracle, scheme: PhaseScheme, options: ConcurrentChannelsOptions) {
  const active = options.active ?? scheme.active[0]!;
  const ionic = list(options.ionic, scheme.ionic);
  const electronic = list(options.electronic, scheme.electronic);
  const directIonic = options.directIonic ?? false;
  const directElectronic = options.directElectronic ?? true;
  const actives = ofPhase(o, active);
  const bridges = (u: number, v: number, phases: string[]) =>
    o.labels
      .filter((s) => phases.includes(o.phase.get(s)!))
      .filter((s) => o.adjacent(s, u) && o.adjacent(s, v))
      .map(String);
  const type = (bridge: boolean, direct: boolean) =>
    bridge && direct ? 'bridge+direct' : bridge ? 'bridge' : direct ? 'direct' : undefined;
  const pairs = [];
  const hasIonic = new Set<number>();
  const hasElectronic = new Set<number>();
  const concurrent = new Set<number>();
  for (const u of actives) {
    for (const v of actives) {
      if (u >= v) continue;
      const direct = o.adjacent(u, v);
      const ionicBridges = bridges(u, v, ionic);
      const electronicBridges = bridges(u, v, electronic);
      const ionicLink = type(ionicBridges.length > 0, directIonic && direct);
      const electronicLink = type(electronicBridges.length > 0, directElectronic && direct);
      if (ionicLink) hasIonic.add(u).add(v);
      if (electronicLink) hasElectronic.add(u).add(v);
      if (ionicLink && electronicLink) {
        concurrent.add(u).add(v);
        pairs.push({
          nodes: [String(u), String(v)],
          ionicBridges,
          electronicBridges,
          direct,
          ionic: ionicLink,
          electronic: electronicLink,
        });
      }
    }
  }
  const categoryByNode: Record<string, ChannelCategory> = {};
  const concurrentByNode: Record<string, boolean> = {};
  for (const u of actives) {
    const i = hasIonic.has(u);
    const e = hasElectronic.has(u);
    categoryByNode[u] = i && e ? 'both' : i ? 'ionic-only' : e ? 'electronic-only' : 'none';
    concurrentByNode[u] = concurrent.has(u);
  }
  return { roles: { active, ionic, electronic }, pairs, categoryByNode, concurrentByNode };
}

function neighborOracle(o: Oracle, scheme: PhaseScheme) {
  const out: Record<string, Record<string, number>> = {};
  for (const u of o.labels) {
    out[u] = Object.fromEntries(
      scheme.objects.map((p) => [p, ofPhase(o, p).filter((v) => o.adjacent(u, v)).length]),
    );
  }
  return out;
}

/** Every analysis of a graph, for comparing a graph with its copy read back from a file. */
function analyses(g: MicrostructureGraph, c: Case) {
  const hetero = toHeteroData(g, { features: ['size', 'centroid'] });
  return {
    tpb: triplePhaseBoundaries(g),
    channels: c.channels.map((options) => concurrentChannels(g, options)),
    neighbors: neighborPhaseCounts(g),
    hetero,
    npy: encodeHeteroDataNpy(hetero),
  };
}

const FORMATS = [
  ['JSON', graphToJSON, graphFromJSON],
  ['GraphML', graphToGraphML, graphFromGraphML],
  ['GEXF', graphToGEXF, graphFromGEXF],
] as const;

const PYTHON = '/usr/bin/python3';
const itNetworkx = itNeeds(python3Has('networkx'), `${PYTHON} with networkx (python3-networkx)`);

describe.each(CASES)('scheme matrix: $name', (c) => {
  describe.each([3, 5])('window %i', (window) => {
    const o = bruteForce(c, window);
    const graph = build(c, window);

    it('buildGraph: nodes, edges and counts of the naive per-object dilation', () => {
      expect(graph.getAttribute('scheme')).toEqual(c.scheme);
      expect(schemeOfGraph('test', graph)).toEqual(c.scheme);
      expect(graph.nodes()).toEqual(o.labels.map(String));
      for (const l of o.labels) {
        const attr = graph.getNodeAttributes(String(l));
        expect(attr).toMatchObject({
          label: l,
          phase: o.phase.get(l),
          phaseCode: c.scheme.phases.indexOf(o.phase.get(l)!),
          size: o.size.get(l),
          bbox: o.bbox.get(l),
        });
        attr.centroid.forEach((x, d) => {
          expect(x).toBeCloseTo(o.centroid.get(l)![d]!, 12);
        });
      }
      const expected: string[] = [];
      for (const a of o.labels) {
        for (const b of o.labels) {
          if (a >= b) continue;
          // the rule is symmetric: a's dilation meets b exactly when b's meets a
          expect(o.count(a, b) > 0).toBe(o.count(b, a) > 0);
          if (!o.adjacent(a, b)) continue;
          expected.push(`${a}-${b}`);
          expect(graph.getEdgeAttributes(`${a}-${b}`)).toEqual({
            a,
            b,
            countAB: o.count(a, b),
            countBA: o.count(b, a),
            strength: (o.count(a, b) + o.count(b, a)) / 2,
            weight: o.weight(a, b),
          });
        }
      }
      expect(graph.edges().sort()).toEqual(expected.sort());
      // adjacencyCounts agrees with the same brute force, every ordered pair
      const counts = adjacencyCounts(labelImage(c.planes), { window });
      const listed = Array.from(counts.source, (s, i) => [s, counts.target[i]!, counts.count[i]!]);
      const oracle = o.labels.flatMap((a) =>
        o.labels.filter((b) => o.adjacent(a, b)).map((b) => [a, b, o.count(a, b)]),
      );
      expect(listed).toEqual(oracle);
    });

    it("triplePhaseBoundaries: the scheme's TPB, by triple loops over objects", () => {
      const result = triplePhaseBoundaries(graph);
      expect(result).toEqual(tpbOracle(o, c.scheme.tpb!));
      expect(result.warnings).toEqual([]);
      // the same with the scheme passed explicitly, and with the phases reordered
      expect(triplePhaseBoundaries(graph, { scheme: c.scheme })).toEqual(result);
      const [p0, p1, p2] = c.scheme.tpb!;
      expect(triplePhaseBoundaries(graph, { phases: [p2, p0, p1] })).toEqual(
        tpbOracle(o, [p2, p0, p1]),
      );
    });

    it('concurrentChannels: every pair of active objects against every bridge object', () => {
      for (const options of c.channels) {
        const result = concurrentChannels(graph, options);
        const expected = channelOracle(o, c.scheme, options);
        expect(result.roles).toEqual(expected.roles);
        expect(result.pairs).toEqual(expected.pairs);
        expect(result.categoryByNode).toEqual(expected.categoryByNode);
        expect(result.concurrentByNode).toEqual(expected.concurrentByNode);
        const phases = [
          ...new Set([
            expected.roles.active,
            ...expected.roles.ionic,
            ...expected.roles.electronic,
          ]),
        ];
        expect(result.objectCounts).toEqual(
          Object.fromEntries(phases.map((p) => [p, ofPhase(o, p).length])),
        );
      }
    });

    it("neighborPhaseCounts: keyed by the scheme's object phases", () => {
      const counts = neighborPhaseCounts(graph);
      expect(counts).toEqual(neighborOracle(o, c.scheme));
      for (const key of Object.keys(counts)) {
        expect(Object.keys(counts[key]!)).toEqual([...c.scheme.objects]);
      }
    });

    it('toHeteroData: one node type per object phase in code order, each contact both ways', () => {
      const data = toHeteroData(graph);
      expect(data.nodeTypes).toEqual([...c.scheme.objects]);
      for (const t of c.scheme.objects) {
        const node = data.nodes[t]!;
        expect(Array.from(node.labels)).toEqual(ofPhase(o, t));
        expect(node.keys).toEqual(ofPhase(o, t).map(String));
        expect(Array.from(node.x)).toEqual(ofPhase(o, t).map((l) => o.size.get(l)!));
      }
      expect(data.edgeTypes).toEqual(
        c.scheme.objects.flatMap((s) => c.scheme.objects.map((t) => [s, 'contacts', t])),
      );
      for (const s of c.scheme.objects) {
        for (const t of c.scheme.objects) {
          const e = data.edges[`${s}__contacts__${t}`]!;
          const n = e.edgeIndex.length / 2;
          const got = Array.from({ length: n }, (_, i) => [
            data.nodes[s]!.labels[e.edgeIndex[i]!],
            data.nodes[t]!.labels[e.edgeIndex[n + i]!],
            e.edgeAttr[i],
          ]);
          const want = ofPhase(o, s).flatMap((u) =>
            ofPhase(o, t)
              .filter((v) => o.adjacent(u, v))
              .map((v) => [u, v, Math.fround(o.weight(u, v))]),
          );
          const order = (a: (number | undefined)[], b: (number | undefined)[]) =>
            a[0]! - b[0]! || a[1]! - b[1]!;
          expect(got.sort(order)).toEqual(want.sort(order));
        }
      }
    });

    it.each(FORMATS)(
      '%s export round trip carries the scheme and the same results',
      (_f, write, read) => {
        const back = read(write(graph));
        expect(schemeOfGraph('test', back)).toEqual(c.scheme);
        expect(samePhaseScheme(schemeOfGraph('test', back), c.scheme)).toBe(true);
        expect(back.getAttributes()).toEqual(graph.getAttributes());
        expect(back.mapNodes((k, a) => [k, a])).toEqual(graph.mapNodes((k, a) => [k, a]));
        graph.forEachEdge((key, attr) => {
          expect(back.getEdgeAttributes(key)).toEqual(attr);
        });
        expect(back.size).toBe(graph.size);
        expect(analyses(back, c)).toEqual(analyses(graph, c));
        // the read-back graph still refuses another scheme
        const other = CASES.find((x) => x.scheme.name !== c.scheme.name)!.scheme;
        expect(() => triplePhaseBoundaries(back, { scheme: other })).toThrow(InvalidArgumentError);
      },
    );
  });

  itNetworkx('GraphML is read by networkx, the scheme as JSON text', () => {
    const graph = build(c, 3);
    const script = [
      'import json, sys, networkx',
      'g = networkx.read_graphml(sys.stdin)',
      's = json.loads(g.graph["scheme"])',
      'print(json.dumps([s, g.number_of_nodes(), g.number_of_edges()]))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script], {
      input: graphToGraphML(graph),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([c.scheme, graph.order, graph.size]);
  });
});

describe('the matrix exercises every case it claims to', () => {
  it('has triangles, concurrent pairs and every channel category', () => {
    const categories = new Set<string>();
    for (const c of CASES) {
      const o = bruteForce(c, 3);
      // the code-0 phase has objects in the SOFC and Li-ion drawings
      if (c.scheme.objects.includes(c.scheme.phases[0]!)) {
        expect(ofPhase(o, c.scheme.phases[0]!).length).toBeGreaterThan(0);
      }
      expect(tpbOracle(o, c.scheme.tpb!).triangles.length, c.name).toBeGreaterThan(0);
      const channels = c.channels.map((options) => channelOracle(o, c.scheme, options));
      expect(
        channels.some((r) => r.pairs.length > 0),
        c.name,
      ).toBe(true);
      for (const r of channels)
        for (const cat of Object.values(r.categoryByNode)) categories.add(cat);
    }
    expect([...categories].sort()).toEqual(['both', 'electronic-only', 'ionic-only', 'none']);
    // the cathode drawing alone, with default options, has all four
    const cathode = CASES[0]!;
    const r = channelOracle(bruteForce(cathode, 3), cathode.scheme, {});
    expect(new Set(Object.values(r.categoryByNode)).size).toBe(4);
  });
});

describe('scheme mismatches are typed errors', () => {
  const graphs = CASES.filter((c) => c.planes.length === 1).map((c) => [c, build(c, 3)] as const);

  it('buildGraph: a forgotten scheme throws instead of defaulting to the cathode', () => {
    const c = CASES[1]!; // SOFC: codes 0 are pores
    const img = labelImage(c.planes);
    const phaseOfLabel = new Uint8Array(KEY.length);
    for (const [ch, p] of Object.entries(c.phaseOf)) {
      phaseOfLabel[KEY.indexOf(ch)] = c.scheme.phases.indexOf(p);
    }
    expect(() => buildGraph(img, { phaseOfLabel } as never)).toThrow(InvalidArgumentError);
    expect(() => buildGraph(img, { phaseOfLabel } as never)).toThrow(
      'buildGraph: argument options.scheme must be given (it has no default): pass the scheme of the phase map, e.g. CATHODE_SCHEME',
    );
    // the SOFC codes read with the cathode's scheme: the pore objects (code 0) are
    // "background", which the cathode does not cut into objects
    expect(() => buildGraph(img, { phaseOfLabel, scheme: CATHODE_SCHEME })).toThrow(
      'which the scheme does not cut into objects',
    );
  });

  it('every downstream function refuses a scheme other than the graph’s', () => {
    for (const [c, graph] of graphs) {
      for (const other of [CATHODE_SCHEME, SOFC_ANODE_SCHEME, LI_ION_ELECTRODE_SCHEME]) {
        if (other === c.scheme) continue;
        const calls: [string, () => unknown][] = [
          ['triplePhaseBoundaries', () => triplePhaseBoundaries(graph, { scheme: other })],
          ['concurrentChannels', () => concurrentChannels(graph, { scheme: other })],
          ['neighborPhaseCounts', () => neighborPhaseCounts(graph, { scheme: other })],
          ['toHeteroData', () => toHeteroData(graph, { scheme: other })],
        ];
        for (const [fn, call] of calls) {
          expect(call, `${fn} on ${c.name} with ${other.name}`).toThrow(InvalidArgumentError);
          expect(call).toThrow(
            `${fn}: argument options.scheme must be the scheme the graph was built with (${JSON.stringify(c.scheme.name)}`,
          );
        }
      }
      // the graph's own scheme, even as a JSON copy, is accepted
      const copy = JSON.parse(JSON.stringify(c.scheme)) as PhaseScheme;
      expect(triplePhaseBoundaries(graph, { scheme: copy })).toEqual(triplePhaseBoundaries(graph));
      expect(neighborPhaseCounts(graph, { scheme: copy })).toEqual(neighborPhaseCounts(graph));
    }
  });

  it('a phase the scheme lacks throws, in every function that takes phases', () => {
    const cathode = graphs[0]![1];
    const sofc = graphs[1]![1];
    const liIon = graphs[2]![1];
    expect(() => triplePhaseBoundaries(cathode, { phases: ['ni', 'ysz', 'pore'] })).toThrow(
      'the scheme has no phase "ni"',
    );
    expect(() => triplePhaseBoundaries(sofc, { phases: ['nmc', 'sse', 'graphite'] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => concurrentChannels(liIon, { active: 'nmc' })).toThrow(
      'concurrentChannels: argument options.active must be distinct object phases of the graph\'s scheme "li-ion-electrode" ("pore", "am", "cbd"); the scheme has no phase "nmc", got "nmc"',
    );
    expect(() => concurrentChannels(liIon, { ionic: 'sse' })).toThrow(
      'argument options.ionic must be distinct object phases',
    );
    expect(() => concurrentChannels(sofc, { active: 'ni', electronic: 'graphite' })).toThrow(
      'the scheme has no phase "graphite"',
    );
    expect(() => toHeteroData(sofc, { nodeTypes: ['ni', 'nmc'] })).toThrow(
      'toHeteroData: argument options.nodeTypes must be distinct object phases',
    );
    // a node of a phase the scheme lacks
    const stray = sofc.copy();
    stray.setNodeAttribute('1', 'phase', 'nmc');
    for (const call of [
      () => triplePhaseBoundaries(stray),
      () => concurrentChannels(stray, { active: 'ni', electronic: [] }),
      () => neighborPhaseCounts(stray),
      () => toHeteroData(stray),
    ]) {
      expect(call).toThrow('argument graph node 1 attribute phase must be an object phase');
    }
  });

  it('a scheme without a TPB or an active phase asks for them', () => {
    const sofc = graphs[1]![1];
    expect(() => concurrentChannels(sofc)).toThrow(
      'argument options.active must be given: the graph\'s scheme "sofc-anode" declares no active phase',
    );
  });

  it('a TPB phase without objects is a warning, not an error and not a silent 0', () => {
    // The case: an SOFC image whose pores were never labelled (code 0 left out of
    // the instance map): Ni and YSZ objects only.
    const img = labelImage([['bbbccc', 'bbbccc', '......', 'ddeeee']]);
    const phaseOfLabel = new Uint8Array(KEY.length);
    phaseOfLabel[KEY.indexOf('b')] = 1;
    phaseOfLabel[KEY.indexOf('c')] = 2;
    phaseOfLabel[KEY.indexOf('d')] = 1;
    phaseOfLabel[KEY.indexOf('e')] = 2;
    const g = buildGraph(img, { scheme: SOFC_ANODE_SCHEME, phaseOfLabel, window: 3 });
    const r = triplePhaseBoundaries(g);
    expect(r.triangles).toEqual([]);
    expect(r.objectCounts).toEqual({ ni: 2, ysz: 2, pore: 0 });
    expect(r.warnings).toEqual(['phase "pore" has no objects in the graph: no TPB can exist']);
    // the channels report a missing bridge phase the same way
    const ch = concurrentChannels(g, { active: 'ni', electronic: 'pore' });
    expect(ch.warnings).toEqual([
      'electronic phase "pore" has no objects in the graph: no electronic bridge can exist',
    ]);
    // the other functions still key their results by every object phase of the scheme
    expect(neighborPhaseCounts(g)['2']).toEqual({ pore: 0, ni: 0, ysz: 1 });
    const data = toHeteroData(g);
    expect(data.nodeTypes).toEqual(['pore', 'ni', 'ysz']);
    expect(data.nodes.pore!.keys).toEqual([]);
    expect(data.edges.pore__contacts__ni!.edgeIndex.length).toBe(0);
    expect(data.edges.ni__contacts__ysz!.edgeIndex.length).toBe(2 * 2);
    // and the warning survives every export
    for (const [, write, read] of FORMATS) {
      expect(triplePhaseBoundaries(read(write(g))).warnings).toEqual(r.warnings);
    }
  });
});
