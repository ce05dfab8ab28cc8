import {
  AbortError,
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  ShapeMismatchError,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';
import { electrochemicalDescriptors } from '@mgraph/electrochem';
import { buildGraph, concurrentChannels, triplePhaseBoundaries } from '@mgraph/graph';
import { nodeMetrics } from '@mgraph/stats';
import { instanceSegmentation } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { analyzeImage, analyzePhaseMap, analyzeVolume, type ImageAnalysis } from '../src/index.js';
import { fixedSegmenter, phantom } from './helpers.js';

/** The stages called one by one, as a user would without the pipeline. */
function direct(c: ReturnType<typeof phantom>) {
  const inst = instanceSegmentation(c.phases, {
    scheme: CATHODE_SCHEME,
    split: ['nmc'],
    minSize: 10,
  });
  const graph = buildGraph(inst.labels, {
    phaseOfLabel: inst.phaseOfLabel,
    scheme: CATHODE_SCHEME,
  });
  const nmc = graph.filterNodes((_, a) => a.phase === 'nmc');
  return {
    inst,
    graph,
    nmc,
    tpb: triplePhaseBoundaries(graph),
    channels: concurrentChannels(graph),
    descriptors: electrochemicalDescriptors(c.energy, inst.labels, {
      labelsToUse: nmc.map(Number),
    }),
    metrics: nodeMetrics(graph, { weight: 'weight', nodes: nmc, maxIter: 10_000 }),
  };
}

describe('analyzePhaseMap on a 128x128 phantom', () => {
  const c = phantom(5000);
  const a = analyzePhaseMap({ phases: c.phases, energy: c.energy });
  const d = direct(c);

  it('has one row per NMC node, in graph order, with the graph and stage results', () => {
    expect(a.scheme).toEqual(CATHODE_SCHEME);
    expect(a.active).toBe('nmc');
    expect(a.shape).toEqual([128, 128]);
    expect(a.instances.labels.data).toEqual(d.inst.labels.data);
    expect(a.graph.order).toBe(d.graph.order);
    expect(a.graph.size).toBe(d.graph.size);
    expect(a.particles.map((p) => p.node)).toEqual(d.nmc);
    expect(a.particles.length).toBeGreaterThan(5);
    expect(a.warnings).toEqual([]);
  });

  it('rows carry the TPB counts, channels, descriptors and metrics of direct calls', () => {
    const descriptors = new Map(d.descriptors.map((x) => [x.label, x]));
    const metrics = new Map(d.metrics.map((m) => [m.node, m]));
    let valid = 0;
    let inTpb = 0;
    for (const p of a.particles) {
      const attrs = d.graph.getNodeAttributes(p.node);
      expect([p.label, p.phase, p.size]).toEqual([attrs.label, 'nmc', attrs.size]);
      expect(p.tpbCount).toBe(d.tpb.countByNode[p.node]);
      expect(p.inTpb).toBe(d.tpb.countByNode[p.node]! > 0);
      expect(p.channelCategory).toBe(d.channels.categoryByNode[p.node]);
      expect(p.concurrentChannel).toBe(d.channels.concurrentByNode[p.node] === true);
      const x = descriptors.get(p.label)!;
      expect(p.descriptorsValid).toBe(x.valid);
      if (x.valid) {
        valid++;
        expect([p.soc, p.heterogeneity, p.polarization]).toEqual([
          x.soc,
          x.heterogeneity,
          x.polarization,
        ]);
        expect(p.descriptorNote).toBe('');
      } else {
        expect(p.soc).toBeNaN();
        expect(p.descriptorNote).toBe(x.reason);
      }
      const { node: _n, phase: _p, ...m } = metrics.get(p.node)!;
      expect(p).toMatchObject(m);
      // neighbours of every object phase, summing to the degree (a simple graph)
      expect(Object.keys(p.neighbors)).toEqual(['sse', 'nmc', 'graphite']);
      expect(Object.values(p.neighbors).reduce((s, n) => s + n, 0)).toBe(p.degree);
      if (p.inTpb) inTpb++;
    }
    // the phantom has both kinds of particle, so the checks above saw both branches
    expect(valid).toBeGreaterThan(0);
    expect(inTpb).toBeGreaterThan(0);
    expect(inTpb).toBeLessThan(a.particles.length);
  });

  it('gives the TPB rows of the triangles and annotates the graph', () => {
    expect(a.tpbs).toHaveLength(d.tpb.triangles.length);
    a.tpbs.forEach((t, i) => {
      const tri = d.tpb.triangles[i]!;
      expect(t.nodes).toEqual(tri.nodes);
      expect([t.perimeter, t.interfaceRatio]).toEqual([tri.perimeter, tri.ratio]);
      expect(t.label).toBe(Number(tri.nodes[0]));
    });
    for (const p of a.particles) {
      const attrs = a.graph.getNodeAttributes(p.node);
      expect(attrs.tpbCount).toBe(p.tpbCount);
      expect(attrs.concurrentChannel).toBe(p.concurrentChannel ? 1 : 0);
      expect(attrs.soc).toBe(p.descriptorsValid ? p.soc : undefined);
    }
    a.graph.forEachNode((_, attrs) => expect(attrs.tpbCount).toBeTypeOf('number'));
  });

  it('without an energy map: no descriptors, NaN with the reason', () => {
    const b = analyzePhaseMap({ phases: c.phases });
    expect(b.descriptors).toBeNull();
    expect(b.particles.every((p) => !p.descriptorsValid && Number.isNaN(p.soc))).toBe(true);
    expect(b.particles[0]!.descriptorNote).toBe('no energy map');
    expect(b.metrics).toEqual(a.metrics);
  });
});

describe('analyzeImage', () => {
  const c = phantom(5001);
  it('segments the image with the segmenter, then analyses as analyzePhaseMap', async () => {
    const segmenter = fixedSegmenter(c.phases);
    const progress: number[][] = [];
    const a = await analyzeImage(
      { image: c.image, energy: c.energy },
      { segmenter, onProgress: (done, total) => progress.push([done, total]) },
    );
    const b = analyzePhaseMap({ phases: c.phases, energy: c.energy });
    expect(segmenter.calls).toBe(1);
    expect(a.phases).toBe(c.phases);
    expect(a.particles).toEqual(b.particles);
    expect(a.tpbs).toEqual(b.tpbs);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((i) => [i, 6]));
  });
  it('takes a phase map instead of an image', async () => {
    const a = await analyzeImage({ phases: c.phases });
    expect(a.particles).toEqual(analyzePhaseMap({ phases: c.phases }).particles);
  });
  it('throws typed errors naming the argument', async () => {
    const reject = async (p: Promise<ImageAnalysis>, type: unknown, argument: RegExp) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(type as typeof Error);
      expect((error as Error).message).toMatch(argument);
    };
    await reject(analyzeImage({}), InvalidArgumentError, /analyzeImage.*input/);
    await reject(
      analyzeImage({ image: c.image, phases: c.phases }),
      InvalidArgumentError,
      /exactly one/,
    );
    await reject(analyzeImage({ image: c.image }), InvalidArgumentError, /options\.segmenter/);
    await reject(
      analyzeImage({ image: c.image }, { segmenter: fixedSegmenter(c.phases, 3) }),
      InvalidArgumentError,
      /4 phases/,
    );
    const small = ndarray(new Float32Array(4), [2, 2]);
    await reject(
      analyzeImage({ phases: c.phases, energy: small }),
      ShapeMismatchError,
      /analyzeImage.*energy/,
    );
    const stop = new AbortController();
    stop.abort();
    await reject(analyzeImage({ phases: c.phases }, { signal: stop.signal }), AbortError, /./);
    await reject(
      analyzeVolume({ phases: c.phases }),
      InvalidArgumentError,
      /analyzeVolume.*input\.phases/,
    );
    expect(() => analyzePhaseMap({ phases: c.phases }, { scheme: SOFC_ANODE_SCHEME })).toThrow(
      /options\.active.*0 active phases/,
    );
    expect(() => analyzePhaseMap({ phases: c.phases }, { active: 'background' })).toThrow(
      InvalidArgumentError,
    );
  });
  it('aborts between stages', () => {
    const stop = new AbortController();
    expect(() =>
      analyzePhaseMap(
        { phases: c.phases },
        { signal: stop.signal, onProgress: (done) => done === 3 && stop.abort() },
      ),
    ).toThrow(AbortError);
  });
});

