// One volume past 2^27 voxels (513 x 512 x 512 = 134,479,872) through every marching-cubes,
// particle-size, sphericity and contact-area measure that allocates per voxel, each run once,
// answers worked out by hand. Pore (code 0) in planes z < 256; above, phase 1 for rows
// y < 256 (particle 1) and phase 2 for y >= 256 (particle 2). Spacing [0.5, 0.4, 0.3] um.
//
// Marching cubes on the indicators (cubes of the z = 255 | 256 and y = 255 | 256 planes):
// - pore: one plane, (NY - 1)(NX - 1) squares of sy * sx;
// - phase 1 (and 2, by symmetry): 255 (NX - 1) squares of sy * sx at z = 255.5, 256 (NX - 1)
//   squares of sz * sx at y = 255.5, and along the edge where the two meet (NX - 1) strips
//   joining (z, y) = (255.5, 255) and (256, 255.5): sx * hypot(sz / 2, sy / 2) each;
// - pair (pore, 1) = (A_0 + A_1 - A_{0 or 1}) / 2 with A_{0 or 1} = A_2 = A_1: A_0 / 2.
import { definePhaseScheme } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  marchingCubes,
  marchingCubesArea,
  marchingCubesAreas,
  meshSurfaceArea,
  particleContactAreas,
  particleSizes,
  particleSphericity,
} from '../src/index.js';

const [NZ, NY, NX] = [513, 512, 512];
const V = NZ * NY * NX;
const [sz, sy, sx] = [0.5, 0.4, 0.3];
const spacing = [sz, sy, sx];
const opts = { spacing, unit: 'um' };
const SCHEME = definePhaseScheme({
  name: 'slabs',
  phases: ['pore', 'p1', 'p2'],
  objects: ['p1', 'p2'],
});
const A0 = (NY - 1) * (NX - 1) * sy * sx;
const A1 = (NX - 1) * (255 * sy * sx + 256 * sz * sx + sx * Math.hypot(sz / 2, sy / 2));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** Each step is one or two passes over the 2^27 voxels. */
const LONG = 120_000;

function codes(): Uint8Array {
  const c = new Uint8Array(V);
  const plane = NY * NX;
  for (let z = 256; z < NZ; z++) {
    c.fill(1, z * plane, z * plane + 256 * NX);
    c.fill(2, z * plane + 256 * NX, (z + 1) * plane);
  }
  return c;
}

describe(`a ${NZ}x${NY}x${NX} volume (${V} voxels > 2^27)`, () => {
  expect(V).toBeGreaterThan(2 ** 27);
  const phases = ndarray(codes(), [NZ, NY, NX]);

  it(
    'marchingCubesAreas: per phase and per pair',
    () => {
      const r = marchingCubesAreas(phases, SCHEME, opts);
      expect(rel(r.phases[0]!.area, A0)).toBeLessThan(1e-12);
      expect(rel(r.phases[1]!.area, A1)).toBeLessThan(1e-12);
      expect(rel(r.phases[2]!.area, A1)).toBeLessThan(1e-12);
      expect(rel(r.pairs[0]!.area, A0 / 2)).toBeLessThan(1e-12);
    },
    LONG,
  );

  it(
    'marchingCubesArea and marchingCubes on the float32 pore indicator',
    () => {
      const ind = new Float32Array(V);
      ind.fill(1, 0, 256 * NY * NX);
      const vol = ndarray(ind, [NZ, NY, NX]);
      expect(rel(marchingCubesArea(vol, opts).area, A0)).toBeLessThan(1e-12);
      const mesh = marchingCubes(vol, opts);
      expect(mesh.faces.shape[0]).toBe(2 * (NY - 1) * (NX - 1));
      expect(mesh.vertices.shape[0]).toBe(NY * NX);
      expect(rel(meshSurfaceArea(mesh.vertices, mesh.faces), A0)).toBeLessThan(1e-12);
    },
    LONG,
  );

  describe('particles 1 and 2', () => {
    const labels = ndarray(Int32Array.from(phases.data), [NZ, NY, NX]);
    const voxels = 257 * 256 * NX;

    it(
      'particleSizes',
      () => {
        const r = particleSizes(labels, opts);
        expect(r.particles.map((p) => p.voxels)).toEqual([voxels, voxels]);
        expect(
          rel(
            r.particles[0]!.equivalentDiameter,
            ((6 * voxels * sz * sy * sx) / Math.PI) ** (1 / 3),
          ),
        ).toBeLessThan(1e-12);
      },
      LONG,
    );

    it(
      'particleSphericity',
      () => {
        const r = particleSphericity(labels, opts);
        for (const p of r.particles) {
          expect(rel(p.surfaceArea, A1)).toBeLessThan(1e-12);
          expect(p.touchesBorder).toBe(true);
        }
      },
      LONG,
    );

    it(
      'particleContactAreas',
      () => {
        // the graph of the two particles, built on a small map with the same labels and phases
        // and given the big shape (buildGraph's dilation is not what this test is about)
        const small = buildGraph(ndarray(Int32Array.of(1, 2), [1, 2]), {
          scheme: SCHEME,
          phaseOfLabel: [0, 1, 2],
          window: 3,
        });
        small.setAttribute('shape', [NZ, NY, NX]);
        const g = particleContactAreas(small, phases, labels, opts);
        const node = (k: string) => g.getNodeAttributes(k) as unknown as Record<string, number>;
        expect(rel(node('1').area_pore!, 256 * NX * sy * sx)).toBeLessThan(1e-12);
        expect(rel(node('1').area_p2!, 257 * NX * sz * sx)).toBeLessThan(1e-12);
        const edge = g.getEdgeAttributes('1', '2') as unknown as { contactArea: number };
        expect(rel(edge.contactArea, 257 * NX * sz * sx)).toBeLessThan(1e-12);
      },
      LONG,
    );
  });
});
