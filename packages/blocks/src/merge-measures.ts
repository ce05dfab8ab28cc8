import {
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseScheme,
} from '@mgraph/core';
import type {
  InterfacialArea,
  InterfacialAreasResult,
  SpecificSurfaceAreaResult,
  TriplePhaseBoundaryResult,
  VolumeFractionsResult,
} from '@mgraph/morphology';
import { type MeasuresPartial, tpbCodesOf } from './block-measures.js';
import { type BlockPlan, checkOnePerBlock } from './block-plan.js';
import { checkUnits, physicalVolume, type UnitOptions } from './unit-options.js';

/** Options of {@link mergeMeasures}. */
export interface MergeMeasuresOptions extends UnitOptions {
  /** The TPB phases the blocks counted (names of the result). Default the scheme's `tpb`. */
  tpbPhases?: readonly [string, string, string] | null;
}

const KEYS: OptionKeys<MergeMeasuresOptions> = { spacing: true, unit: true, tpbPhases: true };

/** The TPB figures of {@link mergeMeasures}: `triplePhaseBoundaryDensity`'s without edge maps. */
export type TpbFigures = Omit<TriplePhaseBoundaryResult, 'edges' | 'active'>;

/** What {@link mergeMeasures} returns: the whole volume's figures. */
export interface MergedMeasures {
  /** = `volumeFractions(phases, scheme, { spacing, unit })`. */
  volumeFractions: VolumeFractionsResult;
  /** = `specificSurfaceArea(phases, scheme, { spacing, unit })`. */
  surfaceAreas: SpecificSurfaceAreaResult;
  /** = `interfacialAreas(phases, scheme, { spacing, unit })`. */
  interfacialAreas: InterfacialAreasResult;
  /**
   * = `triplePhaseBoundaryDensity(phases, scheme, { spacing, unit, tpbPhases, active: false })`
   * without its edge maps; `null` when the blocks counted no TPB.
   */
  tpb: TpbFigures | null;
}

/**
 * Sum the blocks' {@link MeasuresPartial}s (exact: integer counts in doubles) and compute the
 * whole volume's volume fractions, face-counting surface and interfacial areas and triple
 * phase boundary density with the arithmetic of `@mgraph/morphology`'s `volumeFractions`,
 * `specificSurfaceArea`, `interfacialAreas` and `triplePhaseBoundaryDensity` (TauFactor's
 * face counting and TPB edge counting, non-periodic): the results are identical to theirs on
 * the whole volume, number for number.
 *
 * @param plan - the {@link BlockPlan} the partials were counted on
 * @param partials - one {@link MeasuresPartial} per block, in block-id order
 * @param scheme - the map's phase scheme
 * @param options - {@link MergeMeasuresOptions}: `spacing` (all 1), `unit` (`'voxel'`),
 *   `tpbPhases` (the scheme's `tpb`, as the blocks were counted)
 * @returns the {@link MergedMeasures}
 * @throws InvalidArgumentError when `partials` does not match the plan and scheme (count,
 *   ids, array sizes, TPB counted or not), for a bad spacing / unit / TPB phases, or an
 *   unknown option
 *
 * @remarks
 * References: S. J. Cooper et al., "TauFactor: An open-source application for calculating
 * tortuosity factors from tomographic data", SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002.
 */
