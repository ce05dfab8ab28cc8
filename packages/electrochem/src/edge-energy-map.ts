import {
  assertNdarray,
  assertNdim,
  assertNumber,
  checkOptions,
  flatData,
  type Image,
  InvalidArgumentError,
  type OptionKeys,
  type ProgressCallback,
  ShapeMismatchError,
  type TypedArray,
} from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/** Options of {@link edgeEnergyMap}. */
export interface EdgeEnergyMapOptions {
  /**
   * Edge criterion on the normalised spectrum. `'halfHeight'` (default): the energy where
   * it first rises through 0.5 (half the edge jump), linearly interpolated between the two
   * bracketing energies; TXM-Wizard's usual edge energy, and the robust one on noisy
   * pixels. `'maxDerivative'`: the maximum of the derivative (second-order finite
   * differences on the energy grid), refined by the vertex of the parabola through the
   * derivative's three top samples.
   */
  method?: 'halfHeight' | 'maxDerivative';
  /** Energy window `[low, high]` (eV, inclusive) of the pre-edge line fit; >= 2 energies. Default `[8200, 8320]`. */
  preEdge?: readonly [number, number];
  /** Energy window of the post-edge line fit; >= 2 energies. Default `[8380, 8700]`, past the Ni white line. */
  postEdge?: readonly [number, number];
  /** Pixels to evaluate (nonzero), shape of one image; others get NaN and are not counted as failed. Default: all. */
  mask?: Image;
  /** Minimum edge jump (post-edge minus pre-edge line at the middle of the edge region) for a pixel to be evaluated. Default 0. */
  minEdgeJump?: number;
  /** Called with `(rowsDone, totalRows)`. */
  onProgress?: ProgressCallback;
}

/** Result of {@link edgeEnergyMap}. */
export interface EdgeEnergyMap {
  /** Edge energy per pixel in eV (float32), NaN where not evaluated or not found. */
  edge: NdArray<Float32Array>;
  /** Edge jump per pixel (post-edge minus pre-edge line at the middle of the edge region). */
  edgeJump: NdArray<Float32Array>;
  /** Pixels evaluated (inside the mask). */
  evaluated: number;
  /** Evaluated pixels where no edge was found (jump <= minEdgeJump, no crossing, non-finite data): NaN in `edge`. */
  failed: number;
}

const EDGE_KEYS: OptionKeys<EdgeEnergyMapOptions> = {
  method: true,
  preEdge: true,
  postEdge: true,
  mask: true,
  minEdgeJump: true,
  onProgress: true,
};

/**
 * Per-pixel absorption-edge energy (the Ni K-edge for NMC) from a full-field XANES stack,
 * as TXM-Wizard users compute it: each pixel's spectrum is normalised by straight lines
 * fitted (least squares) to its pre-edge and post-edge windows,
 * `n(E) = (mu(E) - pre(E)) / (post(E) - pre(E))`, then the edge is located between the two
 * windows by the chosen criterion.
 *
 * @param stack - absorbance, shape `(E, rows, cols)` or `(E, planes, rows, cols)`, any numeric dtype and strides
 * @param energies - the E energies in eV, strictly increasing
 * @param options - {@link EdgeEnergyMapOptions}; defaults: halfHeight, pre-edge [8200, 8320],
 *   post-edge [8380, 8700], no mask, minEdgeJump 0
 * @returns {@link EdgeEnergyMap}, maps of shape `stack.shape.slice(1)`
 * @throws ShapeMismatchError when `stack.shape[0] !== energies.length`, or the mask's shape differs
 * @throws InvalidArgumentError for a stack not 3D/4D, non-finite or non-increasing energies,
 *   an unknown method, windows with fewer than 2 energies, overlapping windows, or fewer
 *   than 3 energies between them
 *
 * @remarks
 * References: Y. Liu et al., "TXM-Wizard: a program for advanced data collection and
 * evaluation in full-field transmission X-ray microscopy", J. Synchrotron Rad. 19 (2012)
 * 281-287, doi:10.1107/S0909049511049144; B. Ravel, M. Newville, "ATHENA, ARTEMIS, HEPHAESTUS",
 * J. Synchrotron Rad. 12 (2005) 537-541, doi:10.1107/S0909049505012719 (pre/post-edge normalisation).
 */
