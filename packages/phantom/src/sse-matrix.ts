import type { Rng } from '@mgraph/core';
import { gaussianRandomField } from './gaussian-filter.js';
import { forEachFaceNeighbor, type Grid } from './grid.js';

/** Options of {@link fillSseMatrix}. */
export interface SseMatrixOptions {
  /** Requested SSE fraction of the whole image. */
  fraction: number;
  /** Gaussian sigma of the pore field, pixels. */
  poreScale: number;
  /** Mean grain radius, pixels. */
  grainRadius: number;
}

/**
 * Fill the free pixels (label 0) with SSE and pores. A smooth random field decides which
 * free pixels are pores: exactly the lowest `free - fraction * size` of them, so the SSE
 * fraction is met to the pixel whenever there is room. The SSE is then cut into grains by
 * geodesic Voronoi growth (face-connected breadth-first flooding inside the SSE) from
 * seeds drawn uniformly among SSE pixels, one per `grainRadius`-ball volume; SSE pixels no
 * seed reaches start grains of their own. Every grain is therefore connected.
 *
 * @param labels - read (0 = free) and written: `firstLabel..lastLabel` on SSE pixels
 * @returns the SSE pixel count and the last label used (`firstLabel - 1` when none)
 */
export function fillSseMatrix(
  grid: Grid,
  options: SseMatrixOptions,
  rng: Rng,
  labels: Int32Array,
  firstLabel: number,
): { covered: number; lastLabel: number } {
  // typed arrays only: a JavaScript array of one entry per free voxel fails near 2^27 entries
  let freeCount = 0;
  for (let i = 0; i < grid.size; i++) if (labels[i] === 0) freeCount++;
  const sseCount = Math.min(freeCount, Math.round(options.fraction * grid.size));
  const poreCount = freeCount - sseCount;
  const field = gaussianRandomField(grid, options.poreScale, rng);
  const isSse = new Uint8Array(grid.size);
  if (poreCount === 0) {
    for (let i = 0; i < grid.size; i++) if (labels[i] === 0) isSse[i] = 1;
  } else {
    const values = new Float32Array(freeCount);
    for (let i = 0, k = 0; i < grid.size; i++) if (labels[i] === 0) values[k++] = field[i]!;
    values.sort();
    const threshold = values[poreCount - 1]!;
    let poresAtThreshold = poreCount - lowerCount(values, threshold);
    for (let i = 0; i < grid.size; i++) {
      if (labels[i] !== 0) continue;
      const v = field[i]!;
      if (v > threshold) isSse[i] = 1;
      else if (v === threshold) {
        if (poresAtThreshold > 0) poresAtThreshold--;
        else isSse[i] = 1;
      }
    }
  }
  let sseTotal = 0;
  for (let i = 0; i < grid.size; i++) sseTotal += isSse[i]!;
  const ssePixels = new Int32Array(sseTotal);
  for (let i = 0, k = 0; i < grid.size; i++) if (isSse[i] === 1) ssePixels[k++] = i;
  const grainVolume =
    grid.ndim === 2
      ? Math.PI * options.grainRadius ** 2
      : (4 / 3) * Math.PI * options.grainRadius ** 3;
  const seeds = Math.min(ssePixels.length, Math.max(1, Math.round(ssePixels.length / grainVolume)));
  const queue = new Int32Array(grid.size);
  let head = 0;
  let tail = 0;
  let label = firstLabel - 1;
  for (let k = 0; k < seeds && ssePixels.length > 0; k++) {
    const i = ssePixels[rng.integer(0, ssePixels.length)]!;
    if (labels[i] !== 0) continue;
    labels[i] = ++label;
    queue[tail++] = i;
  }
  const flood = () => {
    while (head < tail) {
      const i = queue[head++]!;
      const l = labels[i]!;
      forEachFaceNeighbor(grid, i, (j) => {
        if (isSse[j] === 1 && labels[j] === 0) {
          labels[j] = l;
          queue[tail++] = j;
        }
      });
    }
  };
  flood();
  for (const i of ssePixels) {
    if (labels[i] !== 0) continue;
    labels[i] = ++label;
    queue[tail++] = i;
    flood();
  }
  return { covered: ssePixels.length, lastLabel: label };
}

/** Number of entries of the sorted `values` strictly below `x`. */
function lowerCount(values: Float32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
