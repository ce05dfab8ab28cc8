import type { Rng } from '@mgraph/core';
import { gaussianFilter as ndGaussianFilter } from '@mgraph/ndimage';
import ndarray from 'ndarray';
import type { Grid } from './grid.js';

/**
 * Separable Gaussian smoothing of a flat row-major image with scipy's default `reflect`
 * boundary (`d c b a | a b c d | d c b a`) and a kernel truncated at 4 sigma:
 * `@mgraph/ndimage`'s `gaussianFilter` along the columns, then the rows, then the planes
 * (axes of one element skipped), with a kernel radius of at least 1. Returns a new array;
 * `sigma <= 0` returns a copy.
 *
 * @remarks
 * References: `scipy.ndimage.gaussian_filter` (mode `'reflect'`, `truncate=4.0`); the last
 * axis first and the radius of at least 1 keep the numbers phantom produced before it used
 * `@mgraph/ndimage` (float32 rounding after each axis makes the order show in the last bit).
 */
export function gaussianFilter(data: Float32Array, grid: Grid, sigma: number): Float32Array {
  const shape = grid.ndim === 3 ? [grid.planes, grid.rows, grid.cols] : [grid.rows, grid.cols];
  const axes = shape.map((_, d) => shape.length - 1 - d).filter((d) => shape[d]! >= 2);
  if (!(sigma > 0) || axes.length === 0) return Float32Array.from(data);
  const radius = Math.max(1, Math.round(4 * sigma));
  return ndGaussianFilter(ndarray(data, shape), sigma, { axes, radius }).data as Float32Array;
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
