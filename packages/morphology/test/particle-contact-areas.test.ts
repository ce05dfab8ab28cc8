import { readFileSync } from 'node:fs';
import { definePhaseScheme, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import {
  buildGraph,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
} from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { particleContactAreas } from '../src/index.js';

interface ParticleCase {
  shape: number[];
  spacing: number[];
  labels: number[];
  phases: number[];
  contactPhase: [number, number, number][];
  contactPair: [number, number, number][];
}
const PARTICLES = JSON.parse(
  readFileSync(new URL('./fixtures/mesh-particles.json', import.meta.url), 'utf8'),
) as ParticleCase[];
const SCHEME = definePhaseScheme({ name: 'abc', phases: ['a', 'b', 'c'], objects: ['b', 'c'] });

function expectClose(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

function setup(k: ParticleCase) {
  const labels = ndarray(Int32Array.from(k.labels), k.shape);
  const phases = ndarray(Uint8Array.from(k.phases), k.shape);
  const graph = buildGraph(labels, { scheme: SCHEME, phases });
  return { labels, phases, graph };
}

describe('particleContactAreas', () => {
  it('matches NumPy face counting per particle and phase, and per edge (2D and 3D)', () => {
    for (const k of PARTICLES) {
      const { labels, phases, graph } = setup(k);
      const before = graphToJSON(graph);
      const out = particleContactAreas(graph, phases, labels, { spacing: k.spacing, unit: 'um' });
      expect(graphToJSON(graph)).toBe(before); // input untouched
      expect(out).not.toBe(graph);
      const perPhase = new Map(k.contactPhase.map(([l, p, a]) => [`${l}/${p}`, a]));
      out.forEachNode((key, attr) => {
        const a = attr as unknown as Record<string, number>;
        let total = 0;
        for (const [p, name] of SCHEME.phases.entries()) {
          expectClose(a[`area_${name}`]!, perPhase.get(`${key}/${p}`) ?? 0);
          total += perPhase.get(`${key}/${p}`) ?? 0;
        }
        expectClose(a.surfaceArea!, total);
      });
      const pairs = new Map(k.contactPair.map(([x, y, a]) => [`${x}-${y}`, a]));
      let zero = 0;
      out.forEachEdge((_, attr) => {
        const area = (attr as unknown as { contactArea: number }).contactArea;
        expectClose(area, pairs.get(`${attr.a}-${attr.b}`) ?? 0);
        if (area === 0) zero++;
      });
      // the 7x7 window links particles that share no face: reported, not invented
      expect(zero).toBeGreaterThan(0);
      expect(out.getAttribute('edges_without_contact' as 'scheme')).toBe(zero);
      // every face-contact pair of the fixture is an edge of the graph
      for (const key of pairs.keys())
        expect(out.hasEdge(...(key.split('-') as [string, string]))).toBe(true);
      expect(out.getAttribute('contacts_without_edge' as 'scheme')).toBe(0);
      expect(out.getAttribute('area_unit' as 'scheme')).toBe(k.shape.length === 3 ? 'um^2' : 'um');
    }
  });

  it('survives the GraphML, GEXF and JSON writers of @mgraph/graph', () => {
    const k = PARTICLES[0]!;
    const { labels, phases, graph } = setup(k);
    const out = particleContactAreas(graph, phases, labels, { spacing: k.spacing, unit: 'um' });
    for (const back of [
      graphFromGraphML(graphToGraphML(out)),
      graphFromGEXF(graphToGEXF(out)),
      graphFromJSON(graphToJSON(out)),
    ]) {
      expect(back.order).toBe(out.order);
      out.forEachNode((key, attr) => {
        const got = back.getNodeAttributes(key) as unknown as Record<string, unknown>;
        for (const name of ['surfaceArea', 'area_a', 'area_b', 'area_c']) {
          expect(got[name]).toBe((attr as unknown as Record<string, unknown>)[name]);
        }
      });
      out.forEachEdge((key, attr) => {
        expect(
          (back.getEdgeAttributes(key) as unknown as { contactArea: number }).contactArea,
        ).toBe((attr as unknown as { contactArea: number }).contactArea);
      });
      expect(back.getAttribute('area_unit' as 'scheme')).toBe('um^2');
    }
  });

  it('gives a hand-worked pair: two 2x2x2 cubes sharing a 2x2 face, spacing [1, 2, 3]', () => {
    const data = new Int32Array(4 * 2 * 2);
    data.fill(1, 0, 8);
    data.fill(2, 8, 16);
    const labels = ndarray(data, [4, 2, 2]);
    const phases = ndarray(Uint8Array.from(data), [4, 2, 2]);
    const graph = buildGraph(labels, { scheme: SCHEME, phases });
    const out = particleContactAreas(graph, phases, labels, { spacing: [1, 2, 3] });
    // 4 faces normal to z, each 2 x 3 = 6: contact 24; border faces not counted
    expect(out.getEdgeAttribute('1', '2', 'contactArea' as 'weight')).toBe(24);
    expect(out.getNodeAttribute('1', 'area_c' as 'size')).toBe(24);
    expect(out.getNodeAttribute('2', 'area_b' as 'size')).toBe(24);
    expect(out.getNodeAttribute('1', 'surfaceArea' as 'size')).toBe(24);
  });

  it('refuses a label without a node, a mismatched phase, another shape', () => {
    const k = PARTICLES[0]!;
    const { labels, phases, graph } = setup(k);
    const wrong = ndarray(
      Int32Array.from(k.labels, (l) => (l === 1 ? 999 : l)),
      k.shape,
    );
    expect(() => particleContactAreas(graph, phases, wrong)).toThrow(/label 999 with no node/);
    const swapped = ndarray(
      Uint8Array.from(k.phases, (p) => (p === 1 ? 2 : p === 2 ? 1 : p)),
      k.shape,
    );
    expect(() => particleContactAreas(graph, swapped, labels)).toThrow(InvalidArgumentError);
    expect(() =>
      particleContactAreas(
        graph,
        ndarray(new Uint8Array(8), [2, 2, 2]),
        ndarray(new Int32Array(8), [2, 2, 2]),
      ),
    ).toThrow(ShapeMismatchError);
    expect(() =>
      particleContactAreas(graph, phases, labels, { spacng: [1, 1, 1] } as never),
    ).toThrow(/did you mean "spacing"/);
  });
});
