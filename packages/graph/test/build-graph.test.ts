import {
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  ShapeMismatchError,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/index.js';
import { draw, SCENE, SCENE_PHASES, stack } from './scene.js';

const scene = draw(26, 14, SCENE);

describe('buildGraph', () => {
  const graph = buildGraph(scene, {
    scheme: CATHODE_SCHEME,
    phaseOfLabel: SCENE_PHASES,
    window: 3,
  });

  it('has one node per label with phase, size, centroid and bbox', () => {
    expect(graph.order).toBe(15);
    expect(graph.nodes()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
    ]);
    expect(graph.getNodeAttributes('14')).toEqual({
      label: 14,
      phase: 'nmc',
      phaseCode: 2,
      size: 16,
      centroid: [21.5, 1.5],
      bbox: [20, 0, 24, 4],
    });
    expect(graph.getNodeAttributes('16')).toMatchObject({
      phase: 'graphite',
      size: 16,
      centroid: [24.5, 3.5],
      bbox: [24, 0, 26, 8],
    });
    expect(graph.getNodeAttribute('5', 'centroid')).toEqual([0.5, 11]);
  });

  it('links touching objects only, with hand-counted directed overlaps', () => {
    const edges = graph.edges().sort();
    expect(edges).toEqual(
      [
        '1-2',
        '1-3',
        '2-4',
        '2-5',
        '3-4',
        '4-5',
        '11-12',
        '11-13',
        '6-7',
        '6-8',
        '7-8',
        '14-15',
        '14-16',
        '15-16',
      ].sort(),
    );
    // pixels of 16 inside 14 dilated by 3x3: row 24, cols 0-4 -> 5; of 14 inside dilated 16:
    // row 23, cols 0-3 -> 4
    expect(graph.getEdgeAttributes('14-16')).toEqual({
      a: 14,
      b: 16,
      countAB: 5,
      countBA: 4,
      strength: 4.5,
      weight: 4.5,
    });
    expect(graph.source('14-16')).toBe('14');
    expect(graph.getEdgeAttributes('14-15')).toMatchObject({ countAB: 4, countBA: 4, weight: 4 });
    // diagonal contact: one pixel each way
    expect(graph.getEdgeAttributes('4-5')).toMatchObject({ countAB: 1, countBA: 1 });
    expect(graph.getAttributes()).toEqual({
      scheme: CATHODE_SCHEME,
      shape: [26, 14],
      window: 3,
      strength: 'mean',
      weightScale: 1,
    });
  });

  it('scales and combines weights as asked', () => {
    const g7 = buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES });
    const e = g7.getEdgeAttributes('14-16');
    expect(e.weight).toBeCloseTo(e.strength / 3, 12);
    expect(g7.getAttribute('weightScale')).toBe(3);
    const gMax = buildGraph(scene, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      window: 3,
      weightScale: 'max',
    });
    const weights = gMax.mapEdges((_k, a) => a.weight);
    expect(Math.max(...weights)).toBe(1);
    // the largest strength is 4.5 (e.g. 14-16, 1-2: 5 and 4 pixels); 14-15 has 4
    expect(gMax.getEdgeAttribute('14-16', 'weight')).toBe(1);
    expect(gMax.getEdgeAttribute('14-15', 'weight')).toBeCloseTo(4 / 4.5, 12);
    expect(gMax.getEdgeAttribute('6-7', 'weight')).toBeCloseTo(2 / 4.5, 12);
    const gMin = buildGraph(scene, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      window: 3,
      strength: 'min',
      weightScale: 2,
    });
    expect(gMin.getEdgeAttributes('14-16')).toMatchObject({ strength: 4, weight: 2 });
    const gFn = buildGraph(scene, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      window: 3,
      strength: (ab, ba) => Math.sqrt(ab * ba),
    });
    expect(gFn.getEdgeAttribute('14-16', 'strength')).toBeCloseTo(Math.sqrt(20), 12);
    expect(gFn.getAttribute('strength')).toBe('custom');
    for (const s of ['max', 'sum'] as const) {
      const g = buildGraph(scene, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: SCENE_PHASES,
        window: 3,
        strength: s,
      });
      expect(g.getEdgeAttribute('14-16', 'strength')).toBe(s === 'max' ? 5 : 9);
    }
  });

  it('takes the majority phase of each object from a phase map', () => {
    const phases = ndarray(new Uint8Array(scene.size), scene.shape);
    for (let k = 0; k < scene.size; k++) phases.data[k] = SCENE_PHASES[scene.data[k]!]!;
    phases.set(20, 0, 1); // one SSE pixel inside NMC 14 does not change its phase
    const fromMap = buildGraph(scene, { scheme: CATHODE_SCHEME, phases, window: 3 });
    expect(fromMap.export()).toEqual(graph.export());
  });

  it('gives the same graph in 3D: one plane equal, three planes triple counts', () => {
    const one = buildGraph(stack(scene, 1), {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      window: 3,
    });
    expect(one.edges().sort()).toEqual(graph.edges().sort());
    expect(one.getEdgeAttributes('14-16')).toMatchObject({ countAB: 5, countBA: 4 });
    expect(one.getNodeAttribute('14', 'centroid')).toEqual([0, 21.5, 1.5]);
    const three = buildGraph(stack(scene, 3), {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      window: 3,
    });
    graph.forEachEdge((edge, attr) => {
      expect(three.getEdgeAttribute(edge, 'countAB')).toBe(3 * attr.countAB);
      expect(three.getEdgeAttribute(edge, 'countBA')).toBe(3 * attr.countBA);
    });
    expect(three.getNodeAttributes('14')).toMatchObject({
      size: 48,
      centroid: [1, 21.5, 1.5],
      bbox: [0, 20, 0, 3, 24, 4],
    });
  });

  it('works for another scheme (SOFC anode: pore, ni, ysz) and carries it', () => {
    const scheme = definePhaseScheme({ name: 'sofc', phases: ['pore', 'ni', 'ysz'] });
    const labels = draw(4, 8, [
      [1, 0, 3, 0, 1],
      [2, 0, 3, 2, 3],
      [3, 0, 3, 4, 7],
    ]);
    const g = buildGraph(labels, { phaseOfLabel: [0, 1, 2, 0], scheme, window: 3 });
    expect(g.mapNodes((_k, a) => a.phase)).toEqual(['ni', 'ysz', 'pore']);
    expect(g.getAttribute('scheme')).toEqual(scheme);
    expect('phases' in g.getAttributes()).toBe(false);
    expect(g.edges()).toEqual(['1-2', '2-3']);
  });

  it('requires the scheme and refuses objects of a phase it does not cut into objects', () => {
    expect(() => buildGraph(scene, { phaseOfLabel: SCENE_PHASES } as never)).toThrow(
      'buildGraph: argument options.scheme must be given (it has no default): pass the scheme of the phase map, e.g. CATHODE_SCHEME',
    );
    expect(() => buildGraph(scene, undefined as never)).toThrow(InvalidArgumentError);
    expect(() =>
      buildGraph(scene, { scheme: { name: 'x' } as never, phaseOfLabel: SCENE_PHASES }),
    ).toThrow('buildGraph: argument options.scheme must be a PhaseScheme (');
    // label 9 as background: the cathode does not cut its background into objects
    const withBackground = SCENE_PHASES.slice();
    withBackground[9] = 0;
    expect(() =>
      buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: withBackground, window: 3 }),
    ).toThrow(
      'buildGraph: argument options.phaseOfLabel[9] must be the code of an object phase of scheme "cathode" (1 sse, 2 nmc, 3 graphite): label 9 has phase "background" (code 0), which the scheme does not cut into objects, got 0',
    );
    // the same from a phase map: label 9's pixels mostly background
    const phases = ndarray(new Uint8Array(scene.size), scene.shape);
    for (let k = 0; k < scene.size; k++) phases.data[k] = withBackground[scene.data[k]!]!;
    expect(() => buildGraph(scene, { scheme: CATHODE_SCHEME, phases, window: 3 })).toThrow(
      'label 9 has phase "background"',
    );
  });

  it('rejects bad input with typed errors', () => {
    expect(() => buildGraph(scene, { scheme: CATHODE_SCHEME, window: 3 })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      buildGraph(scene, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: SCENE_PHASES,
        phases: scene as never,
        window: 3,
      }),
    ).toThrow('exactly one of the two');
    expect(() =>
      buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES.subarray(0, 10) }),
    ).toThrow(
      'buildGraph: argument options.phaseOfLabel must be of length >= 17 (labels go up to 16), got Uint8Array(10)',
    );
    const unknown = SCENE_PHASES.slice();
    unknown[14] = 7;
    expect(() => buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: unknown })).toThrow(
      'argument options.phaseOfLabel[14] must be a phase code of scheme "cathode" (0..3), got 7',
    );
    expect(() =>
      buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES, window: 6 }),
    ).toThrow('options.window must be an odd integer >= 1');
    expect(() =>
      buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES, window: -1 }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      buildGraph(ndarray(Float64Array.from([0, 1.25]), [1, 2]), {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: [0, 2],
      }),
    ).toThrow('argument labels[1] must be a non-negative integer label, got 1.25');
    expect(() =>
      buildGraph(scene, {
        scheme: CATHODE_SCHEME,
        phases: ndarray(new Uint8Array(4), [2, 2]),
        window: 3,
      }),
    ).toThrow(ShapeMismatchError);
    const badMap = ndarray(new Uint8Array(scene.size).fill(9), scene.shape);
    expect(() => buildGraph(scene, { scheme: CATHODE_SCHEME, phases: badMap })).toThrow(
      'options.phases[',
    );
    // a map of raw file values (0/128/255) says how to convert it
    const rawMap = ndarray(new Uint8Array(scene.size).fill(255), scene.shape);
    expect(() => buildGraph(scene, { scheme: CATHODE_SCHEME, phases: rawMap })).toThrow(
      /must be a phase code of scheme "cathode" \(0\.\.3; a phase map holds codes, not raw file values such as 0\/128\/255: convert it with applyScheme\(raw, scheme\) of @mgraph\/core\), got 255$/,
    );
    expect(() =>
      buildGraph(scene, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: SCENE_PHASES,
        strength: 'median' as never,
      }),
    ).toThrow('options.strength');
    expect(() =>
      buildGraph(scene, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: SCENE_PHASES,
        window: 3,
        strength: () => 0,
      }),
    ).toThrow('a function returning a positive finite number');
    expect(() =>
      buildGraph(scene, { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES, weightScale: 0 }),
    ).toThrow('options.weightScale');
    expect(() => buildGraph(scene, { phaseOfLabel: SCENE_PHASES, scheme: {} as never })).toThrow(
      'options.scheme',
    );
    expect(CATHODE_SCHEME.phases.length).toBe(4);
  });

  it('gives an empty graph for an image without objects', () => {
    const empty = ndarray(new Int32Array(12), [3, 4]);
    const g = buildGraph(empty, { scheme: CATHODE_SCHEME, phaseOfLabel: [0] });
    expect([g.order, g.size]).toEqual([0, 0]);
    expect(g.getAttribute('shape')).toEqual([3, 4]);
  });

  it('reports progress and leaves the input untouched', () => {
    const before = scene.data.slice();
    const seen: [number, number][] = [];
    buildGraph(scene, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: SCENE_PHASES,
      onProgress: (d, t) => seen.push([d, t]),
    });
    expect(seen.at(-1)).toEqual([26, 26]);
    expect(scene.data).toEqual(before);
  });
});
