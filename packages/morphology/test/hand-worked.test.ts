// Hand-worked cases: a cube, a slab, anisotropic spacing, a known TPB line (3D) and point (2D).
import { definePhaseScheme, LI_ION_ELECTRODE_SCHEME, SOFC_ANODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '../src/index.js';
import { edgeList } from './edge-list.js';

const TWO = definePhaseScheme({ name: 'two', phases: ['matrix', 'inclusion'] });

/** A volume of `shape` whose voxel (z, y, x) holds `f(z, y, x)`. */
function volume(shape: number[], f: (z: number, y: number, x: number) => number) {
  const [nz, ny, nx] = (shape.length === 3 ? shape : [1, ...shape]) as [number, number, number];
  const data = new Uint8Array(nz * ny * nx);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) data[(z * ny + y) * nx + x] = f(z, y, x);
  return ndarray(data, shape);
}

describe('a 4x4x4 cube in a 10^3 matrix, spacing [1, 2, 3] um', () => {
  const inside = (v: number) => v >= 3 && v <= 6;
  const map = volume([10, 10, 10], (z, y, x) => (inside(z) && inside(y) && inside(x) ? 1 : 0));
  const opts = { spacing: [1, 2, 3], unit: 'um' };
  // 16 faces on each of the two sides normal to each axis: axis 0 faces are 2 x 3 um^2,
  // axis 1 faces 1 x 3, axis 2 faces 1 x 2
  const area = 32 * 6 + 32 * 3 + 32 * 2;
  const total = 1000 * 6;

  it('volume fractions and volumes', () => {
    const r = volumeFractions(map, TWO, opts);
    expect(r.fractions).toEqual({ matrix: 936 / 1000, inclusion: 64 / 1000 });
    expect(r.volumes).toEqual({ matrix: 936 * 6, inclusion: 64 * 6 });
    expect(r.totalVolume).toBe(total);
    expect(r.unit).toBe('um');
  });

  it('surface area = the cube faces, each with its anisotropic area', () => {
    const s = specificSurfaceArea(map, TWO, opts);
    expect(s.area).toEqual({ matrix: area, inclusion: area });
    expect(s.specificArea.inclusion).toBeCloseTo(area / total, 15);
    const i = interfacialAreas(map, TWO, opts);
    expect(i.pairs).toEqual([
      { phases: ['matrix', 'inclusion'], area, specificArea: area / total },
    ]);
  });

  it('the cube is isolated along every axis, the matrix percolates', () => {
    const r = phaseConnectivity(map, TWO, opts);
    for (const axis of r.phases.inclusion!.axes) {
      expect(axis).toEqual({ percolating: 0, deadEnd: 0, isolated: 1 });
    }
    expect(r.phases.inclusion!.unconnected).toBe(1);
    for (const axis of r.phases.matrix!.axes) {
      expect(axis).toEqual({ percolating: 1, deadEnd: 0, isolated: 0 });
    }
  });
});

describe('a slab on the low face of axis 0', () => {
  // inclusion in planes 0..2 of 8; 5 x 6 faces of 0.5 x 0.25 between planes 2 and 3
  const map = volume([8, 5, 6], (z) => (z < 3 ? 1 : 0));
  const opts = { spacing: [2, 0.5, 0.25] };

  it('is dead-end along axis 0 and percolating along axes 1 and 2', () => {
    const r = phaseConnectivity(map, TWO, opts);
    expect(r.phases.inclusion!.axes).toEqual([
      { percolating: 0, deadEnd: 1, isolated: 0 },
      { percolating: 1, deadEnd: 0, isolated: 0 },
      { percolating: 1, deadEnd: 0, isolated: 0 },
    ]);
    expect(r.phases.matrix!.axes[0]).toEqual({ percolating: 0, deadEnd: 1, isolated: 0 });
    expect(r.phases.inclusion!.components).toBe(1);
  });

  it('has one interface plane; border faces do not count (non-periodic)', () => {
    const s = specificSurfaceArea(map, TWO, opts);
    expect(s.area.inclusion).toBe(30 * 0.5 * 0.25);
    expect(s.specificArea.inclusion).toBe((30 * 0.125) / (240 * 0.25));
    expect(s.unit).toBe('voxel');
  });
});

