import { assertBoolean, assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { MAX_TILE_SIZE } from './limits.js';

/** The tiles covering one axis of a padded image, with their blending weights. */
export interface AxisPlan {
  /** Length of the axis after padding (a multiple of the stride). */
  readonly padded: number;
  /** Tile length along this axis (the same for every tile). */
  readonly tile: number;
  /** Start of each tile, ascending; every start is a multiple of the stride. */
  readonly starts: readonly number[];
  /** Blending weight of each position inside each tile: `weights[t][i]`, in [0, 1]. */
  readonly weights: readonly Float32Array[];
}

/** Options of {@link planAxis}. */
export interface PlanAxisOptions {
  /** True when the model only accepts inputs of exactly `tileSize`. Default false. */
  fixed?: boolean;
}

/**
 * Plan the tiles along one axis of length `length` for a network whose input sizes must be
 * multiples of `stride`, and their blending weights.
 *
 * The axis is padded to the next multiple of `stride` (and, for a model with a fixed input
 * size, to at least `tileSize`). An axis no longer than `tileSize` is one tile. A longer
 * one is covered by tiles of length `tileSize` whose starts are multiples of `stride`
 * (so every tile sees the same pooling grid as the whole image) and which overlap by at
 * least `overlap`; the last tile ends at the padded length.
 *
 * Weights: a tile side that touches a neighbouring tile ramps linearly from 0 to 1 across
 * the middle quarter of the overlap: 0 over the first 3/8 of it, where the zero padding at
 * the tile's edge corrupts the network's output, 1 beyond 5/8; a side on the image border
 * keeps weight 1. Two tiles overlapping by exactly `overlap` thus have weights
 * summing to 1; where more overlap, the caller divides by the sum of weights, which is
 * never 0.
 *
 * @param fn - calling function, for error messages
 * @param length - axis length of the image (>= 1)
 * @param tileSize - tile length (a positive multiple of `stride`)
 * @param overlap - minimum overlap of neighbouring tiles, 0 <= overlap <= tileSize - stride
 * @param stride - the network's input multiple (2^levels)
 * @param options - `fixed` (false): true when the model only accepts inputs of exactly
 *   `tileSize`
 * @returns the {@link AxisPlan}
 * @throws InvalidArgumentError for sizes that break these rules
 */
export function planAxis(
  fn: string,
  length: number,
  tileSize: number,
  overlap: number,
  stride: number,
  options: PlanAxisOptions = {},
): AxisPlan {
  const { fixed = false } = checkOptions('planAxis', options, { fixed: true });
  assertBoolean('planAxis', 'options.fixed', fixed);
  if (typeof fn !== 'string') {
    throw new InvalidArgumentError('planAxis', 'fn', fn, 'a function name for the errors');
  }
  assertNumber(fn, 'length', length, { integer: true, min: 1 });
  assertTiling(fn, tileSize, overlap, stride);
  // one start (and one weight vector) per tile: bounded before the loop
  const tiles = Math.ceil(Math.max(0, length - tileSize) / Math.max(1, tileSize - overlap)) + 1;
  if (tiles > 2 ** 24) {
    throw new InvalidArgumentError(
      fn,
      'length',
      length,
      `a length of at most 2^24 tiles of ${tileSize} px (this one needs about ${tiles})`,
    );
  }
  const rounded = Math.ceil(length / stride) * stride;
  const padded = fixed ? Math.max(rounded, tileSize) : rounded;
  if (padded <= tileSize) {
    return { padded, tile: padded, starts: [0], weights: [new Float32Array(padded).fill(1)] };
  }
  const step = Math.floor((tileSize - overlap) / stride) * stride;
  const starts: number[] = [];
  for (let s = 0; s + tileSize < padded; s += step) starts.push(s);
  starts.push(padded - tileSize);
  const weights = starts.map((s) => tileWeights(tileSize, overlap, s > 0, s + tileSize < padded));
  return { padded, tile: tileSize, starts, weights };
}

/**
 * Check the tiling options: `stride` a positive integer, `tileSize` a positive multiple of
 * it, `overlap` an integer in 0..tileSize - stride.
 *
 * @throws InvalidArgumentError naming the option (`options.tileSize`, ...) and its value
 */
export function assertTiling(fn: string, tileSize: number, overlap: number, stride: number): void {
  assertNumber(fn, 'options.stride', stride, { integer: true, min: 1 });
  assertNumber(fn, 'options.tileSize', tileSize, { integer: true, min: 1, max: MAX_TILE_SIZE });
  if (tileSize % stride !== 0) {
    throw new InvalidArgumentError(
      fn,
      'options.tileSize',
      tileSize,
      `a multiple of the network's stride ${stride}`,
    );
  }
  assertNumber(fn, 'options.overlap', overlap, { integer: true, min: 0, max: tileSize - stride });
}

function tileWeights(size: number, overlap: number, rampStart: boolean, rampEnd: boolean) {
  const w = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    let v = 1;
    if (overlap > 0) {
      if (rampStart) v = Math.min(v, ramp(i + 0.5, overlap));
      if (rampEnd) v = Math.min(v, ramp(size - i - 0.5, overlap));
    }
    w[i] = v;
  }
  return w;
}

/** 0 for d <= 3 overlap / 8, 1 for d >= 5 overlap / 8, linear between. */
function ramp(d: number, overlap: number): number {
  return Math.min(1, Math.max(0, (d - (3 * overlap) / 8) / (overlap / 4)));
}
