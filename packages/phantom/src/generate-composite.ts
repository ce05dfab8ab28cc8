import {
  type ChannelCategory,
  createRng,
  type LabelImage,
  NI_K_EDGE_REFERENCE,
  type PhaseMap,
} from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';
import {
  type CompositeOptions,
  type PlantedEffect,
  resolveCompositeOptions,
} from './composite-options.js';
import { contactPairs } from './contact-pairs.js';
import { plantEnergyMap } from './energy-map.js';
import { placeGraphiteFlakes } from './graphite-flakes.js';
import { makeGrid } from './grid.js';
import { cleanInstances } from './instance-cleanup.js';
import { placeNmcParticles } from './nmc-particles.js';
import { fillSseMatrix } from './sse-matrix.js';
import { truthTopology } from './truth-topology.js';
import { renderXray } from './xray-image.js';

/** Ground truth of one NMC particle. */
export interface ParticleTruth {
  /** Its label in `instances`. */
  label: number;
  /** Pixel (voxel) count. */
  size: number;
  /** Mean of its pixels' edge energies, eV (as generated). */
  soc: number;
  /** Standard deviation (ddof 0) of its pixels' edge energies, eV (as generated). */
  heterogeneity: number;
  /** Planted distance between its two energy modes, eV; 0 for a one-mode particle. */
  polarization: number;
  /** Whether it was generated with two modes (core and shell). */
  twoMode: boolean;
  /** Planted mode positions, eV (core first). */
  modes: number[];
  /**
   * Number of triple phase boundaries it takes part in: NMC-SSE-graphite triangles of
   * objects in mutual contact (7x7 window; 7x7x7 in 3D).
   */
  tpbCount: number;
  /** Its concurrent-channel category (the paper's Fig. 3c; {@link ChannelCategory}). */
  channelCategory: ChannelCategory;
  /** `tpbCount > 0`: the TPB effect was planted. */
  inTpb: boolean;
  /**
   * It belongs to a concurrent pair (an NMC particle linked to it both ionically and
   * electronically; what `concurrentByNode` of `@mgraph/graph` reports on the graph of
   * `instances`): the channel effect was planted.
   */
  concurrentChannel: boolean;
}

/** Ground truth of a composite. */
export interface CompositeTruth {
  /** One entry per NMC particle, by label. */
  particles: ParticleTruth[];
  /** The planted effects (factors on spread and mode distance, SOC shift in eV). */
  effects: { tpb: PlantedEffect; channel: PlantedEffect };
  /** Requested fractions (pore = the rest) and the fractions obtained, by phase name. */
  fractions: {
    requested: Record<'background' | 'sse' | 'nmc' | 'graphite', number>;
    actual: Record<'background' | 'sse' | 'nmc' | 'graphite', number>;
  };
  /** The seed the composite was generated from. */
  seed: number;
}

/** What {@link generateComposite} returns. */
export interface Composite {
  /** X-ray intensities in [0, 1] (float32; uint16 levels when `xray.quantize`). */
  image: NdArray<Float32Array>;
  /** Phase codes of `CATHODE_SCHEME`: 0 background (pore), 1 SSE, 2 NMC, 3 graphite. */
  phases: PhaseMap;
  /** Object labels, 0 = pore; touching NMC particles are distinct objects. */
  instances: LabelImage;
  /** Phase code of each label (`phaseOfLabel[0] = 0`). */
  phaseOfLabel: Uint8Array;
  /** Ni K-edge energy in eV on NMC pixels, NaN elsewhere. */
  energy: NdArray<Float32Array>;
  /** Per-particle ground truth and planted effects. */
  truth: CompositeTruth;
}

/**
 * Generate a synthetic solid-state cathode composite (2D or 3D) with its ground truth:
 * X-ray image, phase map, instance map, Ni K-edge energy map, and per NMC particle the
 * generated SOC / heterogeneity / polarization with its TPB count and concurrent-channel
 * category.
 *
 * Steps: NMC particles by random sequential addition with agglomeration (touching
 * particles split along their contact); graphite flakes (ellipses / plate-like spheroids,
 * half of them laid on NMC surfaces); the rest SSE and pores, pores being the low values
 * of a smooth random field, exactly enough to meet the SSE fraction; the SSE cut into
 * connected grains; fragments below `minObjectSize` merged into a touching object of
 * their phase; the ground-truth contacts (the paper's 7x7 dilation window, 7x7x7 in 3D)
 * and from them the TPB triangles and concurrent channels of each NMC particle, computed
 * here by a small oracle of the phantom's own (`contact-pairs.ts`, `truth-topology.ts`),
 * not by `@mgraph/graph`, which the phantom is there to test; energies with the planted
 * effects; the X-ray image with phase textures, blur, contrast and noise.
 *
 * @param options - see {@link CompositeOptions}; defaults: shape `[256, 256]` (a usual
 *   U-Net tile; about 60 NMC particles and 330 objects per image, so a graph of useful size,
 *   and the paper's 73 images generate in seconds), seed 0,
 *   fractions nmc 0.4 / sse 0.35 / graphite 0.12 (pores 0.13), nmcRadius 12 px
 * @returns a {@link Composite}
 * @throws InvalidArgumentError for bad options (fractions < 0 or summing above 1,
 *   nmcRadius <= 0, a shape that is not 2D or 3D, ...)
 * @throws ConvergenceError when the NMC fraction cannot be packed
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085 (Fig. 1b,
 * S1 for the appearance; Fig. 3 for the TPB / channel findings the defaults reproduce).
 */
