import {
  assertAllocation,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type LabelImage,
  type OptionKeys,
  type PhaseMap,
  ShapeMismatchError,
} from '@mgraph/core';
import { type InstanceSegmentationOptions, instanceSegmentation } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';

/**
 * Options of {@link segmentBlock}: `instanceSegmentation`'s (`@mgraph/watershed`) that act
 * inside one block, and the width of the overlap the stitch votes on.
 */
export interface SegmentBlockOptions
  extends Pick<
    InstanceSegmentationOptions,
    | 'scheme'
    | 'split'
    | 'minDistance'
    | 'convexityThreshold'
    | 'maxIterations'
    | 'spacing'
    | 'minDistanceIn'
  > {
  /**
   * Half-width, voxels, of the slab around each block face on which two neighbouring blocks
   * compare their labels (the stitch's overlap vote); at most the plan's halo. Default 2.
   */
  overlap?: number;
}

/** The option keys of {@link SegmentBlockOptions}. */
export const SEGMENT_BLOCK_KEYS: OptionKeys<SegmentBlockOptions> = {
  scheme: true,
  split: true,
  minDistance: true,
  convexityThreshold: true,
  maxIterations: true,
  spacing: true,
  minDistanceIn: true,
  overlap: true,
};

/**
 * What {@link stitchSegments} needs of one segmented block: one number per object and two
 * slabs per face (a few voxels thick), never the block's voxels.
 */
export interface SegmentPartial {
  /** The block's id in its plan. */
  id: number;
  /** Objects with voxels inside the block (provisional ids `1..count`, raster order). */
  count: number;
  /** Phase code of each provisional id (`phase[k - 1]` for id `k`). */
  phase: Uint8Array;
  /** Voxels of each provisional id inside the block. Float64 (exact counts). */
  size: Float64Array;
  /** Global raster index of each provisional id's first voxel in the block (Float64). */
  first: Float64Array;
  /** The scheme's object phase codes in numbering order (`instanceSegmentation`'s). */
  order: number[];
  /** Codes of the phases split by the watershed (the others are connected components). */
  split: number[];
  /** The slab half-width the slabs were cut with. */
  overlap: number;
  /**
   * The block's labels (its own view: interior ids `1..count`, ids above `count` for objects
   * seen only in the halo) on the slab `[f - overlap, f + overlap)` (clipped to the volume)
   * across each face `f`, per axis `d` of the 3D view: `low[d]` at `f = start[d]`, `high[d]`
   * at `f = stop[d]`, each row-major over (d, the two other axes over the block's extent);
   * empty where the face is the volume's edge.
   */
  low: Int32Array[];
  high: Int32Array[];
}

/** Most voxels of one block's outer box (2^28). */
const OUTER_LIMIT = 2 ** 28;

/**
 * Instance segmentation of one block alone, the task a worker runs in the block-wise
 * particle splitting ({@link instanceSegmentationBlockwise}): `@mgraph/watershed`'s
 * `instanceSegmentation` on the block's outer box (block + halo), the labels of the block's
 * own voxels renumbered `1..count` in the block's raster order (provisional ids), and what
 * {@link stitchSegments} needs: per id its phase, size and first voxel, and the labels this
 * block gives on the slabs around its faces (its interior on one side, its halo on the
 * other).
 *
 * @param phases - uint8 phase map of the block's outer box `[outerStart, outerStop)`
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan}, with a halo (e.g. {@link segmentHalo}) of at least
 *   `overlap` on every axis cut into several blocks
 * @param options - {@link SegmentBlockOptions}: `scheme` (required), `split`, `minDistance`,
 *   `convexityThreshold`, `maxIterations`, `spacing`, `minDistanceIn` as
 *   `instanceSegmentation` (connectivity 1), `overlap` (2)
 * @returns `{ labels, partial }`: the block's int32 provisional ids and its {@link SegmentPartial}
 * @throws ShapeMismatchError when `phases` is not the outer box's shape
 * @throws InvalidArgumentError for an `overlap` that is not a positive integer or exceeds the halo, an outer
 *   box of more than 2^28 voxels, or what `instanceSegmentation` refuses
 */
