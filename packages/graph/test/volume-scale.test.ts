import { CATHODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/index.js';

// buildGraph on a label volume past 2^27 voxels (V8 fails on JavaScript arrays near 2^27
// elements), once, with anisotropic spacing; answers known by construction. 513 x 512 x 512
// voxels; label 1 = the SSE matrix (everything not a ball); a lattice of 8^3 cells of 64^3
// voxels (plane 512 empty): cells with an even coordinate sum hold an NMC pair (two balls of
// radius 13, centres 24 apart along x, cut at the middle plane: the left ball keeps its side
// and the plane), the others one graphite ball of radius 20 at the cell centre. Balls of
// different cells lie more than the 7-voxel window apart. Expected graph: 769 nodes; edges =
// every ball with the matrix (768) + the 256 pairs. About 1 GB peak.
const [P, R, C] = [513, 512, 512];
const SPACING = [2, 0.5, 0.5];

function lattice() {
  const labels = new Int32Array(P * R * C).fill(1);
  const phaseOfLabel = [0, 1];
  const graphite: { label: number; z: number; y: number; x: number }[] = [];
  const pairs: [number, number][] = [];
  const paint = (
    z: number,
    y: number,
    x: number,
    r: number,
    l: number,
    keep?: (dx: number) => boolean,
  ) => {
    for (let dz = -r; dz <= r; dz++)
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++)
          if (dz * dz + dy * dy + dx * dx <= r * r && (keep === undefined || keep(x + dx))) {
            labels[((z + dz) * R + y + dy) * C + x + dx] = l;
          }
  };
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 8; j++)
      for (let k = 0; k < 8; k++) {
        const [z, y, x] = [i * 64 + 32, j * 64 + 32, k * 64 + 32];
        if ((i + j + k) % 2 === 0) {
          const a = phaseOfLabel.push(2) - 1;
          const b = phaseOfLabel.push(2) - 1;
          paint(z, y, x - 12, 13, a, (xx) => xx <= x);
          paint(z, y, x + 12, 13, b, (xx) => xx > x);
          pairs.push([a, b]);
        } else {
          const l = phaseOfLabel.push(3) - 1;
          paint(z, y, x, 20, l);
          graphite.push({ label: l, z, y, x });
        }
      }
  return { labels, phaseOfLabel: Uint8Array.from(phaseOfLabel), graphite, pairs };
}

describe(`buildGraph on a ${P}x${R}x${C} label volume (> 2^27 voxels)`, () => {
  it('finds every contact, sizes, physical volumes and centroids', () => {
    expect(P * R * C).toBeGreaterThan(2 ** 27);
    const { labels, phaseOfLabel, graphite, pairs } = lattice();
    const graph = buildGraph(ndarray(labels, [P, R, C]), {
      scheme: CATHODE_SCHEME,
      phaseOfLabel,
      spacing: SPACING,
      unit: 'um',
    });
    expect(graph.order).toBe(1 + 2 * pairs.length + graphite.length);
    expect(graph.size).toBe(2 * pairs.length + graphite.length + pairs.length);
    for (const [a, b] of pairs) {
      expect(graph.hasEdge(String(a), String(b))).toBe(true);
      expect(graph.hasEdge('1', String(a))).toBe(true);
      expect(graph.hasEdge('1', String(b))).toBe(true);
      expect(graph.degree(String(a))).toBe(2);
    }
    let ball = 0;
    for (let dz = -20; dz <= 20; dz++)
      for (let dy = -20; dy <= 20; dy++)
        for (let dx = -20; dx <= 20; dx++) ball += +(dz * dz + dy * dy + dx * dx <= 400);
    for (const g of graphite) {
      const n = graph.getNodeAttributes(String(g.label));
      expect(graph.degree(String(g.label))).toBe(1);
      expect(n.size).toBe(ball);
      expect(n.volume).toBe(ball * 0.5);
      expect(n.centroid).toEqual([g.z, g.y, g.x]);
      expect(n.physicalCentroid).toEqual([2 * g.z, 0.5 * g.y, 0.5 * g.x]);
    }
    expect(graph.getAttribute('spacing')).toEqual(SPACING);
    expect(graph.getAttribute('unit')).toBe('um');
  }, 900_000);
});
