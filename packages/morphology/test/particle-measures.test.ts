import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { particleSizes, particleSphericity, sizeHistogram } from '../src/index.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
interface ParticleCase {
  shape: number[];
  spacing: number[];
  labels: number[];
  phases: number[];
  ids: number[];
  counts: number[];
  equivalentDiameterArea: number[];
  equivalentDiameter: number[];
  areas: number[];
  sphericity: (number | null)[];
  touchesBorder: boolean[];
}
const PARTICLES = fixture('mesh-particles.json') as ParticleCase[];
const HIST = fixture('mesh-histogram.json') as {
  values: number[];
  weights: number[];
  runs: {
    bins: number | number[];
    range: [number, number] | null;
    weighted: boolean;
    counts: number[];
    edges: number[];
  }[];
};

function expectClose(a: number, b: number, rel = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
}

describe('particleSizes', () => {
  it('matches regionprops equivalent_diameter_area (spacing 1) and the spacing formula', () => {
    for (const k of PARTICLES) {
      const labels = ndarray(Int32Array.from(k.labels), k.shape);
      const unit = particleSizes(labels);
      expect(unit.particles.map((p) => p.label)).toEqual(k.ids);
      expect(unit.particles.map((p) => p.voxels)).toEqual(k.counts);
      unit.particles.forEach((p, i) => {
        expectClose(p.equivalentDiameter, k.equivalentDiameterArea[i]!);
      });
      const um = particleSizes(labels, { spacing: k.spacing, unit: 'um' });
      expect(um.unit).toBe('um');
      um.particles.forEach((p, i) => {
        expectClose(p.equivalentDiameter, k.equivalentDiameter[i]!);
        expect(p.touchesBorder).toBe(k.touchesBorder[i]);
      });
    }
  });

  it('gives a hand-worked cube of 27 voxels of 0.5 um: volume 3.375, d = (6 * 3.375 / pi)^(1/3)', () => {
    const data = new Int32Array(125);
    for (let z = 1; z < 4; z++)
      for (let y = 1; y < 4; y++) for (let x = 1; x < 4; x++) data[z * 25 + y * 5 + x] = 7;
    const [p] = particleSizes(ndarray(data, [5, 5, 5]), { spacing: [0.5, 0.5, 0.5] }).particles;
    expect(p).toEqual({
      label: 7,
      voxels: 27,
      volume: 27 * 0.125,
      equivalentDiameter: ((6 * 27 * 0.125) / Math.PI) ** (1 / 3),
      touchesBorder: false,
    });
  });

  it('refuses negative labels, float maps and a bad spacing', () => {
    expect(() => particleSizes(ndarray(Int32Array.of(1, -1), [1, 2]))).toThrow(
      InvalidArgumentError,
    );
    expect(() => particleSizes(ndarray(new Float64Array(4), [2, 2]))).toThrow(/dtype/);
    expect(() => particleSizes(ndarray(new Int32Array(4), [2, 2]), { spacing: [1, 0] })).toThrow(
      /options.spacing/,
    );
  });
});

describe('particleSphericity', () => {
  it('matches scikit-image marching cubes per particle (find_contours in 2D)', () => {
    for (const k of PARTICLES) {
      const labels = ndarray(Int32Array.from(k.labels), k.shape);
      const r = particleSphericity(labels, { spacing: k.spacing, unit: 'um' });
      expect(r.particles.map((p) => p.label)).toEqual(k.ids);
      r.particles.forEach((p, i) => {
        expectClose(p.surfaceArea, k.areas[i]!, 1e-9);
        const s = k.sphericity[i];
        if (s === null) expect(p.sphericity).toBeNaN();
        else expectClose(p.sphericity, s, 1e-9);
      });
    }
  });

  it('scores a physical ball of radius 6 um (isotropic and anisotropic voxels) within the known bias', () => {
    // a ball of radius 6 um digitised on 0.5 um voxels, and on 1 x 0.5 x 0.5 um voxels;
    // marching cubes on a binary ball overestimates its area (facets at angles to the
    // grid: measured +3.3% at r = 4 voxels, +6.9% at 12, +8.1% at 24; +10.5% for this ball
    // on 1 x 0.5 x 0.5 um voxels), so
    // the sphericity falls short of 1 by that bias
    for (const spacing of [
      [0.5, 0.5, 0.5],
      [1, 0.5, 0.5],
    ]) {
      const rr = 6;
      const shape = spacing.map((s) => Math.ceil((2 * rr) / s) + 3);
      const [nz, ny, nx] = shape as [number, number, number];
      const data = new Int32Array(nz * ny * nx);
      let count = 0;
      for (let z = 0; z < nz; z++)
        for (let y = 0; y < ny; y++)
          for (let x = 0; x < nx; x++) {
            const d2 =
              ((z - (nz - 1) / 2) * spacing[0]!) ** 2 +
              ((y - (ny - 1) / 2) * spacing[1]!) ** 2 +
              ((x - (nx - 1) / 2) * spacing[2]!) ** 2;
            if (d2 <= rr * rr) {
              data[(z * ny + y) * nx + x] = 1;
              count++;
            }
          }
      const [p] = particleSphericity(ndarray(data, shape), { spacing }).particles;
      const voxel = spacing[0]! * spacing[1]! * spacing[2]!;
      expect(p!.volume).toBe(count * voxel);
      expect(Math.abs(p!.volume / ((4 / 3) * Math.PI * rr ** 3) - 1)).toBeLessThan(0.02);
      const bias = p!.surfaceArea / (4 * Math.PI * rr ** 2);
      expect(bias).toBeGreaterThan(1.03);
      expect(bias).toBeLessThan(1.12);
      expect(p!.sphericity).toBeGreaterThan(0.88);
      expect(p!.sphericity).toBeLessThan(0.97);
      expect(p!.touchesBorder).toBe(false);
    }
  });

  it('gives NaN for a one-voxel particle in a one-voxel map (no surface) and refuses bad input', () => {
    const [p] = particleSphericity(ndarray(Int32Array.of(3), [1, 1, 1])).particles;
    expect(p!.sphericity).toBeNaN();
    expect(() => particleSphericity(ndarray(Int32Array.of(1), [1]))).toThrow(InvalidArgumentError);
  });
});

describe('sizeHistogram', () => {
  it('matches numpy.histogram (bin count, range with weights, explicit edges)', () => {
    for (const run of HIST.runs) {
      const h = sizeHistogram(HIST.values, {
        bins: run.bins,
        ...(run.range ? { range: run.range } : {}),
        ...(run.weighted ? { weights: HIST.weights } : {}),
      });
      h.edges.forEach((e, i) => {
        expectClose(e, run.edges[i]!, 1e-15);
      });
      h.counts.forEach((c, i) => {
        expectClose(c, run.counts[i]!);
      });
    }
  });

  it('counts the last edge in the last bin and refuses bad bins', () => {
    expect(sizeHistogram([0, 1, 2, 3, 4], { bins: 2 })).toEqual({
      counts: [2, 3],
      edges: [0, 2, 4],
    });
    expect(() => sizeHistogram([1], { bins: 0 })).toThrow(/options.bins/);
    expect(() => sizeHistogram([1], { bins: [2, 1] })).toThrow(/options.bins/);
    expect(() => sizeHistogram([Number.NaN])).toThrow(InvalidArgumentError);
  });
});
