import {
  assertAllocation,
  ConvergenceError,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  type Rng,
} from '@mgraph/core';
import {
  type CompositeOptions,
  LAYOUT_OPTION_KEYS,
  type LayoutOptionKey,
  resolveCompositeOptions,
} from './composite-options.js';
import { randomDirection, type Vec3 } from './grid.js';
import { type NmcParticle, randomLobes } from './nmc-particles.js';
import { valueNoise } from './value-noise.js';

/**
 * Options of {@link compositeLayout}: those of `generateComposite` that shape the phases and
 * instances (3D shapes only; no image, energies or truth topology).
 */
export type CompositeLayoutOptions = Pick<
  CompositeOptions,
  Exclude<LayoutOptionKey, 'graphite'>
> & {
  graphite?: { aspect?: number; length?: number; attach?: number };
};

const KEYS: OptionKeys<CompositeLayoutOptions> = LAYOUT_OPTION_KEYS;

/** A graphite flake: an oblate spheroid (semi-axes `half`, `half`, `thin`) across `normal`. */
export interface Flake {
  center: Vec3;
  normal: Vec3;
  half: number;
  thin: number;
}

/**
 * Everything that decides the phases and instances of a block-wise composite, small (a few
 * numbers per particle), so that any box of the volume is rendered alone
 * ({@link compositeBox}).
 */
export interface CompositeLayout {
  shape: [number, number, number];
  seed: number;
  /** NMC particles: label `k + 1` for `particles[k]`. */
  particles: NmcParticle[];
  /** Graphite flakes: label `particles.length + k + 1` for `flakes[k]`. */
  flakes: Flake[];
  /**
   * The pore field: lattice spacing (voxels), hash seed, and the value under which a free
   * voxel is pore.
   */
  pore: { lattice: number; seed: number; threshold: number };
  /** SSE grains: side of the cells (voxels), cells per axis, hash seed of the cell seeds. */
  grain: { cell: number; cells: [number, number, number]; seed: number };
}

/** Most labels of a layout (int32). */
const LABEL_LIMIT = 2 ** 31 - 1;

/**
 * The layout of a 3D composite that can be generated block by block: NMC particles (the
 * lobed spheres of `generateComposite`, placed by random sequential addition with
 * agglomeration, on a spatial hash), graphite flakes (oblate spheroids, half of them laid on
 * NMC particles), a pore field (value noise on a lattice of `2.5 poreScale`, hashed from the
 * seed, so any voxel's value is computed alone) with the threshold that gives the requested
 * pore share of the free voxels (a quantile of 65,536 seeded samples of the field), and SSE
 * grains (the nearest of the 8 surrounding cell seeds, cells of the grain-ball volume).
 *
 * Unlike `generateComposite`, no step needs the whole volume: fractions are met on the
 * particles' nominal volumes (overlaps make the NMC fraction a little lower; see the
 * README's measured fractions), SSE grains are not cut into connected pieces and small
 * fragments are not merged, and there is no image, energy map or truth topology. What it
 * keeps: the same particle shapes, touching particles split along their contact, seeded
 * and deterministic.
 *
 * @param options - {@link CompositeLayoutOptions}: `shape` (3D, required in practice;
 *   default `[64, 64, 64]`), `seed` (0) and `generateComposite`'s defaults for the rest
 * @returns the {@link CompositeLayout}
 * @throws InvalidArgumentError for a non-3D shape or an option `generateComposite` refuses
 * @throws ConvergenceError when the NMC fraction cannot be packed
 */
