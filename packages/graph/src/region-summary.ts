import type { LabelRuns } from './label-runs.js';

/** Per-object size, centroid and bounding box of a label image in run form. Internal. */
export interface RegionSummary {
  /** Labels present, ascending. */
  labels: Int32Array;
  /** Region index (into `labels`) of every run. */
  runRegion: Int32Array;
  /** Pixel count per region. */
  size: Float64Array;
  /** Mean coordinate per region, `ndim` values each (row-major axis order). */
  centroid: Float64Array;
  /** `[min0.., max0..]` per region (`2 * ndim` values, maxima exclusive). */
  bbox: Int32Array;
}

/**
 * Size, centroid and bounding box of every label, from its runs (no pixel loop).
 */
export function regionSummary(runs: LabelRuns): RegionSummary {
  const { shape, rows, rowPtr, label, start, end } = runs;
  const ndim = shape.length;
  const labels = Int32Array.from(new Set(label)).sort();
  const n = labels.length;
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(labels[i]!, i);
  const runRegion = new Int32Array(label.length);
  const size = new Float64Array(n);
  const sum = new Float64Array(n * ndim);
  const bbox = new Int32Array(n * 2 * ndim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < ndim; d++) {
      bbox[i * 2 * ndim + d] = shape[d]!;
      bbox[i * 2 * ndim + ndim + d] = 0;
    }
  }
  const coord = new Array<number>(ndim).fill(0);
  for (let r = 0; r < rows; r++) {
    // coordinates of row r along every axis but the last
    let rem = r;
    for (let d = ndim - 2; d >= 0; d--) {
      coord[d] = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    for (let j = rowPtr[r]!; j < rowPtr[r + 1]!; j++) {
      const g = index.get(label[j]!)!;
      runRegion[j] = g;
      const s = start[j]!;
      const e = end[j]!;
      const len = e - s;
      size[g]! += len;
      const box = g * 2 * ndim;
      for (let d = 0; d < ndim - 1; d++) {
        sum[g * ndim + d]! += coord[d]! * len;
        if (coord[d]! < bbox[box + d]!) bbox[box + d] = coord[d]!;
        if (coord[d]! + 1 > bbox[box + ndim + d]!) bbox[box + ndim + d] = coord[d]! + 1;
      }
      sum[g * ndim + ndim - 1]! += ((s + e - 1) * len) / 2;
      if (s < bbox[box + ndim - 1]!) bbox[box + ndim - 1] = s;
      if (e > bbox[box + 2 * ndim - 1]!) bbox[box + 2 * ndim - 1] = e;
    }
  }
  const centroid = sum.map((v, k) => v / size[Math.floor(k / ndim)]!);
  return { labels, runRegion, size, centroid, bbox };
}
