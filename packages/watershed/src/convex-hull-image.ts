import { flatData, type NdArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { assertImage } from './neighborhood.js';

/**
 * Convex hull image of a binary image, as `skimage.morphology.convex_hull_image` (0.19,
 * `offset_coordinates=True`): each foreground pixel stands for the 2 ndim points half a
 * pixel away from its centre along each axis; the result marks the pixels whose centre lies
 * in the closed convex hull of those points.
 *
 * The hull is computed in exact integer arithmetic (coordinates doubled) from the pixels
 * that are extreme on every axis-parallel line through them: Andrew's monotone chain in 2D;
 * in 3D an incremental hull of those voxel centres, then of its vertices' half-voxel
 * offsets. Every row is then filled between the hull's exact entry and exit points.
 *
 * @param mask - 2D or 3D ndarray of any dtype and strides; nonzero = foreground
 * @returns uint8 ndarray, 1 inside the hull, same shape; all 0 for an empty mask. Unlike
 *   scikit-image, flat 3D objects (all voxels in one plane) get their hull too.
 * @throws InvalidArgumentError for a non-2D/3D input
 *
 * @remarks
 * References: A. M. Andrew, "Another efficient algorithm for convex hulls in two
 * dimensions", Information Processing Letters 9 (1979) 216-219,
 * doi:10.1016/0020-0190(79)90069-3. K. L. Clarkson, P. W. Shor, "Applications of random
 * sampling in computational geometry, II", Discrete Comput. Geom. 4 (1989) 387-421.
 */
export function convexHullImage(mask: NdArray): NdArray<Uint8Array> {
  assertImage('convexHullImage', 'mask', mask);
  const src = flatData(mask as NdArray<Uint8Array>);
  const shape = mask.shape.slice();
  return ndarray(convexHullFlat(src, shape), shape);
}

/**
 * {@link convexHullImage} on a flat row-major array.
 *
 * @internal
 */
export function convexHullFlat(src: ArrayLike<number>, shape: readonly number[]): Uint8Array {
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  const out = new Uint8Array(np * nr * nc);
  // Hull vertices are extreme on every axis-parallel line through them: keep the pixels
  // first or last in their row (and, in 3D, in their column and their plane-line too).
  const centres = extremePixels(src, np, nr, nc);
  if (centres.length === 0) return out;
  const planes = ndim === 2 ? hull2d(withOffsets(centres, 2)) : hull3d(centres);
  // fill: for each line (z, y), the x with a*2x + (b*2y + c*2z + d) <= 0 for every plane
  const count = planes.length / 4;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      let lo = 0;
      let hi = nc - 1;
      for (let f = 0; f < count && lo <= hi; f++) {
        const a = planes[4 * f]!;
        const rest = planes[4 * f + 1]! * 2 * y + planes[4 * f + 2]! * 2 * z + planes[4 * f + 3]!;
        // a * 2x + rest <= 0
        if (a === 0) {
          if (rest > 0) hi = -1;
        } else if (a > 0) hi = Math.min(hi, Math.floor(-rest / (2 * a)));
        else lo = Math.max(lo, Math.ceil(-rest / (2 * a)));
      }
      if (lo <= hi) out.fill(1, (z * nr + y) * nc + lo, (z * nr + y) * nc + hi + 1);
    }
  }
  return out;
}

/** Doubled `(z, y, x)` coordinates of the pixels extreme on all their axis-parallel lines. */
function extremePixels(src: ArrayLike<number>, np: number, nr: number, nc: number): number[] {
  const yFirst = new Int32Array(np * nc).fill(-1);
  const yLast = new Int32Array(np * nc);
  const zFirst = new Int32Array(nr * nc).fill(-1);
  const zLast = new Int32Array(nr * nc);
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      for (let x = 0; x < nc; x++, i++) {
        if (src[i] === 0) continue;
        if (yFirst[z * nc + x]! < 0) yFirst[z * nc + x] = y;
        yLast[z * nc + x] = y;
        if (zFirst[y * nc + x]! < 0) zFirst[y * nc + x] = z;
        zLast[y * nc + x] = z;
      }
    }
  }
  const pts: number[] = [];
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      const row = (z * nr + y) * nc;
      let first = -1;
      let last = -1;
      for (let x = 0; x < nc; x++) {
        if (src[row + x] !== 0) {
          if (first < 0) first = x;
          last = x;
        }
      }
      if (first < 0) continue;
      for (const x of first === last ? [first] : [first, last]) {
        const yEnd = y === yFirst[z * nc + x] || y === yLast[z * nc + x];
        const zEnd = z === zFirst[y * nc + x] || z === zLast[y * nc + x];
        if (yEnd && zEnd) pts.push(2 * z, 2 * y, 2 * x);
      }
    }
  }
  return pts;
}

