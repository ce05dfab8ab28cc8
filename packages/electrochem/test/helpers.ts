import { createRng } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/** Pearson correlation coefficient. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** What the synthetic generator planted in one particle. */
export interface Planted {
  label: number;
  /** Planted mode distance (0 for one mode). */
  polarization: number;
}

/**
 * A small core/shell energy phantom, independent of @mgraph/phantom: non-overlapping discs
 * (2D) or balls (3D) with one mode, or two modes (core and shell, 50/50 by distance to the
 * centre, joined by a logistic ramp) at `s -+ d / 2`, plus a smooth field (sum of random
 * plane waves) of amplitude `spread`. Background is label 0 and energy NaN.
 */
export function coreShellPhantom(
  shape: readonly number[],
  seed: number,
  count: number,
  { spread = 0.15, twoModeFraction = 0.7, radius = [9, 15] as [number, number] } = {},
): { energy: NdArray<Float32Array>; labels: NdArray<Int32Array>; planted: Planted[] } {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const labels = new Int32Array(size);
  const energy = new Float32Array(size).fill(Number.NaN);
  const centres: { c: number[]; r: number }[] = [];
  const planted: Planted[] = [];
  for (let tries = 0; centres.length < count && tries < 20000; tries++) {
    const r = rng.uniform(radius[0], radius[1]);
    const c = shape.map((s) => rng.uniform(r + 1, s - r - 1));
    if (centres.some((o) => Math.hypot(...o.c.map((v, d) => v - c[d]!)) < o.r + r + 2)) continue;
    centres.push({ c, r });
  }
  centres.forEach(({ c, r }, k) => {
    const label = k + 1;
    const s = rng.uniform(8341.5, 8346.5);
    const twoMode = rng.random() < twoModeFraction;
    const d = twoMode ? rng.uniform(0.8, 3) : 0;
    const sign = rng.random() < 0.5 ? -1 : 1;
    const waves = Array.from({ length: 4 }, () => ({
      k: shape.map(() => rng.normal(0, 0.25)),
      phase: rng.uniform(0, 2 * Math.PI),
    }));
    forEachInBall(shape, c, r, (flat, dist, idx) => {
      labels[flat] = label;
      // core (inside r / 2^(1/ndim), half the volume) vs shell
      const edge = r / 2 ** (1 / shape.length);
      const t = 1 / (1 + Math.exp(-(dist - edge) / 0.75));
      const core = s + (sign * d) / 2;
      const shell = s - (sign * d) / 2;
      let field = 0;
      for (const w of waves) {
        field += Math.cos(w.k.reduce((a, kv, d2) => a + kv * idx[d2]!, 0) + w.phase);
      }
      energy[flat] = core + (shell - core) * t + spread * field * Math.SQRT1_2;
    });
    planted.push({ label, polarization: d });
  });
  return { energy: ndarray(energy, [...shape]), labels: ndarray(labels, [...shape]), planted };
}

/**
 * Visit every pixel of a row-major image of `shape` within distance `r` of centre `c`
 * (clipped to the image): `visit(flatIndex, distance, index)`.
 */
export function forEachInBall(
  shape: readonly number[],
  c: readonly number[],
  r: number,
  visit: (flat: number, dist: number, idx: readonly number[]) => void,
): void {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const lo = c.map((v) => Math.max(0, Math.floor(v - r)));
  const hi = c.map((v, d) => Math.min(shape[d]! - 1, Math.ceil(v + r)));
  const idx = [...lo];
  for (;;) {
    const dist = Math.hypot(...idx.map((v, d) => v - c[d]!));
    if (dist <= r)
      visit(
        idx.reduce((a, v, d) => a + v * strides[d]!, 0),
        dist,
        idx,
      );
    let d = shape.length - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      if (idx[d]! <= hi[d]!) break;
      idx[d] = lo[d]!;
    }
    if (d < 0) return;
  }
}
