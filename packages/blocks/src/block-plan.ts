import {
  assertAllocation,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';

/** Options of {@link blockPlan}. */
export interface BlockPlanOptions {
  /**
   * Voxels added on every side of each block, per axis or one number for all: what a step
   * reads beyond the block. Connected components need 0 (faces are stitched); adjacency
   * counts need the window radius `(window - 1) / 2`. Default 0.
   */
  halo?: number | readonly number[];
}

const PLAN_KEYS: OptionKeys<BlockPlanOptions> = { halo: true };

/** One block of a {@link BlockPlan}: its own voxels and the larger box a step reads. */
export interface Block {
  /** Position in the plan's `blocks` (row-major over the block grid). */
  id: number;
  /** Grid coordinates of the block, one per axis. */
  index: number[];
  /** First voxel of the block (inclusive), per axis. */
  start: number[];
  /** End of the block (exclusive), per axis. */
  stop: number[];
  /** `start - halo`, clipped to the volume. */
  outerStart: number[];
  /** `stop + halo`, clipped to the volume. */
  outerStop: number[];
}

/** A regular grid of blocks over a volume (see {@link blockPlan}). */
export interface BlockPlan {
  shape: number[];
  blockShape: number[];
  /** Blocks along each axis: `ceil(shape / blockShape)`. */
  grid: number[];
  halo: number[];
  /** Every block, row-major over `grid` (the last axis fastest). */
  blocks: Block[];
}

/** Most blocks of a plan (2^22). */
const BLOCK_LIMIT = 2 ** 22;

/**
 * Cut a volume into a regular grid of blocks of `blockShape` (the last block along an axis
 * is shorter when the shape is not a multiple; a block larger than the volume is the whole
 * axis), each with a halo of `halo` voxels on every side (clipped at the volume's edges).
 * Every voxel lies in exactly one block's `[start, stop)`.
 *
 * @param shape - shape of the volume, row-major (`[rows, cols]`, `[planes, rows, cols]`...)
 * @param blockShape - block size per axis, positive integers
 * @param options - {@link BlockPlanOptions}: `halo` (0)
 * @returns the {@link BlockPlan}
 * @throws InvalidArgumentError for a shape or block shape that is not positive integers
 *   of the same length, a negative or non-integer halo, or a plan of more than 2^22 blocks
 */
export function blockPlan(
  shape: readonly number[],
  blockShape: readonly number[],
  options: BlockPlanOptions | null = {},
): BlockPlan {
  const fn = 'blockPlan';
  const o = checkOptions(fn, options, PLAN_KEYS);
  const s = checkShape(fn, 'shape', shape);
  const b = checkBlockShape(fn, 'blockShape', blockShape, s.length);
  const halo = checkHalo(fn, o.halo ?? 0, s.length);
  return planOf(fn, s, b, halo);
}

/** {@link blockPlan} on checked arguments. @internal */
export function planOf(
  fn: string,
  shape: readonly number[],
  blockShape: readonly number[],
  halo: readonly number[],
): BlockPlan {
  const grid = shape.map((n, d) => Math.ceil(n / blockShape[d]!));
  const count = grid.reduce((a, g) => a * g, 1);
  assertAllocation(fn, 'blockShape', blockShape, count, {
    limit: BLOCK_LIMIT,
    what: 'blocks',
    subject: 'a block shape',
    bytesPerElement: 256,
  });
  const blocks: Block[] = [];
  const index = grid.map(() => 0);
  for (let id = 0; id < count; id++) {
    const start = index.map((i, d) => i * blockShape[d]!);
    const stop = start.map((a, d) => Math.min(a + blockShape[d]!, shape[d]!));
    blocks.push({
      id,
      index: index.slice(),
      start,
      stop,
      outerStart: start.map((a, d) => Math.max(0, a - halo[d]!)),
      outerStop: stop.map((a, d) => Math.min(shape[d]!, a + halo[d]!)),
    });
    for (let d = index.length - 1; d >= 0 && ++index[d]! === grid[d]; d--) index[d] = 0;
  }
  return {
    shape: shape.slice(),
    blockShape: blockShape.map((n, d) => Math.min(n, shape[d]!)),
    grid,
    halo: halo.slice(),
    blocks,
  };
}

/** Positive integers (one per axis). */
function checkShape(fn: string, argument: string, shape: unknown): number[] {
  if (
    !Array.isArray(shape) ||
    shape.length === 0 ||
    !shape.every((n) => Number.isSafeInteger(n) && n >= 1)
  ) {
    throw new InvalidArgumentError(fn, argument, shape, 'a non-empty list of positive integers');
  }
  return shape.slice();
}

/**
 * A block shape: `ndim` positive integers.
 *
 * @throws InvalidArgumentError naming `argument`
 */
export function checkBlockShape(
  fn: string,
  argument: string,
  blockShape: unknown,
  ndim: number,
): number[] {
  if (
    !Array.isArray(blockShape) ||
    blockShape.length !== ndim ||
    !blockShape.every((n) => Number.isSafeInteger(n) && n >= 1)
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      blockShape,
      `${ndim} positive integers (one block size per axis)`,
    );
  }
  return blockShape.slice();
}

/**
 * `partials` is an array of one entry per block of `plan` (what each merge and stitch takes,
 * in block-id order); the entries themselves are the caller's to check.
 *
 * @param what - the partial's type, for the message (e.g. `'LabelPartial'`)
 * @throws InvalidArgumentError naming `argument`
 * @internal
 */
export function checkOnePerBlock(
  fn: string,
  argument: string,
  plan: BlockPlan,
  partials: unknown,
  what: string,
): void {
  if (!Array.isArray(partials) || partials.length !== plan.blocks.length) {
    throw new InvalidArgumentError(
      fn,
      argument,
      partials,
      `one ${what} per block of the plan (${plan.blocks.length}), in block-id order`,
    );
  }
}

function checkHalo(fn: string, halo: unknown, ndim: number): number[] {
  const list = typeof halo === 'number' ? new Array<number>(ndim).fill(halo) : halo;
  if (
    !Array.isArray(list) ||
    list.length !== ndim ||
    !list.every((h) => Number.isSafeInteger(h) && h >= 0)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.halo',
      halo,
      `a non-negative integer or ${ndim} of them (one per axis)`,
    );
  }
  return list.slice();
}