/** Each point with its 2 ndim neighbours half a pixel away (one doubled unit) along each axis. */
function withOffsets(pts: readonly number[], ndim: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < pts.length; k += 3) {
    for (let d = 3 - ndim; d < 3; d++) {
      for (const s of [-1, 1]) {
        const p = [pts[k]!, pts[k + 1]!, pts[k + 2]!];
        p[d]! += s;
        out.push(p[0]!, p[1]!, p[2]!);
      }
    }
  }
  return out;
}

/**
 * Closed convex polygon of points `(0, y, x)` as outward half-planes `[a, b, 0, d]`
 * (`a x + b y + d <= 0` inside), in exact integer arithmetic.
 */
function hull2d(pts: number[]): number[] {
  const n = pts.length / 3;
  const idx = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => pts[3 * i + 2]! - pts[3 * j + 2]! || pts[3 * i + 1]! - pts[3 * j + 1]!,
  );
  const X = (i: number) => pts[3 * i + 2]!;
  const Y = (i: number) => pts[3 * i + 1]!;
  const cross = (o: number, a: number, b: number) =>
    (X(a) - X(o)) * (Y(b) - Y(o)) - (Y(a) - Y(o)) * (X(b) - X(o));
  const chain: number[] = [];
  for (const pass of [idx, idx.slice().reverse()]) {
    const start = chain.length;
    for (const i of pass) {
      while (
        chain.length >= start + 2 &&
        cross(chain[chain.length - 2]!, chain[chain.length - 1]!, i) <= 0
      ) {
        chain.pop();
      }
      chain.push(i);
    }
    chain.pop();
  }
  const planes: number[] = [];
  for (let k = 0; k < chain.length; k++) {
    const p = chain[k]!;
    const q = chain[(k + 1) % chain.length]!;
    // counter-clockwise in (x, y): inside is left of p -> q, i.e. cross(q - p, r - p) >= 0
    const ex = X(q) - X(p);
    const ey = Y(q) - Y(p);
    // -(ex (ry - py) - ey (rx - px)) <= 0  =>  ey rx - ex ry + (ex py - ey px) <= 0
    planes.push(ey, -ex, 0, ex * Y(p) - ey * X(p));
  }
  return planes;
}

/**
 * Closed convex polytope of the half-pixel offset points of voxel centres `(z, y, x)`
 * (doubled) as outward half-spaces `[a, b, c, d]` (`a x + b y + c z + d <= 0` inside): the
 * hull of the centres first (when they span 3D), then the hull of its vertices' offsets.
 */
function hull3d(centres: number[]): number[] {
  const first = incrementalHull(centres);
  const corners = first === undefined ? centres : first.vertices;
  return incrementalHull(withOffsets(corners, 3))!.planes;
}

/**
 * Incremental 3D convex hull in exact integer arithmetic, points inserted farthest from
 * their centroid first; coplanar points are not vertices.
 *
 * @returns the outward planes and the vertex coordinates, or undefined when the points do
 *   not span 3D
 */
