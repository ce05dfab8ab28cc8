import {
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { contactPairs } from './contact-pairs.js';
import type { Composite } from './generate-composite.js';
import { makeGrid } from './grid.js';

/** The three descriptors, as `@mgraph/electrochem` names them. */
export const RELATIONAL_TARGETS = ['soc', 'heterogeneity', 'polarization'] as const;

/** One of {@link RELATIONAL_TARGETS}. */
export type RelationalTarget = (typeof RELATIONAL_TARGETS)[number];

/**
 * Centre and scale (eV) of each relational descriptor: `y = centre + scale * (strength *
 * signal + noise * e)` with `signal` of unit variance and `e` standard normal, so values stay
 * in the ranges the energy-map descriptors take (SOC near the 8344 eV window centre,
 * heterogeneity and polarization positive).
 */
export const RELATIONAL_UNITS: Record<RelationalTarget, { centre: number; scale: number }> = {
  soc: { centre: 8344, scale: 0.5 },
  heterogeneity: { centre: 0.3, scale: 0.05 },
  polarization: { centre: 1, scale: 0.2 },
};

/**
 * How each signal mixes the three neighbourhood terms (before its standardisation), rows in
 * {@link RELATIONAL_TARGETS} order, columns `ionic`, `electronic`, `packing`.
 */
export const RELATIONAL_MIXING: Record<RelationalTarget, readonly [number, number, number]> = {
  soc: [1, 1, 0],
  heterogeneity: [1, 0, -1],
  polarization: [0, 1, 1],
};

/** Options of {@link relationalDescriptors}. */
export interface RelationalOptions {
  /** Seed of the noise. Default 0. */
  seed?: number;
  /** Noise standard deviation in units of the signal's (before `scale`). Default 0.5. */
  noise?: number;
  /** Weight of the signal; 0 switches the relational signal off (descriptors = noise). Default 1. */
  strength?: number;
}

/** The neighbourhood terms and descriptors of one NMC particle. */
export interface RelationalParticle {
  /** Its label in the composite's `instances`. */
  label: number;
  /**
   * The three neighbourhood terms before standardisation: `ionic` = sum over its SSE
   * neighbours of (their contact count - the mean contact count of SSE objects); `electronic`
   * = sum over its graphite neighbours of (log of their size - the mean log size of
   * graphite objects); `packing` = the same over its NMC neighbours with NMC's mean.
   */
  terms: { ionic: number; electronic: number; packing: number };
  /** The noise-free signal of each descriptor (unit variance over the dataset). */
  signal: Record<RelationalTarget, number>;
  /** The descriptors: `centre + scale * (strength * signal + noise * e)`, eV. */
  soc: number;
  heterogeneity: number;
  polarization: number;
}

/** Result of {@link relationalDescriptors}. */
export interface RelationalDescriptors {
  /** Per composite (input order), one entry per NMC particle of its truth, in truth order. */
  particles: RelationalParticle[][];
  /**
   * The best R^2 any predictor can reach on these particles, per descriptor:
   * `Var(strength * signal) / (Var(strength * signal) + noise^2)` (population variance over
   * every particle of the dataset; the noise is independent of everything else).
   */
  r2Star: Record<RelationalTarget, number>;
  /** The options used. */
  noise: number;
  strength: number;
}

const KEYS: OptionKeys<RelationalOptions> = { seed: true, noise: true, strength: true };

/**
 * Per-particle descriptors that depend on the particle's neighbourhood in the composite's
 * contact graph, plus Gaussian noise of known size, so that the best achievable R^2 is known:
 * the "relational" mode that shows whether a graph model learns what a model of the
 * particle's own features cannot.
 *
 * Contacts are the phantom's truth (`contactPairs`: the paper's 7x7 window, 7x7x7 in 3D,
 * what `buildGraph` of `@mgraph/graph` finds on the truth instances). For every NMC particle
 * three terms are summed over its neighbours, each centred on the dataset mean of the
 * neighbour's phase so that the number of neighbours alone says little about it:
 * `ionic` (contact counts of its SSE neighbours: how networked its electrolyte grains are),
 * `electronic` (log sizes of its graphite neighbours), `packing` (log sizes of its NMC
 * neighbours). Each term is z-scored over the dataset's NMC particles; each descriptor's
 * signal is a fixed mix of the three ({@link RELATIONAL_MIXING}) z-scored again, so it has
 * unit variance; the descriptor is `centre + scale * (strength * signal + noise * e)`,
 * `e ~ N(0, 1)` drawn in particle order from `seed` ({@link RELATIONAL_UNITS}). A model that
 * sees a particle's own size and neighbour counts sees none of the three terms; a message
 * passing model that reads its neighbours' sizes and contact counts can compute all of them.
 *
 * The terms are computed on the whole dataset at once (the centring and z-scoring), so the
 * descriptors of one composite depend on the others given. The energy maps of the composites
 * are not changed: the descriptors are targets to learn, not pixel data.
 *
 * @param composites - composites from `generateComposite` / `generateDataset` (not modified)
 * @param options - see {@link RelationalOptions}
 * @returns a {@link RelationalDescriptors}, with R^2* per descriptor
 * @throws InvalidArgumentError for an empty list, a value that is not a composite, a negative
 *   noise or strength, both zero, or a dataset without NMC particles
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (the descriptors and the GNN task);
 * J. Gilmer et al., ICML 2017 (message passing: what a graph model can compute).
 */
export function relationalDescriptors(
  composites: readonly Composite[],
  options: RelationalOptions = {},
): RelationalDescriptors {
  const fn = 'relationalDescriptors';
  const { seed = 0, noise = 0.5, strength = 1 } = checkOptions(fn, options, KEYS);
  assertNumber(fn, 'options.seed', seed);
  assertNumber(fn, 'options.noise', noise, { min: 0 });
  assertNumber(fn, 'options.strength', strength, { min: 0 });
  if (noise === 0 && strength === 0) {
    throw new InvalidArgumentError(fn, 'options', { noise, strength }, 'noise or strength > 0');
  }
  if (!Array.isArray(composites as unknown) || composites.length === 0) {
    throw new InvalidArgumentError(fn, 'composites', composites, 'a non-empty array of composites');
  }
  composites.forEach((c, i) => {
    const ok =
      typeof c === 'object' &&
      c !== null &&
      c.instances?.data instanceof Int32Array &&
      c.phaseOfLabel instanceof Uint8Array &&
      Array.isArray(c.truth?.particles);
    if (!ok) throw new InvalidArgumentError(fn, `composites[${i}]`, c, 'a Composite');
  });
  const [SSE, NMC, GRAPHITE] = [1, 2, 3];

  // contacts and sizes of every object
  const graphs = composites.map((c) => {
    const labels = c.instances.data as Int32Array;
    const n = c.phaseOfLabel.length;
    const size = new Float64Array(n);
    for (const l of labels) if (l > 0) size[l]!++;
    return { contacts: contactPairs(makeGrid(c.instances.shape), labels, n), size, c };
  });
  // dataset means of each phase's contact count and log size
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);
  const objects = (phase: number, value: (g: (typeof graphs)[number], l: number) => number) =>
    mean(
      graphs.flatMap((g) =>
        Array.from(g.c.phaseOfLabel.keys())
          .filter((l) => l > 0 && g.c.phaseOfLabel[l] === phase && g.size[l]! > 0)
          .map((l) => value(g, l)),
      ),
    );
  const sseDegree = objects(SSE, (g, l) => g.contacts[l]!.length);
  const logSize = { [GRAPHITE]: 0, [NMC]: 0 } as Record<number, number>;
  for (const phase of [GRAPHITE, NMC])
    logSize[phase] = objects(phase, (g, l) => Math.log(g.size[l]!));

  const rows = graphs.flatMap((g, k) =>
    g.c.truth.particles.map((p) => {
      const terms = { ionic: 0, electronic: 0, packing: 0 };
      for (const j of g.contacts[p.label] ?? []) {
        const phase = g.c.phaseOfLabel[j];
        if (phase === SSE) terms.ionic += g.contacts[j]!.length - sseDegree;
        else if (phase === GRAPHITE) terms.electronic += Math.log(g.size[j]!) - logSize[GRAPHITE]!;
        else if (phase === NMC) terms.packing += Math.log(g.size[j]!) - logSize[NMC]!;
      }
      return { composite: k, label: p.label, terms };
    }),
  );
  if (rows.length === 0) {
    throw new InvalidArgumentError(
      fn,
      'composites',
      `${composites.length} composites`,
      'some NMC particles',
    );
  }
  const z = (values: number[]) => {
    const m = mean(values);
    const sd = Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
    return values.map((v) => (sd > 0 ? (v - m) / sd : 0));
  };
  const termZ = (['ionic', 'electronic', 'packing'] as const).map((t) =>
    z(rows.map((r) => r.terms[t])),
  );
  const signals = {} as Record<RelationalTarget, number[]>;
  const r2Star = {} as Record<RelationalTarget, number>;
  for (const t of RELATIONAL_TARGETS) {
    const w = RELATIONAL_MIXING[t];
    signals[t] = z(
      rows.map((_, i) => w[0] * termZ[0]![i]! + w[1] * termZ[1]![i]! + w[2] * termZ[2]![i]!),
    );
    const variance = mean(signals[t].map((v) => (strength * v) ** 2));
    r2Star[t] = variance > 0 ? variance / (variance + noise * noise) : 0;
  }
  const rng = createRng(seed);
  const particles: RelationalParticle[][] = composites.map(() => []);
  rows.forEach((r, i) => {
    const signal = {} as Record<RelationalTarget, number>;
    const values = {} as Record<RelationalTarget, number>;
    for (const t of RELATIONAL_TARGETS) {
      signal[t] = signals[t][i]!;
      const { centre, scale } = RELATIONAL_UNITS[t];
      values[t] = centre + scale * (strength * signal[t] + noise * rng.normal());
    }
    particles[r.composite]!.push({ label: r.label, terms: r.terms, signal, ...values });
  });
  return { particles, r2Star, noise, strength };
}
