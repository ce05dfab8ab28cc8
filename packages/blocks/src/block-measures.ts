import {
  assertDtype,
  assertNdim,
  checkOptions,
  checkScheme,
  flatData,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  phaseCode,
  ShapeMismatchError,
} from '@mgraph/core';
import { as3d } from './as-3d.js';
import type { Block, BlockPlan } from './block-plan.js';

/** Options of {@link blockMeasures}. */
export interface BlockMeasuresOptions {
  /**
   * The three phases whose triple phase boundary edges are counted. Default the scheme's
   * `tpb`; `null` (or a scheme without `tpb`) counts none.
   */
  tpbPhases?: readonly [string, string, string] | null;
}

/** The option keys of {@link BlockMeasuresOptions}. @internal */
export const BLOCK_MEASURES_KEYS: OptionKeys<BlockMeasuresOptions> = { tpbPhases: true };

/**
 * One block's additive counts (plain JSON: numbers and arrays), summed over the blocks by
 * `mergeMeasures`. Every voxel, voxel face and voxel edge of the volume is counted by exactly
 * one block: the block holding the voxel, the face's high-side voxel, the edge's voxel.
 */
export interface MeasuresPartial {
  /** The block's id in its plan. */
  id: number;
  /** Voxels of each phase code in the block. */
  voxels: number[];
  /**
   * Faces between unlike phases the block owns (those between one of its voxels and the
   * voxel at -1 along an axis), per internal axis `[z, y, x]` (2D: no z faces) and unordered
   * code pair: `faces[axis][a * n + b]`, `a < b`, `n` phases.
   */
  faces: number[][];
  /**
   * Triple phase boundary edges the block owns (an edge along axis d is owned by the voxel
   * whose coordinates along the two other axes are the largest of its four), per internal
   * axis `[z, y, x]` (2D: the points where four pixels meet, in `[0]`); `null` when no TPB
   * phases are counted.
   */
  tpb: [number, number, number] | null;
  /** Candidate edges (with four voxels) the block owns, TauFactor's denominator. */
  candidates: number;
}

/**
 * The additive counts of one block behind volume fractions, face-counting surface and
 * interfacial areas and triple phase boundary density (`@mgraph/morphology`'s
 * `volumeFractions`, `specificSurfaceArea`, `interfacialAreas`, `triplePhaseBoundaryDensity`):
 * voxels per phase, faces between unlike phases, TPB edges and candidate edges, each owned by
 * one block so that the sums over all blocks are the whole volume's counts exactly.
 * A face or edge reaches one voxel back along each axis: the block is read with a low halo of
 * one voxel ({@link measuresBox}).
 *
 * @param phases - uint8 phase codes of the box {@link measuresBox}`(block)`: the block and one
 *   voxel before it along every axis where the volume has one (any strides)
 * @param block - the block, from `plan.blocks`
 * @param plan - the {@link BlockPlan} (any halo: the box is {@link measuresBox}'s)
 * @param scheme - the map's phase scheme (codes `0..n-1`)
 * @param options - {@link BlockMeasuresOptions}: `tpbPhases` (the scheme's `tpb`)
 * @returns the block's {@link MeasuresPartial}
 * @throws ShapeMismatchError when `phases` is not the box's shape
 * @throws InvalidArgumentError for a map that is not 2D / 3D uint8, a code outside the
 *   scheme, TPB phases that are not three distinct phases of the scheme, or an unknown option
 */
export function blockMeasures(
  phases: PhaseMap,
  block: Block,
  plan: BlockPlan,
  scheme: PhaseScheme,
  options: BlockMeasuresOptions | null = {},
): MeasuresPartial {
  const fn = 'blockMeasures';
  const o = checkOptions(fn, options, BLOCK_MEASURES_KEYS);
  const s = checkScheme(fn, 'scheme', scheme);
  const tpbCodes = tpbCodesOf(fn, s, o.tpbPhases);
  assertNdim(fn, 'phases', phases, [2, 3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const box = measuresBox(block);
  const ext = box.stop.map((v, d) => v - box.start[d]!);
  if (phases.shape.join() !== ext.join()) {
    throw new ShapeMismatchError(fn, 'phases', ext, phases.shape);
  }
  const codes = flatData(phases);
  const n = s.phases.length;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i]! >= n) {
      throw new InvalidArgumentError(
        fn,
        'phases',
        `a block holding code ${codes[i]}`,
        `codes 0..${n - 1} of scheme ${JSON.stringify(s.name)} (${s.phases.join(', ')})`,
      );
    }
  }
  return countBlock(codes, block, box.start, ext, plan, n, tpbCodes);
}

