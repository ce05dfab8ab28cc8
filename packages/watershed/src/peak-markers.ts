import { rowMajorStrides } from '@mgraph/core';

/**
 * Marker pixels given as a list instead of a per-pixel image: flat row-major positions in
 * increasing order, and the (nonzero) label of each.
 *
 * @internal
 */
export interface SparseMarkers {
  positions: Int32Array;
  labels: Int32Array;
}

/**
 * The markers of a list of peaks as {@link SparseMarkers}: the peak pixels, peaks that touch
 * through a face merged into one marker, markers numbered 1, 2, ... in raster order of their
 * first pixel. The same markers as `label` (connectivity 1) of the image that is 1 at the
 * peaks, without a per-pixel image: a union-find over the peaks alone.
 *
 * @param peaks - `[row, col]` or `[plane, row, col]` coordinates inside `shape`
 * @param shape - the image's shape
 * @internal
 */
export function peakMarkers(
  peaks: readonly (readonly number[])[],
  shape: readonly number[],
): SparseMarkers {
  const strides = rowMajorStrides(shape);
  const flat = new Float64Array(peaks.length);
  peaks.forEach((c, i) => {
    flat[i] = c.reduce((s, x, d) => s + x * strides[d]!, 0);
  });
  flat.sort();
  let n = 0;
  for (let i = 0; i < flat.length; i++)
    if (i === 0 || flat[i] !== flat[i - 1]) flat[n++] = flat[i]!;
  const positions = Int32Array.from(flat.subarray(0, n));
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(positions[i]!, i);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const p = positions[i]!;
    // the face neighbours before p in raster order (the later ones find p themselves)
    for (let d = 0; d < shape.length; d++) {
      if (Math.floor(p / strides[d]!) % shape[d]! === 0) continue;
      const j = index.get(p - strides[d]!);
      if (j === undefined) continue;
      const [a, b] = [root(i), root(j)];
      // the smaller index (earlier pixel) stays the root
      if (a < b) parent[b] = a;
      else parent[a] = b;
    }
  }
  const labels = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = root(i);
    labels[i] = r === i ? ++next : labels[r]!;
  }
  return { positions, labels };
}
