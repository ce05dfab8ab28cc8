import {
  assertDtype,
  assertNdim,
  checkOptions,
  checkScheme,
  flatData,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
  ShapeMismatchError,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';
import {
  LABEL_BLOCK_KEYS,
  type LabelBlockOptions,
  type LabelPartial,
  labelBlock,
} from './label-block.js';

/** One phase of a {@link PhaseLabelPartial}. */
export interface PhaseComponentsPartial {
  /** The block's components of the phase, for `stitchLabels`. */
  labels: LabelPartial;
  /** Voxels of each local component: `voxels[k - 1]` for local label `k`. */
  voxels: Float64Array;
  /**
   * Faces of the whole volume each local component touches: bit `2 * axis` the low face,
   * `2 * axis + 1` the high face, internal axes `[z, y, x]` (a 2D volume is one plane: it
   * touches both z faces).
   */
  faces: Uint8Array;
}

/** What `mergePhaseConnectivity` needs of one block: its components of every phase. */
export interface PhaseLabelPartial {
  /** The block's id in its plan. */
  id: number;
  /** One entry per phase code of the scheme. */
  phases: PhaseComponentsPartial[];
}

/**
 * Connected components of every phase of one block (each phase's mask labelled alone with
 * {@link labelBlock}, as `@mgraph/morphology`'s `phaseConnectivity` labels them), with each
 * component's voxels and the faces of the whole volume it touches: what
 * `mergePhaseConnectivity` needs to sort the stitched components of the whole volume into
 * percolating, dead-end and isolated.
 *
 * @param phases - uint8 phase codes of the block, `[block.start, block.stop)` (any strides)
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan}
 * @param scheme - the map's phase scheme (codes `0..n-1`)
 * @param options - {@link LabelBlockOptions}: `connectivity` (1)
 * @returns the block's {@link PhaseLabelPartial}
 * @throws ShapeMismatchError when `phases` is not the block's shape
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, a bad connectivity, or an unknown option
 */
export function phaseLabelBlock(
  phases: PhaseMap,
  block: Block,
  plan: BlockPlan,
  scheme: PhaseScheme,
  options: LabelBlockOptions | null = {},
): PhaseLabelPartial {
  const fn = 'phaseLabelBlock';
  const o = checkOptions(fn, options, LABEL_BLOCK_KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  assertNdim(fn, 'phases', phases, [2, 3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const ext = block.stop.map((v, d) => v - block.start[d]!);
  if (phases.shape.join() !== ext.join()) {
    throw new ShapeMismatchError(fn, 'phases', ext, phases.shape);
  }
  return phaseLabels(fn, flatData(phases), ext, block, plan, s, o.connectivity, []).partial;
}

/**
 * {@link phaseLabelBlock} on the block's row-major codes; when `localCodes` lists phase
 * codes, also the local label of each voxel of those phases within its phase (what the
 * active TPB partial refers to; 0 for the other voxels), else `local` is `null`.
 *
 * @throws InvalidArgumentError for a code outside the scheme
 * @internal
 */
export function phaseLabels(
  fn: string,
  codes: Uint8Array,
  ext: readonly number[],
  block: Block,
  plan: BlockPlan,
  scheme: PhaseScheme,
  connectivity: number | undefined,
  localCodes: readonly number[],
): { partial: PhaseLabelPartial; local: Int32Array | null } {
  const n = scheme.phases.length;
  const mask = new Uint8Array(codes.length);
  const local = localCodes.length > 0 ? new Int32Array(codes.length) : null;
  const out: PhaseComponentsPartial[] = [];
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < codes.length; i++) {
      const v = codes[i]!;
      if (v >= n) {
        throw new InvalidArgumentError(
          fn,
          'phases',
          `a block holding code ${v}`,
          `codes 0..${n - 1} of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.join(', ')})`,
        );
      }
      mask[i] = v === c ? 1 : 0;
    }
    const { labels, partial } = labelBlock(ndarray(mask, ext.slice()), block, plan, {
      connectivity,
    });
    if (local !== null && localCodes.includes(c)) {
      const data = labels.data;
      for (let i = 0; i < codes.length; i++) if (codes[i] === c) local[i] = data[i]!;
    }
    out.push({ labels: partial, ...componentsOf(labels.data, partial.count, block, plan) });
  }
  return { partial: { id: block.id, phases: out }, local };
}

/** Voxels and touched volume faces of each local label of a block. */
function componentsOf(
  local: Int32Array,
  count: number,
  block: Block,
  plan: BlockPlan,
): { voxels: Float64Array; faces: Uint8Array } {
  const voxels = new Float64Array(count);
  const faces = new Uint8Array(count);
  const [z0, y0, x0] = as3d(block.start, 0);
  const [z1, y1, x1] = as3d(block.stop, 1);
  const [nz, ny, nx] = as3d(plan.shape);
  for (let z = z0, i = 0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      const rowFaces =
        (z === 0 ? 1 : 0) | (z === nz - 1 ? 2 : 0) | (y === 0 ? 4 : 0) | (y === ny - 1 ? 8 : 0);
      for (let x = x0; x < x1; x++, i++) {
        const k = local[i]!;
        if (k === 0) continue;
        voxels[k - 1]!++;
        faces[k - 1]! |= rowFaces | (x === 0 ? 16 : 0) | (x === nx - 1 ? 32 : 0);
      }
    }
  }
  return { voxels, faces };
}
