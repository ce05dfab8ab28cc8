import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { convexHullImage } from '../src/index.js';

/**
 * Brute-force 3D hull image: every plane through three of the half-voxel offset points
 * (doubled coordinates) that has all points on one side bounds the hull; a voxel is in the
 * hull when its centre satisfies all of them. Returns undefined for flat point sets.
 */
function bruteHull(mask: Uint8Array, shape: [number, number, number]): Uint8Array | undefined {
  const [nz, ny, nx] = shape;
  const pts: number[][] = [];
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        if (mask[(z * ny + y) * nx + x] === 0) continue;
        for (let d = 0; d < 3; d++) {
          for (const s of [-1, 1]) {
            const p = [2 * z, 2 * y, 2 * x];
            p[d]! += s;
            pts.push(p);
          }
        }
      }
    }
  }
  const planes: number[][] = [];
  const m = pts.length;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (let k = j + 1; k < m; k++) {
        const [a, b, c] = [pts[i]!, pts[j]!, pts[k]!];
        const u = b.map((v, d) => v - a[d]!);
        const w = c.map((v, d) => v - a[d]!);
        const n = [
          u[1]! * w[2]! - u[2]! * w[1]!,
          u[2]! * w[0]! - u[0]! * w[2]!,
          u[0]! * w[1]! - u[1]! * w[0]!,
        ];
        if (n.every((v) => v === 0)) continue;
        let pos = false;
        let neg = false;
        for (const q of pts) {
          const s = n.reduce((acc, v, d) => acc + v * (q[d]! - a[d]!), 0);
          if (s > 0) pos = true;
          if (s < 0) neg = true;
        }
        if (pos && neg) continue;
        const sign = pos ? -1 : 1; // inside: sign * n . (x - a) <= 0
        planes.push([...n.map((v) => sign * v), a[0]!, a[1]!, a[2]!]);
      }
    }
  }
  if (planes.length === 0 || planes.every((p) => p.slice(0, 3).every((v) => v === 0))) {
    return undefined;
  }
  const out = new Uint8Array(nz * ny * nx);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const c = [2 * z, 2 * y, 2 * x];
        const inside = planes.every(
          (p) => p[0]! * (c[0]! - p[3]!) + p[1]! * (c[1]! - p[4]!) + p[2]! * (c[2]! - p[5]!) <= 0,
        );
        if (inside) out[(z * ny + y) * nx + x] = 1;
      }
    }
  }
  return out;
}

describe('convexHullImage in 3D', () => {
  it('equals a brute-force hull (all planes through three offset points) on random voxel sets', () => {
    const rng = createRng(99);
    const rand = (n: number) => rng.integer(0, n);
    const shape: [number, number, number] = [6, 7, 8];
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const mask = new Uint8Array(6 * 7 * 8);
      const count = 2 + rand(7);
      for (let k = 0; k < count; k++) mask[rand(mask.length)] = 1;
      const want = bruteHull(mask, shape);
      if (want === undefined) continue;
      const got = convexHullImage(ndarray(mask, shape)).data;
      expect(Array.from(got)).toEqual(Array.from(want));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
