// tortuosityFactor on structures whose answer is known exactly: a straight channel, layers
// in series and in parallel, a hand-worked 2D staircase, and the test structures of
// TauFactor (tests/test_taufactor.py) rebuilt voxel for voxel.
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { tortuosityFactor } from '../src/index.js';

/** A uint8 map of `shape` whose voxel at `idx` is `fill(idx)`. */
function map(shape: number[], fill: (idx: number[]) => number) {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Uint8Array(size);
  const idx = new Array<number>(shape.length).fill(0);
  for (let p = 0; p < size; p++) {
    let rest = p;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    data[p] = fill(idx);
  }
  return ndarray(data, shape);
}

const TIGHT = { tolerance: 1e-11 };

describe('tortuosityFactor: exact cases', () => {
  it('a straight channel has tau = 1 and D_rel = its area fraction, on every axis, 2D and 3D', () => {
    // A 3 x 4 channel along axis 0 in a 10 x 8 x 9 block: D_rel = 12 / 72, tau = 1.
    const channel = map([10, 8, 9], ([, j, k]) => (j! >= 2 && j! < 5 && k! >= 3 && k! < 7 ? 1 : 0));
    const r = tortuosityFactor(channel, TIGHT);
    expect(r.tau).toBeCloseTo(1, 9);
    expect(r.effectiveConductivity).toBeCloseTo(12 / 72, 10);
    expect(r.volumeFraction).toBeCloseTo(12 / 72, 14);
    expect(r.percolatingVolumeFraction).toBeCloseTo(12 / 72, 14);
    expect(r.removedVoxels).toBe(0);
    expect(r.fluxIn).toBeCloseTo(12 / 10, 10);
    expect(r.fluxOut).toBeCloseTo(12 / 10, 10);
    // Along axis 2 through a slab of rows 1..3 of a 2D map.
    const slab = map([6, 11], ([j]) => (j! >= 1 && j! <= 3 ? 1 : 0));
    const r2 = tortuosityFactor(slab, { ...TIGHT, axis: 1 });
    expect(r2.tau).toBeCloseTo(1, 9);
    expect(r2.effectiveConductivity).toBeCloseTo(3 / 6, 10);
  });

  it('a straight channel carries a uniform flux density 1 / length, 0 outside it', () => {
    // Channel of conductivity 2 along axis 1 (length 6 x 0.5 um, faces 2 um^2): flux density
    // = conductivity x potential difference / length = 2 / 3 per um^2.
    const channel = map([4, 6, 5], ([i, , k]) => (i === 1 && k! >= 2 ? 1 : 0));
    const r = tortuosityFactor(channel, {
      ...TIGHT,
      axis: 1,
      conductivities: [0, 2],
      spacing: [2, 0.5, 1],
      returnFlux: true,
    });
    const q = r.fluxMagnitude!;
    for (let j = 0; j < 6; j++) {
      expect(q.get(1, j, 3)).toBeCloseTo(2 / 3, 10);
      expect(q.get(0, j, 3)).toBe(0);
    }
  });

  it('a uniform block conducts as the bulk whatever the (anisotropic) spacing', () => {
    const block = map([7, 5, 6], () => 1);
    for (const axis of [0, 1, 2]) {
      const r = tortuosityFactor(block, { ...TIGHT, axis, spacing: [0.5, 2, 1.25], unit: 'um' });
      expect(r.effectiveConductivity).toBeCloseTo(1, 10);
      expect(r.tau).toBeCloseTo(1, 10);
      // Current = conductivity x cross-section / length.
      const extent = [3.5, 10, 7.5];
      const cross = extent.reduce((a, b) => a * b, 1) / extent[axis]!;
      expect(r.fluxIn).toBeCloseTo(cross / extent[axis]!, 10);
      expect(r.unit).toBe('um');
    }
  });

  it('layers in series: D_eff is the thickness-weighted harmonic mean of the conductivities', () => {
    // Slabs normal to axis 1 of thickness 3, 1, 2 (spacing 0.5 along it), codes 1, 2, 3.
    const sigma = [0, 1, 0.2, 5];
    const layer = (j: number) => (j < 3 ? 1 : j < 4 ? 2 : 3);
    const r = tortuosityFactor(
      map([4, 6, 5], ([, j]) => layer(j!)),
      { ...TIGHT, axis: 1, conductivities: sigma, spacing: [1, 0.5, 1] },
    );
    const harmonic = 6 / (3 / 1 + 1 / 0.2 + 2 / 5);
    const arithmetic = (3 * 1 + 1 * 0.2 + 2 * 5) / 6;
    expect(r.effectiveConductivity).toBeCloseTo(harmonic, 7);
    expect(r.meanConductivity).toBeCloseTo(arithmetic, 14);
    expect(r.tau).toBeCloseTo(arithmetic / harmonic, 6);
  });

  it('layers in parallel: D_eff is the arithmetic mean and tau = 1', () => {
    const sigma = [0.5, 3, 1];
    const r = tortuosityFactor(
      map([9, 7], ([, k]) => k! % 3),
      { ...TIGHT, axis: 0, conductivities: sigma },
    );
    const arithmetic = (3 * 0.5 + 2 * 3 + 2 * 1) / 7;
    expect(r.effectiveConductivity).toBeCloseTo(arithmetic, 7);
    expect(r.tau).toBeCloseTo(1, 7);
  });

  it('a 2D staircase of width 2 (hand-worked): tau = (4N - 4.5) / N', () => {
    // Row i holds columns i and i + 1 (N rows, N + 1 columns). Between the faces the current
    // passes: the inlet face into (0,1), directly (conductance 2) or through (0,0) (2 in
    // series with 1: 2/3), 8/3 together; then N - 1 vertical and N - 2 horizontal unit
    // steps; then 8/3 again into the outlet. R = 3/8 + (2N - 3) + 3/8 = 2N - 9/4.
    // D_rel = (1 / R) * N / (N + 1), epsilon = 2 / (N + 1), tau = epsilon / D_rel.
    for (const n of [5, 20]) {
      const stair = map([n, n + 1], ([i, j]) => (j === i || j === i! + 1 ? 1 : 0));
      const r = tortuosityFactor(stair, TIGHT);
      expect(r.tau).toBeCloseTo((4 * n - 4.5) / n, 9);
      expect(r.effectiveConductivity).toBeCloseTo(n / ((n + 1) * (2 * n - 2.25)), 11);
    }
  });
});