export function mergeMeasures(
  plan: BlockPlan,
  partials: readonly MeasuresPartial[],
  scheme: PhaseScheme,
  options: MergeMeasuresOptions | null = {},
): MergedMeasures {
  const fn = 'mergeMeasures';
  const o = checkOptions(fn, options, KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  const ndim = plan.shape.length;
  const { spacing, unit } = checkUnits(fn, ndim, o.spacing, o.unit);
  const tpbCodes = tpbCodesOf(fn, s, o.tpbPhases);
  const n = s.phases.length;
  checkPartials(fn, plan, partials, n, tpbCodes !== null);
  const voxels = new Float64Array(n);
  const faces = [new Float64Array(n * n), new Float64Array(n * n), new Float64Array(n * n)];
  const tpb = [0, 0, 0];
  let candidates = 0;
  for (const p of partials) {
    for (let c = 0; c < n; c++) voxels[c]! += p.voxels[c]!;
    for (let axis = 0; axis < 3; axis++) {
      const f = faces[axis]!;
      const g = p.faces[axis]!;
      for (let k = 0; k < n * n; k++) f[k]! += g[k]!;
    }
    if (p.tpb !== null) for (let axis = 0; axis < 3; axis++) tpb[axis]! += p.tpb[axis]!;
    candidates += p.candidates;
  }
  const size = plan.shape.reduce((a, b) => a * b, 1);
  const totalVolume = physicalVolume(size, ndim, spacing);
  const names = s.phases;
  // volumeFractions
  const voxelVolume = totalVolume / size;
  const fractions: Record<string, number> = {};
  const voxelsOf: Record<string, number> = {};
  const volumes: Record<string, number> = {};
  names.forEach((name, code) => {
    fractions[name] = voxels[code]! / size;
    voxelsOf[name] = voxels[code]!;
    volumes[name] = voxels[code]! * voxelVolume;
  });
  // specificSurfaceArea and interfacialAreas: a face normal to axis d has the area of the
  // two other spacings (2D: the other spacing, a length)
  const [sz, sy, sx] = spacing;
  const faceArea = ndim === 3 ? [sy * sx, sz * sx, sz * sy] : [0, sx, sy];
  const perCode = new Float64Array(n);
  for (let axis = 0; axis < 3; axis++) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const area = faces[axis]![a * n + b]! * faceArea[axis]!;
        perCode[a]! += area;
        perCode[b]! += area;
      }
    }
  }
  const area: Record<string, number> = {};
  const specificArea: Record<string, number> = {};
  names.forEach((name, code) => {
    area[name] = perCode[code]!;
    specificArea[name] = perCode[code]! / totalVolume;
  });
  const pairs: InterfacialArea[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let pairArea = 0;
      for (let axis = 0; axis < 3; axis++) pairArea += faces[axis]![a * n + b]! * faceArea[axis]!;
      pairs.push({
        phases: [names[a]!, names[b]!],
        area: pairArea,
        specificArea: pairArea / totalVolume,
      });
    }
  }
  return {
    volumeFractions: { fractions, voxels: voxelsOf, volumes, totalVolume, unit },
    surfaceAreas: { area, specificArea, totalVolume, unit },
    interfacialAreas: { pairs, totalVolume, unit },
    tpb:
      tpbCodes === null
        ? null
        : tpbFigures(
            tpbCodes.map((c) => names[c]!) as [string, string, string],
            tpb as [number, number, number],
            candidates,
            ndim,
            spacing,
            totalVolume,
            unit,
          ),
  };
}

/** `triplePhaseBoundaryDensity`'s figures from the edge counts. */
function tpbFigures(
  phases: [string, string, string],
  counts: [number, number, number],
  candidates: number,
  ndim: number,
  spacing: readonly number[],
  totalVolume: number,
  unit: string,
): TpbFigures {
  const measure = tpbMeasure(counts, ndim, spacing, totalVolume);
  return {
    phases,
    ...measure,
    candidates,
    fraction: candidates === 0 ? 0 : measure.count / candidates,
    totalVolume,
    unit,
  };
}

/**
 * `triplePhaseBoundaryDensity`'s count, counts per axis, length and density of TPB edges
 * counted per internal axis `[z, y, x]` (2D: `[count, 0, 0]`), with its arithmetic.
 *
 * @internal
 */
export function tpbMeasure(
  counts: readonly [number, number, number],
  ndim: number,
  spacing: readonly number[],
  totalVolume: number,
): { count: number; countPerAxis: number[]; length: number | null; density: number } {
  if (ndim === 2) {
    return {
      count: counts[0],
      countPerAxis: [counts[0]],
      length: null,
      density: counts[0] / totalVolume,
    };
  }
  const length = counts[0] * spacing[0]! + counts[1] * spacing[1]! + counts[2] * spacing[2]!;
  return {
    count: counts[0] + counts[1] + counts[2],
    countPerAxis: counts.slice(),
    length,
    density: length / totalVolume,
  };
}

/** One partial per block in id order, arrays of the scheme's sizes, TPB as asked. */
function checkPartials(
  fn: string,
  plan: BlockPlan,
  partials: readonly MeasuresPartial[],
  n: number,
  withTpb: boolean,
): void {
  checkOnePerBlock(fn, 'partials', plan, partials, 'MeasuresPartial');
  const isCounts = (v: unknown, length: number) =>
    Array.isArray(v) &&
    v.length === length &&
    v.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0);
  partials.forEach((p, id) => {
    const ok =
      p?.id === id &&
      isCounts(p.voxels, n) &&
      Array.isArray(p.faces) &&
      p.faces.length === 3 &&
      p.faces.every((f: unknown) => isCounts(f, n * n)) &&
      (withTpb ? isCounts(p.tpb, 3) : p.tpb === null) &&
      isCounts([p.candidates], 1);
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `partials[${id}]`,
        p,
        `the MeasuresPartial of block ${id} (blockMeasures' with a ${n}-phase scheme, TPB ${withTpb ? 'counted' : 'not counted'})`,
      );
    }
  });
}
