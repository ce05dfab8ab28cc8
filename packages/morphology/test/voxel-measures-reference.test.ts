// Exactness against the NumPy / SciPy references of scripts/make-fixtures.py (TauFactor's
// face counting and triple_phase_boundary, scipy.ndimage.label connectivity) on seeded
// random and smoothed three- and four-phase volumes, 2D and 3D, anisotropic spacing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATHODE_SCHEME, definePhaseScheme, type PhaseScheme } from '@mgraph/core';
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

const dir = join(import.meta.dirname, 'fixtures');
interface Reference {
  shape: number[];
  spacing: number[];
  volumeFractions: number[];
  surfaceArea: number[];
  specificSurfaceArea: number[];
  interfacialArea: number[][];
  specificInterfacialArea: number[][];
  totalVolume: number;
  tpbPerAxis: number[];
  tpbCandidates: number;
  tpbFraction: number;
  tpbLength: number | null;
  tpbDensity: number;
  tpbEdges: number[][];
  connectivity: Record<
    string,
    {
      voxels: number;
      components: number;
      unconnected: number;
      axes: { percolating: number; deadEnd: number; isolated: number }[];
    }[]
  >;
}
const refs = JSON.parse(readFileSync(join(dir, 'voxel-measures.json'), 'utf8')) as Record<
  string,
  Reference
>;

const three = (tpb: [string, string, string]) =>
  definePhaseScheme({ name: 'three', phases: ['a', 'b', 'c'], tpb });
const schemes: Record<string, PhaseScheme> = {
  'random-3d': three(['a', 'b', 'c']),
  'blobs-3d': three(['b', 'a', 'c']),
  'random-2d': three(['a', 'b', 'c']),
  'blobs-2d': three(['a', 'b', 'c']),
  'four-phase-3d': CATHODE_SCHEME,
};
const TOL = 1e-12;

describe.each(Object.keys(schemes))('%s against NumPy / SciPy', (name) => {
  const ref = refs[name]!;
  const scheme = schemes[name]!;
  const phases = ndarray(new Uint8Array(readFileSync(join(dir, `${name}.u8`))), ref.shape);
  const opts = { spacing: ref.spacing, unit: 'um' };
  const names = scheme.phases;

  it('volume fractions', () => {
    const r = volumeFractions(phases, scheme, opts);
    names.forEach((p, c) => {
      expect(Math.abs(r.fractions[p]! - ref.volumeFractions[c]!)).toBeLessThanOrEqual(TOL);
    });
    expect(Math.abs(r.totalVolume - ref.totalVolume)).toBeLessThanOrEqual(TOL * ref.totalVolume);
  });

  it('face-counting surface and interfacial areas (TauFactor, non-periodic)', () => {
    const s = specificSurfaceArea(phases, scheme, opts);
    names.forEach((p, c) => {
      expect(Math.abs(s.area[p]! - ref.surfaceArea[c]!)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(s.specificArea[p]! - ref.specificSurfaceArea[c]!)).toBeLessThanOrEqual(TOL);
    });
    const i = interfacialAreas(phases, scheme, opts);
    expect(i.pairs).toHaveLength((names.length * (names.length - 1)) / 2);
    for (const pair of i.pairs) {
      const [a, b] = pair.phases.map((p) => names.indexOf(p)) as [number, number];
      expect(a).toBeLessThan(b);
      expect(Math.abs(pair.area - ref.interfacialArea[a]![b]!)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(pair.specificArea - ref.specificInterfacialArea[a]![b]!)).toBeLessThanOrEqual(
        TOL,
      );
    }
  });

  it('TPB edges, count, fraction, length and density (TauFactor triple_phase_boundary)', () => {
    const t = triplePhaseBoundaryDensity(phases, scheme, { ...opts, active: false });
    expect(t.countPerAxis).toEqual(ref.tpbPerAxis);
    expect(t.candidates).toBe(ref.tpbCandidates);
    expect(Math.abs(t.fraction - ref.tpbFraction)).toBeLessThanOrEqual(TOL);
    expect(t.fraction).toBeGreaterThan(0);
    if (ref.tpbLength === null) expect(t.length).toBeNull();
    else expect(Math.abs(t.length! - ref.tpbLength)).toBeLessThanOrEqual(TOL * ref.tpbLength);
    expect(Math.abs(t.density - ref.tpbDensity)).toBeLessThanOrEqual(TOL);
    expect(t.edges.axes.map(edgeList)).toEqual(ref.tpbEdges);
    expect(t.active).toBeNull();
  });

  it.each([1, ref.shape.length])('connectivity %i (scipy.ndimage.label)', (connectivity) => {
    const r = phaseConnectivity(phases, scheme, { ...opts, connectivity });
    expect(r.connectivity).toBe(connectivity);
    names.forEach((p, c) => {
      const want = ref.connectivity[String(connectivity)]![c]!;
      const got = r.phases[p]!;
      expect(got.voxels).toBe(want.voxels);
      expect(got.components).toBe(want.components);
      expect(Math.abs(got.unconnected - want.unconnected)).toBeLessThanOrEqual(TOL);
      expect(got.axes).toHaveLength(ref.shape.length);
      got.axes.forEach((axis, d) => {
        const w = want.axes[d]!;
        expect(Math.abs(axis.percolating - w.percolating)).toBeLessThanOrEqual(TOL);
        expect(Math.abs(axis.deadEnd - w.deadEnd)).toBeLessThanOrEqual(TOL);
        expect(Math.abs(axis.isolated - w.isolated)).toBeLessThanOrEqual(TOL);
      });
    });
  });
});
