import {
  assertNdarray,
  assertNumber,
  checkOptions,
  flatData,
  type NdArray,
  type OptionKeys,
  rowMajorStrides,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { footprintOffsets } from './footprint.js';
import { floatElements } from './input.js';

/** Options of {@link binaryErosion}, {@link binaryDilation} and {@link binaryOpening}. */
export interface BinaryMorphologyOptions {
  /**
   * Structuring element, an ndarray of the input's dimension (nonzero = in) centred at
   * `shape // 2`. Default: `generateBinaryStructure(ndim, 1)` (faces).
   */
  structure?: NdArray;
  /** Times the operation is repeated (integer >= 1). Default 1. */
  iterations?: number;
  /** Value of the elements past the edges (0 or 1). Default 0. */
  borderValue?: 0 | 1;
}

/**
 * Binary erosion, as `scipy.ndimage.binary_erosion(input, structure, iterations,
 * border_value=borderValue)` (no mask, origin 0): an element is 1 when every element the
 * structure places around it (`x + s - shape // 2`) is nonzero, elements past the edges
 * being `borderValue`.
 *
 * @param input - ndarray of any dimension, dtype and strides; nonzero = true
 * @param options - {@link BinaryMorphologyOptions}; `null` = defaults, an unknown option is
 *   an error
 * @returns a new uint8 ndarray of 0 and 1
 * @throws InvalidArgumentError for a non-numeric input, a structure of another dimension or
 *   without a nonzero element, `iterations` below 1, a border value other than 0 or 1, an
 *   unknown option. Iterations stop once the result cycles (same result as all of them), so
 *   a huge `iterations` costs no more than the result takes to settle
 *
 * @remarks
 * References: `scipy.ndimage.binary_erosion`; P. Soille, "Morphological Image Analysis",
 * 2nd ed., Springer (2004), doi:10.1007/978-3-662-05088-0, ch. 3.
 */
export function binaryErosion(
  input: NdArray,
  options: BinaryMorphologyOptions | null = {},
): NdArray<Uint8Array> {
  return morphology('binaryErosion', input, options, [true]);
}

/**
 * Shared body of the binary morphology: `steps` lists the passes (true = erode, false =
 * dilate), each repeated `iterations` times.
 *
 * @internal
 */
export function morphology(
  fn: string,
  input: NdArray,
  options: BinaryMorphologyOptions | null,
  steps: readonly boolean[],
): NdArray<Uint8Array> {
  const { data, shape } = binaryElements(fn, input);
  const { structure, iterations = 1, borderValue = 0 } = checkOptions(fn, options, KEYS);
  // the default cross is built as offsets, not as a 3^ndim array
  const offsets =
    structure === undefined
      ? crossOffsets(shape.length)
      : footprintOffsets(fn, 'options.structure', structure, shape.length).offsets;
  assertNumber(fn, 'options.iterations', iterations, { integer: true, min: 1 });
  assertNumber(fn, 'options.borderValue', borderValue, { integer: true, min: 0, max: 1 });
  let out = data;
  for (const erode of steps) out = repeat(out, shape, offsets, erode, borderValue, iterations);
  return ndarray(out === data ? Uint8Array.from(data) : out, shape);
}

/**
 * `iterations` sweeps, stopped as soon as the states repeat: the sweep is a fixed map of a
 * finite state, so the sequence becomes periodic, and Brent's cycle detection (one saved
 * state) finds a period within a few times the transient plus the period; the remaining
 * iterations are then reduced modulo the period. The result is that of all `iterations`
 * sweeps, and a huge `iterations` costs no more than the sequence takes to cycle (a fixed
 * point within as many sweeps as there are elements for a structure holding its centre).
 */
function repeat(
  src: Uint8Array,
  shape: readonly number[],
  offsets: readonly number[][],
  erode: boolean,
  border: number,
  iterations: number,
): Uint8Array {
  let state = src;
  let saved = src;
  let power = 1;
  let lambda = 0;
  for (let k = 1; k <= iterations; k++) {
    state = sweep(state, shape, offsets, erode, border);
    lambda++;
    if (sameBytes(state, saved)) {
      // state k equals state k - lambda: periodic with period lambda from there on
      const rest = (iterations - k) % lambda;
      for (let j = 0; j < rest; j++) state = sweep(state, shape, offsets, erode, border);
      return state;
    }
    if (lambda === power) {
      saved = state;
      power *= 2;
      lambda = 0;
    }
  }
  return state;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Offsets of `generateBinaryStructure(ndim, 1)` (the centre and its 2 ndim face neighbours). */
function crossOffsets(ndim: number): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < ndim; d++) {
    const o = new Array<number>(ndim).fill(0);
    o[d] = -1;
    out.push(o);
  }
  out.push(new Array<number>(ndim).fill(0));
  for (let d = ndim - 1; d >= 0; d--) {
    const o = new Array<number>(ndim).fill(0);
    o[d] = 1;
    out.push(o);
  }
  return out;
}

const KEYS: OptionKeys<BinaryMorphologyOptions> = {
  structure: true,
  iterations: true,
  borderValue: true,
};

/** The input as a row-major Uint8Array of 0 and 1, and its shape. */
function binaryElements(fn: string, input: NdArray): { data: Uint8Array; shape: number[] } {
  if (
    input !== null &&
    typeof input === 'object' &&
    input.data instanceof Uint8Array &&
    Array.isArray(input.shape) &&
    input.shape.length > 0
  ) {
    assertNdarray(fn, 'input', input);
    const flat = flatData(input as NdArray<Uint8Array>);
    const data = new Uint8Array(flat.length);
    for (let i = 0; i < flat.length; i++) data[i] = flat[i] !== 0 ? 1 : 0;
    return { data, shape: input.shape.slice() };
  }
  const { data: values, shape } = floatElements(fn, 'input', input);
  return { data: Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0)), shape };
}

/**
 * One erosion (AND of `src[x + o]` over the offsets) or dilation (OR of `src[x - o]`: the
 * structure reflected, as scipy reflects it), `border` past the edges.
 */
function sweep(
  src: Uint8Array,
  shape: readonly number[],
  offsets: readonly number[][],
  erode: boolean,
  border: number,
): Uint8Array {
  const ndim = shape.length;
  const strides = rowMajorStrides(shape);
  const sign = erode ? 1 : -1;
  const offs = offsets.map((o) => o.map((x) => sign * x));
  const flatOffs = offs.map((o) => o.reduce((s, x, d) => s + x * strides[d]!, 0));
  const out = new Uint8Array(src.length);
  const coord = new Array<number>(ndim).fill(0);
  // erosion: 1 until an offset reads 0; dilation: 0 until an offset reads 1
  const stop = erode ? 0 : 1;
  for (let i = 0; i < src.length; i++) {
    let v = 1 - stop;
    for (let k = 0; k < offs.length && v !== stop; k++) {
      const o = offs[k]!;
      let inside = true;
      for (let d = 0; d < ndim; d++) {
        const c = coord[d]! + o[d]!;
        if (c < 0 || c >= shape[d]!) {
          inside = false;
          break;
        }
      }
      const x = inside ? src[i + flatOffs[k]!]! : border;
      if (x === stop) v = stop;
    }
    out[i] = v;
    for (let d = ndim - 1; d >= 0; d--) {
      if (++coord[d]! < shape[d]!) break;
      coord[d] = 0;
    }
  }
  return out;
}
