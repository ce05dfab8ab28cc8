// The bench's seeded three-phase map, computed box by box (any box of the volume alone, the
// same voxels whatever the boxes): three value-noise fields on a lattice of LATTICE voxels, f
// (background vs solid), g (nmc) and h (graphite; sse where neither), cut into the cathode codes 0 background,
// 1 sse, 2 nmc, 3 graphite. A stand-in for @mgraph/phantom's block-wise writer.

const LATTICE = 12;

/** Uniform [0, 1) value of lattice point (x, y, z) of field `seed`. */
function hash(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(z, 0x9e3779b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Smoothed trilinear value noise of field `seed` over the box, row-major. */
function noise(start: number[], stop: number[], seed: number): Float32Array {
  const [z0, y0, x0] = start as [number, number, number];
  const [z1, y1, x1] = stop as [number, number, number];
  const l0 = start.map((s) => Math.floor(s / LATTICE));
  const ln = stop.map((s, d) => Math.floor((s - 1) / LATTICE) + 2 - l0[d]!);
  const lat = new Float32Array(ln[0]! * ln[1]! * ln[2]!);
  for (let a = 0, i = 0; a < ln[0]!; a++)
    for (let b = 0; b < ln[1]!; b++)
      for (let c = 0; c < ln[2]!; c++, i++) lat[i] = hash(l0[2]! + c, l0[1]! + b, l0[0]! + a, seed);
  const fade = (t: number) => t * t * (3 - 2 * t);
  const out = new Float32Array((z1 - z0) * (y1 - y0) * (x1 - x0));
  const sy = ln[2]!;
  const sz = ln[1]! * ln[2]!;
  let i = 0;
  for (let z = z0; z < z1; z++) {
    const iz = Math.floor(z / LATTICE);
    const tz = fade(z / LATTICE - iz);
    for (let y = y0; y < y1; y++) {
      const iy = Math.floor(y / LATTICE);
      const ty = fade(y / LATTICE - iy);
      const base = (iz - l0[0]!) * sz + (iy - l0[1]!) * sy;
      for (let x = x0; x < x1; x++, i++) {
        const ix = Math.floor(x / LATTICE);
        const tx = fade(x / LATTICE - ix);
        const p = base + ix - l0[2]!;
        const c00 = lat[p]! + (lat[p + 1]! - lat[p]!) * tx;
        const c01 = lat[p + sy]! + (lat[p + sy + 1]! - lat[p + sy]!) * tx;
        const c10 = lat[p + sz]! + (lat[p + sz + 1]! - lat[p + sz]!) * tx;
        const c11 = lat[p + sz + sy]! + (lat[p + sz + sy + 1]! - lat[p + sz + sy]!) * tx;
        const c0 = c00 + (c01 - c00) * ty;
        const c1 = c10 + (c11 - c10) * ty;
        out[i] = c0 + (c1 - c0) * tz;
      }
    }
  }
  return out;
}

/** Cathode codes of the box `[start, stop)` of the bench's volume, row-major. */
export function phasesBox(start: number[], stop: number[], seed: number): Uint8Array {
  const f = noise(start, stop, seed);
  const g = noise(start, stop, seed ^ 0x5bd1e995);
  const h = noise(start, stop, seed ^ 0x7feb352d);
  const out = new Uint8Array(f.length);
  for (let i = 0; i < f.length; i++) {
    out[i] = f[i]! < 0.4 ? 0 : g[i]! > 0.54 ? 2 : h[i]! > 0.54 ? 3 : 1;
  }
  return out;
}
