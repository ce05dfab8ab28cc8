import {
  assertNumber,
  checkOptions,
  type NdArray,
  type OptionKeys,
  rowMajorStrides,
} from '@mgraph/core';
import { checkLineOptions, type ExtendMode, extendTaps } from './extend-mode.js';
import { type GaussianKernelOptions, kernelOf } from './gaussian-kernel1d.js';
import { floatElements, likeInput } from './input.js';

/** Options of {@link gaussianFilter1d} (scipy names, camelCased). */
export interface GaussianFilter1dOptions extends GaussianKernelOptions {
  /** Axis to filter along; negative counts from the end. Default -1 (the last). */
  axis?: number;
  /** How the input extends past its edges. Default `'reflect'`. */
  mode?: ExtendMode;
  /** Value past the edges for `mode: 'constant'`. Default 0. */
  cval?: number;
}

const KEYS: OptionKeys<GaussianFilter1dOptions> = {
  axis: true,
  mode: true,
  cval: true,
  truncate: true,
  radius: true,
};

/**
 * Gaussian smoothing along one axis, as `scipy.ndimage.gaussian_filter1d(input, sigma, axis,
 * mode=mode, cval=cval, truncate=truncate, radius=radius)` (order 0): correlation with
 * {@link gaussianKernel1d}, the input read through `mode` past the edges, summed in double
 * precision as scipy sums a symmetric kernel (`w0 x[i] + sum_j wj (x[i-j] + x[i+j])`).
 *
 * @param input - ndarray of any dimension, dtype and strides
 * @param sigma - standard deviation in elements (> 0)
 * @param options - {@link GaussianFilter1dOptions}: `axis` (-1), `mode` (`'reflect'`), `cval` (0), `truncate` (4), `radius`
 * @returns a new contiguous ndarray of the input's dtype (integers truncate, as scipy's)
 * @throws InvalidArgumentError for a non-numeric input, `sigma <= 0`, a bad axis, mode,
 *   truncate or radius (above 2^23 included), or an unknown option (`null` = defaults)
 *
 * @remarks
 * Agrees with scipy to about 1e-15 relative (the kernel weights and the order of the sum
 * differ in the last bits). References: `scipy.ndimage.gaussian_filter1d`.
 */
export function gaussianFilter1d(
  input: NdArray,
  sigma: number,
  options: GaussianFilter1dOptions | null = {},
): NdArray {
  const fn = 'gaussianFilter1d';
  const { data, shape } = floatElements(fn, 'input', input);
  assertNumber(fn, 'sigma', sigma, { greaterThan: 0 });
  const opts = checkOptions(fn, options, KEYS);
  const { axis = -1, mode = 'reflect', cval = 0 } = opts;
  const d = checkLineOptions(fn, shape, axis, mode, cval);
  const kernel = kernelOf(fn, sigma, opts);
  return likeInput(input, correlateSymmetric(data, shape, d, kernel, mode, cval), shape);
}

/**
 * Correlate every line along `axis` with the symmetric `kernel` (odd length): a new array.
 * Lines along the last axis are copied with their extensions and swept once; along another
 * axis whole contiguous rows (`stride` elements) are combined at once, which keeps memory
 * access sequential.
 *
 * @internal
 */
export function correlateSymmetric(
  src: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
  kernel: Float64Array,
  mode: ExtendMode,
  cval: number,
): Float64Array {
  const size = src.length;
  const length = shape[axis]!;
  const stride = rowMajorStrides(shape)[axis]!;
  const radius = (kernel.length - 1) / 2;
  const dst = new Float64Array(size);
  if (size === 0) return dst;
  const block = stride * length;
  const taps = extendTaps(length, radius, radius, mode);
  const w0 = kernel[radius]!;
  if (stride === 1) {
    const line = new Float64Array(length + 2 * radius);
    for (let base = 0; base < size; base += length) {
      for (let k = 0; k < line.length; k++) {
        const j = taps[k]!;
        line[k] = j >= 0 ? src[base + j]! : cval;
      }
      for (let i = 0; i < length; i++) {
        const c = i + radius;
        let acc = w0 * line[c]!;
        for (let j = 1; j <= radius; j++)
          acc += kernel[radius + j]! * (line[c - j]! + line[c + j]!);
        dst[base + i] = acc;
      }
    }
    return dst;
  }
  const acc = new Float64Array(stride);
  const row = (base: number, p: number, t: number): number => {
    const j = taps[p]!;
    return j >= 0 ? src[base + j * stride + t]! : cval;
  };
  for (let base = 0; base < size; base += block) {
    for (let i = 0; i < length; i++) {
      const row0 = base + i * stride;
      for (let t = 0; t < stride; t++) acc[t] = w0 * src[row0 + t]!;
      for (let j = 1; j <= radius; j++) {
        const w = kernel[radius + j]!;
        const lo = taps[i + radius - j]!;
        const hi = taps[i + radius + j]!;
        if (lo >= 0 && hi >= 0) {
          const a = base + lo * stride;
          const b = base + hi * stride;
          for (let t = 0; t < stride; t++) acc[t] += w * (src[a + t]! + src[b + t]!);
        } else {
          for (let t = 0; t < stride; t++) {
            acc[t] += w * (row(base, i + radius - j, t) + row(base, i + radius + j, t));
          }
        }
      }
      for (let t = 0; t < stride; t++) dst[row0 + t] = acc[t]!;
    }
  }
  return dst;
}