describe('tortuosityFactor: TauFactor test structures (tests/test_taufactor.py)', () => {
  it('slanted strip of ones: tau = 7.51667 (test_solver_on_slanted_strip_of_ones)', () => {
    const n = 20;
    const strip = map([n, n + 1, n + 1], ([i, j, k]) =>
      (j === i || j === i! + 1) && (k === i || k === i! + 1) ? 1 : 0,
    );
    const r = tortuosityFactor(strip, TIGHT);
    expect(Math.round(r.tau * 1e5) / 1e5).toBe(7.51667);
  });

  it('uniform blocks with an insulating plane of rows: tau = 1 (test_solver_on_uniform_*)', () => {
    for (const shape of [
      [20, 20, 20],
      [40, 20, 20],
      [20, 20, 40],
    ]) {
      const block = map(shape, ([, j]) => (j === 0 ? 0 : 1));
      expect(tortuosityFactor(block, TIGHT).tau).toBeCloseTo(1, 9);
    }
  });

  it('strips of two and three phases: tau = 1 (test_mphsolver_on_strip_of_ones_and_twos[_and_threes])', () => {
    const n = 20;
    const twos = map([n, n, n], ([, j, k]) => (j! < 10 ? (k! < 10 ? 1 : 2) : 0));
    expect(tortuosityFactor(twos, { ...TIGHT, conductivities: [0, 1, 0.5] }).tau).toBeCloseTo(1, 8);
    const threes = map([n, n, n], ([, j, k]) => (j! < 10 ? (k! < 10 ? 2 : 3) : 1));
    expect(tortuosityFactor(threes, { ...TIGHT, conductivities: [0, 1, 0.5, 2] }).tau).toBeCloseTo(
      1,
      8,
    );
  });

  it('dead-end pore and a phase that touches one face only: D_eff = 0, tau = Infinity', () => {
    const deadEnd = map([10, 50, 50], ([i, j, k]) => (i! < 8 && j === 25 && k === 25 ? 1 : 0));
    const r = tortuosityFactor(deadEnd);
    expect(r.effectiveConductivity).toBe(0);
    expect(r.tau).toBe(Number.POSITIVE_INFINITY);
    expect(r.removedVoxels).toBe(8);
    expect(r.percolatingVolumeFraction).toBe(0);
    expect(r.volumeFraction).toBeCloseTo(8 / 25000, 15);
    const slab = map([20, 20, 20], ([i]) => (i! < 2 ? 1 : 0));
    expect(tortuosityFactor(slab).tau).toBe(Number.POSITIVE_INFINITY);
  });

  it('code 0 conducts when given a conductivity (test_mphsolver_allows_zero_Ds_and_label_zero_conductive)', () => {
    const img = map([20, 20, 20], ([, j]) => (j! < 2 ? 1 : 0));
    expect(tortuosityFactor(img, { ...TIGHT, conductivities: [1, 0] }).tau).toBeCloseTo(1, 9);
  });
});

describe('tortuosityFactor: isolated regions', () => {
  it('removes regions not face-connected to both faces and counts them; edge-touching is not connected', () => {
    // A straight channel with a dead-end branch (kept: it is connected to both faces through
    // the channel, and carries no current), a floating blob, and a voxel touching the
    // channel by an edge only (both removed).
    const shape = [8, 9, 9];
    const m = map(shape, ([i, j, k]) => {
      if (j === 4 && k === 4) return 1; // channel
      if (i === 3 && j === 4 && k! >= 5) return 1; // dead-end branch (4 voxels, kept)
      if (i! >= 5 && i! <= 6 && j === 1 && k === 1) return 1; // floating (2 voxels)
      if (i === 6 && j === 5 && k === 5) return 1; // edge contact only (1 voxel)
      return 0;
    });
    const r = tortuosityFactor(m, { ...TIGHT, returnField: true });
    expect(r.removedVoxels).toBe(3);
    expect(r.percolatingVolumeFraction).toBeCloseTo(12 / 648, 15);
    expect(r.volumeFraction).toBeCloseTo(15 / 648, 15);
    // No current enters the dead end, so D_rel is the straight channel's: 1 / 81.
    expect(r.effectiveConductivity).toBeCloseTo(1 / 81, 11);
    expect(r.tau).toBeCloseTo(15 / 648 / (1 / 81), 8);
    const mask = r.percolating!;
    expect(mask.get(3, 4, 4)).toBe(1);
    expect(mask.get(3, 4, 8)).toBe(1);
    expect(mask.get(5, 1, 1)).toBe(0);
    expect(mask.get(6, 5, 5)).toBe(0);
    // Potential falls linearly along the channel: 1 - (i + 1/2) / 8.
    for (let i = 0; i < 8; i++) expect(r.field!.get(i, 4, 4)).toBeCloseTo(1 - (i + 0.5) / 8, 10);
    // The dead end sits at the potential of its junction; removed voxels hold 0.
    expect(r.field!.get(3, 4, 8)).toBeCloseTo(1 - 3.5 / 8, 10);
    expect(r.field!.get(6, 5, 5)).toBe(0);
  });
});
