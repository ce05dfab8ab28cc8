import type { FloatData } from './float-data.js';

/**
 * Peak candidates of every label at once, as scikit-image finds them one label at a time:
 * for label l it crops the bounding box of l, sets the other elements to the lowest value,
 * and keeps the elements equal to the maximum of their `(2r+1)^ndim` window (the crop
 * padded with 0) and above `threshold`. Here, in one pass over the image and without
 * crops: an element of l inside l's box is a candidate when no element of l in its window
 * (clipped to the box) is larger, and, when the window reaches past the box, when it is
 * not negative (the padding's 0 would be larger). Face neighbours are tried first, then the
 * `3^ndim` neighbours, and only the few survivors against their whole window.
 *
 * A label none of whose elements is below its window maximum is "trivial" (flat):
 * scikit-image then takes isolated pixels instead; so is a label whose box is one element
 * (scikit-image then keeps it if above the threshold). The caller does both on the crop.
 *
 * @param box - per label l, `box[6 l .. 6 l + 5]` = z0, z1, y0, y1, x0, x1 (inclusive;
 *   z0 = z1 = 0 in 2D); labels without a box have z0 = -1
 * @returns per label the candidates' flat indices in raster order, and per label whether it
 *   is trivial (or a one-element box); undefined when the survivors would cost more than a crop-wise filter
 *   (large plateaus)
 * @internal
 */
export function labelWindowMaxima(
  img: FloatData,
  lab: ArrayLike<number>,
  dims: readonly [number, number, number],
  box: Int32Array,
  r: number,
  threshold: number,
): { candidates: number[][]; trivial: Uint8Array } | undefined {
  const [np, nr, nc] = dims;
  const flat = np === 1;
  const rz = flat ? 0 : r;
  const qz = flat ? 0 : 1;
  const labels = box.length / 6;
  const nontrivial = new Uint8Array(labels);
  const plane = nr * nc;
  const n = img.length;
  // capped at 2^26: a JavaScript array fails near 2^27 entries (the fallback is typed)
  const maxSurvivors = Math.min(
    2 ** 26,
    Math.floor((8 * n) / ((2 * r + 1) * (2 * r + 1) * (2 * rz + 1))),
  );
  const survivors: number[] = [];
  let i = 0;
  for (let z = 0; z < np; z++) {
    for (let y = 0; y < nr; y++) {
      for (let x = 0; x < nc; x++, i++) {
        const l = lab[i]!;
        if (l <= 0 || l >= labels) continue;
        const o = 6 * l;
        const z0 = box[o]!;
        if (z0 < 0 || z < z0 || z > box[o + 1]! || y < box[o + 2]! || y > box[o + 3]!) continue;
        const x0 = box[o + 4]!;
        const x1 = box[o + 5]!;
        if (x < x0 || x > x1) continue;
        const v = img[i]!;
        if (!(v > threshold) && nontrivial[l] !== 0) continue;
        const y0 = box[o + 2]!;
        const y1 = box[o + 3]!;
        const z1 = box[o + 1]!;
        // face neighbours, tested without branches: a neighbour beyond l's box is replaced by
        // the element itself, which is never larger than itself
        const w = x > x0 ? i - 1 : i;
        const e = x < x1 ? i + 1 : i;
        const nn = y > y0 ? i - nc : i;
        const ss = y < y1 ? i + nc : i;
        const up = z > z0 ? i - plane : i;
        const dn = z < z1 ? i + plane : i;
        let larger =
          (v < 0 &&
            (z - rz < z0 || z + rz > z1 || y - r < y0 || y + r > y1 || x - r < x0 || x + r > x1)) ||
          ((+(lab[w] === l) & +(img[w]! > v)) |
            (+(lab[e] === l) & +(img[e]! > v)) |
            (+(lab[nn] === l) & +(img[nn]! > v)) |
            (+(lab[ss] === l) & +(img[ss]! > v)) |
            (+(lab[up] === l) & +(img[up]! > v)) |
            (+(lab[dn] === l) & +(img[dn]! > v))) !==
            0;
        if (!larger) larger = sameLabelLarger(img, lab, l, v, z, y, x, qz, 1, box, dims);
        if (larger) {
          nontrivial[l] = 1;
          continue;
        }
        if (survivors.length === maxSurvivors) return undefined;
        survivors.push(i);
      }
    }
  }
  const candidates: number[][] = Array.from({ length: labels }, () => []);
  for (const s of survivors) {
    const l = lab[s]!;
    const v = img[s]!;
    const z = Math.floor(s / plane);
    const y = Math.floor((s - z * plane) / nc);
    if (sameLabelLarger(img, lab, l, v, z, y, s - z * plane - y * nc, rz, r, box, dims)) {
      nontrivial[l] = 1;
    } else if (v > threshold) candidates[l]!.push(s);
  }
  const trivial = new Uint8Array(labels);
  for (let l = 1; l < labels; l++) {
    const o = 6 * l;
    if (box[o]! < 0) continue;
    const single = box[o] === box[o + 1] && box[o + 2] === box[o + 3] && box[o + 4] === box[o + 5];
    if (nontrivial[l] === 0 || single) trivial[l] = 1;
  }
  return { candidates, trivial };
}

/** Whether an element of label `l` in the window `(z, y, x) +- (rz, r, r)`, clipped to l's box, exceeds `v`. */
function sameLabelLarger(
  img: FloatData,
  lab: ArrayLike<number>,
  l: number,
  v: number,
  z: number,
  y: number,
  x: number,
  rz: number,
  r: number,
  box: Int32Array,
  dims: readonly [number, number, number],
): boolean {
  const [, nr, nc] = dims;
  const o = 6 * l;
  const z1 = Math.min(box[o + 1]!, z + rz);
  const y1 = Math.min(box[o + 3]!, y + r);
  const x0 = Math.max(box[o + 4]!, x - r);
  const x1 = Math.min(box[o + 5]!, x + r);
  for (let zz = Math.max(box[o]!, z - rz); zz <= z1; zz++) {
    for (let yy = Math.max(box[o + 2]!, y - r); yy <= y1; yy++) {
      const row = (zz * nr + yy) * nc;
      for (let xx = x0; xx <= x1; xx++) {
        if (img[row + xx]! > v && lab[row + xx] === l) return true;
      }
    }
  }
  return false;
}

/**
 * `findObjects`' boxes packed as {@link labelWindowMaxima} reads them: per label l (index
 * 0 unused), `6 l .. 6 l + 5` = z0, z1, y0, y1, x0, x1 inclusive (z0 = z1 = 0 in 2D), z0 = -1
 * for a label not present.
 *
 * @internal
 */
export function packBoxes(boxes: readonly ([number, number][] | null)[], ndim: number): Int32Array {
  const packed = new Int32Array(6 * (boxes.length + 1)).fill(-1);
  boxes.forEach((box, k) => {
    if (box === null) return;
    const o = 6 * (k + 1);
    const b3 = ndim === 3 ? box : [[0, 1] as [number, number], ...box];
    for (let d = 0; d < 3; d++) {
      packed[o + 2 * d] = b3[d]![0];
      packed[o + 2 * d + 1] = b3[d]![1] - 1;
    }
  });
  return packed;
}
