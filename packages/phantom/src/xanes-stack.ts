import {
  assertDtype,
  assertNdim,
  assertNumber,
  checkOptions,
  createRng,
  flatData,
  formatBytes,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/**
 * The 63 beam energies (eV) of the default XANES scan, 8210 to 8700 eV: 6 pre-edge points
 * every 20 eV (8210-8310), 51 points every 1 eV across the Ni K-edge (8320-8370), and 6
 * post-edge points every 60 eV (8400-8700), the dense-at-the-edge layout of TXM-XANES
 * scans such as the paper's.
 */
export const XANES_ENERGIES: readonly number[] = Object.freeze([
  ...Array.from({ length: 6 }, (_, i) => 8210 + 20 * i),
  ...Array.from({ length: 51 }, (_, i) => 8320 + i),
  ...Array.from({ length: 6 }, (_, i) => 8400 + 60 * i),
]);

/** Options of {@link generateXanesStack}. */
export interface XanesOptions {
  /** Beam energies, eV, strictly increasing. Default {@link XANES_ENERGIES}. */
  energies?: readonly number[];
  /** Standard deviation of the additive Gaussian noise on absorbance. Default 0.01. */
  noise?: number;
  /** Edge jump of the NMC pixels (absorbance units). Default 1. */
  edgeJump?: number;
  /** Width (sigma of the error-function step), eV. Default 1.5. */
  edgeWidth?: number;
  /** White-line height above the edge jump, relative to the jump. Default 0.5. */
  whiteLine?: number;
  /** Seed of the noise. Default 0. */
  seed?: number;
  /**
   * Most bytes the stack (float32, `energies.length x pixels`) may take; a larger one throws
   * before allocation. Default 2^32 (4 GiB).
   */
  maxBytes?: number;
}

const XANES_KEYS: OptionKeys<XanesOptions> = {
  energies: true,
  noise: true,
  edgeJump: true,
  edgeWidth: true,
  whiteLine: true,
  seed: true,
  maxBytes: true,
};

/**
 * A synthetic Ni K-edge XANES absorbance stack from an edge-energy map.
 *
 * At a pixel with edge energy `E0` (finite values of `energy`) the absorbance is
 * `pre(E) + J [ (1 + erf((E - E0) / (sqrt(2) w))) / 2 + h exp(-(E - E0 - 8)^2 / (2 * 2.5^2))
 * + 0.03 sin(2 pi (E - E0 - 20) / 60) exp(-(E - E0) / 150) for E > E0 + 20 ]`, with the
 * pre-edge line `pre(E) = 0.1 + 1e-4 (E - 8210)`, jump `J = edgeJump`, width `w = edgeWidth`,
 * white line of height `h = whiteLine` 8 eV above the edge (far enough that it moves the
 * half-step crossing by < 0.02 eV), and a faint damped post-edge oscillation. The step is
 * centred at `E0`, so the normalised absorbance crosses 0.5 and rises fastest at `E0`.
 * Pixels with NaN energy (no Ni) get only the pre-edge line. Gaussian `noise` is added
 * everywhere.
 *
 * @param energy - 2D or 3D float32 edge-energy map (eV, NaN = no NMC), e.g. a composite's
 *   `energy`
 * @param options - see {@link XanesOptions}
 * @returns float32 ndarray of shape `(E, ...energy.shape)`
 * @throws InvalidArgumentError for a bad map or options (non-increasing energies, noise < 0)
 *
 * @remarks
 * References: G. Bunker, "Introduction to XAFS" (Cambridge, 2010), ch. 3 (edge step and
 * white line); the paper's 63-energy scan from 8210 to 8700 eV (arXiv:2512.16085).
 */
export function generateXanesStack(
  energy: NdArray,
  options: XanesOptions = {},
): NdArray<Float32Array> {
  const fn = 'generateXanesStack';
  options = checkOptions(fn, options, XANES_KEYS);
  assertNdim(fn, 'energy', energy, [2, 3]);
  assertDtype(fn, 'energy', energy, ['float32', 'float64']);
  const energies = options.energies ?? XANES_ENERGIES;
  if (
    !Array.isArray(energies) ||
    energies.length < 2 ||
    !energies.every((e, i) => Number.isFinite(e) && (i === 0 || e > energies[i - 1]!))
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.energies',
      energies,
      'at least 2 finite, strictly increasing energies (eV)',
    );
  }
  const noise = options.noise ?? 0.01;
  const jump = options.edgeJump ?? 1;
  const width = options.edgeWidth ?? 1.5;
  const whiteLine = options.whiteLine ?? 0.5;
  const seed = options.seed ?? 0;
  assertNumber(fn, 'options.noise', noise, { min: 0 });
  assertNumber(fn, 'options.edgeJump', jump, { greaterThan: 0 });
  assertNumber(fn, 'options.edgeWidth', width, { greaterThan: 0 });
  assertNumber(fn, 'options.whiteLine', whiteLine, { min: 0 });
  assertNumber(fn, 'options.seed', seed);
  const maxBytes = options.maxBytes ?? 2 ** 32;
  assertNumber(fn, 'options.maxBytes', maxBytes, { greaterThan: 0 });
  const bytes = 4 * energies.length * energy.size;
  if (bytes > maxBytes) {
    throw new InvalidArgumentError(
      fn,
      'options.energies',
      energies,
      `energies x pixels fitting options.maxBytes = ${maxBytes} (${formatBytes(maxBytes)}) as float32; ${energies.length} energies x ${energy.size} pixels would take ${formatBytes(bytes)}`,
    );
  }
  const e0 = flatData(energy as NdArray<Float32Array>);
  for (let i = 0; i < e0.length; i++) {
    // NaN marks pixels without an edge; an infinite edge energy is no energy at all
    if (e0[i] === Number.POSITIVE_INFINITY || e0[i] === Number.NEGATIVE_INFINITY) {
      throw new InvalidArgumentError(fn, `energy[${i}]`, e0[i], 'a finite edge energy (eV) or NaN');
    }
  }
  const n = e0.length;
  const out = new Float32Array(energies.length * n);
  const rng = createRng(seed);
  for (let k = 0; k < energies.length; k++) {
    const e = energies[k]!;
    const pre = 0.1 + 1e-4 * (e - 8210);
    const base = k * n;
    for (let i = 0; i < n; i++) {
      const edge = e0[i]!;
      let mu = pre;
      if (!Number.isNaN(edge)) {
        const x = e - edge;
        let shape = 0.5 * (1 + erf(x / (Math.SQRT2 * width)));
        shape += whiteLine * Math.exp(-((x - 8) ** 2) / (2 * 2.5 ** 2));
        if (x > 20) shape += 0.03 * Math.sin((2 * Math.PI * (x - 20)) / 60) * Math.exp(-x / 150);
        mu += jump * shape;
      }
      out[base + i] = noise > 0 ? mu + rng.normal(0, noise) : mu;
    }
  }
  return ndarray(out, [energies.length, ...energy.shape]);
}

/**
 * Error function, Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7).
 */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a);
  return sign * y;
}
