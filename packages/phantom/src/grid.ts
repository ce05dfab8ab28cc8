import type { Rng } from '@mgraph/core';

/**
 * Internal geometry of an image: 2D shapes are handled as 3D with one plane, so that every
 * generator runs the same code for `(rows, cols)` and `(planes, rows, cols)`.
 */
export interface Grid {
  /** 2 or 3. */
  readonly ndim: 2 | 3;
  /** The shape as the user gave it. */
  readonly shape: readonly number[];
  readonly planes: number;
  readonly rows: number;
  readonly cols: number;
  /** Pixel (voxel) count. */
  readonly size: number;
}

/** A point or direction as `[plane, row, col]` (plane = 0 in 2D). */
export type Vec3 = [number, number, number];

/** Build a {@link Grid} from a validated 2D or 3D shape. */
export function makeGrid(shape: readonly number[]): Grid {
  const ndim = shape.length as 2 | 3;
  const planes = ndim === 3 ? shape[0]! : 1;
  const rows = shape[ndim - 2]!;
  const cols = shape[ndim - 1]!;
  return { ndim, shape: [...shape], planes, rows, cols, size: planes * rows * cols };
}

/** A uniformly random unit vector in the image's space (no plane component in 2D). */
export function randomDirection(rng: Rng, ndim: 2 | 3): Vec3 {
  for (;;) {
    const z = ndim === 3 ? rng.normal() : 0;
    const y = rng.normal();
    const x = rng.normal();
    const n = Math.hypot(z, y, x);
    if (n > 1e-9) return [z / n, y / n, x / n];
  }
}

/** A uniformly random point inside the image, as continuous coordinates. */
export function randomPoint(rng: Rng, grid: Grid): Vec3 {
  return [
    grid.ndim === 3 ? rng.uniform(0, grid.planes) : 0,
    rng.uniform(0, grid.rows),
    rng.uniform(0, grid.cols),
  ];
}

/**
 * Visit every pixel of the axis-aligned box of half-width `half` around `center`, clipped to
 * the image: `visit(index, dz, dy, dx)` gets the flat index and the offset from the center.
 */
export function forEachInBox(
  grid: Grid,
  center: Vec3,
  half: number,
  visit: (index: number, dz: number, dy: number, dx: number) => void,
): void {
  const lo = (c: number) => Math.max(0, Math.floor(c - half));
  const hi = (c: number, n: number) => Math.min(n - 1, Math.ceil(c + half));
  const z0 = grid.ndim === 3 ? lo(center[0]) : 0;
  const z1 = grid.ndim === 3 ? hi(center[0], grid.planes) : 0;
  const y0 = lo(center[1]);
  const y1 = hi(center[1], grid.rows);
  const x0 = lo(center[2]);
  const x1 = hi(center[2], grid.cols);
  const plane = grid.rows * grid.cols;
  for (let z = z0; z <= z1; z++) {
    const dz = grid.ndim === 3 ? z - center[0] : 0;
    for (let y = y0; y <= y1; y++) {
      const dy = y - center[1];
      let index = z * plane + y * grid.cols + x0;
      for (let x = x0; x <= x1; x++, index++) visit(index, dz, dy, x - center[2]);
    }
  }
}

/**
 * The face neighbours (4 in 2D, 6 in 3D) of pixel `index` at `(z, y, x)`, passed to `visit`.
 */
export function forEachFaceNeighbor(
  grid: Grid,
  index: number,
  visit: (neighbor: number) => void,
): void {
  const plane = grid.rows * grid.cols;
  const z = Math.floor(index / plane);
  const rem = index - z * plane;
  const y = Math.floor(rem / grid.cols);
  const x = rem - y * grid.cols;
  if (x > 0) visit(index - 1);
  if (x < grid.cols - 1) visit(index + 1);
  if (y > 0) visit(index - grid.cols);
  if (y < grid.rows - 1) visit(index + grid.cols);
  if (z > 0) visit(index - plane);
  if (z < grid.planes - 1) visit(index + plane);
}
