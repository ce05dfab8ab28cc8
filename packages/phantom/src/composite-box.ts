import {
  assertAllocation,
  InvalidArgumentError,
  type LabelImage,
  type PhaseMap,
} from '@mgraph/core';
import ndarray from 'ndarray';
import type { CompositeLayout } from './composite-layout.js';
import { localRadius } from './nmc-particles.js';
import { latticeHash, valueNoiseBox } from './value-noise.js';

/** Most voxels of one box (2^28). */
const BOX_LIMIT = 2 ** 28;

/**
 * The phases and truth instances of the box `[start, stop)` of the composite of `layout`
 * ({@link compositeLayout}), computed from the layout alone: equal, voxel for voxel, to the
 * same box cut from the whole volume (`compositeBox(layout, [0, 0, 0], layout.shape)`),
 * whatever the box. Memory: the box (1 + 4 + 4 + 8 bytes per voxel).
 *
 * Each voxel: the NMC particle with the smallest normalised distance `|p - c| / R(u)` <= 1
 * (`generateComposite`'s rule: touching particles split along their contact; ties to the
 * earlier particle), else the first graphite flake that holds it, else pore where the pore
 * field is below the layout's threshold, else SSE: the grain of the nearest of the 8 cell
 * seeds around the voxel. Codes of `CATHODE_SCHEME`: 0 pore, 1 SSE, 2 NMC, 3 graphite;
 * instance labels: NMC particles `1..P`, flakes `P + 1..P + F`, SSE grains after them (by
 * cell; a label may be absent).
 *
 * @param layout - the {@link CompositeLayout}
 * @param start - first voxel of the box, `[plane, row, col]`
 * @param stop - end of the box (exclusive)
 * @returns `{ phases, instances }`: uint8 phase codes and int32 labels of the box
 * @throws InvalidArgumentError for a box outside the volume, empty, or of more than 2^28 voxels
 */
