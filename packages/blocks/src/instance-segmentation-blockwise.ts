import {
  assertAllocation,
  assertCallback,
  assertDtype,
  assertNdim,
  assertNumber,
  assertSignal,
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseMap,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import type { InstanceSegmentationResult } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { as3d } from './as-3d.js';
import { checkBlockShape, planOf } from './block-plan.js';
import { copyBox } from './copy-box.js';
import type { SegmentPartial } from './segment-block.js';
import { SEGMENT_BLOCK_KEYS, type SegmentBlockOptions, segmentBlock } from './segment-block.js';
import { DEFAULT_PARTICLE_RADIUS, segmentHalo } from './segment-halo.js';
import { stitchSegments } from './stitch-segments.js';

/** Options of {@link instanceSegmentationBlockwise}. */
export interface InstanceSegmentationBlockwiseOptions extends SegmentBlockOptions {
  /** Block size per axis (required); blocks larger than the volume are clipped to it. */
  blockShape: readonly number[];
  /**
   * Voxels each block reads beyond its faces (one number or one per axis). Default
   * {@link segmentHalo}`(minDistance, particleRadius)` = `ceil(2 particleRadius + minDistance)`.
   */
  halo?: number | readonly number[];
  /** Largest particle radius that matters, voxels, for the default halo. Default 12. */
  particleRadius?: number;
  /** Objects with fewer voxels (whole, after stitching) get label 0. Default 1 (keep all). */
  minSize?: number;
  /** Called with `(done, total)` after each block segmented, then each block relabelled. */
  onProgress?: ProgressCallback;
  /** Checked between blocks (`AbortError`). */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<InstanceSegmentationBlockwiseOptions> = {
  ...SEGMENT_BLOCK_KEYS,
  blockShape: true,
  halo: true,
  particleRadius: true,
  minSize: true,
  onProgress: true,
  signal: true,
};

/** Most voxels of the int32 result (2^31 - 1). */
const LABELS_LIMIT = 2 ** 31 - 1;

/**
 * `@mgraph/watershed`'s `instanceSegmentation` computed block by block, the single-process
 * reference of the block-wise particle splitting that executors run one block per task:
 * each block's outer box (block + halo) is segmented alone ({@link segmentBlock}), its own
 * voxels keep provisional ids, and {@link stitchSegments} joins the ids across faces
 * (connected-component phases by face contact, exact; watershed-split phases by an IoU
 * above 0.5 of the two blocks' labels on a slab around the face) and numbers the objects as
 * `instanceSegmentation` does. With one block covering the volume the result equals
 * `instanceSegmentation` exactly; with several, split particles agree where both blocks see
 * the particle whole (the halo; see the package README for the measured agreement).
 * Connectivity 1 (faces), `instanceSegmentation`'s default.
 *
 * @param phases - uint8 phase map, 2D or 3D, any strides
 * @param options - {@link InstanceSegmentationBlockwiseOptions}: `blockShape` (required),
 *   `scheme` (required), `halo` ({@link segmentHalo}), `particleRadius` (12), `overlap` (2),
 *   `minSize` (1), and `split`, `minDistance` (5), `convexityThreshold`, `maxIterations`,
 *   `spacing`, `minDistanceIn` as `instanceSegmentation`; `onProgress`, `signal`
 * @returns `{ labels, phaseOfLabel, count, scheme, countByPhase }` as `instanceSegmentation`
 * @throws InvalidArgumentError for what `instanceSegmentation` refuses, a bad block shape,
 *   halo or option, or a volume of more than 2^31 - 1 voxels (before allocating)
 * @throws AbortError when `options.signal` aborts
 *
 * @remarks
 * References: Gostick et al., PoreSpy `snow_partitioning_parallel`; Pape et al., elf
 * block-wise watershed (see {@link stitchSegments}).
 */
export function instanceSegmentationBlockwise(
  phases: PhaseMap,
  options: InstanceSegmentationBlockwiseOptions,
): InstanceSegmentationResult {
  const fn = 'instanceSegmentationBlockwise';
  const o = checkOptions(fn, options, KEYS);
  if (o === null || typeof o !== 'object' || o.scheme === undefined) {
    throw new InvalidArgumentError(fn, 'options.scheme', o?.scheme, 'a PhaseScheme (required)');
  }
  const {
    blockShape,
    halo,
    particleRadius = DEFAULT_PARTICLE_RADIUS,
    minSize = 1,
    onProgress,
    signal,
    ...segment
  } = o;
  assertNdim(fn, 'phases', phases, [2, 3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const scheme = checkScheme(fn, 'options.scheme', segment.scheme);
  const shape = phases.shape.slice();
  const blocks = checkBlockShape(fn, 'options.blockShape', blockShape, shape.length);
  assertNumber(fn, 'options.particleRadius', particleRadius, { min: 0 });
  assertNumber(fn, 'options.minSize', minSize, { integer: true, min: 0 });
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const plan = planOf(fn, shape, blocks, checkHalo(fn, halo, segment, particleRadius, shape));
  const size = shape.reduce((a, b) => a * b, 1);
  assertAllocation(fn, 'phases', phases, size, {
    limit: LABELS_LIMIT,
    bytesPerElement: 4,
    what: 'labels',
    subject: 'a volume (larger ones: segmentBlock and stitchSegments block by block)',
  });
  const out = new Int32Array(size);
  const total = 2 * plan.blocks.length;
  const partials: SegmentPartial[] = [];
  let done = 0;
  for (const block of plan.blocks) {
    throwIfAborted(fn, signal);
    const outer = block.outerStop.map((s, d) => s - block.outerStart[d]!);
    const box = copyBox(phases, block.outerStart, outer) as PhaseMap;
    const { labels, partial } = segmentBlock(box, block, plan, segment);
    const local = labels.data;
    forEachRow(shape, block, (at, k, n) => out.set(local.subarray(k, k + n), at));
    partials.push(partial);
    onProgress?.(++done, total);
  }
  const { count, relabel, phaseOfLabel } = stitchSegments(plan, partials, { minSize });
  for (const block of plan.blocks) {
    throwIfAborted(fn, signal);
    const map = relabel[block.id]!;
    forEachRow(shape, block, (at, _k, n) => {
      for (let i = at; i < at + n; i++) out[i] = map[out[i]!]!;
    });
    onProgress?.(++done, total);
  }
  const countByPhase: Record<string, number> = {};
  for (const name of scheme.objects) countByPhase[name] = 0;
  for (let l = 1; l <= count; l++) countByPhase[scheme.phases[phaseOfLabel[l]!]!]!++;
  return { labels: ndarray(out, shape), phaseOfLabel, count, scheme, countByPhase };
}

/** The halo per axis: given, or {@link segmentHalo} of `minDistance` in voxels. */
function checkHalo(
  fn: string,
  halo: unknown,
  segment: SegmentBlockOptions,
  particleRadius: number,
  shape: readonly number[],
): number[] {
  if (halo === undefined) {
    const minDistance = segment.minDistance ?? 5;
    assertNumber(fn, 'options.minDistance', minDistance, { min: 0 });
    const spacing = segment.spacing ?? 1;
    const smallest = typeof spacing === 'number' ? spacing : Math.min(...spacing);
    const voxels = segment.minDistanceIn === 'units' ? minDistance / smallest : minDistance;
    return shape.map(() => segmentHalo(Number.isFinite(voxels) ? voxels : 0, particleRadius));
  }
  const list = typeof halo === 'number' ? shape.map(() => halo) : halo;
  if (
    !Array.isArray(list) ||
    list.length !== shape.length ||
    !list.every((h) => Number.isSafeInteger(h) && h >= 0)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.halo',
      halo,
      `a non-negative integer or ${shape.length} of them (one per axis)`,
    );
  }
  return list.slice();
}

/**
 * For each row of `block` in the row-major volume of `shape`, in raster order:
 * `fn(offset in the volume, offset in the block, row length)`.
 */
function forEachRow(
  shape: readonly number[],
  block: { start: number[]; stop: number[] },
  fn: (at: number, k: number, n: number) => void,
): void {
  const [, NY, NX] = as3d(shape);
  const [z0, y0, x0] = as3d(block.start, 0);
  const [nz, ny, nx] = as3d(block.stop.map((s, d) => s - block.start[d]!));
  for (let z = 0, k = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++, k += nx) fn(((z0 + z) * NY + (y0 + y)) * NX + x0, k, nx);
  }
}
