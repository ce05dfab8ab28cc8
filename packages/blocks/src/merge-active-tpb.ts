import {
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseScheme,
} from '@mgraph/core';
import {
  type ActiveTpbMeasure,
  type BoundaryReach,
  reachesBoundary,
  tpbSetup,
} from '@mgraph/morphology';
import { as3d } from './as-3d.js';
import { type ActiveTpbPartial, TPB_GROUP_SIZE } from './block-active-tpb.js';
import { type BlockPlan, checkOnePerBlock } from './block-plan.js';
import { tpbMeasure } from './merge-measures.js';
import { checkPhasePartials, stitchPhase } from './merge-phase-connectivity.js';
import type { PhaseLabelPartial } from './phase-label-block.js';
import { checkUnits, physicalVolume, type UnitOptions } from './unit-options.js';

/** Options of {@link mergeActiveTpb}. */
export interface MergeActiveTpbOptions extends UnitOptions {
  /** The TPB phases the blocks grouped their edges by. Default the scheme's `tpb`. */
  tpbPhases?: readonly [string, string, string];
  /**
   * Boundary each TPB phase's component must reach, by phase name; phases left out take
   * `@mgraph/morphology`'s `defaultBoundaryReach`.
   */
  reach?: Readonly<Record<string, BoundaryReach>>;
  /** The connectivity the blocks were labelled with: 1 (faces) .. ndim. Default 1. */
  connectivity?: number;
}

const KEYS: OptionKeys<MergeActiveTpbOptions> = {
  spacing: true,
  unit: true,
  tpbPhases: true,
  reach: true,
  connectivity: true,
};

/** The active TPB of {@link mergeActiveTpb}: `triplePhaseBoundaryDensity`'s `active` without its edge map. */
export type ActiveTpbFigures = Omit<ActiveTpbMeasure, 'edges'>;

/**
 * The active triple phase boundary of the whole volume from per-block partials, identical to
 * `@mgraph/morphology`'s `triplePhaseBoundaryDensity(phases, scheme, options).active` (without
 * its edge map), number for number. Each TPB phase's components are stitched across the
 * block faces (`stitchLabels`), the volume faces each global component touches are OR-ed over
 * its pieces, and a component reaches its boundary by morphology's rule (`reach`); each group
 * of a block's edges ({@link ActiveTpbPartial}) is active when, for each of the three phases,
 * one of its components (a local label mapped to its global one, or a voxel of the low halo
 * looked up on the face of the block that holds it) reaches its boundary. The active edges
 * are summed per axis and the figures computed with morphology's arithmetic.
 *
 * @param plan - the {@link BlockPlan} the partials were made on
 * @param labels - one `PhaseLabelPartial` per block (`phaseLabelBlock`'s), in block-id order
 * @param partials - one {@link ActiveTpbPartial} per block (`blockActiveTpb`'s), in block-id
 *   order, made with the same `tpbPhases` and `connectivity`
 * @param scheme - the map's phase scheme
 * @param options - {@link MergeActiveTpbOptions}: `tpbPhases` (the scheme's `tpb`), `reach`
 *   (`defaultBoundaryReach`), `connectivity` (1), `spacing` (all 1), `unit` (`'voxel'`)
 * @returns the {@link ActiveTpbFigures}: count, counts per axis, length (3D), density,
 *   fraction of the TPB, reach and connectivity
 * @throws InvalidArgumentError when the partials do not match the plan, the scheme or each
 *   other (counts, ids, a ref to no component), for TPB phases / reach / connectivity /
 *   spacing / unit that `triplePhaseBoundaryDensity` refuses, or an unknown option
 *
 * @remarks
 * References: J. R. Wilson et al., Nature Materials 5 (2006) 541-544, doi:10.1038/nmat1668;
 * J. Joos et al., J. Power Sources 246 (2014) 819-830, doi:10.1016/j.jpowsour.2013.08.025.
 */