export function segmentBlock(
  phases: PhaseMap,
  block: Block,
  plan: BlockPlan,
  options: SegmentBlockOptions,
): { labels: LabelImage; partial: SegmentPartial } {
  const fn = 'segmentBlock';
  const { overlap = 2, ...segment } = checkOptions(fn, options, SEGMENT_BLOCK_KEYS);
  const outer = block.outerStop.map((s, d) => s - block.outerStart[d]!);
  if (phases?.shape?.join() !== outer.join()) {
    throw new ShapeMismatchError(fn, 'phases', outer, phases?.shape ?? []);
  }
  assertNumber(fn, 'options.overlap', overlap, { integer: true, min: 1 });
  if (plan.grid.some((g, d) => g > 1 && plan.halo[d]! < overlap)) {
    throw new InvalidArgumentError(
      fn,
      'plan.halo',
      plan.halo,
      `at least options.overlap (${overlap}) along every axis cut into several blocks`,
    );
  }
  assertAllocation(
    fn,
    'phases',
    outer,
    outer.reduce((a, b) => a * b, 1),
    { limit: OUTER_LIMIT, bytesPerElement: 16, what: 'voxels', subject: 'an outer box' },
  );
  const seg = instanceSegmentation(phases, { ...segment, connectivity: 1 });
  const scheme = seg.scheme;
  const order = scheme.objects.map((name) => scheme.phases.indexOf(name));
  const split = (segment.split ?? scheme.active).map((name) => scheme.phases.indexOf(name));
  const src = seg.labels.data;
  const map = new Int32Array(seg.count + 1);

  const [, oy, ox] = as3d(outer);
  const [sz, sy, sx] = as3d(
    block.start.map((s, d) => s - block.outerStart[d]!),
    0,
  );
  const [nz, ny, nx] = as3d(block.stop.map((s, d) => s - block.start[d]!));
  const [z0, y0, x0] = as3d(block.start, 0);
  const [, NY, NX] = as3d(plan.shape);
  const out = new Int32Array(nz * ny * nx);
  const phase: number[] = [];
  const size: number[] = [];
  const first: number[] = [];
  for (let z = 0, k = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      let at = ((sz + z) * oy + (sy + y)) * ox + sx;
      for (let x = 0; x < nx; x++, k++, at++) {
        const l = src[at]!;
        if (l === 0) continue;
        if (map[l] === 0) {
          map[l] = phase.push(seg.phaseOfLabel[l]!);
          size.push(0);
          first.push(((z0 + z) * NY + (y0 + y)) * NX + (x0 + x));
        }
        const id = map[l]!;
        size[id - 1]!++;
        out[k] = id;
      }
    }
  }
  const count = phase.length;
  let extra = count;
  const idOf = (l: number) => {
    if (l !== 0 && map[l] === 0) map[l] = ++extra;
    return map[l]!;
  };

  // slabs: [f - overlap, f + overlap) along d, the block's extent along the two others
  const shape = as3d(plan.shape);
  const start = as3d(block.start, 0);
  const stop = as3d(block.stop, 1);
  const oStart = as3d(block.outerStart, 0);
  const oStride = [oy * ox, ox, 1];
  const slab = (d: number, f: number): Int32Array => {
    const [e1, e2] = [0, 1, 2].filter((a) => a !== d) as [number, number];
    const t0 = Math.max(0, f - overlap);
    const t1 = Math.min(shape[d]!, f + overlap);
    const s = new Int32Array((t1 - t0) * (stop[e1]! - start[e1]!) * (stop[e2]! - start[e2]!));
    let k = 0;
    for (let t = t0; t < t1; t++) {
      for (let u = start[e1]!; u < stop[e1]!; u++) {
        for (let v = start[e2]!; v < stop[e2]!; v++) {
          const at =
            (t - oStart[d]!) * oStride[d]! +
            (u - oStart[e1]!) * oStride[e1]! +
            (v - oStart[e2]!) * oStride[e2]!;
          s[k++] = idOf(src[at]!);
        }
      }
    }
    return s;
  };
  const low: Int32Array[] = [];
  const high: Int32Array[] = [];
  for (let d = 0; d < 3; d++) {
    low.push(start[d]! > 0 ? slab(d, start[d]!) : new Int32Array(0));
    high.push(stop[d]! < shape[d]! ? slab(d, stop[d]!) : new Int32Array(0));
  }
  return {
    labels: ndarray(
      out,
      block.stop.map((s, d) => s - block.start[d]!),
    ),
    partial: {
      id: block.id,
      count,
      phase: Uint8Array.from(phase),
      size: Float64Array.from(size),
      first: Float64Array.from(first),
      order,
      split,
      overlap,
      low,
      high,
    },
  };
}
