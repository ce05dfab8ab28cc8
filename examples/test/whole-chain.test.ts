// The whole chain a materials user runs (read -> apply scheme -> instances -> graph -> TPBs ->
// channels -> node metrics -> GraphML), on the real calendered NMC cathode (Li-ion electrode
// scheme), on an SOFC anode volume with raw values 0 / 128 / 255 written to and read from a
// TIFF, and on a 2D cathode phantom: every per-phase count checked against the brute-force
// oracles of ./brute-force.ts, the pore phase included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyScheme,
  CATHODE_SCHEME,
  createRng,
  definePhaseScheme,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseMap,
  type PhaseScheme,
  SOFC_ANODE_SCHEME,
  samePhaseScheme,
  schemeOfGraph,
} from '@mgraph/core';
import {
  buildGraph,
  concurrentChannels,
  graphFromGraphML,
  graphToGraphML,
  type MicrostructureGraph,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import { readTiff, writeTiff } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { nodeMetrics } from '@mgraph/stats';
import { instanceSegmentation } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  channelPairs,
  floodComponents,
  neighbourSets,
  percolates,
  triangles,
  windowContacts,
} from './brute-force.js';

const here = dirname(fileURLToPath(import.meta.url));
const REAL = join(here, '..', 'data', 'nmc-1-cal-cbd.tif');
const WINDOW = 7;

/** What one run of the chain gives, with the inputs the oracles need. */
interface Chain {
  phases: PhaseMap;
  labels: Int32Array;
  phaseOfLabel: Uint8Array;
  countByPhase: Record<string, number>;
  graph: MicrostructureGraph;
  scheme: PhaseScheme;
}

function chain(phases: PhaseMap, scheme: PhaseScheme, split?: string[]): Chain {
  const inst = instanceSegmentation(phases, { scheme, ...(split ? { split } : {}) });
  const graph = buildGraph(inst.labels, {
    phaseOfLabel: inst.phaseOfLabel,
    scheme: inst.scheme,
    window: WINDOW,
  });
  return {
    phases,
    labels: inst.labels.data,
    phaseOfLabel: inst.phaseOfLabel,
    countByPhase: inst.countByPhase,
    graph,
    scheme,
  };
}

/** Every check of the chain against the oracles. */
function checkAgainstOracles(c: Chain, split: readonly string[]): void {
  const { scheme, graph, labels, phaseOfLabel } = c;
  const codes = c.phases.data;
  const shape = c.phases.shape;
  const phaseOf = (label: number) => scheme.phases[phaseOfLabel[label]!]!;

  // instances: object phases labelled, the others not; every label one phase; the phases not
  // split are exactly the flood components of their masks
  for (let i = 0; i < labels.length; i++) {
    const name = scheme.phases[codes[i]!]!;
    if (!scheme.objects.includes(name)) expect(labels[i]).toBe(0);
    else {
      expect(labels[i]).toBeGreaterThan(0);
      expect(phaseOfLabel[labels[i]!]).toBe(codes[i]);
    }
  }
  for (const name of scheme.objects) {
    const code = scheme.phases.indexOf(name);
    const owned = phaseOfLabel.filter((p, l) => l > 0 && p === code).length;
    expect(c.countByPhase[name]).toBe(owned);
    if (split.includes(name)) continue;
    const mask = Uint8Array.from(codes, (v) => (v === code ? 1 : 0));
    const { ids, count } = floodComponents(mask, shape);
    expect(owned).toBe(count);
    const pair = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      if (!ids[i]) continue;
      const seen = pair.get(ids[i]!);
      if (seen === undefined) pair.set(ids[i]!, labels[i]!);
      else expect(labels[i]).toBe(seen);
    }
    expect(new Set(pair.values()).size).toBe(count);
  }

  // graph: one node per object, one edge per pair in contact, the directed counts
  const contacts = windowContacts(labels, shape, (WINDOW - 1) / 2);
  const adj = neighbourSets(contacts);
  expect(graph.order).toBe(phaseOfLabel.length - 1);
  expect(graph.size).toBe(contacts.size / 2);
  graph.forEachEdge((_key, attr) => {
    expect(attr.countAB).toBe(contacts.get(`${attr.a}>${attr.b}`));
    expect(attr.countBA).toBe(contacts.get(`${attr.b}>${attr.a}`));
  });
  graph.forEachNode((key, attr) => expect(attr.phase).toBe(phaseOf(Number(key))));

  // TPBs, channels and neighbour counts
  const labelsOfPhase = (name: string) =>
    graph.filterNodes((_k, a) => a.phase === name).map(Number);
  const tpb = triplePhaseBoundaries(graph);
  const found = tpb.triangles.map((t) => t.nodes.join('-')).sort();
  expect(found).toEqual(triangles(labelsOfPhase, adj, scheme.tpb!));
  for (const name of scheme.tpb!) {
    expect(tpb.objectCounts[name]).toBe(labelsOfPhase(name).length);
    expect(tpb.objectCounts[name]).toBeGreaterThan(0);
  }
  expect(tpb.warnings).toEqual([]);
  if (scheme.active.length === 1) {
    const channels = concurrentChannels(graph);
    const pairs = channels.pairs.map((p) =>
      [...p.nodes]
        .map(Number)
        .sort((a, b) => a - b)
        .join('-'),
    );
    expect(pairs.sort()).toEqual(
      channelPairs(
        phaseOf,
        labelsOfPhase(scheme.active[0]!),
        adj,
        scheme.ionic,
        scheme.electronic,
        true,
      ),
    );
  }
  for (const row of nodeMetrics(graph, { maxIter: 10_000 })) {
    const expected = Object.fromEntries(scheme.objects.map((p) => [p, 0]));
    for (const v of adj.get(Number(row.node)) ?? []) expected[phaseOf(v)]!++;
    expect(row.neighbors).toEqual(expected);
  }

  // GraphML round trip: the scheme comes back, and with it the same analyses
  const back = graphFromGraphML(graphToGraphML(graph));
  expect(samePhaseScheme(schemeOfGraph('test', back), scheme)).toBe(true);
  expect(triplePhaseBoundaries(back).triangles.length).toBe(tpb.triangles.length);
}