describe('a known TPB line: pore below, Ni / YSZ side by side above', () => {
  // SOFC anode: pore (0) in planes z < 3, above it Ni (1) for y < 2 and YSZ (2) for y >= 2.
  // The only voxel edges with all three phases run along axis 2 at (z, y) = (3, 2): nx of them.
  const shape = [6, 4, 7];
  const map = volume(shape, (z, y) => (z < 3 ? 0 : y < 2 ? 1 : 2));
  const spacing = [0.5, 0.4, 0.3];

  it('counts nx edges along axis 2, length nx * spacing[2]', () => {
    const t = triplePhaseBoundaryDensity(map, SOFC_ANODE_SCHEME, { spacing, unit: 'um' });
    expect(t.countPerAxis).toEqual([0, 0, 7]);
    expect(t.count).toBe(7);
    const candidates = 6 * 3 * 6 + 4 * 5 * 6 + 7 * 5 * 3;
    expect(t.candidates).toBe(candidates);
    expect(t.fraction).toBe(7 / candidates);
    expect(t.length).toBeCloseTo(7 * 0.3, 14);
    expect(t.density).toBeCloseTo((7 * 0.3) / (6 * 4 * 7 * 0.5 * 0.4 * 0.3), 12);
    const at = (z: number, y: number, x: number) => (z * 4 + y) * 7 + x;
    expect(edgeList(t.edges.axes[2]!)).toEqual([0, 1, 2, 3, 4, 5, 6].map((x) => at(3, 2, x)));
    expect(t.edges.axes.slice(0, 2).map(edgeList)).toEqual([[], []]);
  });

  it('active TPB follows the reach of each phase', () => {
    // defaults: ysz must reach the low face of axis 0 (it does not: it sits above the pore)
    const d = triplePhaseBoundaryDensity(map, SOFC_ANODE_SCHEME);
    expect(d.active!.reach).toEqual({
      ni: 'high-face-of-axis-0',
      ysz: 'low-face-of-axis-0',
      pore: 'high-face-of-axis-0',
    });
    expect(d.active!.count).toBe(0);
    expect(d.active!.fractionOfTpb).toBe(0);
    // every phase spans axis 2: all active
    const reach = {
      ni: 'both-faces-of-axis-2',
      ysz: 'both-faces-of-axis-2',
      pore: 'both-faces-of-axis-2',
    } as const;
    const a = triplePhaseBoundaryDensity(map, SOFC_ANODE_SCHEME, { reach, spacing });
    expect(a.active!.count).toBe(7);
    expect(a.active!.length).toBeCloseTo(7 * 0.3, 14);
    expect(a.active!.fractionOfTpb).toBe(1);
    // ysz holds y >= 2: it touches the high face of axis 1, not the low one
    const b = triplePhaseBoundaryDensity(map, SOFC_ANODE_SCHEME, {
      reach: { ...reach, ysz: 'low-face-of-axis-1' },
    });
    expect(b.active!.count).toBe(0);
    const c = triplePhaseBoundaryDensity(map, SOFC_ANODE_SCHEME, {
      reach: { ...reach, ysz: 'high-face-of-axis-1', pore: 'low-face-of-axis-0' },
    });
    expect(c.active!.count).toBe(7);
  });
});

describe('2D: one TPB point where three quadrants meet', () => {
  // Li-ion electrode: pore on top (rows 0..3), am lower left, cbd lower right (column >= 5)
  const map = volume([8, 9], (_, y, x) => (y < 4 ? 0 : x < 5 ? 1 : 2));

  it('counts one point, density per area, no length', () => {
    const t = triplePhaseBoundaryDensity(map, LI_ION_ELECTRODE_SCHEME, { spacing: [2, 0.5] });
    expect(t.count).toBe(1);
    expect(t.countPerAxis).toEqual([1]);
    expect(t.length).toBeNull();
    expect(t.candidates).toBe(7 * 8);
    expect(t.fraction).toBe(1 / 56);
    expect(t.density).toBe(1 / (72 * 2 * 0.5));
    expect(edgeList(t.edges.axes[0]!)).toEqual([4 * 9 + 5]);
    // pore touches the low face of axis 0, cbd the high face of axis 0: active by default
    expect(t.active!.count).toBe(1);
  });

  it('2D face counting: perimeter per area', () => {
    const s = specificSurfaceArea(map, LI_ION_ELECTRODE_SCHEME, { spacing: [2, 0.5] });
    // pore / am: 5 pixel edges of length 0.5 (normal to axis 0); pore / cbd: 4 of 0.5;
    // am / cbd: 4 edges of length 2 (normal to axis 1)
    expect(s.area).toEqual({ pore: 9 * 0.5, am: 5 * 0.5 + 4 * 2, cbd: 4 * 0.5 + 4 * 2 });
    const c = phaseConnectivity(map, LI_ION_ELECTRODE_SCHEME);
    expect(c.phases.am!.axes).toEqual([
      { percolating: 0, deadEnd: 1, isolated: 0 },
      { percolating: 0, deadEnd: 1, isolated: 0 },
    ]);
  });
});
