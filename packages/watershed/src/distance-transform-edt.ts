import {
  assertCallback,
  assertNumber,
  assertNumericData,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { assertImage } from './neighborhood.js';

/** Options of {@link distanceTransformEdt}. */
export interface DistanceTransformOptions {
  /** Pixel spacing: one positive number for every axis, or one per axis. Default 1. */
  sampling?: number | readonly number[];
  /** Called after each axis pass with `(axesDone, ndim)`. */
  onProgress?: ProgressCallback;
}

const EDT_KEYS: OptionKeys<DistanceTransformOptions> = { sampling: true, onProgress: true };

/**
 * Exact Euclidean distance transform: for every nonzero element, the distance to the
 * nearest zero element (zero elements get 0), as `scipy.ndimage.distance_transform_edt`.
 *
 * Separable algorithm of Felzenszwalb and Huttenlocher: squared distances along the last
 * axis by two scans, then the lower envelope of parabolas along every other axis; linear in
 * the number of pixels. With unit sampling every squared distance is an exact integer, so
 * the result equals scipy's to the last bit.
 *
 * @param mask - 2D `(rows, cols)` or 3D `(planes, rows, cols)` ndarray of any dtype and
 *   strides; nonzero = object
 * @param options - `sampling` (default 1), `onProgress`; `null` = defaults, an unknown
 *   option is an error
 * @returns float64 distances, same shape, contiguous. Where the image has no zero element at
 *   all the distance is `Infinity` (scipy returns meaningless finite values there).
 * @throws InvalidArgumentError for a non-2D/3D or non-numeric input, an unknown option, a
 *   non-positive / wrongly sized sampling, or one so small or large that squared distances
 *   underflow or overflow float64
 *
 * @remarks
 * References: P. F. Felzenszwalb, D. P. Huttenlocher, "Distance transforms of sampled
 * functions", Theory of Computing 8 (2012) 415-428, doi:10.4086/toc.2012.v008a019.
 */
export function distanceTransformEdt(
  mask: NdArray,
  options: DistanceTransformOptions | null = {},
): NdArray<Float64Array> {
  const fn = 'distanceTransformEdt';
  assertImage(fn, 'mask', mask);
  assertNumericData(fn, 'mask', mask);
  const opts = checkOptions(fn, options, EDT_KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  const shape = mask.shape.slice();
  const sampling = resolveSampling(fn, opts.sampling ?? 1, shape);
  const src = flatData(mask as NdArray<Float64Array>);
  const out = new Float64Array(src.length);
  squaredDistancesInto(src, shape, sampling, out, opts.onProgress);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]!);
  return ndarray(out, shape);
}

/** Largest squared distance a float32 holds exactly (every integer up to 2^24 is one). */
const FLOAT32_EXACT = 2 ** 24;

/**
 * Squared Euclidean distances of a unit-spaced mask in float32, when that is exact: with unit
 * sampling every squared distance is an integer of at most the sum of the squared axis
 * lengths, and float32 holds every integer up to 2^24 (and Infinity) exactly. These are the
 * squares of {@link distanceTransformEdt}'s distances, so they order the elements exactly as
 * the distances do (same ties, same zeros): what a peak search and a flood by value ranks
 * read, in half the memory of float64.
 *
 * @param binary - flat row-major mask of `shape`, nonzero = object
 * @returns the squared distances, or undefined when the image is too large for float32 to
 *   hold them exactly (sum of squared axis lengths above 2^24: beyond 2,365^3 voxels)
 * @internal
 */
export function exactSquaredDistances(
  binary: ArrayLike<number>,
  shape: readonly number[],
): Float32Array | undefined {
  if (shape.reduce((s, n) => s + n * n, 0) > FLOAT32_EXACT) return undefined;
  const out = new Float32Array(binary.length);
  squaredDistancesInto(
    binary,
    shape,
    shape.map(() => 1),
    out,
    undefined,
  );
  return out;
}

/**
 * Squared distances of every element of `src` to the nearest zero, into `out` (same length):
 * the two scans along the last axis, then the lower envelope of parabolas along every other
 * axis (Felzenszwalb-Huttenlocher). Intermediate values live in `out` between passes.
 */
