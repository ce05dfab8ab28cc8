import {
  assertBoolean,
  assertNumber,
  checkOptions,
  formatBytes,
  InvalidArgumentError,
  NI_K_EDGE_WINDOW,
  type OptionKeys,
} from '@mgraph/core';
import { PHASE_INTENSITY } from './xray-image.js';

/** Effect of one structural feature on the energies of the NMC particles that have it. */
export interface PlantedEffect {
  /** Factor on the within-mode spread of the particle's energies. */
  heterogeneity: number;
  /** Factor on the distance between the particle's two energy modes. */
  polarization: number;
  /** Shift of the particle's mean energy (SOC), eV. */
  soc: number;
}

/** Options of {@link generateComposite}; every field optional except `shape`. */
export interface CompositeOptions {
  /** `[rows, cols]` or `[planes, rows, cols]`. Default `[256, 256]`. */
  shape?: readonly number[];
  /** Seed of every random draw. Default 0. */
  seed?: number;
  /** Requested area (volume) fractions; the rest is pore (background). */
  fractions?: { nmc?: number; sse?: number; graphite?: number };
  /** Mean NMC particle radius in pixels. Default 12. */
  nmcRadius?: number;
  /** Log-normal spread (sd of log radius) of the NMC radii. Default 0.2. */
  nmcRadiusSpread?: number;
  /** Amplitude of the smooth departure from a sphere (0 = spheres). Default 0.08. */
  nmcIrregularity?: number;
  /** Probability that a new NMC particle is placed touching an existing one (0..1). Default 0.6. */
  agglomeration?: number;
  /** Graphite flakes. */
  graphite?: {
    /** Long axis over short axis. Default 4. */
    aspect?: number;
    /** Mean flake length (long axis) in pixels. Default `3 * nmcRadius`. */
    length?: number;
    /** Probability that a flake is laid flat on an NMC particle's surface (0..1). Default 0.5. */
    attach?: number;
    /**
     * Probability that an attached flake picks its particle among the NMC particles that touch
     * another one (centres closer than the sum of their radii + 3 px), so that TPBs go with
     * NMC-NMC contacts and hence with concurrent channels (0..1). Default 0: any particle.
     */
    attachToTouching?: number;
    /** Period of the layered texture across the flake, pixels. Default 5. */
    layerPeriod?: number;
  };
  /** Mean radius of the SSE grains (instances of the SSE matrix), pixels. Default `0.6 * nmcRadius`. */
  sseGrainRadius?: number;
  /** Correlation length (Gaussian sigma) of the pore field, pixels. Default `0.4 * nmcRadius`. */
  poreScale?: number;
  /** Smallest object kept on its own; smaller fragments join a touching object of the same phase. Default 10 (2D), 30 (3D). */
  minObjectSize?: number;
  /** X-ray image formation. */
  xray?: {
    /** Gaussian blur sigma (point-spread function), pixels. Default 1. */
    blur?: number;
    /** Standard deviation of the additive Gaussian noise, intensity units. Default 0.02. */
    noise?: number;
    /** Factor on every intensity's distance from mid-grey 0.5 (1 = as modelled). Default 1. */
    contrast?: number;
    /** Round intensities to the 65,536 levels of a uint16 detector. Default false. */
    quantize?: boolean;
    /**
     * Mean intensity of each phase code (background, SSE, NMC, graphite), each in [0, 1],
     * before texture, blur, contrast and noise. Default `PHASE_INTENSITY` (0.26, 0.36, 0.78,
     * 0.32).
     */
    intensity?: readonly [number, number, number, number];
  };
  /** Ni K-edge energy map of the NMC particles. */
  energy?: {
    /** Range of the per-particle mean energy (SOC), eV. Default `[8342.5, 8345.5]`. */
    socRange?: readonly [number, number];
    /** Fraction of particles with two energy modes (core and shell). Default 0.6. */
    twoModeFraction?: number;
    /** Range of the distance between the two modes (polarization), eV. Default `[1.2, 3]`. */
    polarizationRange?: readonly [number, number];
    /** Within-mode spread (sd of the smooth field), eV. Default 0.3. */
    modeSpread?: number;
    /** Correlation length (Gaussian sigma) of the within-mode field, pixels. Default 2. */
    correlationLength?: number;
  };
  /** Planted effects of TPB involvement and of a concurrent Li+/e- channel. */
  effects?: {
    tpb?: Partial<PlantedEffect>;
    channel?: Partial<PlantedEffect>;
  };
  /**
   * Most memory the generation may take, in bytes, estimated at {@link BYTES_PER_PIXEL}
   * per pixel (voxel) before anything is allocated; a larger shape throws. Default 2^32
   * (4 GiB: about 44.7 million pixels, e.g. 6688 x 6688 or 355^3).
   */
  maxBytes?: number;
}

