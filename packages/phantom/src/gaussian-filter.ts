import type { Rng } from '@mgraph/core';
import type { Grid } from './grid.js';

/**
 * Separable Gaussian smoothing of a flat row-major image with scipy's default `reflect`
 * boundary (`d c b a | a b c d | d c b a`) and a kernel truncated at 4 sigma.
 * Returns a new array; `sigma <= 0` returns a copy.
 *
 * @remarks
 * References: `scipy.ndimage.gaussian_filter` (mode `'reflect'`, `truncate=4.0`).
 */
export function gaussianFilter(data: Float32Array, grid: Grid, sigma: number): Float32Array {
  let out: Float32Array = Float32Array.from(data);
  if (!(sigma > 0)) return out;
  const radius = Math.max(1, Math.round(4 * sigma));
  const kernel = new Float64Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) {
    const w = Math.exp((-0.5 * k * k) / (sigma * sigma));
    kernel[k + radius] = w;
    total += w;
  }
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= total;
  const plane = grid.rows * grid.cols;
  const axes: Array<[length: number, stride: number]> = [
    [grid.cols, 1],
    [grid.rows, grid.cols],
  ];
  if (grid.ndim === 3) axes.push([grid.planes, plane]);
  for (const [length, stride] of axes) {
    if (length < 2) continue;
    out = smoothAxis(out, grid.size, length, stride, kernel, radius);
  }
  return out;
}

/** scipy's `reflect` index (`d c b a | a b c d | d c b a`), period `2 * length`. */
function reflectIndex(i: number, length: number): number {
  const period = 2 * length;
  let j = ((i % period) + period) % period;
  if (j >= length) j = period - 1 - j;
  return j;
}

/**
 * Correlate every line along one axis with the symmetric `kernel`. Lines along the last
 * axis are copied with their reflected borders and swept once; for the other axes whole
 * contiguous rows (`stride` values) are combined at once, which keeps memory access
 * sequential.
 */
function smoothAxis(
  src: Float32Array,
  size: number,
  length: number,
  stride: number,
  kernel: Float64Array,
  radius: number,
): Float32Array {
  const dst = new Float32Array(size);
  const block = stride * length;
  const taps = Array.from({ length: length + 2 * radius }, (_, k) =>
    reflectIndex(k - radius, length),
  );
  if (stride === 1) {
    const line = new Float64Array(length + 2 * radius);
    for (let base = 0; base < size; base += length) {
      for (let k = 0; k < line.length; k++) line[k] = src[base + taps[k]!]!;
      for (let i = 0; i < length; i++) {
        const c = i + radius;
        let acc = kernel[radius]! * line[c]!;
        for (let j = 1; j <= radius; j++)
          acc += kernel[radius + j]! * (line[c - j]! + line[c + j]!);
        dst[base + i] = acc;
      }
    }
    return dst;
  }
  const acc = new Float64Array(stride);
  for (let base = 0; base < size; base += block) {
    for (let i = 0; i < length; i++) {
      const w0 = kernel[radius]!;
      const row0 = base + i * stride;
      for (let t = 0; t < stride; t++) acc[t] = w0 * src[row0 + t]!;
      for (let j = 1; j <= radius; j++) {
        const w = kernel[radius + j]!;
        const lo = base + taps[i + radius - j]! * stride;
        const hi = base + taps[i + radius + j]! * stride;
        for (let t = 0; t < stride; t++) acc[t] += w * (src[lo + t]! + src[hi + t]!);
      }
      for (let t = 0; t < stride; t++) dst[row0 + t] = acc[t]!;
    }
  }
  return dst;
}

/**
 * A smooth Gaussian random field: white noise smoothed by a Gaussian of `sigma` pixels,
 * then shifted and scaled to zero mean and unit standard deviation over the image.
 */
export function gaussianRandomField(grid: Grid, sigma: number, rng: Rng): Float32Array {
  const noise = new Float32Array(grid.size);
  for (let i = 0; i < grid.size; i++) noise[i] = rng.normal();
  const field = gaussianFilter(noise, grid, sigma);
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < grid.size; i++) {
    sum += field[i]!;
    sum2 += field[i]! * field[i]!;
  }
  const mean = sum / grid.size;
  const sd = Math.sqrt(Math.max(sum2 / grid.size - mean * mean, 1e-30));
  for (let i = 0; i < grid.size; i++) field[i] = (field[i]! - mean) / sd;
  return field;
}
