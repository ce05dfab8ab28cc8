import ndarray from 'ndarray';

/** A rectangle of one label: `[label, row0, row1, col0, col1]`, bounds inclusive. */
export type Rect = [number, number, number, number, number];

/** Draw rectangles pixel by pixel into an int32 label image of `rows x cols`. */
export function draw(
  rows: number,
  cols: number,
  rects: readonly Rect[],
): ndarray.NdArray<Int32Array> {
  const img = ndarray(new Int32Array(rows * cols), [rows, cols]);
  for (const [label, r0, r1, c0, c1] of rects) {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) img.set(r, c, label);
  }
  return img;
}

/** Stack a 2D label image `planes` times into a 3D one. */
export function stack(
  img: ndarray.NdArray<Int32Array>,
  planes: number,
): ndarray.NdArray<Int32Array> {
  const [rows, cols] = img.shape as [number, number];
  const data = new Int32Array(planes * rows * cols);
  for (let z = 0; z < planes; z++) data.set(img.data, z * rows * cols);
  return ndarray(data, [planes, rows, cols]);
}

// Codes of CATHODE_SCHEME.
const SSE = 1;
const NMC = 2;
const GRAPHITE = 3;

/**
 * The hand-drawn scene of the graph tests (use window 3: objects touching, diagonals included,
 * are adjacent; a gap of two background pixels separates).
 *
 * Cluster A (rows 0-5): SSE 2 over NMC 1 and NMC 4 (two-pixel gap between them), graphite 3
 *   below both; NMC 5 right of SSE 2, touching NMC 4 diagonally.
 * Cluster B (rows 8-11): SSE 11 over NMC 12 and NMC 13 (gap).
 * Cluster C (rows 14-17): NMC 6 touching NMC 7, graphite 8 below both.
 * Cluster D (rows 20-25): NMC 14 left of SSE 15 (4x4 each), graphite 16 below both: one TPB.
 * NMC 9 alone at rows 20-21, cols 12-13.
 */
export const SCENE: readonly Rect[] = [
  [2, 0, 1, 0, 9],
  [1, 2, 3, 0, 3],
  [4, 2, 3, 6, 9],
  [3, 4, 5, 0, 9],
  [5, 0, 1, 10, 12],
  [11, 8, 9, 0, 9],
  [12, 10, 11, 0, 3],
  [13, 10, 11, 6, 9],
  [6, 14, 15, 0, 3],
  [7, 14, 15, 4, 7],
  [8, 16, 17, 0, 7],
  [14, 20, 23, 0, 3],
  [15, 20, 23, 4, 7],
  [16, 24, 25, 0, 7],
  [9, 20, 21, 12, 13],
];

/** Phase code by label for {@link SCENE} (label 10 unused). */
export const SCENE_PHASES = Uint8Array.from(
  { length: 17 },
  (_, l) =>
    ({
      1: NMC,
      2: SSE,
      3: GRAPHITE,
      4: NMC,
      5: NMC,
      6: NMC,
      7: NMC,
      8: GRAPHITE,
      9: NMC,
      11: SSE,
      12: NMC,
      13: NMC,
      14: NMC,
      15: SSE,
      16: GRAPHITE,
    })[l] ?? 0,
);
