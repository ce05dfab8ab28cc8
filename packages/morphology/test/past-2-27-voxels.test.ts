// One volume past 2^27 voxels (500 x 520 x 520 = 135,200,000) through every measure of the
// voxel-morphology part that allocates per voxel, each run once, answers worked out by hand.
// SOFC anode: pore in planes z < 250 (with a 10^3 YSZ cube inside it, columns 250-259), Ni above for y < 260,
// YSZ above for y >= 260. Spacing [0.5, 0.4, 0.3] um.
import { SOFC_ANODE_SCHEME } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  interfacialAreas,
  particleTpbLength,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '../src/index.js';

const [NZ, NY, NX] = [500, 520, 520];
const V = NZ * NY * NX;
const spacing = [0.5, 0.4, 0.3];
const opts = { spacing, unit: 'um' };
const cube = (v: number) => v >= 100 && v < 110;

function build(): { phases: ndarray.NdArray<Uint8Array>; labels: ndarray.NdArray<Int32Array> } {
  const codes = new Uint8Array(V);
  const labels = new Int32Array(V);
  const plane = NY * NX;
  for (let z = 0; z < NZ; z++) {
    for (let y = 0; y < NY; y++) {
      const row = z * plane + y * NX;
      const code = z < NZ / 2 ? 0 : y < NY / 2 ? 1 : 2;
      codes.fill(code, row, row + NX);
      labels.fill(code + 1, row, row + NX);
      if (cube(z) && cube(y)) {
        codes.fill(2, row + 250, row + 260);
        labels.fill(4, row + 250, row + 260);
      }
    }
  }
  return { phases: ndarray(codes, [NZ, NY, NX]), labels: ndarray(labels, [NZ, NY, NX]) };
}

describe(`a ${NZ}x${NY}x${NX} volume (${V} voxels > 2^27)`, { timeout: 120_000 }, () => {
  expect(V).toBeGreaterThan(2 ** 27);
  const { phases, labels } = build();
  const half = (NZ / 2) * (NY / 2) * NX;
  const vox = { pore: half * 2 - 1000, ni: half, ysz: half + 1000 };
  const [az, ay, ax] = [0.4 * 0.3, 0.5 * 0.3, 0.5 * 0.4]; // face areas normal to each axis
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

  it('volumeFractions', () => {
    const r = volumeFractions(phases, SOFC_ANODE_SCHEME, opts);
    expect(r.voxels).toEqual(vox);
    expect(r.fractions.ysz).toBe(vox.ysz / V);
  });

  it('specificSurfaceArea and interfacialAreas', () => {
    const poreNi = (NY / 2) * NX * az;
    const poreYsz = (NY / 2) * NX * az + 200 * (az + ay + ax);
    const niYsz = (NZ / 2) * NX * ay;
    const s = specificSurfaceArea(phases, SOFC_ANODE_SCHEME, opts);
    expect(rel(s.area.pore!, poreNi + poreYsz)).toBeLessThan(1e-12);
    expect(rel(s.area.ysz!, poreYsz + niYsz)).toBeLessThan(1e-12);
    const i = interfacialAreas(phases, SOFC_ANODE_SCHEME, opts);
    const areas = i.pairs.map((p) => p.area);
    [poreNi, poreYsz, niYsz].forEach((want, k) => {
      expect(rel(areas[k]!, want)).toBeLessThan(1e-12);
    });
  });

  it('triplePhaseBoundaryDensity: one line of NX edges along axis 2, all active', () => {
    const reach = {
      ni: 'both-faces-of-axis-2',
      ysz: 'both-faces-of-axis-2',
      pore: 'both-faces-of-axis-2',
    } as const;
    const t = triplePhaseBoundaryDensity(phases, SOFC_ANODE_SCHEME, { ...opts, reach });
    expect(t.countPerAxis).toEqual([0, 0, NX]);
    expect(rel(t.length!, NX * 0.3)).toBeLessThan(1e-12);
    expect(t.active!.countPerAxis).toEqual([0, 0, NX]);
    const i = (NZ / 2) * NY * NX + (NY / 2) * NX + 7;
    expect((t.active!.edges.axes[2]![i >>> 3]! >> (i & 7)) & 1).toBe(1);
  });

  it('phaseConnectivity: dead ends along axis 0, the cube isolated', () => {
    const r = phaseConnectivity(phases, SOFC_ANODE_SCHEME, opts);
    const cubeShare = 1000 / vox.ysz;
    expect(r.phases.pore!.axes).toEqual([
      { percolating: 0, deadEnd: 1, isolated: 0 },
      { percolating: 1, deadEnd: 0, isolated: 0 },
      { percolating: 1, deadEnd: 0, isolated: 0 },
    ]);
    expect(r.phases.ysz!.components).toBe(2);
    expect(r.phases.ysz!.axes[0]!.deadEnd).toBe((vox.ysz - 1000) / vox.ysz);
    expect(r.phases.ysz!.axes[0]!.isolated).toBeCloseTo(cubeShare, 14);
    expect(r.phases.ysz!.axes[2]!.percolating).toBe((vox.ysz - 1000) / vox.ysz);
    expect(r.phases.ysz!.unconnected).toBe(1000 / vox.ysz);
    expect(r.phases.ni!.axes[1]).toEqual({ percolating: 0, deadEnd: 1, isolated: 0 });
  });

  it('particleTpbLength', () => {
    // the graph of the four particles, built on a small map with the same labels and phases
    // and given the big shape (buildGraph's dilation is not what this test is about)
    const small = buildGraph(ndarray(Int32Array.from([1, 2, 3, 4]), [1, 4]), {
      scheme: SOFC_ANODE_SCHEME,
      phaseOfLabel: [0, 0, 1, 2, 2],
      window: 1,
    });
    small.setAttribute('shape', [NZ, NY, NX]);
    const reach = { ni: 'anywhere', ysz: 'anywhere', pore: 'high-face-of-axis-2' } as const;
    const g = particleTpbLength(small, phases, labels, { ...opts, reach });
    const attr = (k: string) => g.getNodeAttributes(k) as unknown as Record<string, number>;
    for (const k of ['1', '2', '3']) {
      expect(rel(attr(k).tpbLength!, NX * 0.3)).toBeLessThan(1e-12);
      expect(rel(attr(k).activeTpbLength!, NX * 0.3)).toBeLessThan(1e-12);
    }
    expect(attr('4').tpbLength).toBe(0);
  });
});
