import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';

/**
 * The benchmark masks of DESIGN.md: `count` random discs (2D) or spheres (3D) of radius
 * uniform in [rmin, rmax], centres uniform in the image, seeded; overlaps merge.
 */
export function balls(shape: number[], count: number, rmin: number, rmax: number, seed: number) {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const mask = new Uint8Array(size);
  const s3 = shape.length === 3 ? shape : [1, ...shape];
  const [, nr, nc] = s3 as [number, number, number];
  for (let k = 0; k < count; k++) {
    const r = rng.uniform(rmin, rmax);
    const c = s3.map((s, d) => (shape.length === 2 && d === 0 ? 0 : rng.uniform(0, s)));
    const lo = c.map((x, d) => (shape.length === 2 && d === 0 ? 0 : Math.max(0, Math.ceil(x - r))));
    const hi = c.map((x, d) =>
      shape.length === 2 && d === 0 ? 0 : Math.min(s3[d]! - 1, Math.floor(x + r)),
    );
    for (let z = lo[0]!; z <= hi[0]!; z++) {
      for (let y = lo[1]!; y <= hi[1]!; y++) {
        for (let x = lo[2]!; x <= hi[2]!; x++) {
          const d2 = (z - c[0]!) ** 2 + (y - c[1]!) ** 2 + (x - c[2]!) ** 2;
          if (d2 <= r * r) mask[(z * nr + y) * nc + x] = 1;
        }
      }
    }
  }
  return ndarray(mask, shape);
}
