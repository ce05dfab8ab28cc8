/**
 * Uniform value in [0, 1) of integer lattice point `(z, y, x)` under `seed`: a 32-bit
 * integer hash (multiply-xorshift, the finaliser of MurmurHash3), so any point is computed
 * alone, with no generator state.
 */
export function latticeHash(z: number, y: number, x: number, seed: number): number {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(z, 0x9e3779b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Value noise at voxel `(z, y, x)`: the lattice values ({@link latticeHash}) of the 8
 * corners of the lattice cell of side `lattice` around the voxel, interpolated trilinearly
 * with smoothstep weights. A smooth random field in [0, 1) whose value at a voxel depends on
 * the voxel and the seed only.
 *
 * @remarks
 * References: K. Perlin, "An image synthesizer", SIGGRAPH 1985 (value / gradient noise);
 * A. Appleby, MurmurHash3 (the hash finaliser).
 */
export function valueNoise(z: number, y: number, x: number, lattice: number, seed: number): number {
  const fz = z / lattice;
  const fy = y / lattice;
  const fx = x / lattice;
  const iz = Math.floor(fz);
  const iy = Math.floor(fy);
  const ix = Math.floor(fx);
  let tz = fz - iz;
  let ty = fy - iy;
  let tx = fx - ix;
  tz = tz * tz * (3 - 2 * tz);
  ty = ty * ty * (3 - 2 * ty);
  tx = tx * tx * (3 - 2 * tx);
  const c000 = latticeHash(iz, iy, ix, seed);
  const c001 = latticeHash(iz, iy, ix + 1, seed);
  const c010 = latticeHash(iz, iy + 1, ix, seed);
  const c011 = latticeHash(iz, iy + 1, ix + 1, seed);
  const c100 = latticeHash(iz + 1, iy, ix, seed);
  const c101 = latticeHash(iz + 1, iy, ix + 1, seed);
  const c110 = latticeHash(iz + 1, iy + 1, ix, seed);
  const c111 = latticeHash(iz + 1, iy + 1, ix + 1, seed);
  const c00 = c000 + (c001 - c000) * tx;
  const c01 = c010 + (c011 - c010) * tx;
  const c10 = c100 + (c101 - c100) * tx;
  const c11 = c110 + (c111 - c110) * tx;
  const c0 = c00 + (c01 - c00) * ty;
  const c1 = c10 + (c11 - c10) * ty;
  return c0 + (c1 - c0) * tz;
}

/**
 * {@link valueNoise} over the box `[start, stop)`, row-major, the same values voxel for voxel
 * (the lattice values of the box computed once, the smoothstep weights once per coordinate).
 */
export function valueNoiseBox(
  start: readonly number[],
  stop: readonly number[],
  lattice: number,
  seed: number,
): Float64Array {
  const axes = [0, 1, 2].map((d) => {
    const n = stop[d]! - start[d]!;
    const cell = new Int32Array(n);
    const weight = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const f = (start[d]! + k) / lattice;
      const i = Math.floor(f);
      const t = f - i;
      cell[k] = i;
      weight[k] = t * t * (3 - 2 * t);
    }
    const first = cell[0]!;
    return { n, cell, weight, first, count: cell[n - 1]! - first + 2 };
  });
  const [az, ay, ax] = axes as [(typeof axes)[0], (typeof axes)[0], (typeof axes)[0]];
  const lat = new Float64Array(az.count * ay.count * ax.count);
  for (let a = 0, i = 0; a < az.count; a++) {
    for (let b = 0; b < ay.count; b++) {
      for (let c = 0; c < ax.count; c++, i++) {
        lat[i] = latticeHash(az.first + a, ay.first + b, ax.first + c, seed);
      }
    }
  }
  const sy = ax.count;
  const sz = ay.count * ax.count;
  const out = new Float64Array(az.n * ay.n * ax.n);
  for (let z = 0, i = 0; z < az.n; z++) {
    const tz = az.weight[z]!;
    const oz = (az.cell[z]! - az.first) * sz;
    for (let y = 0; y < ay.n; y++) {
      const ty = ay.weight[y]!;
      const oy = oz + (ay.cell[y]! - ay.first) * sy;
      for (let x = 0; x < ax.n; x++, i++) {
        const tx = ax.weight[x]!;
        const o = oy + ax.cell[x]! - ax.first;
        const c000 = lat[o]!;
        const c001 = lat[o + 1]!;
        const c010 = lat[o + sy]!;
        const c011 = lat[o + sy + 1]!;
        const c100 = lat[o + sz]!;
        const c101 = lat[o + sz + 1]!;
        const c110 = lat[o + sz + sy]!;
        const c111 = lat[o + sz + sy + 1]!;
        const c00 = c000 + (c001 - c000) * tx;
        const c01 = c010 + (c011 - c010) * tx;
        const c10 = c100 + (c101 - c100) * tx;
        const c11 = c110 + (c111 - c110) * tx;
        const c0 = c00 + (c01 - c00) * ty;
        const c1 = c10 + (c11 - c10) * ty;
        out[i] = c0 + (c1 - c0) * tz;
      }
    }
  }
  return out;
}