function squaredDistancesInto(
  src: ArrayLike<number>,
  shape: readonly number[],
  sampling: readonly number[],
  out: Float32Array | Float64Array,
  onProgress: ProgressCallback | undefined,
): void {
  const ndim = shape.length;
  const size = src.length;

  // pass 1: along the last axis, squared distance to the nearest zero in the row
  const cols = shape[ndim - 1]!;
  const w = sampling[ndim - 1]! * sampling[ndim - 1]!;
  for (let start = 0; start < size; start += cols) {
    let last = -1;
    for (let i = 0; i < cols; i++) {
      if (src[start + i] === 0) {
        last = i;
        out[start + i] = 0;
      } else out[start + i] = last < 0 ? Number.POSITIVE_INFINITY : (i - last) * (i - last) * w;
    }
    last = -1;
    for (let i = cols - 1; i >= 0; i--) {
      if (src[start + i] === 0) last = i;
      else if (last >= 0) {
        const d = (last - i) * (last - i) * w;
        if (d < out[start + i]!) out[start + i] = d;
      }
    }
  }
  onProgress?.(1, ndim);

  // passes 2..ndim: lower envelope of parabolas along every other axis; lines are gathered
  // BLOCK at a time so that strided reads and writes use whole cache lines
  const BLOCK = 16;
  const maxLen = Math.max(...shape);
  const lines = new Float64Array(BLOCK * maxLen);
  const g = new Float64Array(maxLen);
  const v = new Int32Array(maxLen);
  const z = new Float64Array(maxLen + 1);
  let step = cols;
  for (let axis = ndim - 2; axis >= 0; axis--) {
    const len = shape[axis]!;
    const inner = step;
    const outer = size / (len * inner);
    const weight = sampling[axis]! * sampling[axis]!;
    for (let o = 0; o < outer; o++) {
      const base0 = o * len * inner;
      for (let b0 = 0; b0 < inner; b0 += BLOCK) {
        const nb = Math.min(BLOCK, inner - b0);
        for (let i = 0; i < len; i++) {
          const row = base0 + i * inner + b0;
          for (let t = 0; t < nb; t++) lines[t * len + i] = out[row + t]!;
        }
        // line t is lines[at .. at + len) (offsets, not subarray views: a view per line
        // costs more than the envelope of a short line)
        for (let t = 0, at = 0; t < nb; t++, at += len) {
          if (envelope1d(lines, at, len, weight, v, z) < 0) continue;
          let k = 0;
          for (let q = 0; q < len; q++) {
            while (z[k + 1]! < q) k++;
            const p = v[k]!;
            g[q] = lines[at + p]! + weight * (q - p) * (q - p);
          }
          for (let q = 0; q < len; q++) lines[at + q] = g[q]!;
        }
        for (let i = 0; i < len; i++) {
          const row = base0 + i * inner + b0;
          for (let t = 0; t < nb; t++) out[row + t] = lines[t * len + i]!;
        }
      }
    }
    step *= len;
    onProgress?.(ndim - axis, ndim);
  }
}

/**
 * Build the lower envelope of the parabolas `f[p] + w (q - p)^2` over the finite `f[p]`,
 * `f[p] = lines[at + p]` for `p` in `0..n - 1`: `v[0..k]` their apexes, `z` the breakpoints.
 * Infinite entries are skipped.
 *
 * @returns k, the index of the last parabola, or -1 when every entry is infinite
 */
function envelope1d(
  lines: Float64Array,
  at: number,
  n: number,
  w: number,
  v: Int32Array,
  z: Float64Array,
): number {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = lines[at + q]!;
    if (fq === Number.POSITIVE_INFINITY) continue;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = Number.NEGATIVE_INFINITY;
      z[1] = Number.POSITIVE_INFINITY;
      continue;
    }
    const cq = fq + w * q * q;
    let p = v[k]!;
    let s = (cq - (lines[at + p]! + w * p * p)) / (2 * w * (q - p));
    while (s <= z[k]!) {
      k--;
      p = v[k]!;
      s = (cq - (lines[at + p]! + w * p * p)) / (2 * w * (q - p));
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Number.POSITIVE_INFINITY;
  }
  return k;
}

function resolveSampling(
  fn: string,
  sampling: number | readonly number[],
  shape: readonly number[],
): number[] {
  const ndim = shape.length;
  const list = typeof sampling === 'number' ? new Array<number>(ndim).fill(sampling) : sampling;
  if (!Array.isArray(list) || list.length !== ndim) {
    throw new InvalidArgumentError(
      fn,
      'options.sampling',
      sampling,
      `a positive number or ${ndim} positive numbers`,
    );
  }
  let span = 0;
  list.forEach((s, d) => {
    assertNumber(fn, `options.sampling[${d}]`, s, { greaterThan: 0 });
    // squared spacings must stay normal float64 numbers, else distances underflow to 0
    if (s * s < MIN_NORMAL) {
      throw new InvalidArgumentError(
        fn,
        `options.sampling[${d}]`,
        s,
        `at least ${Math.sqrt(MIN_NORMAL)} (its square must be a normal float64)`,
      );
    }
    span += (s * shape[d]!) ** 2;
  });
  // the largest squared distance must be finite, else distances overflow to Infinity
  if (!Number.isFinite(span)) {
    throw new InvalidArgumentError(
      fn,
      'options.sampling',
      sampling,
      `small enough that squared distances across the ${shape.join(' x ')} image stay finite (below ${Number.MAX_VALUE})`,
    );
  }
  return [...list];
}

/** Smallest positive normal float64. */
const MIN_NORMAL = 2.2250738585072014e-308;
