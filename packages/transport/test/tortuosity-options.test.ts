// tortuosityFactor's checks, errors, convergence record, progress and cancellation, and the
// multigrid property that iterations stay flat as the grid grows.
import { AbortError, ConvergenceError, createRng, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { tortuosityFactor } from '../src/index.js';

/** Seeded random binary cube, conducting with probability `p`. */
function randomCube(n: number, p: number, seed: number) {
  const rng = createRng(seed);
  const data = new Uint8Array(n ** 3);
  for (let i = 0; i < data.length; i++) data[i] = rng.random() < p ? 1 : 0;
  return ndarray(data, [n, n, n]);
}

describe('tortuosityFactor: input checks', () => {
  const ok = randomCube(6, 0.7, 1);
  it.each([
    ['a plain array', [[1, 1]], {}, /ndarray/],
    ['a 1D map', ndarray(new Uint8Array(4), [4]), {}, /phases/],
    ['a float map', ndarray(new Float32Array(8), [2, 4]), {}, /uint8/],
    ['axis out of range', ok, { axis: 3 }, /options\.axis/],
    ['a code without conductivity', ndarray(new Uint8Array([0, 1, 2, 1]), [2, 2]), {}, /code 2/],
    ['a negative conductivity', ok, { conductivities: [0, -1] }, /options\.conductivities/],
    ['NaN conductivity', ok, { conductivities: [0, Number.NaN] }, /options\.conductivities/],
    ['no conducting voxel', ndarray(new Uint8Array(8), [2, 4]), {}, /conducting voxel/],
    ['spacing of the wrong length', ok, { spacing: [1, 1] }, /options\.spacing/],
    ['zero spacing', ok, { spacing: [1, 0, 1] }, /options\.spacing/],
    ['an empty unit', ok, { unit: '' }, /options\.unit/],
    ['tolerance 0', ok, { tolerance: 0 }, /options\.tolerance/],
    ['convCrit 1', ok, { convCrit: 1 }, /options\.convCrit/],
    ['maxIterations 1.5', ok, { maxIterations: 1.5 }, /options\.maxIterations/],
    ['returnField "yes"', ok, { returnField: 'yes' }, /options\.returnField/],
    ['a misspelt option', ok, { tolerence: 1e-3 }, /did you mean "tolerance"/],
    ['onProgress not a function', ok, { onProgress: 1 }, /options\.onProgress/],
  ])('refuses %s with InvalidArgumentError', (_, phases, options, message) => {
    const call = () =>
      tortuosityFactor(phases as never, options as Record<string, unknown> as never);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
    expect(call).toThrow(/tortuosityFactor/);
  });

  it('refuses a map larger than its limit before allocating', () => {
    const huge = ndarray(new Uint8Array(1), [2048, 2048, 1024]);
    huge.stride = [0, 0, 0];
    expect(() => tortuosityFactor(huge)).toThrow(/at most 2147483647 voxels/);
  });
});

describe('tortuosityFactor: solver', () => {
  it('throws ConvergenceError when maxIterations is too small for the tolerance', () => {
    const cube = randomCube(16, 0.6, 2);
    const call = () => tortuosityFactor(cube, { maxIterations: 2, tolerance: 1e-12 });
    expect(call).toThrow(ConvergenceError);
    expect(call).toThrow(/maxIter = 2/);
  });

  it('reports progress each iteration and stops on an aborted signal', () => {
    const cube = randomCube(16, 0.6, 3);
    const calls: [number, number][] = [];
    const r = tortuosityFactor(cube, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toHaveLength(r.iterations);
    expect(calls[0]).toEqual([1, 500]);
    expect(calls.at(-1)).toEqual([r.iterations, 500]);
    const controller = new AbortController();
    controller.abort();
    expect(() => tortuosityFactor(cube, { signal: controller.signal })).toThrow(AbortError);
    const late = new AbortController();
    expect(() =>
      tortuosityFactor(cube, {
        signal: late.signal,
        onProgress: (d) => d === 2 && late.abort(),
      }),
    ).toThrow(AbortError);
  });

  it('meets its tolerance, reports it, and the flux mismatch shrinks with it', () => {
    const cube = randomCube(24, 0.5, 4);
    const loose = tortuosityFactor(cube, { tolerance: 1e-3 });
    const tight = tortuosityFactor(cube, { tolerance: 1e-10 });
    expect(loose.relativeResidual).toBeLessThanOrEqual(1e-3);
    expect(tight.relativeResidual).toBeLessThanOrEqual(1e-10);
    expect(tight.tolerance).toBe(1e-10);
    expect(tight.iterations).toBeGreaterThan(loose.iterations);
    expect(tight.fluxMismatch).toBeLessThan(1e-8);
    expect(Math.abs(loose.tau - tight.tau) / tight.tau).toBeLessThan(1e-2);
    // Deterministic: the same input gives the same bits.
    expect(tortuosityFactor(cube, { tolerance: 1e-10 }).tau).toBe(tight.tau);
  });

  it("convCrit stops on TauFactor's rule: layer fluxes within it, tau steady", () => {
    const cube = randomCube(32, 0.5, 6);
    const tight = tortuosityFactor(cube, { tolerance: 1e-10 });
    const loose = tortuosityFactor(cube, { tolerance: 1e-10, convCrit: 1e-2 });
    expect(loose.layerFluxSpread).toBeLessThanOrEqual(1e-2);
    expect(loose.iterations).toBeLessThan(tight.iterations);
    expect(loose.relativeResidual).toBeGreaterThan(1e-10);
    expect(Math.abs(loose.tau - tight.tau) / tight.tau).toBeLessThan(1e-2);
    expect(tight.layerFluxSpread).toBeLessThan(1e-8);
  });

  it('reads a strided view as the contiguous map it shows, and leaves it unchanged', () => {
    const cube = randomCube(12, 0.6, 7);
    const view = cube.transpose(2, 0, 1);
    const copy = ndarray(new Uint8Array(12 ** 3), [12, 12, 12]);
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++)
        for (let k = 0; k < 12; k++) copy.set(i, j, k, view.get(i, j, k));
    const before = cube.data.slice();
    const a = tortuosityFactor(view, { tolerance: 1e-10, axis: 1 });
    const b = tortuosityFactor(copy, { tolerance: 1e-10, axis: 1 });
    expect(a.tau).toBe(b.tau);
    expect(a.removedVoxels).toBe(b.removedVoxels);
    expect(cube.data).toEqual(before);
  });

  it('multigrid preconditioning: iterations grow far slower than the grid (16^3 to 64^3)', () => {
    const counts = [16, 64].map(
      (n) => tortuosityFactor(randomCube(n, 0.5, 5), { tolerance: 1e-8 }).iterations,
    );
    // Jacobi-preconditioned CG grows about linearly with n (x4 here; SciPy's takes 1031
    // iterations on the 128^3 bench volume where this solver takes 25).
    expect(counts[1]! / counts[0]!).toBeLessThan(1.6);
    expect(counts[1]).toBeLessThan(50);
  }, 60_000);
});