/** Pore objects touching the first plane reach those touching the last through pore contacts. */
function poreNetworkPercolates(graph: MicrostructureGraph, pore: string, planes: number): boolean {
  const ndim = graph.getAttribute('shape').length;
  const touches = (key: string, plane: number) => {
    const bbox = graph.getNodeAttribute(key, 'bbox');
    return plane === 0 ? bbox[0] === 0 : bbox[ndim] === planes;
  };
  const start = graph.filterNodes((k, a) => a.phase === pore && touches(k, 0));
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    const u = queue.pop()!;
    if (touches(u, planes - 1)) return true;
    graph.forEachNeighbor(u, (v, a) => {
      if (a.phase === pore && !seen.has(v)) {
        seen.add(v);
        queue.push(v);
      }
    });
  }
  return false;
}

describe('real calendered NMC cathode (X-ray CT, MATBOX), Li-ion electrode scheme', () => {
  let raw: Awaited<ReturnType<typeof readTiff>>;
  beforeAll(async () => {
    raw = await readTiff(REAL);
  });

  it('reads as 251 x 301 x 301 uint8 with the fractions of its README', () => {
    expect(raw.data.shape).toEqual([251, 301, 301]);
    expect(raw.data.dtype).toBe('uint8');
    const phases = applyScheme(raw.data, LI_ION_ELECTRODE_SCHEME);
    const counts = [0, 0, 0];
    for (const v of phases.data) counts[v]!++;
    const total = 251 * 301 * 301;
    expect(counts.map((n) => Math.round((n / total) * 10_000) / 100)).toEqual([40.05, 49.95, 10]);
  });

  it('a 48^3 crop: pores split like the active material (a network of pore objects), every count against brute force; the pore phase percolates', () => {
    const crop = raw.data.hi(148, 148, 148).lo(100, 100, 100);
    const phases = applyScheme(crop, LI_ION_ELECTRODE_SCHEME);
    const split = ['pore', 'am'];
    const c = chain(phases, LI_ION_ELECTRODE_SCHEME, split);
    expect(c.countByPhase.pore).toBeGreaterThan(1);
    checkAgainstOracles(c, split);
    const poreMask = Uint8Array.from(phases.data, (v) => (v === 0 ? 1 : 0));
    for (const axis of [0, 1, 2]) expect(percolates(poreMask, phases.shape, axis)).toBe(true);
    expect(poreNetworkPercolates(c.graph, 'pore', 48)).toBe(true);
  }, 120_000);
});

