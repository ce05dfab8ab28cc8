// Hand-worked resistor networks. With every centroid at the same point and a contact
// resistivity of 1, the model's conductance of an edge is its contact area.
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { kirchhoffCurrents, particleAccessibility } from '../src/index.js';
import { node, sceneGraph } from './kirchhoff-scene.js';

const SSE = { sse: 1 };
const UNIT = { contactResistivity: 1 };

const currentOf = (r: ReturnType<typeof kirchhoffCurrents>, edge: string) =>
  r.edges.find((e) => e.edge === edge)!.current;

describe('kirchhoffCurrents on hand-worked networks', () => {
  it('series: 1 S then 1 S is 1/2 S; the middle node sits at 1/2 V', () => {
    const g = sceneGraph(
      [10, 10],
      [node('1', 'sse', 'low'), node('2', 'sse'), node('3', 'sse', 'high')],
      [
        { a: '1', b: '2', contactArea: 1 },
        { a: '2', b: '3', contactArea: 1 },
      ],
    );
    const r = kirchhoffCurrents(g, 'ionic', SSE, UNIT);
    expect(r.source).toEqual(['1']);
    expect(r.sink).toEqual(['3']);
    expect(r.conductance).toBeCloseTo(0.5, 12);
    expect(r.potential['2']).toBeCloseTo(0.5, 12);
    expect(currentOf(r, '1-2')).toBeCloseTo(0.5, 12);
    expect(r.isolated).toEqual([]);
  });

  it('parallel: 1 S and 3 S side by side are 4 S', () => {
    const g = sceneGraph(
      [10, 10],
      [node('1', 'sse', 'low'), node('2', 'sse', 'high')],
      [{ a: '1', b: '2', contactArea: 1 }],
    );
    // Two paths: direct (1 S) and through node 3 with 6 S + 6 S in series (3 S).
    g.addNode('3', { ...g.getNodeAttributes('1'), label: 3, bbox: [3, 3, 7, 7] });
    g.addUndirectedEdgeWithKey('1-3', '1', '3', {
      ...g.getEdgeAttributes('1-2'),
      contactArea: 6,
    } as never);
    g.addUndirectedEdgeWithKey('2-3', '2', '3', {
      ...g.getEdgeAttributes('1-2'),
      contactArea: 6,
    } as never);
    const r = kirchhoffCurrents(g, 'ionic', SSE, UNIT);
    expect(r.conductance).toBeCloseTo(4, 12);
  });

  it('balanced Wheatstone bridge: no current through the bridge, 1.5 S', () => {
    // s-a 1, s-b 2, a-t 1, b-t 2, bridge a-b 5: va = vb = 1/2.
    const g = sceneGraph(
      [10, 10],
      [node('1', 'sse', 'low'), node('2', 'sse'), node('3', 'sse'), node('4', 'sse', 'high')],
      [
        { a: '1', b: '2', contactArea: 1 },
        { a: '1', b: '3', contactArea: 2 },
        { a: '2', b: '4', contactArea: 1 },
        { a: '3', b: '4', contactArea: 2 },
        { a: '2', b: '3', contactArea: 5 },
      ],
    );
    const r = kirchhoffCurrents(g, 'ionic', SSE, UNIT);
    expect(currentOf(r, '2-3')).toBeCloseTo(0, 12);
    expect(r.conductance).toBeCloseTo(1.5, 12);
  });

  it('unbalanced Wheatstone bridge: va = 0.4, vb = 0.6, 1.4 S, -0.2 A through the bridge', () => {
    // s-a 1, s-b 2, a-t 2, b-t 1, a-b 1: 4 va - vb = 1 and 4 vb - va = 2.
    const g = sceneGraph(
      [10, 10],
      [node('1', 'sse', 'low'), node('2', 'sse'), node('3', 'sse'), node('4', 'sse', 'high')],
      [
        { a: '1', b: '2', contactArea: 1 },
        { a: '1', b: '3', contactArea: 2 },
        { a: '2', b: '4', contactArea: 2 },
        { a: '3', b: '4', contactArea: 1 },
        { a: '2', b: '3', contactArea: 1 },
      ],
    );
    const r = kirchhoffCurrents(g, 'ionic', SSE, UNIT);
    expect(r.potential['2']).toBeCloseTo(0.4, 12);
    expect(r.potential['3']).toBeCloseTo(0.6, 12);
    expect(r.conductance).toBeCloseTo(1.4, 12);
    expect(currentOf(r, '2-3')).toBeCloseTo(-0.2, 12);
    // Kirchhoff's current law at the sink: what leaves the source arrives.
    expect(currentOf(r, '2-4')! + currentOf(r, '3-4')!).toBeCloseTo(1.4, 12);
  });

  it('half-particles and contact in series, with anisotropic spacing', () => {
    // Centroids 2 pixels apart along axis 1, spacing 2 there: d = 4; area 2, sigma 0.5,
    // rho_c 1: R = 2 / (0.5 * 2) + 2 / (0.5 * 2) + 1 / 2 = 4.5.
    const g = sceneGraph(
      [10, 10],
      [
        { key: '1', phase: 'sse', centroid: [5, 4], bbox: [0, 3, 6, 5] },
        { key: '2', phase: 'sse', centroid: [5, 6], bbox: [4, 5, 10, 7] },
      ],
      [{ a: '1', b: '2', contactArea: 2 }],
    );
    const r = kirchhoffCurrents(
      g,
      'ionic',
      { sse: 0.5 },
      { contactResistivity: 1, spacing: [1, 2] },
    );
    expect(r.conductance).toBeCloseTo(1 / 4.5, 12);
    expect(r.edges[0]!.conductance).toBeCloseTo(1 / 4.5, 12);
  });

  it('isolated components and a disconnected boundary: null potentials, flagged, 0 S', () => {
    const g = sceneGraph(
      [10, 10],
      [
        node('1', 'sse', 'low'),
        node('2', 'sse', 'high'),
        node('3', 'sse', 'low'),
        node('4', 'sse'),
        node('5', 'sse'),
      ],
      [
        { a: '1', b: '2', contactArea: 1 },
        { a: '3', b: '4', contactArea: 1 },
      ],
    );
    const r = kirchhoffCurrents(g, 'ionic', SSE, UNIT);
    expect(r.conductance).toBeCloseTo(1, 12);
    expect(r.isolated).toEqual(['3', '4', '5']);
    expect(r.potential['3']).toBeNull();
    expect(r.potential['4']).toBeNull();
    expect(r.potential['5']).toBeNull();
    expect(currentOf(r, '3-4')).toBeNull();
    // No sink at all: nothing is driven.
    const none = kirchhoffCurrents(g, 'ionic', SSE, { ...UNIT, sink: [] });
    expect(none.conductance).toBe(0);
    expect(none.isolated).toEqual(['1', '2', '3', '4', '5']);
    expect(Object.values(none.potential).every((v) => v === null)).toBe(true);
  });

  it('refuses a short circuit, a missing conductivity and a missing contact area', () => {
    const g = sceneGraph(
      [10, 10],
      [{ key: '1', phase: 'sse', centroid: [5, 5], bbox: [0, 0, 10, 10] }, node('2', 'sse')],
      [{ a: '1', b: '2' }],
    );
    expect(() => kirchhoffCurrents(g, 'ionic', SSE, { ...UNIT, area: 'weight' })).toThrow(
      /both faces/,
    );
    expect(() => kirchhoffCurrents(g, 'ionic', {}, UNIT)).toThrow(InvalidArgumentError);
    expect(() => kirchhoffCurrents(g, 'ionic', SSE, { ...UNIT, sink: [] })).toThrow(
      /contactArea.*options\.area = 'weight'/,
    );
    expect(() => kirchhoffCurrents(g, 'ionic', SSE, { contactResitivity: 1 } as never)).toThrow(
      /did you mean "contactResistivity"/,
    );
  });
});

