import {
  assertNumber,
  checkOptions,
  type NdArray,
  type OptionKeys,
  rowMajorStrides,
} from '@mgraph/core';
import { checkLineOptions, type ExtendMode, extendTaps } from './extend-mode.js';
import { floatElements, likeInput } from './input.js';

/** Options of {@link maximumFilter1d} (scipy names, camelCased). */
export interface MaximumFilter1dOptions {
  /** Axis to filter along; negative counts from the end. Default -1 (the last). */
  axis?: number;
  /** How the input extends past its edges. Default `'reflect'`. */
  mode?: ExtendMode;
  /** Value past the edges for `mode: 'constant'`. Default 0. */
  cval?: number;
}

const KEYS: OptionKeys<MaximumFilter1dOptions> = { axis: true, mode: true, cval: true };

/**
 * Maximum over a window of `size` elements along one axis, as
 * `scipy.ndimage.maximum_filter1d(input, size, axis, mode=mode, cval=cval)` (origin 0): the
 * window of element `i` is `[i - floor(size / 2), i + size - floor(size / 2) - 1]`, read
 * through `mode` past the edges.
 *
 * @param input - ndarray of any dimension, dtype and strides
 * @param size - window length (integer >= 1)
 * @param options - {@link MaximumFilter1dOptions}; `null` = defaults, an unknown option is
 *   an error
 * @returns a new contiguous ndarray of the input's dtype
 * @throws InvalidArgumentError for a non-numeric input, a bad size, axis or mode, or an
 *   unknown option. A `size` above `2 n + 1` (n = the axis length) filters as `2 n + 1`
 *   does, with the same result: memory stays proportional to the input
 *
 * @remarks
 * Van Herk / Gil-Werman running maximum: about three comparisons an element whatever
 * `size`. References: M. van Herk, "A fast algorithm for local minimum and maximum filters
 * on rectangular and octagonal kernels", Pattern Recognit. Lett. 13 (1992) 517-521,
 * doi:10.1016/0167-8655(92)90069-C; `scipy.ndimage.maximum_filter1d`.
 */
export function maximumFilter1d(
  input: NdArray,
  size: number,
  options: MaximumFilter1dOptions | null = {},
): NdArray {
  const fn = 'maximumFilter1d';
  const { data, shape } = floatElements(fn, 'input', input);
  const { axis = -1, mode = 'reflect', cval = 0 } = checkOptions(fn, options, KEYS);
  assertNumber(fn, 'size', size, { integer: true, min: 1 });
  const d = checkLineOptions(fn, shape, axis, mode, cval);
  const out = size === 1 ? Float64Array.from(data) : maxAlongAxis(data, shape, d, size, mode, cval);
  return likeInput(input, out, shape);
}

/** Lines processed together along a non-contiguous axis, so that memory is read in rows. */
const CHUNK = 256;

/**
 * {@link maximumFilter1d} on a row-major Float64Array: a new array. Along a strided axis,
 * `CHUNK` neighbouring lines are swept together so that memory is read sequentially.
 *
 * @internal
 */
export function maxAlongAxis(
  src: Float64Array,
  shape: readonly number[],
  axis: number,
  size: number,
  mode: ExtendMode,
  cval: number,
): Float64Array {
  const len = shape[axis]!;
  const st = rowMajorStrides(shape)[axis]!;
  const dst = new Float64Array(src.length);
  if (src.length === 0) return dst;
  const outer = src.length / (len * st);
  // a window of 2 len + 1 or more reaches len elements both ways from every element: it holds
  // a whole period of every extension (and the line plus cval for 'constant'), so every
  // larger window gives the same maxima: scratch memory stays proportional to the line
  const k = Math.min(size, 2 * len + 1);
  const before = k >> 1;
  const taps = extendTaps(len, before, k - 1 - before, mode);
  const padded = taps.length;
  // scratch rows of `cw` lines (one line when the axis is contiguous); padded position p
  // reads element taps[p] (cval for -1); blocks of k start at p = 0: g = running maximum
  // from the block start, h = to the block end; window of i = padded [i, i + k - 1]
  const cw = Math.min(CHUNK, st);
  const g = new Float64Array(padded * cw);
  const h = new Float64Array(padded * cw);
  for (let o = 0; o < outer; o++) {
    const base = o * len * st;
    if (st === 1) {
      lineMax(src, dst, base, len, k, taps, cval, g, h);
      continue;
    }
    for (let t0 = 0; t0 < st; t0 += cw) {
      const w = Math.min(cw, st - t0);
      for (let p = 0; p < padded; p++) {
        const j = taps[p]!;
        const from = base + j * st + t0;
        const row = p * cw;
        if (p % k === 0) {
          if (j >= 0) for (let t = 0; t < w; t++) g[row + t] = src[from + t]!;
          else g.fill(cval, row, row + w);
        } else if (j >= 0) {
          for (let t = 0; t < w; t++) {
            const v = src[from + t]!;
            const prev = g[row - cw + t]!;
            g[row + t] = Math.max(v, prev);
          }
        } else {
          for (let t = 0; t < w; t++) g[row + t] = Math.max(cval, g[row - cw + t]!);
        }
      }
      for (let p = padded - 1; p >= 0; p--) {
        const j = taps[p]!;
        const from = base + j * st + t0;
        const row = p * cw;
        if (p % k === k - 1 || p === padded - 1) {
          if (j >= 0) for (let t = 0; t < w; t++) h[row + t] = src[from + t]!;
          else h.fill(cval, row, row + w);
        } else if (j >= 0) {
          for (let t = 0; t < w; t++) {
            const v = src[from + t]!;
            const prev = h[row + cw + t]!;
            h[row + t] = Math.max(v, prev);
          }
        } else {
          for (let t = 0; t < w; t++) h[row + t] = Math.max(cval, h[row + cw + t]!);
        }
      }
      for (let i = 0; i < len; i++) {
        const a = i * cw;
        const b = (i + k - 1) * cw;
        const to = base + i * st + t0;
        for (let t = 0; t < w; t++) {
          const x = h[a + t]!;
          const y = g[b + t]!;
          dst[to + t] = Math.max(x, y);
        }
      }
    }
  }
  return dst;
}

/** {@link maxAlongAxis} along one contiguous line `src[base .. base + len)` into `dst`. */
function lineMax(
  src: Float64Array,
  dst: Float64Array,
  base: number,
  len: number,
  k: number,
  taps: Int32Array,
  cval: number,
  g: Float64Array,
  h: Float64Array,
): void {
  const padded = taps.length;
  for (let p = 0; p < padded; p++) {
    const j = taps[p]!;
    const v = j >= 0 ? src[base + j]! : cval;
    g[p] = p % k === 0 || v > g[p - 1]! ? v : g[p - 1]!;
  }
  for (let p = padded - 1; p >= 0; p--) {
    const j = taps[p]!;
    const v = j >= 0 ? src[base + j]! : cval;
    h[p] = p % k === k - 1 || p === padded - 1 || v > h[p + 1]! ? v : h[p + 1]!;
  }
  for (let i = 0; i < len; i++) {
    const x = h[i]!;
    const y = g[i + k - 1]!;
    dst[base + i] = Math.max(x, y);
  }
}
