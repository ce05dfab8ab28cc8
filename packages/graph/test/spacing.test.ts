import { join } from 'node:path';
import { CATHODE_SCHEME, definePhaseScheme, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  buildGraph,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
} from '../src/index.js';

// scripts/make-spacing-fixture.py: voxel counts, volumes and centroids by scipy 1.10
// (ndi.center_of_mass * spacing) of random 3D and 2D label images with anisotropic spacing
interface Case {
  shape: number[];
  spacing: number[];
  labels: number[];
  nodes: { label: number; size: number; volume: number; physicalCentroid: number[] }[];
}
const fixture = loadFixture<Record<'3d' | '2d', Case>>(
  join(import.meta.dirname, 'fixtures'),
  'spacing.json',
);

/** One object phase holding every label. */
const GRAINS = definePhaseScheme({
  name: 'grains',
  phases: ['void', 'grain'],
  objects: ['grain'],
});

function graphOf(c: Case, options: { spacing?: number | number[]; unit?: string } = {}) {
  const labels = ndarray(Int32Array.from(c.labels), c.shape);
  const phaseOfLabel = new Uint8Array(Math.max(...c.labels) + 1).fill(1);
  return buildGraph(labels, { scheme: GRAINS, phaseOfLabel, ...options });
}

describe('buildGraph with spacing and unit', () => {
  it.each(['3d', '2d'] as const)('%s: node volume and physical centroid = scipy (1e-12)', (k) => {
    const c = fixture[k];
    const graph = graphOf(c, { spacing: c.spacing, unit: 'um' });
    expect(graph.getAttribute('spacing')).toEqual(c.spacing);
    expect(graph.getAttribute('unit')).toBe('um');
    expect(graph.order).toBe(c.nodes.length);
    for (const want of c.nodes) {
      const got = graph.getNodeAttributes(String(want.label));
      expect(got.size).toBe(want.size);
      expect(Math.abs(got.volume! - want.volume)).toBeLessThan(1e-12 * want.volume);
      got.physicalCentroid!.forEach((x, d) => {
        expect(Math.abs(x - want.physicalCentroid[d]!)).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(x)),
        );
      });
    }
  });

  it('adjacency stays in voxels: the same edges and counts whatever the spacing', () => {
    const c = fixture['3d'];
    const plain = graphOf(c);
    const physical = graphOf(c, { spacing: c.spacing, unit: 'um' });
    expect(physical.edges()).toEqual(plain.edges());
    physical.forEachEdge((e, attr) => expect(attr).toEqual(plain.getEdgeAttributes(e)));
    // without spacing or unit, no physical attributes at all (the 2D paper graphs unchanged)
    expect(plain.hasAttribute('spacing')).toBe(false);
    expect(plain.getNodeAttributes(plain.nodes()[0]!).volume).toBeUndefined();
  });

  it('one number is every axis; a unit alone means spacing 1', () => {
    const c = fixture['2d'];
    const g = graphOf(c, { spacing: 0.5 });
    expect(g.getAttribute('spacing')).toEqual([0.5, 0.5]);
    expect(g.getAttribute('unit')).toBe('voxel');
    const n = c.nodes[0]!;
    expect(g.getNodeAttribute(String(n.label), 'volume')).toBe(n.size * 0.25);
    const u = graphOf(c, { unit: 'nm' });
    expect(u.getAttribute('spacing')).toEqual([1, 1]);
    expect(u.getNodeAttribute(String(n.label), 'volume')).toBe(n.size);
  });

  it.each([
    ['a wrong length', { spacing: [1, 2, 3] }, /options\.spacing/],
    ['zero', { spacing: [1, 0] }, /options\.spacing\[1\]/],
    ['NaN', { spacing: Number.NaN }, /options\.spacing\[0\]/],
    ['an empty unit', { unit: '' }, /options\.unit/],
    ['a non-string unit', { unit: 3 as unknown as string }, /options\.unit/],
  ])('refuses %s', (_, options, message) => {
    const c = fixture['2d'];
    expect(() => graphOf(c, options as { spacing?: number[]; unit?: string })).toThrow(
      InvalidArgumentError,
    );
    expect(() => graphOf(c, options as { spacing?: number[]; unit?: string })).toThrow(message);
  });

  it('JSON, GraphML and GEXF write spacing, unit, volume and physicalCentroid and read them back', () => {
    const c = fixture['3d'];
    const graph = graphOf(c, { spacing: c.spacing, unit: 'um' });
    for (const back of [
      graphFromJSON(graphToJSON(graph)),
      graphFromGraphML(graphToGraphML(graph)),
      graphFromGEXF(graphToGEXF(graph)),
    ]) {
      expect(back.getAttribute('spacing')).toEqual(c.spacing);
      expect(back.getAttribute('unit')).toBe('um');
      graph.forEachNode((node, attr) => {
        expect(back.getNodeAttribute(node, 'volume')).toBe(attr.volume);
        expect(back.getNodeAttribute(node, 'physicalCentroid')).toEqual(attr.physicalCentroid);
      });
    }
  });

  it('the cathode scheme in 3D: a unit graph of a tiny two-particle volume', () => {
    const labels = ndarray(Int32Array.of(1, 1, 2, 2, 1, 1, 2, 2), [2, 2, 2]);
    const g = buildGraph(labels, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: Uint8Array.of(0, 2, 1),
      spacing: [3, 1, 0.5],
      unit: 'um',
    });
    // label 1: voxels (z, 0, x) for z, x in {0, 1}: centroid (0.5, 0, 0.5) -> (1.5, 0, 0.25);
    // label 2: the row y = 1: (0.5, 1, 0.5) -> (1.5, 1, 0.25); 4 voxels of 3 x 1 x 0.5 each
    expect(g.getNodeAttributes('1')).toMatchObject({
      volume: 4 * 1.5,
      physicalCentroid: [1.5, 0, 0.25],
    });
    expect(g.getNodeAttributes('2')).toMatchObject({
      volume: 4 * 1.5,
      physicalCentroid: [1.5, 1, 0.25],
    });
  });
});
