import {
  assertNdim,
  assertSameShape,
  CATHODE_SCHEME,
  checkScheme,
  type Image,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import {
  type DescriptorOptions,
  electrochemicalDescriptors,
  type ParticleDescriptors,
} from '@mgraph/electrochem';
import {
  type BuildGraphOptions,
  buildGraph,
  type ConcurrentChannelsOptions,
  concurrentChannels,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import type { Segmenter } from '@mgraph/segment';
import { type NodeMetricsOptions, type NodeMetricsRow, nodeMetrics } from '@mgraph/stats';
import { type InstanceSegmentationOptions, instanceSegmentation } from '@mgraph/watershed';
import type {
  AnalysisGraph,
  AnalysisTimings,
  ImageAnalysis,
  ParticleRow,
  TpbRow,
} from './types.js';

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
  /** Turns `input.image` into a phase map (e.g. `loadUNet()` or `otsuSegmenter()` of `@mgraph/segment`). */
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
  /** Called with `(stagesDone, stages)` after each stage. */
  onProgress?: ProgressCallback;
  /** Cancels between stages (and inside the segmenter and the watershed). */
  signal?: AbortSignal;
}

/** Stages reported to `onProgress`: segment, instances, graph, channels, descriptors, metrics. */
const STAGES = 6;

const elapsed = (t0: number) => (performance.now() - t0) / 1000;

function activePhase(fn: string, scheme: PhaseScheme, active: string | undefined): string {
  if (active !== undefined) {
    if (!scheme.objects.includes(active))
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

/** Checked scheme and active phase of the options. */
function resolveRoles(fn: string, options: AnalyzeImageOptions) {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(fn, 'options', options, 'an options object');
  const scheme = checkScheme(fn, 'options.scheme', options.scheme ?? CATHODE_SCHEME);
  return { scheme, active: activePhase(fn, scheme, options.active) };
}

/**
 * The analysis of a phase map, stage by stage: instances, graph, TPBs, channels,
 * descriptors, metrics, rows (shared by {@link analyzePhaseMap} and {@link analyzeImage}).
 */
function analyze(
  fn: string,
  phases: PhaseMap,
  energy: Image | null,
  options: AnalyzeImageOptions,
  segmentSeconds: number,
): ImageAnalysis {
  const { scheme, active } = resolveRoles(fn, options);
  const { signal, onProgress } = options;
  assertNdim(fn, 'phases', phases, [2, 3]);
  if (energy) assertSameShape(fn, 'phases', phases, 'energy', energy);
  const seconds: AnalysisTimings = {
    segment: segmentSeconds,
    instances: 0,
    graph: 0,
    descriptors: 0,
    metrics: 0,
  };
  const warnings: string[] = [];
  let stage = 1;
  const progress = () => onProgress?.(++stage, STAGES);
  throwIfAborted(fn, signal);

  let t0 = performance.now();
  const instances = instanceSegmentation(phases, {
    ...options.instances,
    scheme,
    split: options.split ?? [active],
    minSize: options.minSize ?? 10,
    signal,
  });
  seconds.instances = elapsed(t0);
  progress();
  throwIfAborted(fn, signal);

  t0 = performance.now();
  // The analysis graph adds optional attributes (AnalysisNodeAttributes) to buildGraph's.
  const graph: AnalysisGraph = buildGraph(instances.labels, {
    ...options.graph,
    phaseOfLabel: instances.phaseOfLabel,
    scheme,
    window: options.window ?? 7,
  });
  progress();
  throwIfAborted(fn, signal);
  let tpb = null;
  if (scheme.tpb) {
    tpb = triplePhaseBoundaries(graph);
    warnings.push(...tpb.warnings);
    if (!scheme.tpb.includes(active))
      warnings.push(
        `the active phase ${JSON.stringify(active)} is not a TPB phase (${scheme.tpb.join(', ')}): every particle's tpbCount is 0`,
      );
  } else
    warnings.push(
      `scheme ${JSON.stringify(scheme.name)} declares no triple phase boundary: every particle's tpbCount is 0`,
    );
  const channels = concurrentChannels(graph, { ...options.channels, active });
  warnings.push(...channels.warnings);
  seconds.graph = elapsed(t0);
  progress();
  throwIfAborted(fn, signal);

  const activeKeys = graph.filterNodes((_, attributes) => attributes.phase === active);
  if (activeKeys.length === 0)
    warnings.push(`no object of the active phase ${JSON.stringify(active)}: no particle rows`);
  t0 = performance.now();
  const descriptors = energy
    ? electrochemicalDescriptors(energy, instances.labels, {
        ...options.descriptors,
        labelsToUse: activeKeys.map(Number),
      })
    : null;
  seconds.descriptors = elapsed(t0);
  progress();
  throwIfAborted(fn, signal);

  t0 = performance.now();
  const metrics = nodeMetrics(graph, {
    weight: 'weight',
    maxIter: 10_000,
    ...options.metrics,
    nodes: activeKeys,
  });
  seconds.metrics = elapsed(t0);
  progress();

  const particles = particleRows(graph, activeKeys, {
    tpbCount: tpb?.countByNode ?? {},
    category: channels.categoryByNode,
    concurrent: channels.concurrentByNode,
    descriptors,
    metrics,
  });
  annotateGraph(graph, particles, tpb?.countByNode ?? {}, channels.concurrentByNode);
  const tpbs: TpbRow[] = (tpb?.triangles ?? []).map((t) => ({
    nodes: [...t.nodes],
    label: graph.getNodeAttribute(t.nodes[0], 'label'),
    size: graph.getNodeAttribute(t.nodes[0], 'size'),
    perimeter: t.perimeter,
    interfaceRatio: t.ratio,
  }));
  return {
    scheme,
    active,
    shape: phases.shape.slice(),
    phases,
    instances,
    graph,
    tpb,
    channels,
    descriptors,
    metrics,
    particles,
    tpbs,
    warnings,
    seconds,
  };
}

/** The per-particle rows: graph attributes, descriptors, TPB and channel membership, metrics. */
function particleRows(
  graph: AnalysisGraph,
  keys: readonly string[],
  found: {
    tpbCount: Record<string, number>;
    category: Record<string, ParticleRow['channelCategory']>;
    concurrent: Record<string, boolean>;
    descriptors: ParticleDescriptors[] | null;
    metrics: NodeMetricsRow[];
  },
): ParticleRow[] {
  const descriptors = new Map((found.descriptors ?? []).map((d) => [d.label, d]));
  const metrics = new Map(found.metrics.map((m) => [m.node, m]));
  return keys.map((node) => {
    const { label, phase, size } = graph.getNodeAttributes(node);
    const d = descriptors.get(label);
    const valid = d?.valid === true;
    const m = metrics.get(node)!;
    const tpbCount = found.tpbCount[node] ?? 0;
    return {
      node,
      label,
      phase,
      size,
      soc: valid ? d.soc! : Number.NaN,
      heterogeneity: valid ? d.heterogeneity! : Number.NaN,
      polarization: valid ? d.polarization! : Number.NaN,
      descriptorsValid: valid,
      descriptorNote: found.descriptors ? (d?.reason ?? '') : 'no energy map',
      tpbCount,
      inTpb: tpbCount > 0,
      channelCategory: found.category[node] ?? 'none',
      concurrentChannel: found.concurrent[node] === true,
      degree: m.degree,
      weightedDegree: m.weightedDegree,
      clustering: m.clustering,
      betweenness: m.betweenness,
      closeness: m.closeness,
      eigenvector: m.eigenvector,
      neighbors: { ...m.neighbors },
    };
  });
}

/**
 * Structural features on every node (`tpbCount`, `concurrentChannel` as 0/1), and the
 * descriptors on active nodes whose descriptors are valid.
 */
function annotateGraph(
  graph: AnalysisGraph,
  particles: readonly ParticleRow[],
  tpbCount: Record<string, number>,
  concurrent: Record<string, boolean>,
): void {
  for (const p of particles)
    if (p.descriptorsValid)
      graph.mergeNodeAttributes(p.node, {
        soc: p.soc,
        heterogeneity: p.heterogeneity,
        polarization: p.polarization,
      });
  graph.forEachNode((key) =>
    graph.mergeNodeAttributes(key, {
      tpbCount: tpbCount[key] ?? 0,
      concurrentChannel: concurrent[key] === true ? 1 : 0,
    }),
  );
}

/**
 * Analyse a phase map (2D or 3D) through the paper's composition: instance segmentation
 * (convexity-refined watershed of the active phase, connected components of the other object
 * phases), the contact graph, triple phase boundaries, concurrent ion / electron channels,
 * electrochemical descriptors of the active particles (when an energy map is given), their
 * graph metrics, and one row per active particle. Synchronous; see {@link analyzeImage} for
 * an X-ray image and a segmenter.
 *
 * @param input - `{ phases, energy? }` (see {@link ImageInput}; `image` is not read)
 * @param options - {@link AnalyzeImageOptions}: `scheme` (`CATHODE_SCHEME`), `active` (the
 *   scheme's), `minSize` (10), `window` (7), `split` (`[active]`), `instances`, `graph`,
 *   `channels`, `descriptors`, `metrics` (`maxIter` 10,000), `onProgress`, `signal`
 * @returns the {@link ImageAnalysis}
 * @throws InvalidArgumentError when `input.phases` is missing or not a 2D/3D uint8 map of the
 *   scheme's codes, when the scheme is invalid, when `active` is missing for a scheme without
 *   exactly one active phase or is not an object phase, and for bad stage options (the stage
 *   function names itself); ShapeMismatchError when `energy` differs in shape; AbortError
 *   when `signal` aborts
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085.
 */
export function analyzePhaseMap(
  input: Pick<ImageInput, 'phases' | 'energy'>,
  options: AnalyzeImageOptions = {},
): ImageAnalysis {
  const fn = 'analyzePhaseMap';
  if (typeof input !== 'object' || input === null || input.phases === undefined)
    throw new InvalidArgumentError(fn, 'input.phases', input?.phases, 'a uint8 phase map');
  options.onProgress?.(1, STAGES);
  return analyze(fn, input.phases, input.energy ?? null, options, 0);
}

/**
 * Analyse one image or volume: segment the X-ray image with `options.segmenter` (or take the
 * phase map given), then everything {@link analyzePhaseMap} does.
 *
 * @param input - {@link ImageInput}: `image` (with `options.segmenter`) or `phases`, and
 *   optionally `energy`
 * @param options - {@link AnalyzeImageOptions}, `segmenter` required with `input.image`
 * @returns a promise of the {@link ImageAnalysis}
 * @throws InvalidArgumentError when neither or both of `image` and `phases` are given, when
 *   `image` comes without a segmenter or the segmenter's classes differ from the scheme's
 *   phases, and as {@link analyzePhaseMap}; ShapeMismatchError, AbortError as it
 *
 * @example
 * const analysis = await analyzeImage({ image, energy }, { segmenter: await loadUNet() });
 * analysis.particles[0].heterogeneity;
 */
export async function analyzeImage(
  input: ImageInput,
  options: AnalyzeImageOptions = {},
): Promise<ImageAnalysis> {
  return analyzeInput('analyzeImage', input, options, [2, 3]);
}

/**
 * {@link analyzeImage} of a 3D `(planes, rows, cols)` volume: the same stages (26-connected
 * adjacency in a `window`^3 cube), with a check that the input is 3D.
 *
 * @param input - {@link ImageInput} of 3D arrays
 * @param options - {@link AnalyzeImageOptions}
 * @returns a promise of the {@link ImageAnalysis}
 * @throws InvalidArgumentError when the image or phase map is not 3D, and as {@link analyzeImage}
 */
export async function analyzeVolume(
  input: ImageInput,
  options: AnalyzeImageOptions = {},
): Promise<ImageAnalysis> {
  return analyzeInput('analyzeVolume', input, options, [3]);
}

async function analyzeInput(
  fn: string,
  input: ImageInput,
  options: AnalyzeImageOptions,
  ndims: number[],
): Promise<ImageAnalysis> {
  if (typeof input !== 'object' || input === null)
    throw new InvalidArgumentError(fn, 'input', input, 'an object { image | phases, energy? }');
  const { image, phases, energy = null } = input;
  if ((image === undefined) === (phases === undefined))
    throw new InvalidArgumentError(
      fn,
      'input',
      Object.keys(input),
      'exactly one of input.image (with options.segmenter) and input.phases',
    );
  const { scheme } = resolveRoles(fn, options);
  if (phases !== undefined) {
    assertNdim(fn, 'input.phases', phases, ndims);
    options.onProgress?.(1, STAGES);
    return analyze(fn, phases, energy, options, 0);
  }
  assertNdim(fn, 'input.image', image!, ndims);
  const { segmenter } = options;
  if (typeof segmenter?.segment !== 'function')
    throw new InvalidArgumentError(
      fn,
      'options.segmenter',
      segmenter,
      'a Segmenter (e.g. loadUNet() or otsuSegmenter() of @mgraph/segment) to segment input.image',
    );
  if (segmenter.classes !== scheme.phases.length)
    throw new InvalidArgumentError(
      fn,
      'options.segmenter',
      segmenter.classes,
      `a segmenter of the scheme's ${scheme.phases.length} phases (${scheme.phases.join(', ')})`,
    );
  if (energy) assertSameShape(fn, 'input.image', image!, 'input.energy', energy);
  throwIfAborted(fn, options.signal);
  const t0 = performance.now();
  const { phases: segmented } = await segmenter.segment(
    image!,
    options.signal ? { signal: options.signal } : {},
  );
  const seconds = elapsed(t0);
  options.onProgress?.(1, STAGES);
  return analyze(fn, segmented, energy, options, seconds);
}