/** A three-phase volume of random overlapping balls, raw values 0 / 128 / 255. */
function ballVolume(side: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const out = new Uint8Array(side ** 3);
  for (const value of [128, 255]) {
    for (let k = 0; k < side * 2; k++) {
      const [z, y, x] = [rng.uniform(0, side), rng.uniform(0, side), rng.uniform(0, side)];
      const r = rng.uniform(2, 5);
      for (let p = Math.max(0, Math.floor(z - r)); p < Math.min(side, z + r + 1); p++) {
        for (let q = Math.max(0, Math.floor(y - r)); q < Math.min(side, y + r + 1); q++) {
          for (let s = Math.max(0, Math.floor(x - r)); s < Math.min(side, x + r + 1); s++) {
            if ((p - z) ** 2 + (q - y) ** 2 + (s - x) ** 2 <= r * r)
              out[(p * side + q) * side + s] = value;
          }
        }
      }
    }
  }
  return out;
}

describe('SOFC anode volume, raw values 0 / 128 / 255 through a TIFF file', () => {
  it('pore objects exist (code 0 is not special) and every count agrees with brute force', async () => {
    const side = 40;
    const path = join(mkdtempSync(join(tmpdir(), 'mgraph-chain-')), 'sofc.tif');
    await writeTiff(path, ndarray(ballVolume(side, 7), [side, side, side]));
    const { data } = await readTiff(path);
    const scheme = definePhaseScheme({ ...SOFC_ANODE_SCHEME, values: [[0], [128], [255]] });
    expect(() => applyScheme(data, SOFC_ANODE_SCHEME)).toThrow('found 0, 128, 255');
    const c = chain(applyScheme(data, scheme), scheme);
    expect(c.countByPhase.pore).toBeGreaterThan(0);
    checkAgainstOracles(c, []);
  }, 120_000);
});

describe("2D cathode phantom (the paper's scheme)", () => {
  it('background stays unlabelled and every count agrees with brute force', () => {
    const composite = generateComposite({ shape: [160, 160], seed: 3 });
    const c = chain(composite.phases, CATHODE_SCHEME);
    expect(c.countByPhase.nmc).toBeGreaterThan(5);
    checkAgainstOracles(c, ['nmc']);
  }, 120_000);
});

describe("the whole real volume (251 x 301 x 301), Li-ion electrode scheme, the paper's split (active material only)", () => {
  it('pore and carbon-binder objects are the flood components of their masks; the pore phase percolates, as objects and as a network', async () => {
    const { data } = await readTiff(REAL);
    const phases = applyScheme(data, LI_ION_ELECTRODE_SCHEME);
    const inst = instanceSegmentation(phases, { scheme: LI_ION_ELECTRODE_SCHEME });
    const graph = buildGraph(inst.labels, {
      phaseOfLabel: inst.phaseOfLabel,
      scheme: inst.scheme,
      window: WINDOW,
    });
    for (const [name, code] of [
      ['pore', 0],
      ['cbd', 2],
    ] as const) {
      const mask = Uint8Array.from(phases.data, (v) => (v === code ? 1 : 0));
      const { ids, count } = floodComponents(mask, phases.shape);
      expect(inst.countByPhase[name]).toBe(count);
      const labelOf = new Int32Array(count + 1);
      for (let i = 0; i < ids.length; i++) {
        if (!ids[i]) continue;
        if (labelOf[ids[i]!] === 0) labelOf[ids[i]!] = inst.labels.data[i]!;
        else if (labelOf[ids[i]!] !== inst.labels.data[i])
          throw new Error(`${name} component ${ids[i]} has two labels`);
      }
      expect(new Set(labelOf.subarray(1)).size).toBe(count);
      if (name === 'pore') {
        for (const axis of [0, 1, 2]) expect(percolates(mask, phases.shape, axis)).toBe(true);
      }
    }
    const byPhase = (name: string) => graph.filterNodes((_k, a) => a.phase === name).length;
    for (const name of LI_ION_ELECTRODE_SCHEME.objects)
      expect(byPhase(name)).toBe(inst.countByPhase[name]);
    expect(poreNetworkPercolates(graph, 'pore', 251)).toBe(true);
    const tpb = triplePhaseBoundaries(graph);
    expect(tpb.warnings).toEqual([]);
    expect(tpb.triangles.length).toBeGreaterThan(0);
  }, 300_000);
});
