import {
  assertDtype,
  assertNdim,
  checkOptions,
  checkScheme,
  flatData,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  ShapeMismatchError,
} from '@mgraph/core';
import { tpbSetup } from '@mgraph/morphology';
import { as3d } from './as-3d.js';
import { measuresBox } from './block-measures.js';
import type { Block, BlockPlan } from './block-plan.js';
import { phaseLabels } from './phase-label-block.js';

/** Options of {@link blockActiveTpb}. */
export interface BlockActiveTpbOptions {
  /** The three phases that meet. Default the scheme's `tpb`. */
  tpbPhases?: readonly [string, string, string];
  /** Connectivity of the phase components: 1 (faces) .. ndim. Default 1. */
  connectivity?: number;
}

const KEYS: OptionKeys<BlockActiveTpbOptions> = { tpbPhases: true, connectivity: true };

/** Numbers per group of {@link ActiveTpbPartial.groups}: six component refs, three counts. */
export const TPB_GROUP_SIZE = 9;

/**
 * What the active TPB merge needs of one block (plain JSON): the block's TPB edges grouped
 * by the components of the three TPB phases around them.
 */
export interface ActiveTpbPartial {
  /** The block's id in its plan. */
  id: number;
  /**
   * Groups of {@link TPB_GROUP_SIZE} numbers: for each TPB phase `k` (in `tpbPhases` order)
   * two component refs `[a, b]` (the components of that phase among the edge's four voxels,
   * `b = 0` when one), then the edges of the group along the internal axes `[z, y, x]`
   * (2D: `[count, 0, 0]`). A ref `r > 0` is the block's local label `r` of the phase
   * (`phaseLabelBlock`'s numbering); `r < 0` is a voxel of the low halo, before the block,
   * at global raster index `-r - 1` (row-major over the 3D view of the volume), whose
   * component the merge finds on the face of the block that holds it.
   */
  groups: number[];
}

/**
 * A block's share of the active triple phase boundary: every TPB edge the block owns (as for
 * the total TPB of {@link blockMeasures}: the edge at voxel i, shared by i and its neighbours
 * at -1 along the two other axes, belongs to the block of voxel i), grouped by the components
 * of the three TPB phases among its four voxels. Whether a group is active depends on whether
 * those components reach their boundaries in the whole volume, which the merge
 * (`mergeActiveTpb`) decides once the blocks' components are stitched.
 *
 * @param phases - uint8 phase codes of the box {@link measuresBox}`(block)`: the block and
 *   one voxel before it along every axis where the volume has one (any strides)
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan}
 * @param scheme - the map's phase scheme (codes `0..n-1`)
 * @param options - {@link BlockActiveTpbOptions}: `tpbPhases` (the scheme's `tpb`),
 *   `connectivity` (1), as `phaseLabelBlock` labels the block
 * @returns the block's {@link ActiveTpbPartial}
 * @throws ShapeMismatchError when `phases` is not the box's shape
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, no TPB phases, a bad connectivity, or an unknown option
 */
