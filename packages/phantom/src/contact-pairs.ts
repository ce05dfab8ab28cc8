import type { Grid } from './grid.js';

/**
 * Side of the paper's contact window: two objects touch when one lies (by at least one
 * pixel) inside the other's mask dilated by a 7x7 square (7x7x7 cube in 3D), i.e. when some
 * pixel of one is within Chebyshev distance `(7 - 1) / 2 = 3` of some pixel of the other.
 * The same rule as `buildGraph` of `@mgraph/graph` with its default `window: 7`.
 */
export const CONTACT_WINDOW = 7;

/**
 * Which labelled objects touch under the {@link CONTACT_WINDOW} rule: for every label `a`,
 * the sorted labels `b != a` (not 0) with at least one pixel inside
 * `binary_dilation(labels == a, ones((window,) * ndim))`.
 *
 * Object by object, on its bounding box grown by the window's radius (nothing outside it can
 * be reached): the mask `labels == a` is dilated by a box, one axis after the other (a box
 * is the product of three segments), with a running count of mask pixels in each
 * `window`-long segment; every other label under the dilated mask is a contact of `a`.
 * Written to be read, as the phantom's ground truth; it shares no code with `@mgraph/graph`.
 *
 * @param labels - object labels per pixel, 0 = no object (pore)
 * @param nLabels - one more than the largest label
 * @param window - odd side of the dilation square, {@link CONTACT_WINDOW} by default
 * @returns `neighbors[a]`: the labels in contact with `a`, ascending (`neighbors[0]` empty)
 */
export function contactPairs(
  grid: Grid,
  labels: Int32Array,
  nLabels: number,
  window: number = CONTACT_WINDOW,
): number[][] {
  const radius = (window - 1) / 2;
  const { planes, rows, cols } = grid;
  const plane = rows * cols;
  // bounding box of every label: [z0, y0, x0, z1, y1, x1]
  const box = new Int32Array(nLabels * 6);
  for (let l = 0; l < nLabels; l++) box.set([planes, rows, cols, -1, -1, -1], l * 6);
  for (let z = 0, i = 0; z < planes; z++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++, i++) {
        const b = labels[i]! * 6;
        if (b === 0) continue;
        if (z < box[b]!) box[b] = z;
        if (y < box[b + 1]!) box[b + 1] = y;
        if (x < box[b + 2]!) box[b + 2] = x;
        if (z > box[b + 3]!) box[b + 3] = z;
        if (y > box[b + 4]!) box[b + 4] = y;
        if (x > box[b + 5]!) box[b + 5] = x;
      }
    }
  }

  const neighbors: number[][] = [[]];
  for (let a = 1; a < nLabels; a++) {
    const b = a * 6;
    if (box[b + 3]! < 0) {
      neighbors.push([]); // label not present
      continue;
    }
    // the bounding box grown by the radius, clipped to the image
    const z0 = Math.max(0, box[b]! - radius);
    const y0 = Math.max(0, box[b + 1]! - radius);
    const x0 = Math.max(0, box[b + 2]! - radius);
    const nz = Math.min(planes - 1, box[b + 3]! + radius) - z0 + 1;
    const ny = Math.min(rows - 1, box[b + 4]! + radius) - y0 + 1;
    const nx = Math.min(cols - 1, box[b + 5]! + radius) - x0 + 1;
    const at = (z: number, y: number, x: number) => (z + z0) * plane + (y + y0) * cols + x + x0;
    let mask: Uint8Array = new Uint8Array(nz * ny * nx);
    for (let z = 0, k = 0; z < nz; z++) {
      for (let y = 0; y < ny; y++) {
        for (let x = 0; x < nx; x++, k++) mask[k] = labels[at(z, y, x)] === a ? 1 : 0;
      }
    }
    for (const axis of [2, 1, 0] as const) mask = dilateAxis(mask, [nz, ny, nx], axis, radius);
    const found = new Set<number>();
    for (let z = 0, k = 0; z < nz; z++) {
      for (let y = 0; y < ny; y++) {
        for (let x = 0; x < nx; x++, k++) {
          if (mask[k] === 0) continue;
          const other = labels[at(z, y, x)]!;
          if (other !== 0 && other !== a) found.add(other);
        }
      }
    }
    neighbors.push([...found].sort((p, q) => p - q));
  }
  return neighbors;
}

/**
 * Dilate a binary `[nz, ny, nx]` array (row-major) along one axis by `radius`: an element
 * becomes 1 when some element of its line along `axis` within `radius` of it is 1.
 */
function dilateAxis(
  mask: Uint8Array,
  dims: readonly [number, number, number],
  axis: 0 | 1 | 2,
  radius: number,
): Uint8Array {
  const step = [dims[1] * dims[2], dims[2], 1][axis]!;
  const length = dims[axis];
  const out = new Uint8Array(mask.length);
  // a line along `axis` starts at `block + offset`: blocks of `step * length` elements, one
  // line per `offset < step` in each
  for (let block = 0; block < mask.length; block += step * length) {
    for (let s = block; s < block + step; s++) {
      dilateLine(mask, out, s, step, length, radius);
    }
  }
  return out;
}

/**
 * One line of {@link dilateAxis}: `length` elements from `s`, `step` apart; `ones` counts the
 * 1s of `mask` at positions `[i - radius, i + radius]` of the line.
 */
function dilateLine(
  mask: Uint8Array,
  out: Uint8Array,
  s: number,
  step: number,
  length: number,
  radius: number,
): void {
  let ones = 0;
  for (let j = 0; j < Math.min(radius, length); j++) ones += mask[s + j * step]!;
  for (let i = 0; i < length; i++) {
    if (i + radius < length) ones += mask[s + (i + radius) * step]!;
    if (i - radius - 1 >= 0) ones -= mask[s + (i - radius - 1) * step]!;
    out[s + i * step] = ones > 0 ? 1 : 0;
  }
}