/**
 * The box {@link blockMeasures} reads: the block and one voxel before it along every axis
 * (clipped at the volume's start).
 *
 * @param block - a block of a plan
 * @returns `{ start, stop }` in volume coordinates
 */
export function measuresBox(block: Block): { start: number[]; stop: number[] } {
  return { start: block.start.map((s) => Math.max(0, s - 1)), stop: block.stop.slice() };
}

/** The TPB codes of `tpbPhases` (default the scheme's), or null for none. @internal */
export function tpbCodesOf(
  fn: string,
  scheme: PhaseScheme,
  tpbPhases: readonly string[] | null | undefined,
): [number, number, number] | null {
  const given = tpbPhases === undefined ? scheme.tpb : tpbPhases;
  if (given === null) return null;
  if (
    !Array.isArray(given) ||
    given.length !== 3 ||
    new Set(given).size !== 3 ||
    given.some((p) => !scheme.phases.includes(p))
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.tpbPhases',
      given,
      `three distinct phases of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.join(', ')}), or null`,
    );
  }
  return given.map((p) => phaseCode(scheme, p)) as [number, number, number];
}

/** The counting pass over the block's voxels of a row-major box. */
function countBlock(
  codes: Uint8Array,
  block: Block,
  boxStart: readonly number[],
  boxExt: readonly number[],
  plan: BlockPlan,
  n: number,
  tpbCodes: [number, number, number] | null,
): MeasuresPartial {
  const [z0, y0, x0] = as3d(block.start, 0);
  const [z1, y1, x1] = as3d(block.stop, 1);
  const [oz, oy, ox] = as3d(boxStart, 0);
  const [, by, bx] = as3d(boxExt);
  const plane = by * bx;
  const voxels = new Float64Array(n);
  const faces = [new Float64Array(n * n), new Float64Array(n * n), new Float64Array(n * n)];
  const [fz, fy, fx] = faces as [Float64Array, Float64Array, Float64Array];
  const lut = new Uint8Array(256);
  if (tpbCodes !== null) {
    lut[tpbCodes[0]] = 1;
    lut[tpbCodes[1]] = 2;
    lut[tpbCodes[2]] = 4;
  }
  let tz = 0;
  let ty = 0;
  let tx = 0;
  for (let z = z0; z < z1; z++) {
    for (let y = y0; y < y1; y++) {
      let i = ((z - oz) * by + (y - oy)) * bx + (x0 - ox);
      for (let x = x0; x < x1; x++, i++) {
        const c = codes[i]!;
        voxels[c]!++;
        // missing neighbours (before the volume's start) hold no TPB phase
        let b = 0;
        let cc = 0;
        let d = 0;
        let e = 0;
        let f = 0;
        let g = 0;
        if (x > 0) {
          const q = codes[i - 1]!;
          if (q !== c) fx[q < c ? q * n + c : c * n + q]!++;
          b = lut[q]!;
        }
        if (y > 0) {
          const q = codes[i - bx]!;
          if (q !== c) fy[q < c ? q * n + c : c * n + q]!++;
          cc = lut[q]!;
          if (x > 0) d = lut[codes[i - bx - 1]!]!;
        }
        if (z > 0) {
          const q = codes[i - plane]!;
          if (q !== c) fz[q < c ? q * n + c : c * n + q]!++;
          e = lut[q]!;
          if (x > 0) f = lut[codes[i - plane - 1]!]!;
          if (y > 0) g = lut[codes[i - plane - bx]!]!;
        }
        const a = lut[c]!;
        if ((a | b | cc | d | e | f | g) === 7) {
          if ((a | b | cc | d) === 7) tz++;
          if ((a | b | e | f) === 7) ty++;
          if ((a | cc | e | g) === 7) tx++;
        }
      }
    }
  }
  return {
    id: block.id,
    voxels: Array.from(voxels),
    faces: faces.map((f) => Array.from(f)),
    tpb: tpbCodes === null ? null : [tz, ty, tx],
    candidates: candidatesIn(block, plan),
  };
}

/**
 * Candidate edges owned by a block: along axis d, its voxels whose coordinates along the two
 * other axes are at least 1 (2D: the points, voxels with y, x >= 1).
 */
function candidatesIn(block: Block, plan: BlockPlan): number {
  const from1 = (d: number) => Math.max(0, block.stop[d]! - Math.max(1, block.start[d]!));
  const all = (d: number) => block.stop[d]! - block.start[d]!;
  if (plan.shape.length === 2) return from1(0) * from1(1);
  return all(0) * from1(1) * from1(2) + all(1) * from1(0) * from1(2) + all(2) * from1(0) * from1(1);
}
