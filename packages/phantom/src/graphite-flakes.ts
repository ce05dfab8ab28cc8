import type { Rng } from '@mgraph/core';
import { forEachInBox, type Grid, randomDirection, randomPoint, type Vec3 } from './grid.js';
import type { NmcParticle } from './nmc-particles.js';

/** Options of {@link placeGraphiteFlakes}. */
export interface GraphitePlacementOptions {
  fraction: number;
  length: number;
  aspect: number;
  attach: number;
  attachToTouching: number;
  layerPeriod: number;
}

/**
 * Graphite flakes: ellipses (2D) or oblate spheroids (3D, plate-like) with semi-axes
 * `length / 2` and `length / (2 aspect)`, random orientation, added until their pixels
 * reach `fraction` of the image. With probability `attach` a flake lies flat on a random
 * NMC particle (short axis along the particle's radius), as conductive additive coats the
 * active material; otherwise it is placed anywhere. An attached flake picks its particle among
 * those touching another NMC particle (centres closer than the sum of their radii + 3 px, the
 * paper's 7x7 contact window) with probability `attachToTouching` (when there are any; the
 * draw is made only when that option is above 0, so the default draws the same numbers as
 * before). Flakes only take free pixels (not NMC,
 * not an earlier flake).
 *
 * @param labels - written: `firstLabel + flake index` on graphite pixels
 * @param layers - written: the layered texture of each graphite pixel, `cos(2 pi t / period + phase)`
 *   with `t` the coordinate across the flake
 * @returns the number of graphite pixels and the last label used
 */
export function placeGraphiteFlakes(
  grid: Grid,
  options: GraphitePlacementOptions,
  particles: readonly NmcParticle[],
  rng: Rng,
  labels: Int32Array,
  layers: Float32Array,
  firstLabel: number,
): { covered: number; lastLabel: number } {
  const target = Math.round(options.fraction * grid.size);
  let covered = 0;
  let label = firstLabel - 1;
  let idle = 0;
  const touching = options.attachToTouching > 0 ? touchingParticles(particles) : [];
  while (covered < target && idle < 1000) {
    const half = (options.length / 2) * Math.min(2, Math.max(0.5, Math.exp(rng.normal(0, 0.25))));
    const thin = Math.max(1, half / options.aspect);
    let center: Vec3;
    let normal: Vec3;
    if (particles.length > 0 && rng.random() < options.attach) {
      const p = pickParticle(particles, touching, options.attachToTouching, rng);
      normal = randomDirection(rng, grid.ndim);
      const d = p.radius + thin * 0.8;
      center = [
        p.center[0] + normal[0] * d,
        p.center[1] + normal[1] * d,
        p.center[2] + normal[2] * d,
      ];
    } else {
      center = randomPoint(rng, grid);
      normal = randomDirection(rng, grid.ndim);
    }
    const phase = rng.uniform(0, 2 * Math.PI);
    const id = label + 1;
    let added = 0;
    forEachInBox(grid, center, half + 1, (i, dz, dy, dx) => {
      if (labels[i] !== 0) return;
      const t = normal[0] * dz + normal[1] * dy + normal[2] * dx;
      const along2 = dz * dz + dy * dy + dx * dx - t * t;
      if ((t * t) / (thin * thin) + along2 / (half * half) > 1) return;
      labels[i] = id;
      layers[i] = Math.cos((2 * Math.PI * t) / options.layerPeriod + phase);
      added++;
    });
    if (added === 0) {
      idle++;
      continue;
    }
    idle = 0;
    label = id;
    covered += added;
  }
  return { covered, lastLabel: label };
}

/** The particles within 3 px (the 7x7 contact window) of another, by centre distance and radii. */
function touchingParticles(particles: readonly NmcParticle[]): NmcParticle[] {
  return particles.filter((p) =>
    particles.some(
      (q) =>
        q !== p &&
        Math.hypot(
          p.center[0] - q.center[0],
          p.center[1] - q.center[1],
          p.center[2] - q.center[2],
        ) <
          p.radius + q.radius + 3,
    ),
  );
}

function pickParticle(
  particles: readonly NmcParticle[],
  touching: readonly NmcParticle[],
  bias: number,
  rng: Rng,
): NmcParticle {
  const pool = bias > 0 && touching.length > 0 && rng.random() < bias ? touching : particles;
  return pool[rng.integer(0, pool.length)]!;
}
