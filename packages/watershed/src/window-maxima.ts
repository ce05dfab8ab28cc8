import type { FloatData } from './float-data.js';

/**
 * `image == maximum_filter(image, size=2r+1, mode='constant') & image > threshold` without
 * the filter, by testing windows directly: an element with a larger value among its
 * `3^ndim` neighbours (all inside the window), or a negative one whose window reaches past
 * the edge (the padding's 0 is larger), is rejected at once; the few survivors are compared
 * with their whole window. `trivial` says whether every element of `region` (all elements
 * without one) equals its window maximum (scikit-image's "trivial image"), which is
 * established or refuted on the way. Returns `undefined` when the survivors would cost more
 * than the separable filter (plateaus): the caller then runs `maximumFilter`.
 *
 * @param shape - 2D `(rows, cols)` or 3D `(planes, rows, cols)`
 * @internal
 */
export function windowMaxima(
  img: FloatData,
  shape: readonly number[],
  r: number,
  threshold: number,
  region: Uint8Array | undefined,
): { out: Uint8Array; trivial: boolean } | undefined {
  const ndim = shape.length;
  const [np, nr, nc] = (ndim === 3 ? shape : [1, ...shape]) as [number, number, number];
  const rz = ndim === 3 ? r : 0;
  const qz = ndim === 3 ? 1 : 0;
  const n = img.length;
  const plane = nr * nc;
  const windowSize = (2 * r + 1) ** ndim;
  // capped at 2^26: a JavaScript array fails near 2^27 entries (the fallback is typed)
  const maxSurvivors = Math.min(2 ** 26, Math.floor((8 * n) / windowSize));
  const survivors: number[] = [];
  let nontrivial = false;
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      for (let x = 0; x < nc; x++, i++) {
        const v = img[i]!;
        const counts = region === undefined || region[i] !== 0;
        if (!(v > threshold) && (nontrivial || !counts)) continue;
        // a clipped window holds the constant 0 of the padding; then the face neighbours
        // (the likeliest to be larger), then all 3^ndim neighbours
        let larger =
          (v < 0 && (z < rz || z + rz >= np || y < r || y + r >= nr || x < r || x + r >= nc)) ||
          (x > 0 && img[i - 1]! > v) ||
          (x + 1 < nc && img[i + 1]! > v) ||
          (y > 0 && img[i - nc]! > v) ||
          (y + 1 < nr && img[i + nc]! > v) ||
          (qz === 1 && z > 0 && img[i - plane]! > v) ||
          (qz === 1 && z + 1 < np && img[i + plane]! > v);
        if (!larger) {
          larger = windowHasLarger(img, v, [z, y, x], [qz, 1, 1], [np, nr, nc]);
        }
        if (larger) {
          if (counts) nontrivial = true;
          continue;
        }
        if (survivors.length === maxSurvivors) return undefined;
        survivors.push(i);
      }
    }
  }
  const out = new Uint8Array(n);
  for (const s of survivors) {
    const v = img[s]!;
    const z = Math.floor(s / plane);
    const y = Math.floor((s - z * plane) / nc);
    const isMax = !windowHasLarger(
      img,
      v,
      [z, y, s - z * plane - y * nc],
      [rz, r, r],
      [np, nr, nc],
    );
    if (isMax) {
      if (v > threshold) out[s] = 1;
    } else if (region === undefined || region[s] !== 0) nontrivial = true;
  }
  return { out, trivial: !nontrivial };
}

/**
 * Whether some element of the box `centre +- radius` (clipped to the array, `dims` as
 * (planes, rows, cols)) is larger than `v`.
 */
function windowHasLarger(
  img: FloatData,
  v: number,
  centre: readonly [number, number, number],
  radius: readonly [number, number, number],
  dims: readonly [number, number, number],
): boolean {
  const [z, y, x] = centre;
  const [np, nr, nc] = dims;
  const z1 = Math.min(np - 1, z + radius[0]);
  const y1 = Math.min(nr - 1, y + radius[1]);
  const x0 = Math.max(0, x - radius[2]);
  const x1 = Math.min(nc - 1, x + radius[2]);
  for (let zz = Math.max(0, z - radius[0]); zz <= z1; zz++) {
    for (let yy = Math.max(0, y - radius[1]); yy <= y1; yy++) {
      const row = (zz * nr + yy) * nc;
      for (let xx = x0; xx <= x1; xx++) if (img[row + xx]! > v) return true;
    }
  }
  return false;
}
