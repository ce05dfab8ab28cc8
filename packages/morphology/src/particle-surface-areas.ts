import type { ProgressCallback } from '@mgraph/core';
import { forEachMixedCell } from './cell-configurations.js';
import { addCompensated } from './compensated-sum.js';
import { binaryConfigurationAreas } from './cube-geometry.js';
import type { LabelGrid } from './label-grid.js';
import { binarySquareLengths } from './square-geometry.js';

/**
 * Marching-cubes area of every particle of a label grid, indexed by label: particle `l`'s
 * value is `mesh_surface_area(*marching_cubes(labels == l, 0.5, spacing=spacing)[:2])` of
 * scikit-image (open at the map's border), or in 2D the `find_contours` length of its
 * indicator. One pass over the cubes; no mesh, nothing allocated per voxel.
 *
 * @internal
 */
export function particleSurfaceAreas(
  fn: string,
  grid: LabelGrid,
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
): Float64Array {
  const [sz, sy, sx] = grid.spacing;
  const table =
    grid.ndim === 3 ? binaryConfigurationAreas([sz, sy, sx]) : binarySquareLengths(sy, sx);
  // per label [sum, compensation] (Neumaier), as one particle may span millions of cubes
  const sums = new Float64Array(2 * (grid.maxLabel + 1));
  const state = new Float64Array(2);
  forEachMixedCell(
    fn,
    grid.labels,
    grid.shape,
    grid.ndim,
    (values, configs, n) => {
      for (let i = 0; i < n; i++) {
        const l = values[i]!;
        if (l === 0) continue;
        state[0] = sums[2 * l]!;
        state[1] = sums[2 * l + 1]!;
        addCompensated(state, table[configs[i]!]!);
        sums[2 * l] = state[0]!;
        sums[2 * l + 1] = state[1]!;
      }
    },
    onProgress,
    signal,
  );
  const areas = new Float64Array(grid.maxLabel + 1);
  for (let l = 0; l < areas.length; l++) areas[l] = sums[2 * l]! + sums[2 * l + 1]!;
  return areas;
}
