import {
  assertNumber,
  checkOptions,
  formatBytes,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { MAX_KERNEL_RADIUS } from './input.js';

/** Options of {@link gaussianKernel1d} (scipy names, camelCased). */
export interface GaussianKernelOptions {
  /** Truncate the kernel at this many standard deviations. Default 4. */
  truncate?: number;
  /** Kernel radius in elements; replaces `truncate` when given (integer >= 0). */
  radius?: number;
}

/**
 * The normalised Gaussian kernel `scipy.ndimage.gaussian_filter1d` correlates with
 * (scipy's private `_gaussian_kernel1d(sigma, 0, radius)`): `2 radius + 1` weights
 * `exp(-k^2 / (2 sigma^2))`, `k = -radius .. radius`, divided by their sum, with
 * `radius = floor(truncate * sigma + 0.5)` unless given.
 *
 * @param sigma - standard deviation in elements (> 0)
 * @param options - {@link GaussianKernelOptions}: `truncate` (4), `radius`; `null` =
 *   defaults, an unknown option is an error
 * @returns the weights, symmetric, summing to 1
 * @throws InvalidArgumentError for `sigma <= 0`, a negative `truncate`, a bad `radius`, a
 *   radius above 2^23 (refused before allocation, with the size it would take) or an
 *   unknown option
 *
 * @remarks
 * Order 0 only (no derivative kernels). The weights are exponentiated and summed in
 * JavaScript: they agree with scipy's to about 1e-16 relative, not bit for bit.
 * References: `scipy.ndimage.gaussian_filter1d`.
 */
export function gaussianKernel1d(
  sigma: number,
  options: GaussianKernelOptions | null = {},
): Float64Array {
  const fn = 'gaussianKernel1d';
  assertNumber(fn, 'sigma', sigma, { greaterThan: 0 });
  return kernelOf(fn, sigma, checkOptions(fn, options, KEYS));
}

const KEYS: OptionKeys<GaussianKernelOptions> = { truncate: true, radius: true };

/**
 * {@link gaussianKernel1d} with `fn` in its errors; `sigma` already checked.
 *
 * @internal
 */
export function kernelOf(fn: string, sigma: number, options: GaussianKernelOptions): Float64Array {
  const { truncate = 4, radius } = options;
  assertNumber(fn, 'options.truncate', truncate, { min: 0 });
  if (radius !== undefined) assertNumber(fn, 'options.radius', radius, { integer: true, min: 0 });
  const r = radius ?? Math.floor(truncate * sigma + 0.5);
  if (!(r <= MAX_KERNEL_RADIUS)) {
    throw new InvalidArgumentError(
      fn,
      radius === undefined ? 'options.truncate' : 'options.radius',
      radius ?? truncate,
      `a kernel radius of at most ${MAX_KERNEL_RADIUS} (radius ${r}${radius === undefined ? ` = floor(truncate * sigma + 0.5), sigma ${sigma}` : ''} would take ${formatBytes(16 * r + 8)} of float64 weights, and as much again of indices per line)`,
    );
  }
  const weights = new Float64Array(2 * r + 1);
  let total = 0;
  for (let k = -r; k <= r; k++) {
    const w = Math.exp((-0.5 * k * k) / (sigma * sigma));
    weights[k + r] = w;
    total += w;
  }
  for (let k = 0; k < weights.length; k++) weights[k]! /= total;
  return weights;
}
