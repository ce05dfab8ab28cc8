import { InvalidArgumentError } from '@mgraph/core';
import type { RegionSumsPartial } from './block-region-sums.js';

/** One label of {@link mergeRegionSums}: `regionProps`' fields of the same names. */
export interface RegionSums {
  label: number;
  /** Voxels. */
  area: number;
  /** `[min0, min1(, min2), max0 + 1, max1 + 1(, max2 + 1)]`, as scikit-image's `bbox`. */
  bbox: number[];
  /** Mean voxel coordinate per axis. */
  centroid: number[];
}

/**
 * Merge the blocks' {@link RegionSumsPartial}s: per label, voxels and coordinate sums added,
 * bounding boxes joined; the result equals the `label`, `area`, `bbox` and `centroid` of
 * `@mgraph/watershed`'s `regionProps` on the whole label volume, in label order.
 *
 * @param partials - the blocks' partials (any order; every block once)
 * @param ndim - 2 or 3
 * @returns one {@link RegionSums} per label, ascending
 * @throws InvalidArgumentError for partials whose arrays do not match their labels and `ndim`
 */
export function mergeRegionSums(partials: readonly RegionSumsPartial[], ndim: 2 | 3): RegionSums[] {
  const fn = 'mergeRegionSums';
  if (ndim !== 2 && ndim !== 3) throw new InvalidArgumentError(fn, 'ndim', ndim, '2 or 3');
  const acc = new Map<number, { area: number; sum: number[]; min: number[]; max: number[] }>();
  partials.forEach((p, b) => {
    const n = p?.labels?.length;
    const ok =
      Number.isInteger(n) &&
      p.voxels?.length === n &&
      [p.sums, p.min, p.max].every((v) => v?.length === n * ndim);
    if (!ok) {
      throw new InvalidArgumentError(
        fn,
        `partials[${b}]`,
        p,
        `a RegionSumsPartial of a ${ndim}D volume (blockRegionSums')`,
      );
    }
    p.labels.forEach((l, k) => {
      const at = (v: number[]) => v.slice(k * ndim, k * ndim + ndim);
      const seen = acc.get(l);
      if (seen === undefined) {
        acc.set(l, { area: p.voxels[k]!, sum: at(p.sums), min: at(p.min), max: at(p.max) });
        return;
      }
      seen.area += p.voxels[k]!;
      for (let d = 0; d < ndim; d++) {
        seen.sum[d]! += p.sums[k * ndim + d]!;
        seen.min[d] = Math.min(seen.min[d]!, p.min[k * ndim + d]!);
        seen.max[d] = Math.max(seen.max[d]!, p.max[k * ndim + d]!);
      }
    });
  });
  return [...acc.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([label, s]) => ({
      label,
      area: s.area,
      bbox: [...s.min, ...s.max.map((m) => m + 1)],
      centroid: s.sum.map((v) => v / s.area),
    }));
}