export function blockActiveTpb(
  phases: PhaseMap,
  block: Block,
  plan: BlockPlan,
  scheme: PhaseScheme,
  options: BlockActiveTpbOptions | null = {},
): ActiveTpbPartial {
  const fn = 'blockActiveTpb';
  const o = checkOptions(fn, options, KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  const { codes: tpbCodes, connectivity } = tpbSetup(fn, s, plan.shape.length, o);
  assertNdim(fn, 'phases', phases, [2, 3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const boxStart = measuresBox(block).start;
  const boxExt = block.stop.map((v, d) => v - boxStart[d]!);
  if (phases.shape.join() !== boxExt.join()) {
    throw new ShapeMismatchError(fn, 'phases', boxExt, phases.shape);
  }
  const ext = block.stop.map((v, d) => v - block.start[d]!);
  const inner = phases.lo(...block.start.map((v, d) => v - boxStart[d]!)).hi(...ext) as PhaseMap;
  const { local } = phaseLabels(fn, flatData(inner), ext, block, plan, s, connectivity, tpbCodes);
  return activeTpbGroups(flatData(phases), boxStart, boxExt, block, plan, local!, tpbCodes);
}

/**
 * The {@link ActiveTpbPartial} of a block from the row-major codes of its measures box and
 * the local labels of its own voxels (each within its phase).
 *
 * @internal
 */
export function activeTpbGroups(
  codes: Uint8Array,
  boxStart: readonly number[],
  boxExt: readonly number[],
  block: Block,
  plan: BlockPlan,
  local: Int32Array,
  tpbCodes: readonly [number, number, number],
): ActiveTpbPartial {
  const [z0, y0, x0] = as3d(block.start, 0);
  const [z1, y1, x1] = as3d(block.stop, 1);
  const [oz, oy, ox] = as3d(boxStart, 0);
  const [, by, bx] = as3d(boxExt);
  const [, NY, NX] = as3d(plan.shape);
  const bny = y1 - y0;
  const bnx = x1 - x0;
  const plane = by * bx;
  // phase slot + 1 of each code (0: not a TPB phase)
  const slot = new Uint8Array(256);
  tpbCodes.forEach((c, k) => {
    slot[c] = k + 1;
  });
  const groups: number[] = [];
  const index = new Map<string, number>();
  const refs = [0, 0, 0, 0, 0, 0];
  // the four voxels of an edge along internal axis 0, 1, 2 as (dz, dy, dx)
  const around = [
    [0, 0, 0, 0, 0, -1, 0, -1, 0, 0, -1, -1],
    [0, 0, 0, 0, 0, -1, -1, 0, 0, -1, 0, -1],
    [0, 0, 0, 0, -1, 0, -1, 0, 0, -1, -1, 0],
  ];
  const ref = (z: number, y: number, x: number): number =>
    z >= z0 && y >= y0 && x >= x0
      ? local[((z - z0) * bny + (y - y0)) * bnx + (x - x0)]!
      : -((z * NY + y) * NX + x) - 1;
  const add = (axis: number, z: number, y: number, x: number, i: number) => {
    refs.fill(0);
    const o = around[axis]!;
    for (let v = 0; v < 12; v += 3) {
      const k = slot[codes[i + o[v]! * plane + o[v + 1]! * bx + o[v + 2]!]!]!;
      if (k === 0) continue;
      const r = ref(z + o[v]!, y + o[v + 1]!, x + o[v + 2]!);
      const a = 2 * (k - 1);
      // two refs per phase at most (four voxels, three phases), kept sorted
      if (refs[a] === 0) refs[a] = r;
      else if (refs[a] !== r && refs[a + 1] !== r) {
        if (r < refs[a]!) {
          refs[a + 1] = refs[a]!;
          refs[a] = r;
        } else refs[a + 1] = r;
      }
    }
    const key = refs.join();
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push(...refs, 0, 0, 0);
    }
    groups[g + 6 + axis]!++;
  };
  // slot bit of each code (0: not a TPB phase)
  const lut = new Uint8Array(256);
  tpbCodes.forEach((c, k) => {
    lut[c] = 1 << k;
  });
  for (let z = z0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      let i = ((z - oz) * by + (y - oy)) * bx + (x0 - ox);
      for (let x = x0; x < x1; x++, i++) {
        // the voxel and its neighbours at -1 (none before the volume's start), as countBlock
        let b = 0;
        let c = 0;
        let d = 0;
        let e = 0;
        let f = 0;
        let g = 0;
        if (x > 0) b = lut[codes[i - 1]!]!;
        if (y > 0) {
          c = lut[codes[i - bx]!]!;
          if (x > 0) d = lut[codes[i - bx - 1]!]!;
        }
        if (z > 0) {
          e = lut[codes[i - plane]!]!;
          if (x > 0) f = lut[codes[i - plane - 1]!]!;
          if (y > 0) g = lut[codes[i - plane - bx]!]!;
        }
        const a = lut[codes[i]!]!;
        if ((a | b | c | d | e | f | g) !== 7) continue;
        if ((a | b | c | d) === 7) add(0, z, y, x, i);
        if ((a | b | e | f) === 7) add(1, z, y, x, i);
        if ((a | c | e | g) === 7) add(2, z, y, x, i);
      }
    }
  }
  return { id: block.id, groups };
}