/** Estimated peak bytes per pixel (voxel) of {@link generateComposite} (measured: 77 to 160, constants included). */
export const BYTES_PER_PIXEL = 96;

/** Default `maxBytes` of {@link generateComposite}: 2^32 bytes (4 GiB). */
export const DEFAULT_MAX_BYTES = 2 ** 32;

/**
 * Names of the {@link generateComposite} options that shape the phases and instances (those
 * that `compositeLayout` takes). @internal
 */
export type LayoutOptionKey =
  | 'shape'
  | 'seed'
  | 'fractions'
  | 'nmcRadius'
  | 'nmcRadiusSpread'
  | 'nmcIrregularity'
  | 'agglomeration'
  | 'graphite'
  | 'sseGrainRadius'
  | 'poreScale';

/**
 * The options of {@link generateComposite} that shape the phases and instances (those that
 * `compositeLayout` takes). @internal
 */
export const LAYOUT_OPTION_KEYS: OptionKeys<Pick<CompositeOptions, LayoutOptionKey>> = {
  shape: true,
  seed: true,
  fractions: true,
  nmcRadius: true,
  nmcRadiusSpread: true,
  nmcIrregularity: true,
  agglomeration: true,
  graphite: true,
  sseGrainRadius: true,
  poreScale: true,
};

const COMPOSITE_KEYS: OptionKeys<CompositeOptions> = {
  ...LAYOUT_OPTION_KEYS,
  minObjectSize: true,
  xray: true,
  energy: true,
  effects: true,
  maxBytes: true,
};
type Nested<K extends keyof CompositeOptions> = NonNullable<CompositeOptions[K]>;
const FRACTION_KEYS: OptionKeys<Nested<'fractions'>> = { nmc: true, sse: true, graphite: true };
const GRAPHITE_KEYS: OptionKeys<Nested<'graphite'>> = {
  aspect: true,
  length: true,
  attach: true,
  attachToTouching: true,
  layerPeriod: true,
};
const XRAY_KEYS: OptionKeys<Nested<'xray'>> = {
  blur: true,
  noise: true,
  contrast: true,
  quantize: true,
  intensity: true,
};
const ENERGY_KEYS: OptionKeys<Nested<'energy'>> = {
  socRange: true,
  twoModeFraction: true,
  polarizationRange: true,
  modeSpread: true,
  correlationLength: true,
};
const EFFECTS_KEYS: OptionKeys<Nested<'effects'>> = { tpb: true, channel: true };
const EFFECT_KEYS: OptionKeys<PlantedEffect> = {
  heterogeneity: true,
  polarization: true,
  soc: true,
};

/** Every option of {@link generateComposite}, for functions that extend them. */
export const COMPOSITE_OPTION_KEYS = COMPOSITE_KEYS;

/** {@link CompositeOptions} with every default filled in and checked. */
export interface ResolvedCompositeOptions {
  shape: number[];
  seed: number;
  fractions: { nmc: number; sse: number; graphite: number; pore: number };
  nmcRadius: number;
  nmcRadiusSpread: number;
  nmcIrregularity: number;
  agglomeration: number;
  graphite: {
    aspect: number;
    length: number;
    attach: number;
    attachToTouching: number;
    layerPeriod: number;
  };
  sseGrainRadius: number;
  poreScale: number;
  minObjectSize: number;
  xray: {
    blur: number;
    noise: number;
    contrast: number;
    quantize: boolean;
    intensity: readonly number[];
  };
  energy: ResolvedEnergyOptions;
  effects: { tpb: PlantedEffect; channel: PlantedEffect };
  maxBytes: number;
}

/** The `energy` options of {@link CompositeOptions}, filled in. */
export interface ResolvedEnergyOptions {
  socRange: [number, number];
  twoModeFraction: number;
  polarizationRange: [number, number];
  modeSpread: number;
  correlationLength: number;
}

/** Default planted effects: TPB and channel particles are more uniform and less polarized. */
export const DEFAULT_EFFECTS: Readonly<{ tpb: PlantedEffect; channel: PlantedEffect }> =
  Object.freeze({
    tpb: Object.freeze({ heterogeneity: 0.8, polarization: 0.8, soc: 0 }),
    channel: Object.freeze({ heterogeneity: 0.85, polarization: 0.85, soc: 0 }),
  });

/** The Ni K-edge window of the paper, eV: core's `NI_K_EDGE_WINDOW`, under the phantom's name. */
export const ENERGY_WINDOW: readonly [number, number] = NI_K_EDGE_WINDOW;

/**
 * Fill in and check the options of {@link generateComposite}.
 *
 * @throws InvalidArgumentError naming `fn` and the option at fault
 */
