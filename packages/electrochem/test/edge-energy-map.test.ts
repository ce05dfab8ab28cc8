import { createRng, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { edgeEnergyMap } from '../src/index.js';

// 63 energies: 12 pre-edge every 10 eV, 45 across the edge every 1 eV, 6 post-edge every 60 eV
const ENERGIES = [
  ...Array.from({ length: 12 }, (_, i) => 8210 + 10 * i),
  ...Array.from({ length: 45 }, (_, i) => 8330 + i),
  ...Array.from({ length: 6 }, (_, i) => 8400 + 60 * i),
];

/**
 * Analytic Ni K-edge per pixel: sloped pre-edge line + jump * (arctan step centred at E0,
 * half width gamma) + Gaussian white line 10 eV above E0 (sigma 2.5 eV), plus white noise.
 * The arctan step is 1/2 and steepest at E0.
 */
function stackOf(e0: Float64Array, shape: number[], { noise = 0.01, seed = 1, gamma = 1.5 } = {}) {
  const rng = createRng(seed);
  const size = e0.length;
  const out = new Float32Array(ENERGIES.length * size);
  ENERGIES.forEach((E, k) => {
    for (let p = 0; p < size; p++) {
      const x = E - e0[p]!;
      const jump = 0.8 + 0.4 * ((p % 7) / 7);
      const mu =
        0.2 +
        2e-4 * (E - 8210) +
        jump * (0.5 + Math.atan(x / gamma) / Math.PI + 0.4 * Math.exp(-((x - 10) ** 2) / 12.5));
      out[k * size + p] = mu + rng.normal(0, noise);
    }
  });
  return ndarray(out, [ENERGIES.length, ...shape]);
}

function plantedEdges(size: number, seed: number) {
  const rng = createRng(seed);
  return Float64Array.from({ length: size }, () => rng.uniform(8340, 8348));
}

const rms = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s / a.length);
};

describe('edgeEnergyMap', () => {
  const e0 = plantedEdges(32 * 32, 3);

  it.each([
    [0, 0.05, 0.1],
    [0.01, 0.1, 0.5],
  ])(
    'recovers planted edge energies at noise %f (RMS < %f eV halfHeight, < %f maxDerivative)',
    (noise, maxHalf, maxDeriv) => {
      const stack = stackOf(e0, [32, 32], { noise });
      const half = edgeEnergyMap(stack, ENERGIES);
      const deriv = edgeEnergyMap(stack, ENERGIES, { method: 'maxDerivative' });
      expect(half.edge.shape).toEqual([32, 32]);
      expect(half.failed).toBe(0);
      expect(half.evaluated).toBe(32 * 32);
      const figures = {
        halfHeight: rms(half.edge.data, e0),
        maxDerivative: rms(deriv.edge.data, e0),
      };
      console.log(`edgeEnergyMap own stack, noise ${noise}: RMS eV`, JSON.stringify(figures));
      expect(figures.halfHeight).toBeLessThan(maxHalf);
      expect(figures.maxDerivative).toBeLessThan(maxDeriv);
      // pixel 0 has jump 0.8 (the arctan tails take a little of it into the fitted lines)
      expect(half.edgeJump.data[0]).toBeCloseTo(0.8, 1);
    },
  );

  it('handles 3D stacks (E, planes, rows, cols), strided views, masks and pixels without edge', () => {
    const small = e0.subarray(0, 2 * 3 * 4);
    const stack = stackOf(small, [2, 3, 4], { noise: 0 });
    const a = edgeEnergyMap(stack, ENERGIES);
    expect(a.edge.shape).toEqual([2, 3, 4]);
    expect(rms(a.edge.data, small)).toBeLessThan(0.05);
    // the same data through a transposed view
    const t = edgeEnergyMap(stack.transpose(0, 1, 3, 2), ENERGIES);
    expect(t.edge.get(1, 3, 2)).toBe(a.edge.get(1, 2, 3));
    const mask = ndarray(new Uint8Array(24).fill(1), [2, 3, 4]);
    mask.set(0, 0, 0, 0);
    const m = edgeEnergyMap(stack, ENERGIES, { mask });
    expect(Number.isNaN(m.edge.get(0, 0, 0))).toBe(true);
    expect(m.evaluated).toBe(23);
    expect(m.failed).toBe(0);
    // a flat spectrum has no edge: NaN, counted as failed
    const flat = ndarray(new Float32Array(ENERGIES.length * 2).fill(0.3), [ENERGIES.length, 1, 2]);
    const f = edgeEnergyMap(flat, ENERGIES);
    expect(f.failed).toBe(2);
    expect(Number.isNaN(f.edge.data[0]!)).toBe(true);
  });

  it('rejects bad input with typed errors', () => {
    const stack = stackOf(e0.subarray(0, 4), [2, 2], { noise: 0 });
    expect(() => edgeEnergyMap(stack, ENERGIES.slice(1))).toThrow(ShapeMismatchError);
    const swapped = ENERGIES.slice();
    [swapped[20], swapped[21]] = [swapped[21]!, swapped[20]!];
    expect(() => edgeEnergyMap(stack, swapped)).toThrow(
      /edgeEnergyMap: argument energies\[21\] must be greater than energies\[20\]/,
    );
    expect(() => edgeEnergyMap(stack, ENERGIES, { method: 'fit' as never })).toThrow(
      /options\.method/,
    );
    expect(() => edgeEnergyMap(stack, ENERGIES, { preEdge: [8100, 8200] })).toThrow(/holds 0/);
    expect(() => edgeEnergyMap(stack, ENERGIES, { preEdge: [8200, 8400] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => edgeEnergyMap(ndarray(new Float32Array(4), [2, 2]), [1, 2])).toThrow(/3D or 4D/);
    const mask = ndarray(new Uint8Array(6), [2, 3]);
    expect(() => edgeEnergyMap(stack, ENERGIES, { mask })).toThrow(ShapeMismatchError);
  });
});
