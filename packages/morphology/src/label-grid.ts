import {
  assertAllocation,
  assertDtype,
  assertNdim,
  flatData,
  InvalidArgumentError,
  type NdArray,
} from '@mgraph/core';
import { checkUnitOptions } from './unit-options-check.js';

/** A checked instance (label) map seen as a 3D grid (`nz = 1` in 2D). @internal */
export interface LabelGrid {
  /** Labels, row-major; 0 = no particle. */
  labels: ArrayLike<number>;
  ndim: 2 | 3;
  shape: [number, number, number];
  spacing: [number, number, number];
  unit: string;
  /** Largest label (per-label tables have `maxLabel + 1` rows). */
  maxLabel: number;
}

/**
 * Check an instance map (2D / 3D, int32 / uint32 / uint16 / uint8, no negative label) and the
 * unit options; find the largest label. Per-label tables are indexed by label: a largest
 * label above `max(voxels, 2^24)` is refused before they are allocated.
 *
 * @throws InvalidArgumentError naming `fn`, `argument` and the value
 * @internal
 */
export function labelGrid(
  fn: string,
  argument: string,
  instances: NdArray,
  spacing: unknown,
  unit: unknown,
): LabelGrid {
  assertNdim(fn, argument, instances, [2, 3]);
  assertDtype(fn, argument, instances, ['int32', 'uint32', 'uint16', 'uint8']);
  if (instances.shape.some((n) => n < 1)) {
    throw new InvalidArgumentError(
      fn,
      argument,
      instances,
      'a map with at least one voxel per axis',
    );
  }
  const ndim = instances.shape.length as 2 | 3;
  const units = checkUnitOptions(fn, ndim, spacing, unit);
  const labels = flatData(instances as NdArray<Int32Array>);
  let maxLabel = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l > maxLabel) maxLabel = l;
    else if (l < 0) {
      throw new InvalidArgumentError(
        fn,
        argument,
        `a map holding label ${l}`,
        'labels >= 0 (0 = no particle)',
      );
    }
  }
  assertAllocation(fn, argument, `a map whose largest label is ${maxLabel}`, maxLabel + 1, {
    limit: Math.max(labels.length, 2 ** 24),
    what: 'per-label table rows',
    subject: 'labels numbered compactly (relabel them 1..n)',
  });
  const shape = (ndim === 3 ? instances.shape.slice() : [1, ...instances.shape]) as [
    number,
    number,
    number,
  ];
  return { labels, ndim, shape, maxLabel, ...units };
}