export function generateComposite(options: CompositeOptions = {}): Composite {
  const fn = 'generateComposite';
  const o = resolveCompositeOptions(fn, options);
  const grid = makeGrid(o.shape);
  const rng = createRng(o.seed);
  const rngNmc = rng.fork();
  const rngGraphite = rng.fork();
  const rngSse = rng.fork();
  const rngEnergy = rng.fork();
  const rngXray = rng.fork();
  const [BG, SSE, NMC, GRAPHITE] = [0, 1, 2, 3];

  const raw = new Int32Array(grid.size);
  const nmc = placeNmcParticles(
    fn,
    grid,
    {
      fraction: o.fractions.nmc,
      radius: o.nmcRadius,
      radiusSpread: o.nmcRadiusSpread,
      irregularity: o.nmcIrregularity,
      agglomeration: o.agglomeration,
    },
    rngNmc,
    raw,
  );
  const nNmc = nmc.particles.length;
  const layers = new Float32Array(grid.size);
  const graphite = placeGraphiteFlakes(
    grid,
    { fraction: o.fractions.graphite, ...o.graphite },
    nmc.particles,
    rngGraphite,
    raw,
    layers,
    nNmc + 1,
  );
  const sse = fillSseMatrix(
    grid,
    { fraction: o.fractions.sse, poreScale: o.poreScale, grainRadius: o.sseGrainRadius },
    rngSse,
    raw,
    graphite.lastLabel + 1,
  );
  const phaseOfRaw = new Uint8Array(sse.lastLabel + 1);
  for (let l = 1; l <= sse.lastLabel; l++) {
    phaseOfRaw[l] = l <= nNmc ? NMC : l <= graphite.lastLabel ? GRAPHITE : SSE;
  }
  const { instances, phaseOfLabel } = cleanInstances(grid, raw, phaseOfRaw, o.minObjectSize, [
    NMC,
    SSE,
    GRAPHITE,
  ]);
  const phases = new Uint8Array(grid.size);
  const phaseCount = [0, 0, 0, 0];
  for (let i = 0; i < grid.size; i++) {
    const p = phaseOfLabel[instances[i]!]!;
    phases[i] = p;
    phaseCount[p]!++;
  }

  const labels = ndarray(instances, [...o.shape]);
  const contacts = contactPairs(grid, instances, phaseOfLabel.length);
  const topology = truthTopology(contacts, phaseOfLabel, {
    active: NMC,
    ionic: SSE,
    electronic: GRAPHITE,
  });
  const topologyOf = (l: number) => topology[l]!;

  const { energy, planted } = plantEnergyMap(
    grid,
    instances,
    phaseOfLabel,
    NMC,
    (l) => ({ tpb: topologyOf(l).tpbCount > 0, channel: topologyOf(l).concurrentChannel }),
    { ...o.energy, effects: o.effects },
    rngEnergy,
  );
  const image = renderXray(grid, phases, instances, phaseOfLabel, layers, o.xray, rngXray);

  const stats = labelMoments(instances, energy, phaseOfLabel.length);
  const particles: ParticleTruth[] = planted.map((p) => {
    const n = stats.count[p.label]!;
    const shifted = stats.sum[p.label]! / n;
    const variance = Math.max(0, stats.sum2[p.label]! / n - shifted * shifted);
    const mean = stats.reference + shifted;
    const { tpbCount, channelCategory, concurrentChannel } = topologyOf(p.label);
    return {
      label: p.label,
      size: n,
      soc: mean,
      heterogeneity: Math.sqrt(variance),
      polarization: p.polarization,
      twoMode: p.twoMode,
      modes: p.modes,
      tpbCount,
      channelCategory,
      inTpb: tpbCount > 0,
      concurrentChannel,
    };
  });
  const frac = (c: number) => phaseCount[c]! / grid.size;
  return {
    image: ndarray(image, [...o.shape]),
    phases: ndarray(phases, [...o.shape]),
    instances: labels,
    phaseOfLabel,
    energy: ndarray(energy, [...o.shape]),
    truth: {
      particles,
      effects: { tpb: { ...o.effects.tpb }, channel: { ...o.effects.channel } },
      fractions: {
        requested: {
          background: o.fractions.pore,
          sse: o.fractions.sse,
          nmc: o.fractions.nmc,
          graphite: o.fractions.graphite,
        },
        actual: { background: frac(BG), sse: frac(SSE), nmc: frac(NMC), graphite: frac(GRAPHITE) },
      },
      seed: o.seed,
    },
  };
}

/**
 * Per-label count, sum and sum of squares of the non-NaN values minus `reference` (float64
 * accumulators; the shift to `NI_K_EDGE_REFERENCE` keeps the variance exact for Ni K-edge energies).
 */
function labelMoments(instances: Int32Array, values: Float32Array, nLabels: number) {
  const reference = NI_K_EDGE_REFERENCE;
  const count = new Float64Array(nLabels);
  const sum = new Float64Array(nLabels);
  const sum2 = new Float64Array(nLabels);
  for (let i = 0; i < instances.length; i++) {
    const l = instances[i]!;
    const v = values[i]!;
    if (l === 0 || Number.isNaN(v)) continue;
    const x = v - reference;
    count[l]!++;
    sum[l] += x;
    sum2[l] += x * x;
  }
  return { count, sum, sum2, reference };
}