export function edgeEnergyMap(
  stack: Image,
  energies: ArrayLike<number>,
  options: EdgeEnergyMapOptions = {},
): EdgeEnergyMap {
  const fn = 'edgeEnergyMap';
  options = checkOptions(fn, options, EDGE_KEYS);
  const {
    method = 'halfHeight',
    preEdge = [8200, 8320],
    postEdge = [8380, 8700],
    mask,
    minEdgeJump = 0,
    onProgress,
  } = options;
  assertNdim(fn, 'stack', stack, [3, 4]);
  if (typeof energies !== 'object' || energies === null || typeof energies.length !== 'number') {
    throw new InvalidArgumentError(fn, 'energies', energies, 'an array of energies');
  }
  const nE = energies.length;
  const imageShape = stack.shape.slice(1);
  if (stack.shape[0] !== nE) {
    throw new ShapeMismatchError(
      fn,
      'stack (first axis = energies.length)',
      [nE, ...imageShape],
      stack.shape,
    );
  }
  const E = Float64Array.from(energies);
  for (let i = 0; i < nE; i++) {
    assertNumber(fn, `energies[${i}]`, E[i]);
    if (i > 0 && !(E[i]! > E[i - 1]!)) {
      throw new InvalidArgumentError(
        fn,
        `energies[${i}]`,
        E[i],
        `greater than energies[${i - 1}] = ${E[i - 1]} (strictly increasing)`,
      );
    }
  }
  if (method !== 'halfHeight' && method !== 'maxDerivative') {
    throw new InvalidArgumentError(fn, 'options.method', method, "'halfHeight' or 'maxDerivative'");
  }
  assertNumber(fn, 'options.minEdgeJump', minEdgeJump);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError(fn, 'options.onProgress', onProgress, 'a function');
  }
  const pre = windowIndices(fn, 'options.preEdge', preEdge, E);
  const post = windowIndices(fn, 'options.postEdge', postEdge, E);
  if (!(preEdge[1] < postEdge[0])) {
    throw new InvalidArgumentError(
      fn,
      'options.postEdge',
      postEdge,
      `a window above preEdge = [${preEdge.join(', ')}]`,
    );
  }
  // the edge lies between the last pre-edge energy and the first post-edge energy
  const first = pre[pre.length - 1]!;
  const last = post[0]!;
  if (last - first < 2) {
    throw new InvalidArgumentError(
      fn,
      'energies',
      energies,
      'at least one energy between the pre-edge and post-edge windows',
    );
  }
  let maskData: ArrayLike<number> | undefined;
  if (mask !== undefined) {
    assertNdarray(fn, 'options.mask', mask);
    if (
      mask.shape.length !== imageShape.length ||
      mask.shape.some((n: number, i: number) => n !== imageShape[i])
    ) {
      throw new ShapeMismatchError(fn, 'options.mask (vs stack[0])', imageShape, mask.shape);
    }
    maskData = flatData(mask);
  }

  const data = flatData(stack as NdArray<TypedArray>);
  const size = imageShape.reduce((a, b) => a * b, 1);
  const edge = new Float32Array(size).fill(Number.NaN);
  const jump = new Float32Array(size).fill(Number.NaN);
  const preFit = lineFit(E, pre);
  const postFit = lineFit(E, post);
  const mid = 0.5 * (E[first]! + E[last]!);
  const spectrum = new Float64Array(nE);
  const norm = new Float64Array(nE);
  const deriv = new Float64Array(nE);
  const rowLength = imageShape[imageShape.length - 1]!;
  let evaluated = 0;
  let failed = 0;
  for (let p = 0; p < size; p++) {
    if (maskData && !maskData[p]) continue;
    evaluated++;
    let finite = true;
    for (let e = 0; e < nE; e++) {
      const v = data[e * size + p]!;
      spectrum[e] = v;
      if (!Number.isFinite(v)) finite = false;
    }
    if (!finite) {
      // a NaN or infinite sample: the pixel fails (edge and jump NaN), as documented
      failed++;
      if ((p + 1) % rowLength === 0) onProgress?.((p + 1) / rowLength, size / rowLength);
      continue;
    }
    const [a0, a1] = applyFit(preFit, spectrum);
    const [b0, b1] = applyFit(postFit, spectrum);
    const j = b0 + b1 * mid - (a0 + a1 * mid);
    jump[p] = j;
    let found = Number.NaN;
    if (j > minEdgeJump) {
      for (let e = first; e <= last; e++) {
        const lo = a0 + a1 * E[e]!;
        norm[e] = (spectrum[e]! - lo) / (b0 + b1 * E[e]! - lo);
      }
      found =
        method === 'halfHeight'
          ? halfHeight(E, norm, first, last)
          : maxDerivative(E, norm, deriv, first, last);
    }
    if (Number.isFinite(found)) edge[p] = found;
    else failed++;
    if ((p + 1) % rowLength === 0) onProgress?.((p + 1) / rowLength, size / rowLength);
  }
  return {
    edge: ndarray(edge, imageShape),
    edgeJump: ndarray(jump, imageShape),
    evaluated,
    failed,
  };
}

