import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { generateComposite, generateXanesStack, XANES_ENERGIES } from '../src/index.js';

/** Half-height edge position of one pixel's spectrum after pre/post-edge normalisation. */
function halfHeight(spectrum: number[], energies: readonly number[]): number {
  const fit = (lo: number, hi: number) => {
    const pts = energies.flatMap((e, k) => (e >= lo && e <= hi ? [[e, spectrum[k]!]] : []));
    const mx = pts.reduce((s, p) => s + p[0]!, 0) / pts.length;
    const my = pts.reduce((s, p) => s + p[1]!, 0) / pts.length;
    const b =
      pts.reduce((s, p) => s + (p[0]! - mx) * (p[1]! - my), 0) /
      pts.reduce((s, p) => s + (p[0]! - mx) ** 2, 0);
    return (e: number) => my + b * (e - mx);
  };
  const pre = fit(8200, 8320);
  const post = fit(8400, 8700);
  const norm = spectrum.map(
    (v, k) => (v - pre(energies[k]!)) / (post(energies[k]!) - pre(energies[k]!)),
  );
  for (let k = 1; k < norm.length; k++) {
    if (norm[k - 1]! < 0.5 && norm[k]! >= 0.5) {
      const f = (0.5 - norm[k - 1]!) / (norm[k]! - norm[k - 1]!);
      return energies[k - 1]! + f * (energies[k]! - energies[k - 1]!);
    }
  }
  return Number.NaN;
}

describe('generateXanesStack', () => {
  it("has the paper's 63 energies from 8210 to 8700 eV", () => {
    expect(XANES_ENERGIES).toHaveLength(63);
    expect(XANES_ENERGIES[0]).toBe(8210);
    expect(XANES_ENERGIES[62]).toBe(8700);
    for (let k = 1; k < 63; k++) expect(XANES_ENERGIES[k]).toBeGreaterThan(XANES_ENERGIES[k - 1]!);
  });

  it("puts the edge (half-height of the normalised step) at each pixel's energy", () => {
    const edges = Float32Array.from([8340.2, 8342.7, 8344, 8345.55, 8347.9, Number.NaN]);
    const energy = ndarray(edges, [2, 3]);
    const stack = generateXanesStack(energy, { noise: 0 });
    expect(stack.shape).toEqual([63, 2, 3]);
    for (let i = 0; i < 5; i++) {
      const spectrum = Array.from({ length: 63 }, (_, k) => stack.get(k, Math.floor(i / 3), i % 3));
      // linear interpolation between 1 eV samples of an erf step of sigma 1.5 eV and the
      // white line's tail move the crossing by a few hundredths of an eV
      expect(Math.abs(halfHeight(spectrum, XANES_ENERGIES) - edges[i]!)).toBeLessThan(0.06);
      // white line above the jump right after the edge
      expect(Math.max(...spectrum)).toBeGreaterThan(1.3);
    }
    // no Ni: only the pre-edge line
    for (let k = 0; k < 63; k++) {
      expect(stack.get(k, 1, 2)).toBeCloseTo(0.1 + 1e-4 * (XANES_ENERGIES[k]! - 8210), 6);
    }
  });

  it("recovers a composite's energies within 0.1 eV RMS at the default noise; seeded", () => {
    const c = generateComposite({ shape: [48, 48], seed: 2, nmcRadius: 6 });
    const stack = generateXanesStack(c.energy, { seed: 1 });
    expect(generateXanesStack(c.energy, { seed: 1 }).data).toEqual(stack.data);
    expect(generateXanesStack(c.energy, { seed: 2 }).data).not.toEqual(stack.data);
    let se = 0;
    let n = 0;
    for (let i = 0; i < 48 * 48; i++) {
      const e = c.energy.data[i]!;
      if (Number.isNaN(e)) continue;
      const spectrum = Array.from({ length: 63 }, (_, k) => stack.data[k * 48 * 48 + i]!);
      se += (halfHeight(spectrum, XANES_ENERGIES) - e) ** 2;
      n++;
    }
    expect(n).toBeGreaterThan(300);
    expect(Math.sqrt(se / n)).toBeLessThan(0.1);
  });

  it('accepts strided views and 3D maps', () => {
    const base = ndarray(
      Float32Array.from({ length: 12 }, (_, i) => 8340 + i / 2),
      [3, 4],
    );
    const t = base.transpose(1, 0);
    const a = generateXanesStack(t, { noise: 0, energies: [8300, 8344, 8400] });
    expect(a.shape).toEqual([3, 4, 3]);
    expect(a.get(1, 2, 1)).toBeCloseTo(
      generateXanesStack(ndarray(Float32Array.of(base.get(1, 2)), [1, 1]), {
        noise: 0,
        energies: [8300, 8344, 8400],
      }).get(1, 0, 0),
      6,
    );
    const v = generateXanesStack(ndarray(new Float32Array(8).fill(8344), [2, 2, 2]), { noise: 0 });
    expect(v.shape).toEqual([63, 2, 2, 2]);
  });

  it('rejects bad input with typed errors', () => {
    const e = ndarray(new Float32Array(4).fill(8344), [2, 2]);
    expect(() => generateXanesStack(e, { energies: [8300, 8300] })).toThrow(InvalidArgumentError);
    expect(() => generateXanesStack(e, { energies: [8400, 8300] })).toThrow('options.energies');
    expect(() => generateXanesStack(e, { noise: -1 })).toThrow('options.noise');
    expect(() => generateXanesStack(ndarray(new Float32Array(4), [4]))).toThrow('2D or 3D');
    expect(() => generateXanesStack(ndarray(new Int32Array(4), [2, 2]))).toThrow('float32');
  });
});
