import type { Rng } from '@mgraph/core';
import { gaussianFilter, gaussianRandomField } from './gaussian-filter.js';
import type { Grid } from './grid.js';

/** Options of {@link renderXray}. */
export interface XrayOptions {
  blur: number;
  noise: number;
  contrast: number;
  quantize: boolean;
  /** Mean intensity per phase code (background, SSE, NMC, graphite). */
  intensity: readonly number[];
}

/**
 * Mean attenuation-contrast intensity of each phase code of the cathode scheme (background,
 * SSE, NMC, graphite). NMC (a transition-metal oxide) is far brighter than the light
 * phases, whose means lie within one texture amplitude of each other, as in the paper's
 * Fig. 1b / S1 where pores, SSE and graphite share one grey-level range.
 */
export const PHASE_INTENSITY: readonly number[] = Object.freeze([0.26, 0.36, 0.78, 0.32]);

/**
 * Render an X-ray attenuation image from the phase and instance maps. Every phase gets its
 * own texture, so that a small network can tell the light phases apart by texture rather
 * than by grey level:
 * - pores (background): dark, smooth low-frequency mottling (field sigma 3 px, sd 0.03);
 * - SSE: a fine-grained speckle (field sigma 0.7 px, sd 0.1) plus a grey offset per grain (sd 0.02);
 * - graphite: layers parallel to the flake (`layers`, amplitude 0.12);
 * - NMC: bright, nearly uniform, an offset per particle (sd 0.03) and faint mottling.
 * The phase means are `options.intensity` (`PHASE_INTENSITY` by default).
 * Then the point-spread function (Gaussian `blur`), the contrast (`0.5 + contrast (I - 0.5)`),
 * additive Gaussian `noise`, clipping to [0, 1], and optional uint16 quantisation.
 *
 * @returns intensities in [0, 1]
 */
export function renderXray(
  grid: Grid,
  phases: Uint8Array,
  instances: Int32Array,
  phaseOfLabel: Uint8Array,
  layers: Float32Array,
  options: XrayOptions,
  rng: Rng,
): Float32Array {
  const offsetSd = [0, 0.02, 0.03, 0.02];
  const offsets = Float32Array.from(phaseOfLabel, (p, label) =>
    label === 0 ? 0 : rng.normal(0, offsetSd[p] ?? 0),
  );
  const coarse = gaussianRandomField(grid, 3, rng);
  const fine = gaussianRandomField(grid, 0.7, rng);
  const clean = new Float32Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    const p = phases[i]!;
    let v = options.intensity[p]! + offsets[instances[i]!]!;
    if (p === 0) v += 0.03 * coarse[i]!;
    else if (p === 1) v += 0.1 * fine[i]!;
    else if (p === 2) v += 0.02 * coarse[i]!;
    else v += 0.12 * layers[i]!;
    clean[i] = v;
  }
  const image = gaussianFilter(clean, grid, options.blur);
  for (let i = 0; i < grid.size; i++) {
    let v = 0.5 + options.contrast * (image[i]! - 0.5);
    if (options.noise > 0) v += rng.normal(0, options.noise);
    v = Math.min(1, Math.max(0, v));
    image[i] = options.quantize ? Math.round(v * 65535) / 65535 : v;
  }
  return image;
}