function windowIndices(
  fn: string,
  argument: string,
  window: readonly [number, number],
  E: Float64Array,
): number[] {
  if (!Array.isArray(window) || window.length !== 2) {
    throw new InvalidArgumentError(fn, argument, window, 'a [low, high] pair of energies');
  }
  assertNumber(fn, `${argument}[0]`, window[0]);
  assertNumber(fn, `${argument}[1]`, window[1], { greaterThan: window[0] });
  const out: number[] = [];
  for (let i = 0; i < E.length; i++) if (E[i]! >= window[0] && E[i]! <= window[1]) out.push(i);
  if (out.length < 2) {
    throw new InvalidArgumentError(
      fn,
      argument,
      window,
      `a window holding at least 2 energies (holds ${out.length})`,
    );
  }
  return out;
}

/** Least-squares line weights: intercept = sum(c0_i * y_i), slope = sum(c1_i * y_i). */
interface LineFit {
  indices: number[];
  c0: Float64Array;
  c1: Float64Array;
}

function lineFit(E: Float64Array, indices: number[]): LineFit {
  const n = indices.length;
  let mean = 0;
  for (const i of indices) mean += E[i]! / n;
  let sxx = 0;
  for (const i of indices) sxx += (E[i]! - mean) ** 2;
  const c0 = new Float64Array(n);
  const c1 = new Float64Array(n);
  indices.forEach((i, k) => {
    c1[k] = (E[i]! - mean) / sxx;
    c0[k] = 1 / n - mean * c1[k]!;
  });
  return { indices, c0, c1 };
}

function applyFit(fit: LineFit, y: Float64Array): [number, number] {
  let a = 0;
  let b = 0;
  fit.indices.forEach((i, k) => {
    a += fit.c0[k]! * y[i]!;
    b += fit.c1[k]! * y[i]!;
  });
  return [a, b];
}

/** First upward crossing of 0.5 in norm[first..last], linearly interpolated; NaN if none. */
function halfHeight(E: Float64Array, norm: Float64Array, first: number, last: number): number {
  for (let e = first + 1; e <= last; e++) {
    const y0 = norm[e - 1]!;
    const y1 = norm[e]!;
    if (y0 < 0.5 && y1 >= 0.5) return E[e - 1]! + ((0.5 - y0) / (y1 - y0)) * (E[e]! - E[e - 1]!);
  }
  return Number.NaN;
}

/** Energy of the derivative maximum in (first, last), parabola-refined; NaN if not finite. */
function maxDerivative(
  E: Float64Array,
  norm: Float64Array,
  deriv: Float64Array,
  first: number,
  last: number,
): number {
  let best = -1;
  for (let e = first + 1; e < last; e++) {
    // second-order central difference on a non-uniform grid (numpy.gradient)
    const h0 = E[e]! - E[e - 1]!;
    const h1 = E[e + 1]! - E[e]!;
    deriv[e] =
      (h0 * h0 * norm[e + 1]! - h1 * h1 * norm[e - 1]! + (h1 * h1 - h0 * h0) * norm[e]!) /
      (h0 * h1 * (h0 + h1));
    if (!Number.isFinite(deriv[e]!)) return Number.NaN;
    if (best < 0 || deriv[e]! > deriv[best]!) best = e;
  }
  if (best <= first + 1 || best >= last - 1) return E[best]!;
  const x0 = E[best - 1]!;
  const x1 = E[best]!;
  const x2 = E[best + 1]!;
  const f01 = (deriv[best]! - deriv[best - 1]!) / (x1 - x0);
  const f12 = (deriv[best + 1]! - deriv[best]!) / (x2 - x1);
  const curvature = (f12 - f01) / (x2 - x0);
  if (!(curvature < 0)) return x1;
  const vertex = 0.5 * (x0 + x1) - f01 / (2 * curvature);
  return Math.min(x2, Math.max(x0, vertex));
}
