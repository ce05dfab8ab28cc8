import {
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseScheme,
} from '@mgraph/core';
import type {
  AxisConnectivity,
  PhaseConnectivity,
  PhaseConnectivityResult,
} from '@mgraph/morphology';
import { type BlockPlan, checkOnePerBlock } from './block-plan.js';
import type { PhaseComponentsPartial, PhaseLabelPartial } from './phase-label-block.js';
import { stitchLabels } from './stitch-labels.js';
import { checkUnits, physicalVolume, type UnitOptions } from './unit-options.js';

/** Options of {@link mergePhaseConnectivity}. */
export interface MergePhaseConnectivityOptions extends UnitOptions {
  /** The connectivity the blocks were labelled with: 1 (faces) .. ndim. Default 1. */
  connectivity?: number;
}

const KEYS: OptionKeys<MergePhaseConnectivityOptions> = {
  spacing: true,
  unit: true,
  connectivity: true,
};

/**
 * Stitch the blocks' components of every phase ({@link stitchLabels}: union-find over the
 * block faces) into the components of the whole volume, add up their voxels and the volume
 * faces they touch, and sort them into percolating (both faces normal to an axis), dead-end
 * (one) and isolated (none) as `@mgraph/morphology`'s `phaseConnectivity`: the result is
 * identical to `phaseConnectivity(phases, scheme, { connectivity, spacing, unit })` on the
 * whole volume, number for number.
 *
 * @param plan - the {@link BlockPlan} the partials were made on
 * @param partials - one {@link PhaseLabelPartial} per block (`phaseLabelBlock`'s), in
 *   block-id order
 * @param scheme - the map's phase scheme
 * @param options - {@link MergePhaseConnectivityOptions}: `connectivity` (1), `spacing`
 *   (all 1), `unit` (`'voxel'`)
 * @returns the `PhaseConnectivityResult` of the whole volume
 * @throws InvalidArgumentError when `partials` does not match the plan and scheme, a bad
 *   connectivity / spacing / unit, or an unknown option
 *
 * @remarks
 * References: F. L. E. Usseglio-Viretta et al., J. Electrochem. Soc. 165 (2018) A3403,
 * doi:10.1149/2.0731814jes (MATBOX connectivity); J. T. Gostick et al., J. Open Source
 * Softw. 4 (2019) 1296, doi:10.21105/joss.01296 (PoreSpy).
 */
export function mergePhaseConnectivity(
  plan: BlockPlan,
  partials: readonly PhaseLabelPartial[],
  scheme: PhaseScheme,
  options: MergePhaseConnectivityOptions | null = {},
): PhaseConnectivityResult {
  const fn = 'mergePhaseConnectivity';
  const o = checkOptions(fn, options, KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  const ndim = plan.shape.length;
  const { spacing, unit } = checkUnits(fn, ndim, o.spacing, o.unit);
  const connectivity = o.connectivity ?? 1;
  const names = s.phases;
  const n = names.length;
  checkPhasePartials(fn, 'partials', plan, partials, n);
  const size = plan.shape.reduce((a, b) => a * b, 1);
  const allFaces = ndim === 3 ? 63 : 60;
  const firstAxis = 3 - ndim;
  const result: Record<string, PhaseConnectivity> = {};
  names.forEach((name, code) => {
    const { count, voxelsOf, facesOf } = stitchPhase(plan, partials, code, connectivity);
    // voxels touching both / one face normal to each internal axis, and no face at all
    const both = new Float64Array(3);
    const one = new Float64Array(3);
    let none = 0;
    let voxels = 0;
    for (let g = 0; g < count; g++) {
      const f = facesOf[g]!;
      const v = voxelsOf[g]!;
      voxels += v;
      for (let axis = 0; axis < 3; axis++) {
        const touched = ((f >> (2 * axis)) & 1) + ((f >> (2 * axis + 1)) & 1);
        if (touched === 2) both[axis]! += v;
        else if (touched === 1) one[axis]! += v;
      }
      if ((f & allFaces) === 0) none += v;
    }
    const frac = (x: number) => (voxels === 0 ? 0 : x / voxels);
    const axes: AxisConnectivity[] = [];
    for (let axis = firstAxis; axis < 3; axis++) {
      const b = both[axis]!;
      const h = one[axis]!;
      axes.push({ percolating: frac(b), deadEnd: frac(h), isolated: frac(voxels - b - h) });
    }
    result[name] = {
      voxels,
      volumeFraction: voxels / size,
      components: count,
      axes,
      unconnected: frac(none),
    };
  });
  return {
    phases: result,
    connectivity,
    totalVolume: physicalVolume(size, ndim, spacing),
    unit,
  };
}

/**
 * One phase's components of the whole volume from the blocks' partials: {@link stitchLabels}
 * over the block faces, then each global component's voxels summed and the volume faces it
 * touches OR-ed over its pieces.
 *
 * @returns the global count, the per-block local -> global labels (`relabel`), and the
 *   voxels and face bits of global component `g` at index `g - 1`
 * @internal
 */
export function stitchPhase(
  plan: BlockPlan,
  partials: readonly PhaseLabelPartial[],
  code: number,
  connectivity: number,
): {
  count: number;
  relabel: (Int32Array | Float64Array)[];
  voxelsOf: Float64Array;
  facesOf: Uint8Array;
} {
  const { count, relabel } = stitchLabels(
    plan,
    partials.map((p) => p.phases[code]!.labels),
    { connectivity },
  );
  const voxelsOf = new Float64Array(count);
  const facesOf = new Uint8Array(count);
  partials.forEach((p, b) => {
    const { voxels, faces } = p.phases[code]!;
    const map = relabel[b]!;
    for (let k = 0; k < voxels.length; k++) {
      const g = map[k + 1]! - 1;
      voxelsOf[g]! += voxels[k]!;
      facesOf[g]! |= faces[k]!;
    }
  });
  return { count, relabel, voxelsOf, facesOf };
}

/**
 * One {@link PhaseLabelPartial} per block of the plan, in id order, with `n` phases.
 *
 * @throws InvalidArgumentError naming `argument` (or its entry)
 * @internal
 */
export function checkPhasePartials(
  fn: string,
  argument: string,
  plan: BlockPlan,
  partials: readonly PhaseLabelPartial[],
  n: number,
): void {
  checkOnePerBlock(fn, argument, plan, partials, 'PhaseLabelPartial');
  partials.forEach((p, id) => {
    const ok =
      p?.id === id &&
      Array.isArray(p.phases) &&
      p.phases.length === n &&
      p.phases.every(
        (q: PhaseComponentsPartial | undefined) =>
          q !== undefined &&
          q.voxels?.length === q.labels?.count &&
          q.faces?.length === q.labels.count,
      );
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `${argument}[${id}]`,
        p,
        `the PhaseLabelPartial of block ${id} (phaseLabelBlock's with a ${n}-phase scheme)`,
      );
    }
  });
}