export function compositeBox(
  layout: CompositeLayout,
  start: readonly number[],
  stop: readonly number[],
): { phases: PhaseMap; instances: LabelImage } {
  const fn = 'compositeBox';
  const dims = layout.shape;
  const ok = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every(Number.isSafeInteger);
  if (
    !ok(start) ||
    !ok(stop) ||
    start.some((s, d) => s < 0 || s >= stop[d]! || stop[d]! > dims[d]!)
  ) {
    throw new InvalidArgumentError(
      fn,
      'stop',
      { start, stop },
      `a non-empty box [start, stop) inside the volume ${dims.join(' x ')}`,
    );
  }
  const ext = stop.map((s, d) => s - start[d]!) as [number, number, number];
  const n = ext[0] * ext[1] * ext[2];
  assertAllocation(fn, 'stop', stop, n, {
    limit: BOX_LIMIT,
    what: 'voxels',
    subject: 'a box',
    bytesPerElement: 17,
  });
  const [z0, y0, x0] = start as [number, number, number];
  const [nz, ny, nx] = ext;
  const phases = new Uint8Array(n);
  const labels = new Int32Array(n);
  const best = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  /** Whether the box `[start, stop)` meets the cube of half-side `reach` around `c`. */
  const meets = (c: readonly number[], reach: number) =>
    c[0]! + reach >= z0 &&
    c[0]! - reach < stop[0]! &&
    c[1]! + reach >= y0 &&
    c[1]! - reach < stop[1]! &&
    c[2]! + reach >= x0 &&
    c[2]! - reach < stop[2]!;
  /** The part of the box within `reach` of `c` (clipped to the volume, as `forEachInBox`). */
  const span = (c: readonly number[], reach: number, d: number) => [
    Math.max(start[d]!, Math.floor(c[d]! - reach)),
    Math.min(stop[d]! - 1, dims[d]! - 1, Math.ceil(c[d]! + reach)),
  ];

  const nParticles = layout.particles.length;
  layout.particles.forEach((p, k) => {
    const reach = p.radius * 1.7 + 1;
    if (!meets(p.center, reach + 1)) return;
    // no lobe sum exceeds sum |amp| (|P2|, |P3| <= 1 on [-1, 1]): farther voxels are outside
    const far = p.radius * (1 + p.lobes.reduce((a, l) => a + Math.abs(l.amp), 0)) + 1e-9;
    const far2 = far * far;
    const [za, zb] = span(p.center, reach, 0) as [number, number];
    const [ya, yb] = span(p.center, reach, 1) as [number, number];
    const [xa, xb] = span(p.center, reach, 2) as [number, number];
    for (let z = za; z <= zb; z++) {
      const dz = z - p.center[0];
      for (let y = ya; y <= yb; y++) {
        const dy = y - p.center[1];
        let i = ((z - z0) * ny + (y - y0)) * nx + (xa - x0);
        for (let x = xa; x <= xb; x++, i++) {
          const dx = x - p.center[2];
          const d2 = dz * dz + dy * dy + dx * dx;
          if (d2 > far2) continue;
          const d = Math.sqrt(d2);
          const rho = d < 1e-9 ? 0 : d / localRadius(p, dz / d, dy / d, dx / d);
          if (rho <= 1 && rho < best[i]!) {
            best[i] = rho;
            labels[i] = k + 1;
            phases[i] = 2;
          }
        }
      }
    }
  });
  layout.flakes.forEach((f, k) => {
    if (!meets(f.center, f.half + 2)) return;
    const [za, zb] = span(f.center, f.half + 1, 0) as [number, number];
    const [ya, yb] = span(f.center, f.half + 1, 1) as [number, number];
    const [xa, xb] = span(f.center, f.half + 1, 2) as [number, number];
    const [cz, cy, cx] = f.center;
    const [uz, uy, ux] = f.normal;
    for (let z = za; z <= zb; z++) {
      for (let y = ya; y <= yb; y++) {
        let i = ((z - z0) * ny + (y - y0)) * nx + (xa - x0);
        for (let x = xa; x <= xb; x++, i++) {
          if (labels[i] !== 0) continue;
          const dz = z - cz;
          const dy = y - cy;
          const dx = x - cx;
          const t = uz * dz + uy * dy + ux * dx;
          const along2 = dz * dz + dy * dy + dx * dx - t * t;
          if ((t * t) / (f.thin * f.thin) + along2 / (f.half * f.half) > 1) continue;
          labels[i] = nParticles + k + 1;
          phases[i] = 3;
        }
      }
    }
  });

  // SSE grains: seeds of the cells around the box, jittered within the middle half of a cell
  const { cell, cells, seed } = layout.grain;
  const first = ([z0, y0, x0] as number[]).map((s) => Math.max(0, Math.floor(s / cell - 0.5)));
  const last = (stop as number[]).map((s, d) =>
    Math.min(cells[d]! - 1, Math.floor((s - 1) / cell - 0.5) + 1),
  );
  const count = last.map((l, d) => l - first[d]! + 1);
  const seeds = new Float64Array(count[0]! * count[1]! * count[2]! * 3);
  for (let a = 0, s = 0; a < count[0]!; a++) {
    for (let b = 0; b < count[1]!; b++) {
      for (let c = 0; c < count[2]!; c++) {
        const at = [first[0]! + a, first[1]! + b, first[2]! + c] as const;
        for (let d = 0; d < 3; d++, s++) {
          seeds[s] = (at[d]! + 0.25 + 0.5 * latticeHash(at[0], at[1], at[2], seed + d)) * cell;
        }
      }
    }
  }
  const offset = nParticles + layout.flakes.length + 1;
  const { lattice, seed: poreSeed, threshold } = layout.pore;
  const field = valueNoiseBox(start, stop, lattice, poreSeed);
  for (let z = z0, i = 0; z < z0 + nz; z++) {
    const az = Math.min(count[0]! - 1, Math.max(0, Math.floor(z / cell - 0.5) - first[0]!));
    for (let y = y0; y < y0 + ny; y++) {
      const ay = Math.min(count[1]! - 1, Math.max(0, Math.floor(y / cell - 0.5) - first[1]!));
      for (let x = x0; x < x0 + nx; x++, i++) {
        if (labels[i] !== 0 || field[i]! < threshold) continue;
        const ax = Math.min(count[2]! - 1, Math.max(0, Math.floor(x / cell - 0.5) - first[2]!));
        let bestD = Number.POSITIVE_INFINITY;
        let grain = 0;
        for (let a = az; a <= Math.min(az + 1, count[0]! - 1); a++) {
          for (let b = ay; b <= Math.min(ay + 1, count[1]! - 1); b++) {
            for (let c = ax; c <= Math.min(ax + 1, count[2]! - 1); c++) {
              const s = ((a * count[1]! + b) * count[2]! + c) * 3;
              const e = (seeds[s]! - z) ** 2 + (seeds[s + 1]! - y) ** 2 + (seeds[s + 2]! - x) ** 2;
              if (e < bestD) {
                bestD = e;
                grain = ((first[0]! + a) * cells[1] + first[1]! + b) * cells[2] + first[2]! + c;
              }
            }
          }
        }
        labels[i] = offset + grain;
        phases[i] = 1;
      }
    }
  }
  return { phases: ndarray(phases, ext), instances: ndarray(labels, ext) };
}
