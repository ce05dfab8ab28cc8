import {
  assertCallback,
  assertNumber,
  assertSignal,
  CATHODE_SCHEME,
  checkOptions,
  checkScheme,
  type Image,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import type { DescriptorOptions } from '@mgraph/electrochem';
import type { BuildGraphOptions, ConcurrentChannelsOptions } from '@mgraph/graph';
import type { Segmenter } from '@mgraph/segment';
import type { NodeMetricsOptions } from '@mgraph/stats';
import type { InstanceSegmentationOptions } from '@mgraph/watershed';
import { type AnalysisTransportOptions, TRANSPORT_KEYS } from './particle-accessibility.js';

/**
 * What {@link analyzeImage} analyses: either an X-ray `image` (segmented by
 * `options.segmenter`) or a `phases` map, and optionally the Ni K-edge `energy` map of the
 * same shape. 2D `(rows, cols)` or 3D `(planes, rows, cols)`, any strides.
 */
export interface ImageInput {
  /** X-ray image (any numeric dtype); needs `options.segmenter`. */
  image?: Image;
  /** uint8 phase map, codes of `options.scheme`; given instead of `image`. */
  phases?: PhaseMap;
  /** Ni K-edge energy per pixel (eV; NaN where unknown). Without it, no descriptors. */
  energy?: Image | null;
}

/** Options of {@link analyzeImage} and {@link analyzePhaseMap}. */
export interface AnalyzeImageOptions {
  /** Phase scheme of the phase map. Default `CATHODE_SCHEME` (the paper's). */
  scheme?: PhaseScheme;
  /** Turns `input.image` into a phase map (e.g. `loadUNet()` of `@mgraph/segment/node` or `otsuSegmenter()` of `@mgraph/segment`). */
  segmenter?: Segmenter;
  /**
   * The active phase whose particles become the rows. Default: the scheme's active phase;
   * required when the scheme declares none or several.
   */
  active?: string;
  /** Objects smaller than this many pixels are dropped. Default 10. */
  minSize?: number;
  /** Adjacency window (odd side of the dilation square / cube). Default 7 (the paper's). */
  window?: number;
  /** Phases split by the convexity-refined watershed. Default `[active]`. */
  split?: readonly string[];
  /** More options of `instanceSegmentation` (`connectivity`, `minDistance`, `convexityThreshold`, `maxIterations`). */
  instances?: Pick<
    InstanceSegmentationOptions,
    'connectivity' | 'minDistance' | 'convexityThreshold' | 'maxIterations'
  >;
  /** More options of `buildGraph` (`strength`, `weightScale`). */
  graph?: Pick<BuildGraphOptions, 'strength' | 'weightScale'>;
  /** Options of `concurrentChannels` (bridge phases, direct links). Default: the scheme's roles. */
  channels?: Omit<ConcurrentChannelsOptions, 'scheme' | 'active'>;
  /** Options of `electrochemicalDescriptors` (range, bins, smoothing, `minPixels`...). */
  descriptors?: Omit<DescriptorOptions, 'labelsToUse'>;
  /**
   * Options of `nodeMetrics`. Default `maxIter` 10,000 rather than 1,000: the eigenvector
   * power iteration does not always converge sooner on graphs with several components (same
   * fixed point, same tolerance).
   */
  metrics?: Pick<
    NodeMetricsOptions,
    'weight' | 'distance' | 'eigenvectorWeight' | 'maxIter' | 'tol'
  >;
  /**
   * Per-particle accessibility (`particleAccessibility` of `@mgraph/transport`): the
   * conductivities (required, no default) and the conductance model / boundary options.
   * Default: not computed (no accessibility columns).
   */
  transport?: AnalysisTransportOptions;
  /** Called with `(stagesDone, stages)` after each stage. */
  onProgress?: ProgressCallback;
  /** Cancels between stages (and inside the segmenter and the watershed). */
  signal?: AbortSignal;
}

const ANALYZE_IMAGE_KEYS: OptionKeys<AnalyzeImageOptions> = {
  scheme: true,
  segmenter: true,
  active: true,
  minSize: true,
  window: true,
  split: true,
  instances: true,
  graph: true,
  channels: true,
  descriptors: true,
  metrics: true,
  transport: true,
  onProgress: true,
  signal: true,
};
const INSTANCES_KEYS: OptionKeys<NonNullable<AnalyzeImageOptions['instances']>> = {
  connectivity: true,
  minDistance: true,
  convexityThreshold: true,
  maxIterations: true,
};
const GRAPH_KEYS: OptionKeys<NonNullable<AnalyzeImageOptions['graph']>> = {
  strength: true,
  weightScale: true,
};
const CHANNELS_KEYS: OptionKeys<NonNullable<AnalyzeImageOptions['channels']>> = {
  ionic: true,
  electronic: true,
  directElectronic: true,
  directIonic: true,
};
const DESCRIPTORS_KEYS: OptionKeys<NonNullable<AnalyzeImageOptions['descriptors']>> = {
  range: true,
  binWidth: true,
  smoothing: true,
  onProgress: true,
  reference: true,
  singlePeak: true,
  ddof: true,
  dominantFraction: true,
  heightReference: true,
  peakOptions: true,
  minPixels: true,
};
const METRICS_KEYS: OptionKeys<NonNullable<AnalyzeImageOptions['metrics']>> = {
  weight: true,
  distance: true,
  eigenvectorWeight: true,
  maxIter: true,
  tol: true,
};

/** Keys of the `input` argument of {@link analyzeImage} (and {@link analyzePhaseMap}, which does not read `image`). */
export const INPUT_KEYS: OptionKeys<ImageInput> = { image: true, phases: true, energy: true };

/** The options of an analysis, checked, with the pipeline's defaults applied. */
export interface ResolvedOptions {
  scheme: PhaseScheme;
  active: string;
  segmenter: Segmenter | undefined;
  minSize: number;
  window: number;
  split: readonly string[];
  instances: NonNullable<AnalyzeImageOptions['instances']>;
  graph: NonNullable<AnalyzeImageOptions['graph']>;
  channels: NonNullable<AnalyzeImageOptions['channels']>;
  descriptors: NonNullable<AnalyzeImageOptions['descriptors']>;
  metrics: NonNullable<AnalyzeImageOptions['metrics']>;
  /** `null` when not requested. */
  transport: AnalysisTransportOptions | null;
  onProgress: ProgressCallback | undefined;
  signal: AbortSignal | undefined;
}

/**
 * The `input` argument checked: a plain object whose keys are among `keys` (a misspelled
 * `energies` is an error, not an analysis without descriptors).
 */
export function checkInput(fn: string, input: unknown, keys: OptionKeys<ImageInput>): ImageInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InvalidArgumentError(fn, 'input', input, 'an object { image | phases, energy? }');
  return checkOptions(fn, input as ImageInput, keys, 'input');
}

