import { LEWINER_BINARY_TILING } from './lewiner-binary-tiling.js';

/**
 * Geometry of one marching-cubes cell: corner `k = dz * 4 + dy * 2 + dx` (bit k of a
 * configuration is set when that corner is above the level), twelve edges (0-3 along x,
 * 4-7 along y, 8-11 along z, each from its lower corner) and the centre (id 12).
 *
 * @internal
 */
export const CUBE_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 3],
  [4, 5],
  [6, 7],
  [0, 2],
  [1, 3],
  [4, 6],
  [5, 7],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];

/** Offset `[dz, dy, dx]` of corner `k`. @internal */
export function cornerOffset(k: number): [number, number, number] {
  return [(k >> 2) & 1, (k >> 1) & 1, k & 1];
}

/** Axis (0 = z, 1 = y, 2 = x) an edge runs along. @internal */
export function edgeAxis(edge: number): number {
  return 2 - (edge >> 2);
}

/**
 * Whether a binary configuration is one where Lewiner's marching cubes decides by the
 * corner values (cases 3, 4, 6, 7, 10, 12, 13): a cube face whose corners alternate in sign
 * around it, or two diagonally opposite corners alone on their side (case 4).
 *
 * @internal
 */
export function isAmbiguousConfiguration(config: number): boolean {
  const inside = (k: number) => (config >> k) & 1;
  for (const bit of [1, 2, 4]) {
    const [a, b] = [1, 2, 4].filter((x) => x !== bit) as [number, number];
    for (const side of [0, bit]) {
      const q = [side, side | a, side | a | b, side | b].map(inside);
      if (q[0] === q[2] && q[1] === q[3] && q[0] !== q[1]) return true;
    }
  }
  let n = 0;
  for (let k = 0; k < 8; k++) n += inside(k);
  if (n !== 2 && n !== 6) return false;
  const odd: number[] = [];
  for (let k = 0; k < 8; k++) if (inside(k) === (n === 2 ? 1 : 0)) odd.push(k);
  return (odd[0]! ^ odd[1]!) === 7;
}

/** {@link isAmbiguousConfiguration} of every configuration, 1 = ambiguous. @internal */
export const AMBIGUOUS_CONFIGURATIONS: Uint8Array = Uint8Array.from({ length: 256 }, (_, c) =>
  isAmbiguousConfiguration(c) ? 1 : 0,
);

/**
 * Area of each binary configuration's triangles when every vertex sits at its edge's
 * midpoint (or the cube centre): the surface of a cube of a 0/1 indicator at level 0.5,
 * with voxel size `[sz, sy, sx]`. Each triangle's area is computed as scikit-image's
 * `mesh_surface_area` does (half the norm of the cross product of two edge vectors).
 *
 * @internal
 */
export function binaryConfigurationAreas(spacing: readonly [number, number, number]): Float64Array {
  const areas = new Float64Array(256);
  const point = (id: number): [number, number, number] => {
    if (id === 12) return [0.5 * spacing[0], 0.5 * spacing[1], 0.5 * spacing[2]];
    const [a, b] = CUBE_EDGES[id]!;
    const pa = cornerOffset(a);
    const pb = cornerOffset(b);
    return [0, 1, 2].map((i) => 0.5 * (pa[i]! + pb[i]!) * spacing[i]!) as [number, number, number];
  };
  for (let c = 0; c < 256; c++) {
    const t = LEWINER_BINARY_TILING[c]!;
    let sum = 0;
    for (let i = 0; i < t.length; i += 3) {
      sum += triangleArea(point(t[i]!), point(t[i + 1]!), point(t[i + 2]!));
    }
    areas[c] = sum;
  }
  return areas;
}

/** Half the norm of `(p0 - p1) x (p0 - p2)`, as `mesh_surface_area`. @internal */
export function triangleArea(
  p0: readonly number[],
  p1: readonly number[],
  p2: readonly number[],
): number {
  const a0 = p0[0]! - p1[0]!;
  const a1 = p0[1]! - p1[1]!;
  const a2 = p0[2]! - p1[2]!;
  const b0 = p0[0]! - p2[0]!;
  const b1 = p0[1]! - p2[1]!;
  const b2 = p0[2]! - p2[2]!;
  const c0 = a1 * b2 - a2 * b1;
  const c1 = a2 * b0 - a0 * b2;
  const c2 = a0 * b1 - a1 * b0;
  return Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2) / 2;
}