export function resolveCompositeOptions(
  fn: string,
  options: CompositeOptions,
): ResolvedCompositeOptions {
  options = checkOptions(fn, options, COMPOSITE_KEYS);
  const shape = options.shape ?? [256, 256];
  if (
    !Array.isArray(shape) ||
    (shape.length !== 2 && shape.length !== 3) ||
    !shape.every((s) => Number.isInteger(s) && s >= 1)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.shape',
      shape,
      'a 2D [rows, cols] or 3D [planes, rows, cols] shape of positive integers',
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  assertNumber(fn, 'options.maxBytes', maxBytes, { greaterThan: 0 });
  const pixels = shape.reduce((a: number, b: number) => a * b, 1);
  const bytes = pixels * BYTES_PER_PIXEL;
  if (bytes > maxBytes) {
    throw new InvalidArgumentError(
      fn,
      'options.shape',
      shape,
      `a shape whose generation fits options.maxBytes = ${maxBytes} (${formatBytes(maxBytes)}; at ${BYTES_PER_PIXEL} bytes per pixel, at most ${Math.floor(maxBytes / BYTES_PER_PIXEL)} pixels); this one has ${pixels} pixels and would take about ${formatBytes(bytes)}`,
    );
  }
  const seed = options.seed ?? 0;
  assertNumber(fn, 'options.seed', seed);
  const f = checkOptions(fn, options.fractions, FRACTION_KEYS, 'options.fractions');
  const nmc = f.nmc ?? 0.4;
  const sse = f.sse ?? 0.35;
  const graphite = f.graphite ?? 0.12;
  assertNumber(fn, 'options.fractions.nmc', nmc, { min: 0, max: 1 });
  assertNumber(fn, 'options.fractions.sse', sse, { min: 0, max: 1 });
  assertNumber(fn, 'options.fractions.graphite', graphite, { min: 0, max: 1 });
  if (nmc + sse + graphite > 1 + 1e-12) {
    throw new InvalidArgumentError(
      fn,
      'options.fractions',
      [nmc, sse, graphite],
      'fractions nmc + sse + graphite summing to at most 1',
    );
  }
  const nmcRadius = options.nmcRadius ?? 12;
  assertNumber(fn, 'options.nmcRadius', nmcRadius, { greaterThan: 0 });
  const nmcRadiusSpread = options.nmcRadiusSpread ?? 0.2;
  assertNumber(fn, 'options.nmcRadiusSpread', nmcRadiusSpread, { min: 0, max: 1 });
  const nmcIrregularity = options.nmcIrregularity ?? 0.08;
  assertNumber(fn, 'options.nmcIrregularity', nmcIrregularity, { min: 0, max: 0.3 });
  const agglomeration = options.agglomeration ?? 0.6;
  assertNumber(fn, 'options.agglomeration', agglomeration, { min: 0, max: 1 });
  const g = checkOptions(fn, options.graphite, GRAPHITE_KEYS, 'options.graphite');
  const aspect = g.aspect ?? 4;
  assertNumber(fn, 'options.graphite.aspect', aspect, { min: 1 });
  const length = g.length ?? 3 * nmcRadius;
  assertNumber(fn, 'options.graphite.length', length, { greaterThan: 0 });
  const attach = g.attach ?? 0.5;
  assertNumber(fn, 'options.graphite.attach', attach, { min: 0, max: 1 });
  const attachToTouching = g.attachToTouching ?? 0;
  assertNumber(fn, 'options.graphite.attachToTouching', attachToTouching, {
    min: 0,
    max: 1,
  });
  const layerPeriod = g.layerPeriod ?? 5;
  assertNumber(fn, 'options.graphite.layerPeriod', layerPeriod, { greaterThan: 0 });
  const sseGrainRadius = options.sseGrainRadius ?? 0.6 * nmcRadius;
  assertNumber(fn, 'options.sseGrainRadius', sseGrainRadius, { greaterThan: 0 });
  const poreScale = options.poreScale ?? 0.4 * nmcRadius;
  assertNumber(fn, 'options.poreScale', poreScale, { greaterThan: 0 });
  const minObjectSize = options.minObjectSize ?? (shape.length === 2 ? 10 : 30);
  assertNumber(fn, 'options.minObjectSize', minObjectSize, { integer: true, min: 1 });
  const x = checkOptions(fn, options.xray, XRAY_KEYS, 'options.xray');
  const xray = {
    blur: x.blur ?? 1,
    noise: x.noise ?? 0.02,
    contrast: x.contrast ?? 1,
    quantize: x.quantize ?? false,
    intensity: phaseIntensity(fn, x.intensity),
  };
  assertNumber(fn, 'options.xray.blur', xray.blur, { min: 0 });
  assertNumber(fn, 'options.xray.noise', xray.noise, { min: 0 });
  assertNumber(fn, 'options.xray.contrast', xray.contrast, { greaterThan: 0 });
  assertBoolean(fn, 'options.xray.quantize', xray.quantize);
  const e = checkOptions(fn, options.energy, ENERGY_KEYS, 'options.energy');
  const energy = {
    socRange: range(fn, 'options.energy.socRange', e.socRange ?? [8342.5, 8345.5], ENERGY_WINDOW),
    twoModeFraction: e.twoModeFraction ?? 0.6,
    polarizationRange: range(
      fn,
      'options.energy.polarizationRange',
      e.polarizationRange ?? [1.2, 3],
      [0, ENERGY_WINDOW[1] - ENERGY_WINDOW[0]],
    ),
    modeSpread: e.modeSpread ?? 0.3,
    correlationLength: e.correlationLength ?? 2,
  };
  assertNumber(fn, 'options.energy.twoModeFraction', energy.twoModeFraction, { min: 0, max: 1 });
  assertNumber(fn, 'options.energy.modeSpread', energy.modeSpread, { min: 0 });
  assertNumber(fn, 'options.energy.correlationLength', energy.correlationLength, { min: 0 });
  // Gaussian filters cost (pixels x kernel width): a sigma of more than 4 x the image's
  // longest side (far past a blur of the whole image; at least 1024 px allowed) would
  // allocate and loop over a kernel as wide as it asks (poreScale 1e9: 8e9 taps)
  const maxSigma = Math.max(1024, 4 * Math.max(...shape));
  for (const [argument, sigma] of [
    ['options.poreScale', poreScale],
    ['options.xray.blur', xray.blur],
    ['options.energy.correlationLength', energy.correlationLength],
  ] as const) {
    if (sigma > maxSigma) {
      throw new InvalidArgumentError(
        fn,
        argument,
        sigma,
        `a Gaussian length scale <= max(1024, 4 x the longest side of the shape) = ${maxSigma} px${argument === 'options.poreScale' && options.poreScale === undefined ? ' (default 0.4 x nmcRadius)' : ''}`,
      );
    }
  }
  const eff = checkOptions(fn, options.effects, EFFECTS_KEYS, 'options.effects');
  const effects = {
    tpb: effect(fn, 'options.effects.tpb', {
      ...DEFAULT_EFFECTS.tpb,
      ...checkOptions(fn, eff.tpb, EFFECT_KEYS, 'options.effects.tpb'),
    }),
    channel: effect(fn, 'options.effects.channel', {
      ...DEFAULT_EFFECTS.channel,
      ...checkOptions(fn, eff.channel, EFFECT_KEYS, 'options.effects.channel'),
    }),
  };
  return {
    shape: [...shape],
    seed,
    fractions: { nmc, sse, graphite, pore: Math.max(0, 1 - nmc - sse - graphite) },
    nmcRadius,
    nmcRadiusSpread,
    nmcIrregularity,
    agglomeration,
    graphite: { aspect, length, attach, attachToTouching, layerPeriod },
    sseGrainRadius,
    poreScale,
    minObjectSize,
    xray,
    energy,
    effects,
    maxBytes,
  };
}

function range(
  fn: string,
  argument: string,
  value: readonly number[],
  bounds: readonly [number, number],
): [number, number] {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => Number.isFinite(v)) &&
    value[0]! <= value[1]! &&
    value[0]! >= bounds[0] &&
    value[1]! <= bounds[1];
  if (!ok) {
    throw new InvalidArgumentError(
      fn,
      argument,
      value,
      `a range [low, high] with ${bounds[0]} <= low <= high <= ${bounds[1]}`,
    );
  }
  return [value[0]!, value[1]!];
}

function phaseIntensity(
  fn: string,
  value: readonly number[] | null | undefined,
): readonly number[] {
  if (value === undefined || value === null) return PHASE_INTENSITY;
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    value.every((v) => Number.isFinite(v) && v >= 0 && v <= 1);
  if (!ok) {
    throw new InvalidArgumentError(
      fn,
      'options.xray.intensity',
      value,
      'four intensities in [0, 1] (background, sse, nmc, graphite)',
    );
  }
  return Object.freeze([...value]);
}

function effect(fn: string, argument: string, value: PlantedEffect): PlantedEffect {
  assertNumber(fn, `${argument}.heterogeneity`, value.heterogeneity, { min: 0 });
  assertNumber(fn, `${argument}.polarization`, value.polarization, { min: 0 });
  assertNumber(fn, `${argument}.soc`, value.soc, { min: -4, max: 4 });
  return { heterogeneity: value.heterogeneity, polarization: value.polarization, soc: value.soc };
}