describe('other schemes and 3D', () => {
  it('works for any scheme with an active phase (Li-ion electrode coding, no TPB)', () => {
    const c = phantom(5002);
    // background and SSE become pores; NMC the active material; graphite the binder
    const code = [0, 0, 1, 2];
    const phases = ndarray(
      Uint8Array.from(c.phases.data, (v) => code[v]!),
      c.phases.shape,
    );
    const scheme = definePhaseScheme({
      name: 'electrode-no-tpb',
      phases: ['pore', 'am', 'cbd'],
      active: ['am'],
      ionic: ['pore'],
      electronic: ['cbd'],
    });
    const a = analyzePhaseMap({ phases, energy: c.energy }, { scheme });
    expect(a.active).toBe('am');
    expect(a.tpb).toBeNull();
    expect(a.tpbs).toEqual([]);
    expect(a.warnings.join()).toMatch(/declares no triple phase boundary/);
    expect(a.particles.length).toBeGreaterThan(5);
    expect(a.particles.every((p) => p.phase === 'am' && p.tpbCount === 0)).toBe(true);
    expect(Object.keys(a.particles[0]!.neighbors)).toEqual(['pore', 'am', 'cbd']);
    expect(a.graph.getAttribute('scheme')).toEqual(scheme);
    const categories = new Set(a.particles.map((p) => p.channelCategory));
    expect(categories.has('both')).toBe(true);
  });
  it('analyses a 3D phase map with analyzeVolume', async () => {
    const c = phantom(7, [24, 40, 40]);
    const a = await analyzeVolume({ phases: c.phases, energy: c.energy });
    expect(a.shape).toEqual([24, 40, 40]);
    expect(a.graph.getAttribute('shape')).toEqual([24, 40, 40]);
    expect(a.particles.length).toBeGreaterThan(0);
    expect(a.particles.map((p) => p.node)).toEqual(
      a.graph.filterNodes((_, x) => x.phase === 'nmc'),
    );
    for (const p of a.particles)
      expect(Object.values(p.neighbors).reduce((s, n) => s + n, 0)).toBe(p.degree);
  });
});
