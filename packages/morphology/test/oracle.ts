// Brute-force oracles of the tests: components by breadth-first flood (no run tables), TPB
// edges and their activity by looking at every voxel edge's four voxels.

/** Per-voxel component id (BFS flood of equal codes, face connectivity) and faces per id. */
export function floodComponents(codes: Uint8Array, shape: number[]) {
  const [nz, ny, nx] = (shape.length === 3 ? shape : [1, ...shape]) as [number, number, number];
  const n = codes.length;
  const id = new Int32Array(n).fill(-1);
  const faces: number[] = [];
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (id[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    id[s] = count;
    let f = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const z = Math.floor(v / (ny * nx));
      const y = Math.floor(v / nx) % ny;
      const x = v % nx;
      if (z === 0) f |= 1;
      if (z === nz - 1) f |= 2;
      if (y === 0) f |= 4;
      if (y === ny - 1) f |= 8;
      if (x === 0) f |= 16;
      if (x === nx - 1) f |= 32;
      const nbs: [number, boolean][] = [
        [v - ny * nx, z > 0],
        [v + ny * nx, z < nz - 1],
        [v - nx, y > 0],
        [v + nx, y < ny - 1],
        [v - 1, x > 0],
        [v + 1, x < nx - 1],
      ];
      for (const [w, ok] of nbs) {
        if (ok && id[w] === -1 && codes[w] === codes[s]) {
          id[w] = count;
          queue[tail++] = w;
        }
      }
    }
    faces.push(f);
    count++;
  }
  return { id, faces };
}

/** A reach as a predicate on the face bits (internal axes [z, y, x]) of a component. */
export function reachTest(reach: string, ndim: number): (f: number) => boolean {
  if (reach === 'anywhere') return () => true;
  if (reach === 'any-face') return (f) => (f & (ndim === 3 ? 63 : 60)) !== 0;
  const m = /^(.*)-of-axis-(\d)$/.exec(reach)!;
  const a = Number(m[2]) + 3 - ndim;
  const lo = (f: number) => ((f >> (2 * a)) & 1) === 1;
  const hi = (f: number) => ((f >> (2 * a + 1)) & 1) === 1;
  if (m[1] === 'low-face') return lo;
  if (m[1] === 'high-face') return hi;
  if (m[1] === 'either-face') return (f) => lo(f) || hi(f);
  return (f) => lo(f) && hi(f);
}

/**
 * Every voxel edge with four voxels, the four voxel indices, per internal axis: edges along
 * z, y, x in 3D; the 2x2 points in 2D (axis 0).
 */
export function forEachVoxelEdge(
  shape: number[],
  visit: (axis: number, index: number, voxels: number[]) => void,
): void {
  const [nz, ny, nx] = (shape.length === 3 ? shape : [1, ...shape]) as [number, number, number];
  const at = (z: number, y: number, x: number) => (z * ny + y) * nx + x;
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        const i = at(z, y, x);
        if (y > 0 && x > 0) visit(0, i, [i, at(z, y, x - 1), at(z, y - 1, x), at(z, y - 1, x - 1)]);
        if (shape.length === 2) continue;
        if (z > 0 && x > 0) visit(1, i, [i, at(z, y, x - 1), at(z - 1, y, x), at(z - 1, y, x - 1)]);
        if (z > 0 && y > 0) visit(2, i, [i, at(z, y - 1, x), at(z - 1, y, x), at(z - 1, y - 1, x)]);
      }
}

/** TPB and active TPB edge lists per axis by brute force. */
export function bruteTpb(
  codes: Uint8Array,
  shape: number[],
  tpb: number[],
  reach: ((f: number) => boolean)[],
) {
  const { id, faces } = floodComponents(codes, shape);
  const axes = shape.length === 3 ? 3 : 1;
  const all: number[][] = Array.from({ length: axes }, () => []);
  const active: number[][] = Array.from({ length: axes }, () => []);
  forEachVoxelEdge(shape, (axis, i, vox) => {
    const present = tpb.every((c) => vox.some((v) => codes[v] === c));
    if (!present) return;
    all[axis]!.push(i);
    const ok = tpb.every((c, k) => vox.some((v) => codes[v] === c && reach[k]!(faces[id[v]!]!)));
    if (ok) active[axis]!.push(i);
  });
  return { all, active };
}
