import type { Rng } from '@mgraph/core';
import {
  ENERGY_WINDOW,
  type PlantedEffect,
  type ResolvedEnergyOptions,
} from './composite-options.js';
import { gaussianRandomField } from './gaussian-filter.js';
import type { Grid } from './grid.js';

/** Options of {@link plantEnergyMap}. */
export interface EnergyMapOptions extends ResolvedEnergyOptions {
  effects: { tpb: PlantedEffect; channel: PlantedEffect };
}

/** What {@link plantEnergyMap} drew for one NMC particle. */
export interface PlantedParticle {
  label: number;
  /** Whether the particle has two energy modes (core and shell). */
  twoMode: boolean;
  /** Planted mode positions, eV: one or two (core first). */
  modes: number[];
  /** Planted distance between the modes, eV (0 with one mode). */
  polarization: number;
  /** Planted within-mode spread, eV. */
  spread: number;
}

/**
 * Ni K-edge energy map of the NMC particles, spatially coherent and with planted effects.
 *
 * Per particle (in label order, drawn whatever its structure so that the effects change
 * nothing else): a centre energy `s` uniform in `socRange`, one mode (probability
 * `1 - twoModeFraction`) or two modes `s -+ d / 2` with `d` uniform in
 * `polarizationRange`, arranged as core and shell (the core is the half of the particle's
 * pixels nearest its centroid; which of the two is lower is random), joined by a logistic
 * ramp 0.75 px wide. Every pixel adds a smooth random field (Gaussian sigma
 * `correlationLength`) standardised within the particle to mean 0 and standard deviation
 * `spread`, so that neither SOC nor heterogeneity depends on particle size. A particle in a TPB multiplies `spread` by
 * `effects.tpb.heterogeneity` and `d` by `effects.tpb.polarization` and shifts `s` by
 * `effects.tpb.soc`; a particle with a concurrent channel likewise with `effects.channel`
 * (both apply when both hold). Energies are clipped to the paper's 8340-8348 eV window;
 * every other pixel is NaN.
 *
 * @param flags - per label: whether the particle is in a TPB and has a concurrent channel
 * @returns the energy map and what was planted per particle
 */
export function plantEnergyMap(
  grid: Grid,
  instances: Int32Array,
  phaseOfLabel: Uint8Array,
  nmcCode: number,
  flags: (label: number) => { tpb: boolean; channel: boolean },
  options: EnergyMapOptions,
  rng: Rng,
): { energy: Float32Array; planted: PlantedParticle[] } {
  const nLabels = phaseOfLabel.length;
  // per-label centroid and pixel lists (CSR)
  const count = new Int32Array(nLabels);
  const sum = new Float64Array(nLabels * 3);
  const plane = grid.rows * grid.cols;
  for (let i = 0; i < grid.size; i++) {
    const l = instances[i]!;
    if (l === 0 || phaseOfLabel[l] !== nmcCode) continue;
    count[l]!++;
    const z = Math.floor(i / plane);
    const rem = i - z * plane;
    const y = Math.floor(rem / grid.cols);
    sum[3 * l] += z;
    sum[3 * l + 1] += y;
    sum[3 * l + 2] += rem - y * grid.cols;
  }
  const start = new Int32Array(nLabels + 1);
  for (let l = 0; l < nLabels; l++) start[l + 1] = start[l]! + count[l]!;
  const fill = start.slice(0, nLabels);
  const pixels = new Int32Array(start[nLabels]!);
  const dist = new Float32Array(start[nLabels]!);
  for (let i = 0; i < grid.size; i++) {
    const l = instances[i]!;
    if (l === 0 || phaseOfLabel[l] !== nmcCode) continue;
    const k = fill[l]!++;
    pixels[k] = i;
    const z = Math.floor(i / plane);
    const rem = i - z * plane;
    const y = Math.floor(rem / grid.cols);
    const c = count[l]!;
    dist[k] = Math.hypot(
      z - sum[3 * l]! / c,
      y - sum[3 * l + 1]! / c,
      rem - y * grid.cols - sum[3 * l + 2]! / c,
    );
  }
  const planted: PlantedParticle[] = [];
  const draws: Array<{ s: number; d: number; sign: number; twoMode: boolean } | undefined> = [];
  for (let l = 1; l < nLabels; l++) {
    if (phaseOfLabel[l] !== nmcCode) continue;
    const s = rng.uniform(options.socRange[0], options.socRange[1]);
    const twoMode = rng.random() < options.twoModeFraction;
    const d = rng.uniform(options.polarizationRange[0], options.polarizationRange[1]);
    const sign = rng.random() < 0.5 ? -1 : 1;
    draws[l] = { s, d, sign, twoMode };
  }
  const field = gaussianRandomField(grid, options.correlationLength, rng);
  const energy = new Float32Array(grid.size).fill(Number.NaN);
  for (let l = 1; l < nLabels; l++) {
    const draw = draws[l];
    if (draw === undefined || count[l] === 0) continue;
    const f = flags(l);
    let hf = 1;
    let pf = 1;
    let shift = 0;
    for (const [on, e] of [
      [f.tpb, options.effects.tpb],
      [f.channel, options.effects.channel],
    ] as const) {
      if (!on) continue;
      hf *= e.heterogeneity;
      pf *= e.polarization;
      shift += e.soc;
    }
    const s = draw.s + shift;
    const d = draw.twoMode ? draw.d * pf : 0;
    const spread = options.modeSpread * hf;
    const core = s + (draw.sign * d) / 2;
    const shell = s - (draw.sign * d) / 2;
    const from = start[l]!;
    const to = start[l + 1]!;
    const median = medianOf(dist.subarray(from, to));
    // the field standardised within the particle: its spread is `spread` whatever the size
    let fs = 0;
    let fs2 = 0;
    for (let k = from; k < to; k++) {
      const v = field[pixels[k]!]!;
      fs += v;
      fs2 += v * v;
    }
    const fMean = fs / (to - from);
    const fSd = Math.sqrt(Math.max(fs2 / (to - from) - fMean * fMean, 0));
    const fScale = fSd > 1e-6 ? spread / fSd : 0;
    for (let k = from; k < to; k++) {
      const t = 1 / (1 + Math.exp(-(dist[k]! - median) / 0.75));
      const i = pixels[k]!;
      const e = core + (shell - core) * t + fScale * (field[i]! - fMean);
      energy[i] = Math.min(ENERGY_WINDOW[1], Math.max(ENERGY_WINDOW[0], e));
    }
    planted.push({
      label: l,
      twoMode: draw.twoMode,
      modes: draw.twoMode ? [core, shell] : [s],
      polarization: d,
      spread,
    });
  }
  return { energy, planted };
}

function medianOf(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : 0.5 * (sorted[n / 2 - 1]! + sorted[n / 2]!);
}