export function compositeLayout(options: CompositeLayoutOptions = {}): CompositeLayout {
  const fn = 'compositeLayout';
  checkOptions(fn, options, KEYS);
  const shape = options.shape ?? [64, 64, 64];
  if (!Array.isArray(shape) || shape.length !== 3) {
    throw new InvalidArgumentError(fn, 'options.shape', shape, 'a 3D [planes, rows, cols] shape');
  }
  const o = resolveCompositeOptions(fn, { ...options, shape, maxBytes: Number.MAX_VALUE });
  const dims = o.shape as [number, number, number];
  const size = dims[0] * dims[1] * dims[2];
  const rng = createRng(o.seed);
  const rngNmc = rng.fork();
  const rngGraphite = rng.fork();
  const rngPore = rng.fork();

  const particles = placeParticles(fn, dims, o, rngNmc, o.fractions.nmc * size);
  const flakes: Flake[] = [];
  let graphite = 0;
  const { length, aspect, attach } = o.graphite;
  while (graphite < o.fractions.graphite * size) {
    const half = (length / 2) * Math.min(2, Math.max(0.5, Math.exp(rngGraphite.normal(0, 0.25))));
    const thin = Math.max(1, half / aspect);
    let center: Vec3;
    let normal: Vec3;
    if (particles.length > 0 && rngGraphite.random() < attach) {
      const p = particles[rngGraphite.integer(0, particles.length)]!;
      normal = randomDirection(rngGraphite, 3);
      const d = p.radius + thin * 0.8;
      center = [0, 1, 2].map((k) => p.center[k]! + normal[k]! * d) as Vec3;
    } else {
      center = randomIn(rngGraphite, dims);
      normal = randomDirection(rngGraphite, 3);
    }
    flakes.push({ center, normal, half, thin });
    graphite += (4 / 3) * Math.PI * half * half * thin;
  }

  // pore share of the free voxels, met on seeded samples of the field
  const free = o.fractions.sse + o.fractions.pore;
  const poreShare = free > 0 ? o.fractions.pore / free : 0;
  const lattice = Math.max(1, 2.5 * o.poreScale);
  const fieldSeed = rngPore.integer(0, 2 ** 31);
  const samples = new Float64Array(65_536);
  for (let k = 0; k < samples.length; k++) {
    const [z, y, x] = randomIn(rngPore, dims);
    samples[k] = valueNoise(Math.floor(z), Math.floor(y), Math.floor(x), lattice, fieldSeed);
  }
  samples.sort();
  const threshold =
    poreShare <= 0
      ? Number.NEGATIVE_INFINITY
      : samples[Math.min(samples.length - 1, Math.floor(poreShare * samples.length))]!;

  const cell = Math.max(1, Math.cbrt((4 / 3) * Math.PI) * o.sseGrainRadius);
  const cells = dims.map((n) => Math.ceil(n / cell) + 1) as [number, number, number];
  const labels = particles.length + flakes.length + cells[0] * cells[1] * cells[2];
  assertAllocation(fn, 'options.shape', shape, labels, {
    limit: LABEL_LIMIT,
    what: 'labels',
    subject: 'a shape and sseGrainRadius',
    bytesPerElement: 4,
  });
  return {
    shape: dims,
    seed: o.seed,
    particles,
    flakes,
    pore: { lattice, seed: fieldSeed, threshold },
    grain: { cell, cells, seed: rngPore.integer(0, 2 ** 31) },
  };
}

/** A uniformly random point of the volume (continuous coordinates). */
function randomIn(rng: Rng, dims: readonly number[]): Vec3 {
  return [rng.uniform(0, dims[0]!), rng.uniform(0, dims[1]!), rng.uniform(0, dims[2]!)];
}

/**
 * Random sequential addition of NMC particles until their nominal volumes reach `target`
 * voxels: `generateComposite`'s rule (agglomeration, separation `sep` relaxing after 200
 * failures in a row), the separation checked on a spatial hash of cells of the largest
 * centre distance that can fail.
 */
function placeParticles(
  fn: string,
  dims: [number, number, number],
  o: ReturnType<typeof resolveCompositeOptions>,
  rng: Rng,
  target: number,
): NmcParticle[] {
  const particles: NmcParticle[] = [];
  const cellSize = 4 * o.nmcRadius;
  const hash = new Map<string, number[]>();
  const key = (c: Vec3) => c.map((v) => Math.floor(v / cellSize)).join(',');
  const farEnough = (c: Vec3, r: number, sep: number) => {
    const [i, j, k] = c.map((v) => Math.floor(v / cellSize)) as Vec3;
    for (let a = i - 1; a <= i + 1; a++) {
      for (let b = j - 1; b <= j + 1; b++) {
        for (let e = k - 1; e <= k + 1; e++) {
          for (const n of hash.get(`${a},${b},${e}`) ?? []) {
            const p = particles[n]!;
            const d = Math.hypot(p.center[0] - c[0], p.center[1] - c[1], p.center[2] - c[2]);
            if (d < sep * (p.radius + r)) return false;
          }
        }
      }
    }
    return true;
  };
  let volume = 0;
  let sep = 0.8;
  let failures = 0;
  const maxAttempts = 200_000 + 100 * Math.ceil(target / ((4 / 3) * Math.PI * o.nmcRadius ** 3));
  for (let attempts = 0; volume < target; ) {
    if (++attempts > maxAttempts) {
      throw new ConvergenceError(
        fn,
        maxAttempts,
        o.fractions.nmc,
        'lower fractions.nmc or nmcRadius',
      );
    }
    const radius =
      o.nmcRadius * Math.min(2, Math.max(0.5, Math.exp(rng.normal(0, o.nmcRadiusSpread))));
    let center: Vec3;
    if (particles.length > 0 && rng.random() < o.agglomeration) {
      const other = particles[rng.integer(0, particles.length)]!;
      const u = randomDirection(rng, 3);
      const d = (radius + other.radius) * rng.uniform(0.85, 0.97);
      center = [0, 1, 2].map((k) => other.center[k]! + u[k]! * d) as Vec3;
      if (!center.every((v, k) => v >= 0 && v < dims[k]!)) continue;
    } else {
      center = randomIn(rng, dims);
    }
    if (!farEnough(center, radius, sep)) {
      if (++failures >= 200) {
        failures = 0;
        sep = Math.max(0.3, sep * 0.95);
      }
      continue;
    }
    failures = 0;
    const lobes = randomLobes(rng, 3, o.nmcIrregularity);
    const list = hash.get(key(center)) ?? [];
    list.push(particles.length);
    hash.set(key(center), list);
    particles.push({ center, radius, lobes });
    volume += (4 / 3) * Math.PI * radius ** 3;
  }
  return particles;
}
