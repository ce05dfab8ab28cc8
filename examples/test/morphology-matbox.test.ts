// @mgraph/morphology's voxel measures on the real MATBOX volume (examples/data, 251 x 301 x
// 301, LI_ION_ELECTRODE_SCHEME, 0.398 um voxels) against the NumPy / SciPy references of
// packages/morphology/scripts/make-fixtures.py (fixtures/morphology-matbox.json): TauFactor's
// face counting and triple_phase_boundary, scipy.ndimage.label connectivity; to 1e-12.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyScheme, type PhaseMap, LI_ION_ELECTRODE_SCHEME as S } from '@mgraph/core';
import { readTiff } from '@mgraph/io/node';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '@mgraph/morphology';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, 'fixtures', 'morphology-matbox.json'), 'utf8'));
const opts = { spacing: [0.398, 0.398, 0.398], unit: 'um' };
const TOL = 1e-12;

describe('MATBOX nmc-1-cal volume: voxel morphology against NumPy / SciPy', () => {
  let phases: PhaseMap;
  beforeAll(async () => {
    const raw = await readTiff(join(here, '..', 'data', 'nmc-1-cal-cbd.tif'));
    phases = applyScheme(raw.data, S);
  });

  it('volume fractions, face-counting specific surface and interfacial areas', () => {
    const vf = volumeFractions(phases, S, opts);
    const ssa = specificSurfaceArea(phases, S, opts);
    S.phases.forEach((p, c) => {
      expect(Math.abs(vf.fractions[p]! - ref.volumeFractions[c])).toBeLessThanOrEqual(TOL);
      expect(Math.abs(ssa.specificArea[p]! - ref.specificSurfaceArea[c])).toBeLessThanOrEqual(TOL);
    });
    for (const pair of interfacialAreas(phases, S, opts).pairs) {
      const [a, b] = pair.phases.map((p) => S.phases.indexOf(p)) as [number, number];
      const want = ref.specificInterfacialArea[a][b];
      expect(want).toBeGreaterThan(0);
      expect(Math.abs(pair.specificArea - want)).toBeLessThanOrEqual(TOL);
    }
  });

  it('TPB edges per axis, TauFactor fraction, length density in um^-2', () => {
    const t = triplePhaseBoundaryDensity(phases, S, { ...opts, active: false });
    expect(t.countPerAxis).toEqual(ref.tpbPerAxis);
    expect(t.candidates).toBe(ref.tpbCandidates);
    expect(Math.abs(t.fraction - ref.tpbFraction)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(t.density - ref.tpbDensity)).toBeLessThanOrEqual(TOL);
  });

  it('connectivity of every phase along every axis (face connectivity)', () => {
    const r = phaseConnectivity(phases, S, opts);
    S.phases.forEach((p, c) => {
      const want = ref.connectivity['1'][c];
      expect(r.phases[p]!.components).toBe(want.components);
      r.phases[p]!.axes.forEach((axis, d) => {
        for (const k of ['percolating', 'deadEnd', 'isolated'] as const) {
          expect(Math.abs(axis[k] - want.axes[d][k])).toBeLessThanOrEqual(TOL);
        }
      });
    });
  });
});
