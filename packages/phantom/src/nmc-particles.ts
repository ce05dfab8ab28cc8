import { ConvergenceError, type Rng } from '@mgraph/core';
import { forEachInBox, type Grid, randomDirection, randomPoint, type Vec3 } from './grid.js';

/** One generated NMC particle: a sphere with a smooth, low-order departure from round. */
export interface NmcParticle {
  center: Vec3;
  radius: number;
  /** Low-order shape terms: `radius * (1 + sum amp * P(order, u . axis))`. */
  lobes: Array<{ axis: Vec3; amp: number; order: 2 | 3 }>;
}

/** Options of {@link placeNmcParticles}. */
export interface NmcPlacementOptions {
  fraction: number;
  radius: number;
  radiusSpread: number;
  irregularity: number;
  agglomeration: number;
}

/**
 * Random sequential placement of NMC particles until their pixels reach `fraction` of the
 * image. With probability `agglomeration` a new particle is put in contact with a random
 * earlier one (centers `0.85..0.97` of the radii sum apart, so they touch), else anywhere.
 * A candidate closer than `sep` times the radii sum to any particle is rejected; `sep`
 * starts at 0.8 and relaxes slowly when many candidates in a row fail (dense packings).
 * Particles are rasterised as they are accepted: a pixel covered by several particles
 * goes to the one with the smallest normalised distance |p - c| / R(u), which splits
 * touching particles along their contact as an annotator would.
 *
 * @param labels - written: particle index + 1 per pixel (0 = none)
 * @returns the particles and the number of NMC pixels
 * @throws ConvergenceError when the fraction cannot be reached
 */
export function placeNmcParticles(
  fn: string,
  grid: Grid,
  options: NmcPlacementOptions,
  rng: Rng,
  labels: Int32Array,
): { particles: NmcParticle[]; covered: number } {
  const target = Math.round(options.fraction * grid.size);
  const best = new Float32Array(grid.size).fill(Number.POSITIVE_INFINITY);
  const particles: NmcParticle[] = [];
  let covered = 0;
  let sep = 0.8;
  let failures = 0;
  let attempts = 0;
  const maxAttempts = 200_000;
  while (covered < target) {
    if (++attempts > maxAttempts) {
      throw new ConvergenceError(
        fn,
        maxAttempts,
        options.fraction,
        `NMC fraction reached ${(covered / grid.size).toFixed(3)} only; lower fractions.nmc or nmcRadius`,
      );
    }
    const radius =
      options.radius * Math.min(2, Math.max(0.5, Math.exp(rng.normal(0, options.radiusSpread))));
    let center: Vec3;
    if (particles.length > 0 && rng.random() < options.agglomeration) {
      const other = particles[rng.integer(0, particles.length)]!;
      const u = randomDirection(rng, grid.ndim);
      const d = (radius + other.radius) * rng.uniform(0.85, 0.97);
      center = [other.center[0] + u[0] * d, other.center[1] + u[1] * d, other.center[2] + u[2] * d];
      if (!inside(grid, center)) continue;
    } else {
      center = randomPoint(rng, grid);
    }
    if (!farEnough(particles, center, radius, sep)) {
      if (++failures >= 200) {
        failures = 0;
        sep = Math.max(0.3, sep * 0.95);
      }
      continue;
    }
    failures = 0;
    const lobes = randomLobes(rng, grid.ndim, options.irregularity);
    const particle: NmcParticle = { center, radius, lobes };
    particles.push(particle);
    covered += rasterize(grid, particle, particles.length, labels, best);
  }
  return { particles, covered };
}

function inside(grid: Grid, p: Vec3): boolean {
  return (
    p[0] >= 0 &&
    p[0] < grid.planes &&
    p[1] >= 0 &&
    p[1] < grid.rows &&
    p[2] >= 0 &&
    p[2] < grid.cols
  );
}

function farEnough(particles: NmcParticle[], c: Vec3, r: number, sep: number): boolean {
  for (const p of particles) {
    const d = Math.hypot(p.center[0] - c[0], p.center[1] - c[1], p.center[2] - c[2]);
    if (d < sep * (p.radius + r)) return false;
  }
  return true;
}

/** Local radius of `particle` in unit direction `(uz, uy, ux)`. */
export function localRadius(particle: NmcParticle, uz: number, uy: number, ux: number): number {
  let f = 1;
  for (const { axis, amp, order } of particle.lobes) {
    const t = axis[0] * uz + axis[1] * uy + axis[2] * ux;
    f += amp * (order === 2 ? 0.5 * (3 * t * t - 1) : 0.5 * (5 * t * t * t - 3 * t));
  }
  return particle.radius * f;
}

function rasterize(
  grid: Grid,
  particle: NmcParticle,
  id: number,
  labels: Int32Array,
  best: Float32Array,
): number {
  let added = 0;
  const reach = particle.radius * 1.7 + 1;
  forEachInBox(grid, particle.center, reach, (i, dz, dy, dx) => {
    const d = Math.sqrt(dz * dz + dy * dy + dx * dx);
    const rho = d < 1e-9 ? 0 : d / localRadius(particle, dz / d, dy / d, dx / d);
    if (rho <= 1 && rho < best[i]!) {
      if (best[i] === Number.POSITIVE_INFINITY) added++;
      best[i] = rho;
      labels[i] = id;
    }
  });
  return added;
}

/**
 * The three surface lobes of an NMC particle: two of order 2 and one of order 3, each across
 * a random direction with an amplitude uniform in `[-irregularity, irregularity]` (draws in
 * that order). @internal
 */
export function randomLobes(rng: Rng, ndim: 2 | 3, irregularity: number): NmcParticle['lobes'] {
  const lobes: NmcParticle['lobes'] = [];
  for (let k = 0; k < 3; k++) {
    lobes.push({
      axis: randomDirection(rng, ndim),
      amp: rng.uniform(-irregularity, irregularity),
      order: k === 2 ? 3 : 2,
    });
  }
  return lobes;
}