function incrementalHull(pts: number[]): { planes: number[]; vertices: number[] } | undefined {
  const n = pts.length / 3;
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  const Z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    Z[i] = pts[3 * i]!;
    Y[i] = pts[3 * i + 1]!;
    X[i] = pts[3 * i + 2]!;
  }
  // normal (b - a) x (c - a), components in (x, y, z) order
  const normal = (a: number, b: number, c: number): [number, number, number] => {
    const ux = X[b]! - X[a]!;
    const uy = Y[b]! - Y[a]!;
    const uz = Z[b]! - Z[a]!;
    const vx = X[c]! - X[a]!;
    const vy = Y[c]! - Y[a]!;
    const vz = Z[c]! - Z[a]!;
    return [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
  };
  // faces: vertex triples, outward planes (nx, ny, nz, d), alive flags; grown by doubling
  let cap = 64;
  let fv = new Int32Array(3 * cap);
  let fp = new Float64Array(4 * cap);
  let alive = new Uint8Array(cap);
  let nf = 0;
  let live = 0;
  const addFace = (a: number, b: number, c: number) => {
    if (nf === cap) {
      cap *= 2;
      const v2 = new Int32Array(3 * cap);
      v2.set(fv);
      fv = v2;
      const p2 = new Float64Array(4 * cap);
      p2.set(fp);
      fp = p2;
      const a2 = new Uint8Array(cap);
      a2.set(alive);
      alive = a2;
    }
    const [nx, ny, nz] = normal(a, b, c);
    fv[3 * nf] = a;
    fv[3 * nf + 1] = b;
    fv[3 * nf + 2] = c;
    fp[4 * nf] = nx;
    fp[4 * nf + 1] = ny;
    fp[4 * nf + 2] = nz;
    fp[4 * nf + 3] = -(nx * X[a]! + ny * Y[a]! + nz * Z[a]!);
    alive[nf++] = 1;
    live++;
  };
  const side = (f: number, i: number) =>
    fp[4 * f]! * X[i]! + fp[4 * f + 1]! * Y[i]! + fp[4 * f + 2]! * Z[i]! + fp[4 * f + 3]!;
  // initial tetrahedron
  const i0 = 0;
  let i1 = -1;
  for (let i = 1; i < n && i1 < 0; i++) {
    if (X[i] !== X[i0] || Y[i] !== Y[i0] || Z[i] !== Z[i0]) i1 = i;
  }
  if (i1 < 0) return undefined;
  let i2 = -1;
  for (let i = 1; i < n && i2 < 0; i++) {
    if (normal(i0, i1, i).some((c) => c !== 0)) i2 = i;
  }
  if (i2 < 0) return undefined;
  addFace(i0, i1, i2);
  let i3 = -1;
  for (let i = 1; i < n && i3 < 0; i++) if (side(0, i) !== 0) i3 = i;
  if (i3 < 0) return undefined;
  const above = side(0, i3) > 0;
  nf = 0;
  live = 0;
  // orient the tetrahedron so that every face's normal points away from the fourth vertex
  const [a, b] = above ? [i1, i0] : [i0, i1];
  addFace(a, b, i2);
  addFace(a, i3, b);
  addFace(b, i3, i2);
  addFace(i2, i3, a);
  // farthest from the centroid first: most later points then fall inside at once
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    cx += X[i]!;
    cy += Y[i]!;
    cz += Z[i]!;
  }
  const dist = Float64Array.from(
    { length: n },
    (_, i) => (X[i]! * n - cx) ** 2 + (Y[i]! * n - cy) ** 2 + (Z[i]! * n - cz) ** 2,
  );
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => dist[q]! - dist[p]! || p - q);
  const visible: number[] = [];
  const edges = new Set<number>();
  const horizon: number[] = [];
  for (const i of order) {
    if (i === i0 || i === i1 || i === i2 || i === i3) continue;
    const xi = X[i]!;
    const yi = Y[i]!;
    const zi = Z[i]!;
    visible.length = 0;
    for (let f = 0; f < nf; f++) {
      if (alive[f] === 0) continue;
      const q = 4 * f;
      if (fp[q]! * xi + fp[q + 1]! * yi + fp[q + 2]! * zi + fp[q + 3]! > 0) visible.push(f);
    }
    if (visible.length === 0) continue;
    edges.clear();
    for (const f of visible) {
      for (let e = 0; e < 3; e++) edges.add(fv[3 * f + e]! * n + fv[3 * f + ((e + 1) % 3)]!);
    }
    horizon.length = 0;
    for (const f of visible) {
      alive[f] = 0;
      live--;
      for (let e = 0; e < 3; e++) {
        const u = fv[3 * f + e]!;
        const w = fv[3 * f + ((e + 1) % 3)]!;
        if (!edges.has(w * n + u)) horizon.push(u, w);
      }
    }
    for (let h = 0; h < horizon.length; h += 2) addFace(horizon[h]!, horizon[h + 1]!, i);
    if (live < nf / 2) {
      // compact the face arrays
      let m = 0;
      for (let f = 0; f < nf; f++) {
        if (alive[f] === 0) continue;
        fv.copyWithin(3 * m, 3 * f, 3 * f + 3);
        fp.copyWithin(4 * m, 4 * f, 4 * f + 4);
        alive[m++] = 1;
      }
      nf = m;
    }
  }
  // facets come as several coplanar triangles: keep each plane once (reduced by the gcd)
  const planes: number[] = [];
  const seen = new Set<string>();
  const used = new Set<number>();
  for (let f = 0; f < nf; f++) {
    if (alive[f] === 0) continue;
    for (let e = 0; e < 3; e++) used.add(fv[3 * f + e]!);
    const q = Array.from(fp.subarray(4 * f, 4 * f + 4));
    const g = q.reduce((acc, c) => gcd(acc, Math.abs(c)), 0);
    const key = q.map((c) => c / g).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    planes.push(...q);
  }
  const vertices: number[] = [];
  for (const v of used) vertices.push(Z[v]!, Y[v]!, X[v]!);
  return { planes, vertices };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
