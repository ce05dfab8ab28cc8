import {
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
} from '@mgraph/core';
import { checkMode, type ExtendMode } from './extend-mode.js';
import { correlateSymmetric } from './gaussian-filter1d.js';
import { type GaussianKernelOptions, kernelOf } from './gaussian-kernel1d.js';
import { floatElements, likeInput, perAxis } from './input.js';

/** Options of {@link gaussianFilter} (scipy names, camelCased). */
export interface GaussianFilterOptions extends Omit<GaussianKernelOptions, 'radius'> {
  /** How the input extends past its edges. Default `'reflect'`. */
  mode?: ExtendMode;
  /** Value past the edges for `mode: 'constant'`. Default 0. */
  cval?: number;
  /** Kernel radius, one for every axis or one per filtered axis; replaces `truncate`. */
  radius?: number | readonly number[];
  /**
   * Axes to filter, in this order (scipy >= 1.11's `axes`); `sigma` and `radius` lists
   * then give one value per listed axis. Default: every axis, first to last.
   */
  axes?: readonly number[];
}

const KEYS: OptionKeys<GaussianFilterOptions> = {
  mode: true,
  cval: true,
  truncate: true,
  radius: true,
  axes: true,
};

/**
 * Gaussian smoothing, as `scipy.ndimage.gaussian_filter(input, sigma, mode=mode, cval=cval,
 * truncate=truncate, radius=radius, axes=axes)` (order 0, one mode for all axes):
 * {@link gaussianFilter1d} along each axis in turn, the result stored in the input's dtype
 * between axes as scipy does (so a float32 image is rounded to float32 after each axis);
 * axes whose sigma is 0 (<= 1e-15) are left alone.
 *
 * @param input - ndarray of any dimension, dtype and strides
 * @param sigma - standard deviation in elements (>= 0), one for every axis or one per axis
 * @param options - {@link GaussianFilterOptions}: `mode` (`'reflect'`), `cval` (0), `truncate` (4), `radius`, `axes`
 * @returns a new contiguous ndarray of the input's dtype
 * @throws InvalidArgumentError for a non-numeric input, a negative sigma, bad axes, mode,
 *   truncate or radius (above 2^23 included), or an unknown option (`null` = defaults)
 *
 * @remarks
 * References: `scipy.ndimage.gaussian_filter`; P. Virtanen et al., "SciPy 1.0: fundamental
 * algorithms for scientific computing in Python", Nat. Methods 17 (2020) 261-272,
 * doi:10.1038/s41592-019-0686-2.
 */
export function gaussianFilter(
  input: NdArray,
  sigma: number | readonly number[],
  options: GaussianFilterOptions | null = {},
): NdArray {
  const fn = 'gaussianFilter';
  const { data, shape } = floatElements(fn, 'input', input);
  const ndim = shape.length;
  const {
    mode = 'reflect',
    cval = 0,
    truncate = 4,
    radius,
    axes,
  } = checkOptions(fn, options, KEYS);
  checkMode(fn, mode);
  assertNumber(fn, 'options.cval', cval);
  const list = axes === undefined ? shape.map((_, d) => d) : checkAxes(fn, axes, ndim);
  const sigmas = perAxis(fn, 'sigma', sigma, list.length, { min: 0 });
  const radii =
    radius === undefined
      ? undefined
      : perAxis(fn, 'options.radius', radius, list.length, { integer: true, min: 0 });
  // stored in the input's dtype after each axis, which rounds as scipy's output array does
  let out: NdArray | undefined;
  list.forEach((d, k) => {
    if (!(sigmas[k]! > 1e-15)) return;
    const kernel = kernelOf(fn, sigmas[k]!, { truncate, radius: radii?.[k] });
    const src = (out?.data ?? data) as ArrayLike<number>;
    out = likeInput(input, correlateSymmetric(src, shape, d, kernel, mode, cval), shape);
  });
  return out ?? likeInput(input, Float64Array.from(data), shape);
}

function checkAxes(fn: string, axes: readonly number[], ndim: number): number[] {
  if (!Array.isArray(axes)) {
    throw new InvalidArgumentError(fn, 'options.axes', axes, 'an array of axes');
  }
  const out = axes.map((a, k) => {
    assertNumber(fn, `options.axes[${k}]`, a, { integer: true, min: -ndim, max: ndim - 1 });
    return a < 0 ? a + ndim : a;
  });
  if (new Set(out).size !== out.length) {
    throw new InvalidArgumentError(fn, 'options.axes', axes, 'distinct axes');
  }
  return out;
}
