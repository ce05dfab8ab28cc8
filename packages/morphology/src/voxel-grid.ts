import {
  assertDtype,
  assertNdim,
  checkScheme,
  flatData,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
} from '@mgraph/core';
import { checkUnitOptions } from './unit-options-check.js';

/** The physical-units options every measure of this package takes. */
export interface UnitOptions {
  /**
   * Voxel size per axis, in array axis order (`[dz, dy, dx]` for a `[planes, rows, cols]`
   * volume, `[dy, dx]` in 2D), as scipy's `sampling`. Default all 1.
   */
  spacing?: readonly number[];
  /** Name of the length unit of `spacing` (`'um'`, `'nm'`). Default `'voxel'`. */
  unit?: string;
}

/**
 * A checked phase map seen as a 3D grid: 2D maps are one plane (`nz = 1`), so every measure
 * has one code path. Internal.
 *
 * @internal
 */
export interface VoxelGrid {
  /** Phase codes, row-major, contiguous (the input's own data when it is contiguous). */
  readonly codes: Uint8Array;
  /** Dimensions of the input (2 or 3). */
  readonly ndim: 2 | 3;
  /** `[nz, ny, nx]`; `nz = 1` in 2D. */
  readonly shape: readonly [number, number, number];
  /** Voxel size `[sz, sy, sx]`; `sz = 1` in 2D. */
  readonly spacing: readonly [number, number, number];
  /** Length unit name. */
  readonly unit: string;
  /** Number of voxels. */
  readonly size: number;
  /** The checked scheme. */
  readonly scheme: PhaseScheme;
  /** Voxels per phase code. */
  readonly counts: Float64Array;
}

/** Most voxels a measure accepts (indices stay exact in doubles and in the Int32 run tables). */
export const MAX_VOXELS = 2 ** 34;

/**
 * Check a phase map, its scheme and the unit options, and count the voxels of every phase
 * (the one pass that also finds codes outside the scheme).
 *
 * @throws InvalidArgumentError for a map that is not a 2D / 3D uint8 ndarray, an empty
 *   axis, a code with no phase in the scheme, a spacing that is not `ndim` finite positive
 *   numbers, or a unit that is not a non-empty string
 * @internal
 */
export function voxelGrid(
  fn: string,
  phases: PhaseMap,
  schemeArg: PhaseScheme,
  options: UnitOptions,
): VoxelGrid {
  assertNdim(fn, 'phases', phases, [2, 3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const scheme = checkScheme(fn, 'scheme', schemeArg);
  const ndim = phases.shape.length as 2 | 3;
  if (phases.shape.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError(fn, 'phases', phases, 'a map with at least one voxel per axis');
  }
  const shape = (ndim === 3 ? phases.shape : [1, ...phases.shape]) as [number, number, number];
  const size = shape[0] * shape[1] * shape[2];
  if (size > MAX_VOXELS) {
    throw new InvalidArgumentError(fn, 'phases', phases, `at most ${MAX_VOXELS} voxels`);
  }
  const { spacing, unit } = checkUnitOptions(fn, ndim, options.spacing, options.unit);
  const codes = flatData(phases);
  const counts = countCodes(fn, codes, scheme);
  return {
    codes,
    ndim,
    shape,
    spacing,
    unit,
    size,
    scheme,
    counts,
  };
}

/**
 * Voxels per code; throws on the first code the scheme does not have. Four-byte words whose
 * bytes are equal (most of a segmented volume) are counted at once.
 */
function countCodes(fn: string, codes: Uint8Array, scheme: PhaseScheme): Float64Array {
  const hist = new Float64Array(256);
  let i = 0;
  if (codes.byteOffset % 4 === 0) {
    const words = new Uint32Array(codes.buffer, codes.byteOffset, codes.length >>> 2);
    for (let w = 0; w < words.length; w++) {
      const v = words[w]!;
      const low = v & 0xff;
      if (v === Math.imul(low, 0x01010101) >>> 0) hist[low]! += 4;
      else {
        hist[low]!++;
        hist[(v >>> 8) & 0xff]!++;
        hist[(v >>> 16) & 0xff]!++;
        hist[v >>> 24]!++;
      }
    }
    i = words.length * 4;
  }
  for (; i < codes.length; i++) hist[codes[i]!]!++;
  const n = scheme.phases.length;
  for (let c = n; c < 256; c++) {
    if (hist[c]! > 0) {
      throw new InvalidArgumentError(
        fn,
        'phases',
        `a map holding code ${c}`,
        `codes 0..${n - 1} of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.join(', ')}); convert raw file values with applyScheme of @mgraph/core`,
      );
    }
  }
  return hist.slice(0, n);
}

/** Physical volume of the grid (area in 2D), in unit^ndim. @internal */
export function gridVolume(grid: VoxelGrid): number {
  const [sz, sy, sx] = grid.spacing;
  return grid.size * (grid.ndim === 3 ? sz * sy * sx : sy * sx);
}