export function mergeActiveTpb(
  plan: BlockPlan,
  labels: readonly PhaseLabelPartial[],
  partials: readonly ActiveTpbPartial[],
  scheme: PhaseScheme,
  options: MergeActiveTpbOptions | null = {},
): ActiveTpbFigures {
  const fn = 'mergeActiveTpb';
  const o = checkOptions(fn, options, KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  const ndim = plan.shape.length;
  const { spacing } = checkUnits(fn, ndim, o.spacing, o.unit);
  const setup = tpbSetup(fn, s, ndim, o);
  checkPhasePartials(fn, 'labels', plan, labels, s.phases.length);
  checkTpbPartials(fn, plan, partials);
  const phases = setup.codes.map((code, k) => {
    const { count, relabel, facesOf } = stitchPhase(plan, labels, code, setup.connectivity);
    const ok = new Uint8Array(count);
    for (let g = 0; g < count; g++)
      ok[g] = reachesBoundary(facesOf[g]!, setup.codeReach[k]!) ? 1 : 0;
    return { code, relabel, ok };
  });
  const resolve = haloResolver(fn, plan, labels);
  const total: [number, number, number] = [0, 0, 0];
  const active: [number, number, number] = [0, 0, 0];
  partials.forEach(({ groups }, b) => {
    for (let at = 0; at < groups.length; at += TPB_GROUP_SIZE) {
      let all = true;
      for (let k = 0; k < 3 && all; k++) {
        const { code, relabel, ok } = phases[k]!;
        let reached = false;
        for (let j = 0; j < 2 && !reached; j++) {
          const r = groups[at + 2 * k + j]!;
          if (r === 0) continue;
          const [block, local] = r > 0 ? [b, r] : resolve(-r - 1, code, b);
          const map = relabel[block]!;
          if (!(local < map.length)) {
            throw new InvalidArgumentError(
              fn,
              `partials[${b}].groups`,
              r,
              `a ref to a component of ${s.phases[code]} in block ${block} (1..${map.length - 1})`,
            );
          }
          reached = ok[map[local]! - 1] === 1;
        }
        all = reached;
      }
      for (let axis = 0; axis < 3; axis++) {
        const n = groups[at + 6 + axis]!;
        total[axis]! += n;
        if (all) active[axis]! += n;
      }
    }
  });
  const size = plan.shape.reduce((a, b) => a * b, 1);
  const m = tpbMeasure(active, ndim, spacing, physicalVolume(size, ndim, spacing));
  const totalCount = total[0] + total[1] + total[2];
  return {
    ...m,
    fractionOfTpb: totalCount === 0 ? 0 : m.count / totalCount,
    reach: setup.reach,
    connectivity: setup.connectivity,
  };
}

/**
 * Where a voxel of a block's low halo (global raster index over the 3D view) lies: the
 * block that holds it and its local label there for phase `code`, read on that block's high
 * face (the voxel is one step before the asking block along some axis, so it is on the
 * holder's high face along that axis).
 */
function haloResolver(
  fn: string,
  plan: BlockPlan,
  labels: readonly PhaseLabelPartial[],
): (raster: number, code: number, from: number) => [number, number] {
  const [, NY, NX] = as3d(plan.shape);
  const bs = as3d(plan.blockShape);
  const grid = as3d(plan.grid);
  return (raster, code, from) => {
    const z = Math.floor(raster / (NY * NX));
    const y = Math.floor(raster / NX) - z * NY;
    const x = raster - (z * NY + y) * NX;
    const p = [z, y, x];
    const idx = p.map((v, d) => Math.floor(v / bs[d]!));
    const id = (idx[0]! * grid[1] + idx[1]!) * grid[2] + idx[2]!;
    const block = plan.blocks[id];
    if (block !== undefined && id < from) {
      const start = as3d(block.start, 0);
      const stop = as3d(block.stop, 1);
      const d = [0, 1, 2].find((a) => p[a] === stop[a]! - 1);
      if (d !== undefined) {
        const [e1, e2] = [0, 1, 2].filter((a) => a !== d) as [number, number];
        const w2 = stop[e2]! - start[e2]!;
        const face = labels[id]!.phases[code]!.labels.high[d]!;
        const local = face[(p[e1]! - start[e1]!) * w2 + (p[e2]! - start[e2]!)] ?? 0;
        if (local > 0) return [id, local];
      }
    }
    throw new InvalidArgumentError(
      fn,
      `partials[${from}].groups`,
      -raster - 1,
      'a ref to a voxel of the phase on the high face of an earlier block',
    );
  };
}

/** One partial per block in id order, groups of safe integers in whole groups. */
function checkTpbPartials(
  fn: string,
  plan: BlockPlan,
  partials: readonly ActiveTpbPartial[],
): void {
  checkOnePerBlock(fn, 'partials', plan, partials, 'ActiveTpbPartial');
  partials.forEach((p, id) => {
    const g = p?.groups;
    const ok =
      p?.id === id &&
      Array.isArray(g) &&
      g.length % TPB_GROUP_SIZE === 0 &&
      g.every((v, i) => Number.isSafeInteger(v) && (i % TPB_GROUP_SIZE < 6 || (v as number) >= 0));
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `partials[${id}]`,
        p,
        `the ActiveTpbPartial of block ${id} (blockActiveTpb's: groups of ${TPB_GROUP_SIZE} integers)`,
      );
    }
  });
}
