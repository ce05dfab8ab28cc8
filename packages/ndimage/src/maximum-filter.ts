import {
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  rowMajorStrides,
} from '@mgraph/core';
import { checkMode, type ExtendMode, extendTaps } from './extend-mode.js';
import { footprintOffsets } from './footprint.js';
import { floatElements, likeInput, perAxis } from './input.js';
import { maxAlongAxis } from './maximum-filter1d.js';

/** Options of {@link maximumFilter} (scipy names, camelCased). Give `size` or `footprint`. */
export interface MaximumFilterOptions {
  /** Box window: one length for every axis or one per axis (integers >= 1). */
  size?: number | readonly number[];
  /**
   * Window as an ndarray of the input's dimension, nonzero = in, centred at `shape // 2`.
   * Takes precedence over `size`; an all-nonzero footprint is filtered as the box of its shape.
   */
  footprint?: NdArray;
  /** How the input extends past its edges. Default `'reflect'`. */
  mode?: ExtendMode;
  /** Value past the edges for `mode: 'constant'`. Default 0. */
  cval?: number;
}

const KEYS: OptionKeys<MaximumFilterOptions> = {
  size: true,
  footprint: true,
  mode: true,
  cval: true,
};

/**
 * Maximum over a window around every element, as
 * `scipy.ndimage.maximum_filter(input, size=size, footprint=footprint, mode=mode, cval=cval)`
 * (origin 0, one mode for all axes). A box (`size`, or a footprint without zeros) is
 * filtered one axis after the other with {@link maximumFilter1d}'s running maximum (cost
 * independent of the window); another footprint visits its nonzero elements at every
 * element.
 *
 * @param input - ndarray of any dimension, dtype and strides
 * @param options - {@link MaximumFilterOptions}: `size` or `footprint`, `mode` (`'reflect'`),
 *   `cval` (0); an unknown option is an error
 * @returns a new contiguous ndarray of the input's dtype
 * @throws InvalidArgumentError when neither `size` nor `footprint` is given, for a
 *   footprint of another dimension or without a nonzero element, a bad size or mode, a
 *   non-numeric input or an unknown option. Sizes above `2 n + 1` along an axis of n
 *   elements filter as `2 n + 1` does (same result, memory proportional to the input)
 *
 * @remarks
 * References: `scipy.ndimage.maximum_filter`; P. Virtanen et al., "SciPy 1.0: fundamental
 * algorithms for scientific computing in Python", Nat. Methods 17 (2020) 261-272,
 * doi:10.1038/s41592-019-0686-2.
 */
export function maximumFilter(input: NdArray, options: MaximumFilterOptions | null = {}): NdArray {
  const fn = 'maximumFilter';
  const { data, shape } = floatElements(fn, 'input', input);
  const opts = checkOptions(fn, options, KEYS);
  const { size, footprint, mode = 'reflect', cval = 0 } = opts;
  checkMode(fn, mode);
  assertNumber(fn, 'options.cval', cval);
  let sizes: number[];
  if (footprint !== undefined) {
    const fp = footprintOffsets(fn, 'options.footprint', footprint, shape.length);
    if (!fp.full) return likeInput(input, footprintMax(data, shape, fp.offsets, mode, cval), shape);
    sizes = fp.shape;
  } else if (size !== undefined) {
    sizes = perAxis(fn, 'options.size', size, shape.length, { integer: true, min: 1 });
  } else {
    throw new InvalidArgumentError(fn, 'options', opts, 'an object with size or footprint');
  }
  let out = data;
  sizes.forEach((k, d) => {
    if (k > 1) out = maxAlongAxis(out, shape, d, k, mode, cval);
  });
  return likeInput(input, out === data ? Float64Array.from(data) : out, shape);
}

/** Maximum over arbitrary footprint offsets, read through `mode` past the edges. */
function footprintMax(
  img: Float64Array,
  shape: readonly number[],
  offsets: number[][],
  mode: ExtendMode,
  cval: number,
): Float64Array {
  const ndim = shape.length;
  const strides = rowMajorStrides(shape);
  // per axis: lowest offset, and the index every coordinate + offset reads
  const low = shape.map((_, d) => Math.min(0, ...offsets.map((o) => o[d]!)));
  const high = shape.map((_, d) => Math.max(0, ...offsets.map((o) => o[d]!)));
  const taps = shape.map((s, d) => extendTaps(s, -low[d]!, high[d]!, mode));
  const out = new Float64Array(img.length);
  const coord = new Array<number>(ndim).fill(0);
  for (let i = 0; i < img.length; i++) {
    let m = Number.NEGATIVE_INFINITY;
    for (const o of offsets) {
      let flat = 0;
      for (let d = 0; d < ndim && flat >= 0; d++) {
        const j = taps[d]![coord[d]! + o[d]! - low[d]!]!;
        flat = j < 0 ? -1 : flat + j * strides[d]!;
      }
      const v = flat < 0 ? cval : img[flat]!;
      if (v > m) m = v;
    }
    out[i] = m;
    for (let d = ndim - 1; d >= 0; d--) {
      if (++coord[d]! < shape[d]!) break;
      coord[d] = 0;
    }
  }
  return out;
}