describe('particleAccessibility on hand-worked networks', () => {
  const CONDUCTIVITY = { ionic: { sse: 1, nmc: 1 }, electronic: { graphite: 1, nmc: 1 } };

  it('series and parallel paths to the boundary; active particles are terminals', () => {
    const g = sceneGraph(
      [10, 10],
      [
        node('1', 'sse', 'low'), // ionic boundary
        node('2', 'sse'),
        node('3', 'graphite', 'high'), // electronic boundary
        node('10', 'nmc'), // p: ionic 1/2 + 1/2 via 2, in parallel with 1 S direct -> 1/2 ohm; electronic 1/4
        node('11', 'nmc'), // touches only p: nothing (active particles do not conduct)
        node('12', 'nmc'), // touches sse 4, which reaches sse only through p: nothing
        node('4', 'sse'),
      ],
      [
        { a: '10', b: '2', contactArea: 2 },
        { a: '2', b: '1', contactArea: 2 },
        { a: '10', b: '1', contactArea: 1 },
        { a: '10', b: '3', contactArea: 4 },
        { a: '10', b: '11', contactArea: 9 },
        { a: '10', b: '4', contactArea: 9 },
        { a: '12', b: '4', contactArea: 9 },
      ],
    );
    const r = particleAccessibility(g, CONDUCTIVITY, { contactResistivity: 1 });
    expect(r.ionicBoundary).toEqual(['1']);
    expect(r.electronicBoundary).toEqual(['3']);
    const [p, q, s] = r.particles;
    expect(p!.node).toBe('10');
    expect(p!.ionicResistance).toBeCloseTo(0.5, 12);
    expect(p!.electronicResistance).toBeCloseTo(0.25, 12);
    expect(p!.current).toBeCloseTo(1 / 0.75, 12);
    expect(p!.wired).toBe(true);
    expect(q).toEqual({
      node: '11',
      ionicResistance: null,
      electronicResistance: null,
      current: null,
      wired: false,
    });
    expect(s!.ionicResistance).toBeNull();
    expect(s!.wired).toBe(false);
  });

  it('activeConducts: active particles carry current; one touching the boundary face is on it', () => {
    // nmc 10 - nmc 11 (2 S) - sse 1 on the ionic face (2 S); nmc 12 touches the ionic face.
    const g = sceneGraph(
      [10, 10],
      [
        node('1', 'sse', 'low'),
        node('3', 'graphite', 'high'),
        node('10', 'nmc'),
        node('11', 'nmc'),
        node('12', 'nmc', 'low'),
      ],
      [
        { a: '10', b: '11', contactArea: 2 },
        { a: '11', b: '1', contactArea: 2 },
        { a: '11', b: '3', contactArea: 4 },
      ],
    );
    const terminals = particleAccessibility(g, CONDUCTIVITY, { contactResistivity: 1 });
    expect(terminals.particles[0]!.ionicResistance).toBeNull();
    expect(terminals.particles[2]!.ionicResistance).toBeNull();
    const mixed = particleAccessibility(g, CONDUCTIVITY, {
      contactResistivity: 1,
      activeConducts: true,
    });
    expect(mixed.ionicBoundary).toEqual(['1', '12']);
    const [p10, p11, p12] = mixed.particles;
    expect(p10!.ionicResistance).toBeCloseTo(1, 12);
    expect(p11!.ionicResistance).toBeCloseTo(0.5, 12);
    expect(p10!.electronicResistance).toBeCloseTo(0.75, 12);
    expect(p12!.ionicResistance).toBe(0);
    expect(p12!.electronicResistance).toBeNull();
    expect(p12!.wired).toBe(false);
  });

  it('a free conductor between the particle and the boundary: 1/g1 + 1/g2 (Wheatstone through sse)', () => {
    // p -> a (1 S), p -> b (2 S), a -> t (2 S), b -> t (1 S), a - b (1 S), t grounded:
    // the unbalanced bridge of kirchhoffCurrents, seen from p: 1 / 1.4 ohm.
    const g = sceneGraph(
      [10, 10],
      [
        node('10', 'nmc'),
        node('2', 'sse'),
        node('3', 'sse'),
        node('4', 'sse', 'low'),
        node('5', 'graphite', 'high'),
      ],
      [
        { a: '10', b: '2', contactArea: 1 },
        { a: '10', b: '3', contactArea: 2 },
        { a: '2', b: '4', contactArea: 2 },
        { a: '3', b: '4', contactArea: 1 },
        { a: '2', b: '3', contactArea: 1 },
      ],
    );
    const r = particleAccessibility(g, CONDUCTIVITY, { contactResistivity: 1 });
    expect(r.particles[0]!.ionicResistance).toBeCloseTo(1 / 1.4, 12);
    expect(r.particles[0]!.electronicResistance).toBeNull();
    expect(r.particles[0]!.wired).toBe(false);
    // The boundary swapped to the other face: graphite 5 is now on the ionic side, so no
    // sse touches the (high) ionic face and no graphite the (low) electronic face.
    const swapped = particleAccessibility(g, CONDUCTIVITY, {
      contactResistivity: 1,
      ionicSide: 'high',
    });
    expect(swapped.ionicBoundary).toEqual([]);
    expect(swapped.particles[0]!.ionicResistance).toBeNull();
  });

  it('reports progress per particle and checks its conductivities', () => {
    const g = sceneGraph(
      [10, 10],
      [
        node('10', 'nmc'),
        node('11', 'nmc'),
        node('4', 'sse', 'low'),
        node('5', 'graphite', 'high'),
      ],
      [{ a: '10', b: '4', contactArea: 1 }],
    );
    const calls: number[][] = [];
    particleAccessibility(g, CONDUCTIVITY, {
      contactResistivity: 1,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(() =>
      particleAccessibility(g, { ionic: { sse: 1 }, electronic: { graphite: 1, nmc: 1 } }),
    ).toThrow(/conductivity\.ionic\.nmc/);
    expect(() =>
      particleAccessibility(g, { ionic: { sse: -1, nmc: 1 }, electronic: { graphite: 1, nmc: 1 } }),
    ).toThrow(/conductivity\.ionic\.sse/);
    const aborted = AbortSignal.abort();
    expect(() =>
      particleAccessibility(g, CONDUCTIVITY, { contactResistivity: 1, signal: aborted }),
    ).toThrow(/abort/i);
  });
});