/** The active phase: `active` when it is an object phase of the scheme, else the scheme's only one. */
function activePhase(fn: string, scheme: PhaseScheme, active: unknown): string {
  if (active !== undefined) {
    if (typeof active !== 'string' || !scheme.objects.includes(active))
      throw new InvalidArgumentError(
        fn,
        'options.active',
        active,
        `an object phase of scheme ${JSON.stringify(scheme.name)} (${scheme.objects.join(', ')})`,
      );
    return active;
  }
  if (scheme.active.length !== 1)
    throw new InvalidArgumentError(
      fn,
      'options.active',
      active,
      `given: scheme ${JSON.stringify(scheme.name)} declares ${scheme.active.length} active phases (${scheme.active.join(', ') || 'none'})`,
    );
  return scheme.active[0]!;
}

/**
 * Assert `segmenter` is a {@link Segmenter}: an object with a `segment` function and a
 * positive integer `classes`.
 */
function checkSegmenter(fn: string, segmenter: unknown): asserts segmenter is Segmenter {
  const s = segmenter as Partial<Segmenter> | null;
  if (
    typeof s !== 'object' ||
    s === null ||
    typeof s.segment !== 'function' ||
    !Number.isSafeInteger(s.classes) ||
    (s.classes as number) < 1
  )
    throw new InvalidArgumentError(
      fn,
      'options.segmenter',
      segmenter,
      'a Segmenter { classes, segment } (e.g. loadUNet() of @mgraph/segment/node or otsuSegmenter() of @mgraph/segment)',
    );
}

/**
 * Every option of an analysis checked before any stage runs (so a typo fails in
 * milliseconds, not after the segmenter): unknown keys at the top level and in the nested
 * stage objects, `null` for defaults, callback, signal, scheme and active phase, the numbers
 * the pipeline defaults, the segmenter's shape. The stage functions check the values of
 * their own nested options.
 */
export function resolveOptions(fn: string, options: unknown): ResolvedOptions {
  const opts = checkOptions(fn, options as AnalyzeImageOptions | null, ANALYZE_IMAGE_KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const scheme = checkScheme(fn, 'options.scheme', opts.scheme ?? CATHODE_SCHEME);
  const active = activePhase(fn, scheme, opts.active);
  const { minSize = 10, window = 7, split = [active], segmenter } = opts;
  assertNumber(fn, 'options.minSize', minSize, { integer: true, min: 0 });
  assertNumber(fn, 'options.window', window, { integer: true, min: 1 });
  if (window % 2 === 0)
    throw new InvalidArgumentError(fn, 'options.window', window, 'an odd integer >= 1');
  if (!Array.isArray(split) || !split.every((p) => typeof p === 'string'))
    throw new InvalidArgumentError(fn, 'options.split', split, 'an array of phase names');
  if (segmenter !== undefined) checkSegmenter(fn, segmenter);
  const nested = <T extends object>(name: string, value: T | undefined, keys: OptionKeys<T>) =>
    checkOptions(fn, value, keys, `options.${name}`);
  return {
    scheme,
    active,
    segmenter,
    minSize,
    window,
    split,
    instances: nested('instances', opts.instances, INSTANCES_KEYS),
    graph: nested('graph', opts.graph, GRAPH_KEYS),
    channels: nested('channels', opts.channels, CHANNELS_KEYS),
    descriptors: nested('descriptors', opts.descriptors, DESCRIPTORS_KEYS),
    metrics: nested('metrics', opts.metrics, METRICS_KEYS),
    transport:
      opts.transport === undefined || opts.transport === null
        ? null
        : nested('transport', opts.transport, TRANSPORT_KEYS),
    onProgress: opts.onProgress,
    signal: opts.signal,
  };
}
