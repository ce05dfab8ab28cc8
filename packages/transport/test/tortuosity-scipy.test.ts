// tortuosityFactor against the same finite-volume system assembled with scipy.sparse and
// solved by spsolve (or CG to 1e-14) in scripts/fv_reference.py, on seeded random maps up to
// 64^3 (fixtures: scripts/make-tortuosity-fixtures.py).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { tortuosityFactor } from '../src/index.js';

interface Case {
  name: string;
  shape: number[];
  phases: string;
  conductivities: number[];
  axis: number;
  spacing: number[];
  expected: Record<string, number>;
  field?: number[];
  fluxMagnitude?: number[];
}

const fixtures = loadFixture<{ cases: Case[] }>(
  join(dirname(fileURLToPath(import.meta.url)), 'fixtures'),
  'tortuosity-scipy.json',
);

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('tortuosityFactor = scipy.sparse finite volumes', () => {
  it('has every fixture case', () => {
    expect(fixtures.cases.map((c) => c.name)).toHaveLength(5);
    expect(Math.max(...fixtures.cases.map((c) => c.shape.reduce((a, b) => a * b, 1)))).toBe(
      64 ** 3,
    );
  });

  for (const c of fixtures.cases) {
    it(`${c.name}: effective conductivity within 1e-6 relative, tau, fractions, fluxes`, () => {
      const data = new Uint8Array(gunzipSync(Buffer.from(c.phases, 'base64')));
      const phases = ndarray(data, c.shape);
      const copy = data.slice();
      const r = tortuosityFactor(phases, {
        axis: c.axis,
        conductivities: c.conductivities,
        spacing: c.spacing,
        tolerance: 1e-10,
        returnField: c.field !== undefined,
        returnFlux: c.fluxMagnitude !== undefined,
      });
      const e = c.expected;
      expect(relative(r.effectiveConductivity, e.effectiveConductivity!)).toBeLessThan(1e-6);
      expect(relative(r.tau, e.tau!)).toBeLessThan(1e-6);
      expect(relative(r.fluxIn, e.fluxIn!)).toBeLessThan(1e-6);
      expect(relative(r.fluxOut, e.fluxOut!)).toBeLessThan(1e-6);
      expect(relative(r.meanConductivity, e.meanConductivity!)).toBeLessThan(1e-12);
      expect(r.volumeFraction).toBeCloseTo(e.volumeFraction!, 14);
      expect(r.percolatingVolumeFraction).toBeCloseTo(e.percolatingVolumeFraction!, 14);
      expect(r.removedVoxels).toBe(e.removedVoxels);
      expect(r.removedVoxels).toBeGreaterThan(0);
      expect(r.relativeResidual).toBeLessThanOrEqual(1e-10);
      expect(r.fluxMismatch).toBeLessThan(1e-8);
      expect(r.layerFluxSpread).toBeLessThan(1e-7);
      expect(data).toEqual(copy);
      if (c.field) {
        const f = r.field!;
        let worst = 0;
        for (let p = 0; p < c.field.length; p++) {
          worst = Math.max(worst, Math.abs(f.data[p]! - c.field[p]!));
        }
        expect(worst).toBeLessThan(1e-8);
      }
      if (c.fluxMagnitude) {
        const q = r.fluxMagnitude!;
        let scale = 0;
        let worst = 0;
        for (let p = 0; p < c.fluxMagnitude.length; p++) {
          scale = Math.max(scale, c.fluxMagnitude[p]!);
          worst = Math.max(worst, Math.abs(q.data[p]! - c.fluxMagnitude[p]!));
        }
        expect(worst / scale).toBeLessThan(1e-7);
      }
    }, 60_000);
  }
});
