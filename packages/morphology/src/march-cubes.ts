import { AbortError, InvalidArgumentError, type ProgressCallback } from '@mgraph/core';
import { AMBIGUOUS_CONFIGURATIONS, CUBE_EDGES, cornerOffset, edgeAxis } from './cube-geometry.js';
import { LEWINER_BINARY_TILING } from './lewiner-binary-tiling.js';

/** Smallest corner distance to the level at which a tied ambiguous cube is accepted. */
const MIN_TIE = 2 ** -20;
/** scikit-image's FLT_EPSILON (`np.spacing(1.0)`), in its vertex weights. */
const EPS = 2 ** -52;

/**
 * One cube with a surface, as {@link marchCubes} hands it over: the triangles (cube edge ids,
 * 12 = centre), vertex positions in physical units (3 per id) and a global id per vertex
 * (equal ids = same vertex in neighbouring cubes).
 *
 * @internal
 */
export type CubeVisitor = (
  triangles: readonly number[],
  positions: Float64Array,
  ids: Float64Array,
) => void;

/**
 * Visit every cube of a 3D volume that the isosurface at `level` crosses, plane pair by
 * plane pair, as scikit-image's Lewiner marching cubes does: values read as float32, corner
 * k above the level when `value - level > 0`, vertices placed by scikit-image's weighting
 * (`1 / (eps + |v - level|)` per corner) and rounded to float32 before `spacing` scales
 * them. Triangulations come from {@link LEWINER_BINARY_TILING}; a cube in an ambiguous
 * configuration is accepted only when its corners all lie at the same distance from the
 * level (two-valued data at the midpoint level, e.g. an indicator at 0.5), where that
 * table is exact.
 *
 * @throws InvalidArgumentError for an ambiguous cube whose corners do not tie; AbortError
 *   when `signal` fires (checked per plane)
 * @internal
 */
export function marchCubes(
  fn: string,
  data: ArrayLike<number>,
  shape: readonly [number, number, number],
  level: number,
  spacing: readonly [number, number, number],
  visit: CubeVisitor,
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
): void {
  const [nz, ny, nx] = shape;
  const plane = ny * nx;
  const v = new Float64Array(8);
  const positions = new Float64Array(13 * 3);
  const ids = new Float64Array(13);
  positions.fill(Number.NaN);
  const dev = (i: number) => Math.fround(data[i]!) - level;
  for (let z = 0; z < nz - 1; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny - 1; y++) {
      const base = z * plane + y * nx;
      // corners slid along x: the column at x (corners 0, 2, 4, 6 of the cube, k = dz * 4 +
      // dy * 2 + dx) and the one at x + 1 (1, 3, 5, 7); four reads per cube
      let a0 = dev(base);
      let a1 = dev(base + nx);
      let a2 = dev(base + plane);
      let a3 = dev(base + plane + nx);
      let ma = (a0 > 0 ? 1 : 0) | (a1 > 0 ? 4 : 0) | (a2 > 0 ? 16 : 0) | (a3 > 0 ? 64 : 0);
      for (let x = 0; x < nx - 1; x++) {
        const i = base + x + 1;
        const b0 = dev(i);
        const b1 = dev(i + nx);
        const b2 = dev(i + plane);
        const b3 = dev(i + plane + nx);
        const mb = (b0 > 0 ? 2 : 0) | (b1 > 0 ? 8 : 0) | (b2 > 0 ? 32 : 0) | (b3 > 0 ? 128 : 0);
        const config = ma | mb;
        const tri = LEWINER_BINARY_TILING[config]!;
        if (tri.length > 0) {
          v[0] = a0;
          v[1] = b0;
          v[2] = a1;
          v[3] = b1;
          v[4] = a2;
          v[5] = b2;
          v[6] = a3;
          v[7] = b3;
          if (AMBIGUOUS_CONFIGURATIONS[config] === 1) checkTie(fn, v, z, y, x);
          for (let t = 0; t < tri.length; t++) {
            const id = tri[t]!;
            if (!Number.isNaN(positions[id * 3]!)) continue;
            place(id, v, z, y, x, spacing, positions, ids, shape);
          }
          visit(tri, positions, ids);
          positions.fill(Number.NaN);
        }
        a0 = b0;
        a1 = b1;
        a2 = b2;
        a3 = b3;
        ma = mb >> 1;
      }
    }
    onProgress?.(z + 1, nz - 1);
  }
}

function checkTie(fn: string, v: Float64Array, z: number, y: number, x: number): void {
  const h = Math.abs(v[0]!);
  for (let k = 1; k < 8; k++) {
    if (Math.abs(v[k]!) !== h || h < MIN_TIE) {
      throw new InvalidArgumentError(
        fn,
        'volume',
        `a cube at [${z}, ${y}, ${x}] with values ${Array.from(v, (d) => d).join(', ')} about the level`,
        'cubes whose ambiguous configurations (Lewiner cases 3, 4, 6, 7, 10, 12, 13) have every corner at the same distance from the level (two-valued data at the midpoint level, such as a 0/1 indicator at 0.5): the value-dependent subcases are not implemented',
      );
    }
  }
}

/** Position (physical, float32-rounded before scaling) and global id of vertex `id`. */
function place(
  id: number,
  v: Float64Array,
  z: number,
  y: number,
  x: number,
  spacing: readonly [number, number, number],
  positions: Float64Array,
  ids: Float64Array,
  shape: readonly [number, number, number],
): void {
  const [, ny, nx] = shape;
  const p = [z, y, x];
  if (id === 12) {
    // the centre appears only in tied cubes: every weight equal, so the centre of mass is
    // the cube centre exactly, as scikit-image computes it
    p[0]! += 0.5;
    p[1]! += 0.5;
    p[2]! += 0.5;
    ids[12] = ((z * ny + y) * nx + x) * 4 + 3;
  } else {
    // edge from its lower corner a to b = a + one step along `axis`
    const [a, b] = CUBE_EDGES[id]!;
    const oa = cornerOffset(a);
    const axis = edgeAxis(id);
    const wa = 1 / (EPS + Math.abs(v[a]!));
    const wb = 1 / (EPS + Math.abs(v[b]!));
    for (let i = 0; i < 3; i++) p[i]! += oa[i]!;
    p[axis]! += wb / (wa + wb);
    const lz = z + oa[0]!;
    const ly = y + oa[1]!;
    const lx = x + oa[2]!;
    ids[id] = ((lz * ny + ly) * nx + lx) * 4 + axis;
  }
  for (let i = 0; i < 3; i++) positions[id * 3 + i] = Math.fround(p[i]!) * spacing[i]!;
}
