/**
 * The seeded bench volume of the marching-cubes bench: balls of radius 5-12 voxels of
 * phases 1 and 2 (about half of them each) dropped in a phase-0 cube until about 55% of it
 * is filled, each ball its own label (later balls overwrite earlier ones).
 */
import { createRng } from '@mgraph/core';

export interface BenchVolume {
  phases: Uint8Array;
  labels: Int32Array;
  n: number;
  particles: number;
}

export function benchVolume(n: number, seed = 17): BenchVolume {
  const rng = createRng(seed);
  const size = n * n * n;
  const phases = new Uint8Array(size);
  const labels = new Int32Array(size);
  let filled = 0;
  let label = 0;
  while (filled < 0.55 * size) {
    const r = 5 + rng.random() * 7;
    const cz = rng.random() * n;
    const cy = rng.random() * n;
    const cx = rng.random() * n;
    const phase = rng.random() < 0.5 ? 1 : 2;
    label++;
    const r2 = r * r;
    for (let z = Math.max(0, Math.ceil(cz - r)); z <= Math.min(n - 1, Math.floor(cz + r)); z++) {
      for (let y = Math.max(0, Math.ceil(cy - r)); y <= Math.min(n - 1, Math.floor(cy + r)); y++) {
        const dzy = (z - cz) ** 2 + (y - cy) ** 2;
        if (dzy > r2) continue;
        const row = (z * n + y) * n;
        for (
          let x = Math.max(0, Math.ceil(cx - r));
          x <= Math.min(n - 1, Math.floor(cx + r));
          x++
        ) {
          if (dzy + (x - cx) ** 2 > r2) continue;
          if (labels[row + x] === 0) filled++;
          labels[row + x] = label;
          phases[row + x] = phase;
        }
      }
    }
  }
  return { phases, labels, n, particles: label };
}
