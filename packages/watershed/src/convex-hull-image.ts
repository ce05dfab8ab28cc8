import { assertNumericData, flatData, type NdArray } from '@mgraph/core';
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
 * @param mask - 2D or 3D ndarray of any numeric dtype and strides; nonzero = foreground
 * @returns uint8 ndarray, 1 inside the hull, same shape; all 0 for an empty mask. Unlike
 *   scikit-image, flat 3D objects (all voxels in one plane) get their hull too.
 * @throws InvalidArgumentError for a non-2D/3D or non-numeric input
 *
 * @remarks
 * References: A. M. Andrew, "Another efficient algorithm for convex hulls in two
 * dimensions", Information Processing Letters 9 (1979) 216-219,
 * doi:10.1016/0020-0190(79)90069-3. K. L. Clarkson, P. W. Shor, "Applications of random
 * sampling in computational geometry, II", Discrete Comput. Geom. 4 (1989) 387-421.
 */
export function convexHullImage(mask: NdArray): NdArray<Uint8Array> {
  assertImage('convexHullImage', 'mask', mask);
  assertNumericData('convexHullImage', 'mask', mask);
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

/**
 * Each point with its 2 ndim neighbours half a pixel away (one doubled unit) along each axis;
 * with `signs`, only the neighbours along the signs set for that point (bit 2d: +1 along axis
 * d, bit 2d + 1: -1; axes z, y, x).
 */
function withOffsets(pts: readonly number[], ndim: number, signs?: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < pts.length; k += 3) {
    for (let d = 3 - ndim; d < 3; d++) {
      for (const s of [-1, 1]) {
        if (signs !== undefined && (signs[k / 3]! & (1 << (2 * d + (s > 0 ? 0 : 1)))) === 0) {
          continue;
        }
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
  if (first === undefined) return incrementalHull(withOffsets(centres, 3))!.planes;
  // A vertex v plus an offset o is a vertex of the sum (hull + octahedron of offsets) only
  // when some direction has both as support points: an offset +-e_d needs a face normal at v
  // with a component of that sign along d. The other offsets lie inside; leave them out.
  return incrementalHull(withOffsets(first.vertices, 3, first.signs))!.planes;
}

/**
 * Incremental 3D convex hull in exact integer arithmetic (coordinates are small integers, so
 * normals and plane offsets are exact in float64), points inserted farthest from their
 * centroid first; coplanar points are not vertices. Conflict lists (Clarkson-Shor): every
 * point still outside the hull is filed under one face it sees, a point filed nowhere is
 * inside for good. Adding a point walks the faces it sees from its own (they form one
 * connected patch, reached across edges through the face adjacency), replaces them by a
 * cone of faces from the horizon to the point, and files the points of the removed faces
 * under the cone's faces.
 *
 * @returns the outward planes (one per facet) and the vertex coordinates, or undefined when
 *   the points do not span 3D
 */
function incrementalHull(pts: number[]): HullResult | undefined {
  const n = pts.length / 3;
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  const Z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    Z[i] = pts[3 * i]!;
    Y[i] = pts[3 * i + 1]!;
    X[i] = pts[3 * i + 2]!;
  }
  const faces = new FaceList(X, Y, Z, 4 * n + 16);
  // initial tetrahedron
  const i0 = 0;
  let i1 = -1;
  for (let i = 1; i < n && i1 < 0; i++) {
    if (X[i] !== X[i0] || Y[i] !== Y[i0] || Z[i] !== Z[i0]) i1 = i;
  }
  if (i1 < 0) return undefined;
  let i2 = -1;
  for (let i = 1; i < n && i2 < 0; i++) {
    faces.add(i0, i1, i);
    if (faces.p[0] !== 0 || faces.p[1] !== 0 || faces.p[2] !== 0) i2 = i;
    faces.count = 0;
  }
  if (i2 < 0) return undefined;
  faces.add(i0, i1, i2);
  let i3 = -1;
  for (let i = 1; i < n && i3 < 0; i++) if (faces.side(0, i) !== 0) i3 = i;
  if (i3 < 0) return undefined;
  const above = faces.side(0, i3) > 0;
  faces.count = 0;
  // orient the tetrahedron so that every face's normal points away from the fourth vertex
  const [a, b] = above ? [i1, i0] : [i0, i1];
  faces.add(a, b, i2); // edges a-b, b-i2, i2-a
  faces.add(a, i3, b); // a-i3, i3-b, b-a
  faces.add(b, i3, i2); // b-i3, i3-i2, i2-b
  faces.add(i2, i3, a); // i2-i3, i3-a, a-i2
  faces.link(0, [1, 2, 3]);
  faces.link(1, [3, 2, 0]);
  faces.link(2, [1, 3, 0]);
  faces.link(3, [2, 1, 0]);
  const lists: number[][] = [[], [], [], []];
  const conflictOf = new Int32Array(n).fill(-1);
  const file = (i: number, first: number, last: number) => {
    for (let f = first; f < last; f++) {
      if (faces.side(f, i) > 0) {
        conflictOf[i] = f;
        lists[f]!.push(i);
        return;
      }
    }
  };
  for (let i = 0; i < n; i++) if (i !== i0 && i !== i1 && i !== i2 && i !== i3) file(i, 0, 4);
  // farthest from the centroid first: most later points then fall inside at once
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    cx += X[i]!;
    cy += Y[i]!;
    cz += Z[i]!;
  }
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dist[i] = (X[i]! * n - cx) ** 2 + (Y[i]! * n - cy) ** 2 + (Z[i]! * n - cz) ** 2;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((p, q) => dist[q]! - dist[p]! || p - q);
  const visible: number[] = [];
  const horizon: number[] = []; // per horizon edge: u, w, the face beyond, its edge slot
  // seen[f] === i: face f was found visible from point i
  let seen = new Int32Array(64).fill(-1);
  const coneFrom = new Int32Array(n);
  const coneTo = new Int32Array(n);
  for (const i of order) {
    const start = conflictOf[i]!;
    if (start < 0) continue;
    if (seen.length < faces.count) {
      const grown = new Int32Array(2 * faces.count).fill(-1);
      grown.set(seen);
      seen = grown;
    }
    // the faces i sees: a walk across edges from the face it is filed under
    visible.length = 0;
    horizon.length = 0;
    seen[start] = i;
    visible.push(start);
    for (let k = 0; k < visible.length; k++) {
      const f = visible[k]!;
      for (let e = 0; e < 3; e++) {
        const g = faces.adj[3 * f + e]!;
        if (seen[g] === i) continue;
        if (faces.side(g, i) > 0) {
          seen[g] = i;
          visible.push(g);
        }
      }
    }
    for (const f of visible) {
      for (let e = 0; e < 3; e++) {
        const g = faces.adj[3 * f + e]!;
        if (seen[g] === i) continue;
        horizon.push(faces.v[3 * f + e]!, faces.v[3 * f + ((e + 1) % 3)]!, g, faces.slotOf(g, f));
      }
    }
    const pool: number[] = [];
    for (const f of visible) {
      faces.alive[f] = 0;
      for (const j of lists[f]!) if (j !== i) pool.push(j);
      lists[f] = [];
    }
    // the cone: face (u, w, i) per horizon edge u -> w; its neighbours are the face beyond the
    // edge and the cone faces of the horizon edges leaving w and entering u
    const first = faces.count;
    for (let h = 0; h < horizon.length; h += 4) {
      const u = horizon[h]!;
      const w = horizon[h + 1]!;
      const f = faces.add(u, w, i);
      lists.push([]);
      coneFrom[u] = f;
      coneTo[w] = f;
      faces.adj[3 * f] = horizon[h + 2]!;
      faces.adj[3 * horizon[h + 2]! + horizon[h + 3]!] = f;
    }
    for (let f = first; f < faces.count; f++) {
      faces.adj[3 * f + 1] = coneFrom[faces.v[3 * f + 1]!]!;
      faces.adj[3 * f + 2] = coneTo[faces.v[3 * f]!]!;
    }
    for (const j of pool) {
      conflictOf[j] = -1;
      file(j, first, faces.count);
    }
    conflictOf[i] = -1;
  }
  return faces.result(n);
}

/** Outward planes, vertices (z, y, x) and the normal signs at each vertex of a 3D hull. */
interface HullResult {
  planes: number[];
  vertices: number[];
  signs: number[];
}

/**
 * Triangles of {@link incrementalHull}: vertex triples `v`, outward planes `p` (nx, ny, nz,
 * d: `nx x + ny y + nz z + d > 0` outside), neighbour across each edge `adj` (edge e runs
 * from vertex e to vertex e + 1), alive flags; grown by doubling.
 */
class FaceList {
  count = 0;
  v: Int32Array;
  p: Float64Array;
  adj: Int32Array;
  alive: Uint8Array;

  /** @param capacity - initial number of faces (grows by doubling) */
  constructor(
    private readonly X: Float64Array,
    private readonly Y: Float64Array,
    private readonly Z: Float64Array,
    capacity: number,
  ) {
    this.v = new Int32Array(3 * capacity);
    this.p = new Float64Array(4 * capacity);
    this.adj = new Int32Array(3 * capacity);
    this.alive = new Uint8Array(capacity);
  }

  /** Append the face a -> b -> c (normal (b - a) x (c - a)); returns its index. */
  add(a: number, b: number, c: number): number {
    if (this.count === this.alive.length) this.grow();
    const { X, Y, Z } = this;
    const ux = X[b]! - X[a]!;
    const uy = Y[b]! - Y[a]!;
    const uz = Z[b]! - Z[a]!;
    const vx = X[c]! - X[a]!;
    const vy = Y[c]! - Y[a]!;
    const vz = Z[c]! - Z[a]!;
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    const f = this.count++;
    this.v[3 * f] = a;
    this.v[3 * f + 1] = b;
    this.v[3 * f + 2] = c;
    this.p[4 * f] = nx;
    this.p[4 * f + 1] = ny;
    this.p[4 * f + 2] = nz;
    this.p[4 * f + 3] = -(nx * X[a]! + ny * Y[a]! + nz * Z[a]!);
    this.alive[f] = 1;
    return f;
  }

  /** Signed (scaled) distance of point i beyond face f's plane. */
  side(f: number, i: number): number {
    const p = this.p;
    return (
      p[4 * f]! * this.X[i]! +
      p[4 * f + 1]! * this.Y[i]! +
      p[4 * f + 2]! * this.Z[i]! +
      p[4 * f + 3]!
    );
  }

  /** Set the neighbours of face f across its three edges. */
  link(f: number, across: readonly number[]): void {
    for (let e = 0; e < 3; e++) this.adj[3 * f + e] = across[e]!;
  }

  /** Which edge slot of face g faces f. */
  slotOf(g: number, f: number): number {
    return this.adj[3 * g] === f ? 0 : this.adj[3 * g + 1] === f ? 1 : 2;
  }

  private grow(): void {
    const cap = 2 * this.alive.length;
    const v = new Int32Array(3 * cap);
    v.set(this.v);
    this.v = v;
    const p = new Float64Array(4 * cap);
    p.set(this.p);
    this.p = p;
    const adj = new Int32Array(3 * cap);
    adj.set(this.adj);
    this.adj = adj;
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    this.alive = alive;
  }

  /**
   * The live faces' planes, each facet once (reduced by the gcd), the vertices, and for each
   * vertex the signs its faces' normals take along z, y, x (bits 2d: positive, 2d + 1: negative).
   */
  result(n: number): HullResult {
    const reduced = new Float64Array(4 * this.count);
    const used = new Uint8Array(n);
    let m = 0;
    for (let f = 0; f < this.count; f++) {
      if (this.alive[f] === 0) continue;
      const a = this.p[4 * f]!;
      const b = this.p[4 * f + 1]!;
      const c = this.p[4 * f + 2]!;
      const d = this.p[4 * f + 3]!;
      // used: 64 (a vertex) | sign bits of the normal along z (c), y (b), x (a)
      const bits =
        64 |
        (c > 0 ? 1 : c < 0 ? 2 : 0) |
        (b > 0 ? 4 : b < 0 ? 8 : 0) |
        (a > 0 ? 16 : a < 0 ? 32 : 0);
      for (let e = 0; e < 3; e++) used[this.v[3 * f + e]!]! |= bits;
      const g = gcd(gcd(gcd(Math.abs(a), Math.abs(b)), Math.abs(c)), Math.abs(d));
      reduced[4 * m] = a / g;
      reduced[4 * m + 1] = b / g;
      reduced[4 * m + 2] = c / g;
      reduced[4 * m + 3] = d / g;
      m++;
    }
    // a facet comes as several coplanar triangles: sort, keep one of each
    const order = new Int32Array(m);
    for (let k = 0; k < m; k++) order[k] = k;
    const R = reduced;
    order.sort(
      (r, t) =>
        R[4 * r]! - R[4 * t]! ||
        R[4 * r + 1]! - R[4 * t + 1]! ||
        R[4 * r + 2]! - R[4 * t + 2]! ||
        R[4 * r + 3]! - R[4 * t + 3]!,
    );
    const planes: number[] = [];
    let prev = -1;
    for (const k of order) {
      const same =
        prev >= 0 &&
        R[4 * k] === R[4 * prev] &&
        R[4 * k + 1] === R[4 * prev + 1] &&
        R[4 * k + 2] === R[4 * prev + 2] &&
        R[4 * k + 3] === R[4 * prev + 3];
      if (!same) planes.push(R[4 * k]!, R[4 * k + 1]!, R[4 * k + 2]!, R[4 * k + 3]!);
      prev = k;
    }
    const vertices: number[] = [];
    const signs: number[] = [];
    for (let i = 0; i < n; i++) {
      if (used[i] === 0) continue;
      vertices.push(this.Z[i]!, this.Y[i]!, this.X[i]!);
      signs.push(used[i]! & 63);
    }
    return { planes, vertices, signs };
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
