import {
  assertDtype,
  assertNdarray,
  assertNdim,
  assertSameShape,
  type Image,
  InvalidArgumentError,
  type PhaseMap,
  throwIfAborted,
} from '@mgraph/core';
import { electrochemicalDescriptors } from '@mgraph/electrochem';
import { buildGraph, concurrentChannels, triplePhaseBoundaries } from '@mgraph/graph';
import { nodeMetrics } from '@mgraph/stats';
import { instanceSegmentation } from '@mgraph/watershed';
import {
  type AnalyzeImageOptions,
  checkInput,
  type ImageInput,
  INPUT_KEYS,
  type ResolvedOptions,
  resolveOptions,
} from './analyze-options.js';
import { annotateGraph } from './annotate-graph.js';
import { accessibilityColumns } from './particle-accessibility.js';
import { particleRows, tpbRows } from './particle-rows.js';
import type { AnalysisGraph, AnalysisTimings, ImageAnalysis } from './types.js';

export type { AnalyzeImageOptions, ImageInput } from './analyze-options.js';

/** Stages reported to `onProgress`: segment, instances, graph, channels, descriptors, metrics. */
const STAGES = 6;

const elapsed = (t0: number) => (performance.now() - t0) / 1000;

/** Assert a phase map: an ndarray of `ndims` dimensions (inside its data) of dtype uint8. */
function checkPhases(fn: string, argument: string, phases: unknown, ndims: readonly number[]) {
  assertNdim(fn, argument, phases as PhaseMap, ndims);
  assertDtype(fn, argument, phases as PhaseMap, 'uint8');
}

/**
 * The analysis of a checked phase map, stage by stage: instances, graph, TPBs, channels,
 * descriptors, metrics, rows (shared by {@link analyzePhaseMap} and {@link analyzeImage}).
 */
function analyze(
  fn: string,
  phases: PhaseMap,
  energy: Image | null,
  options: ResolvedOptions,
  segmentSeconds: number,
): ImageAnalysis {
  const { scheme, active, signal, onProgress } = options;
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
    split: options.split,
    minSize: options.minSize,
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
    window: options.window,
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
  let transport = null;
  if (options.transport) {
    t0 = performance.now();
    transport = accessibilityColumns(fn, graph, active, options.transport, signal);
    seconds.transport = elapsed(t0);
  }
  progress();

  const particles = particleRows(graph, activeKeys, {
    tpbCount: tpb?.countByNode ?? {},
    category: channels.categoryByNode,
    concurrent: channels.concurrentByNode,
    descriptors,
    metrics,
    access: transport?.byNode ?? null,
  });
  annotateGraph(graph, particles, tpb?.countByNode ?? {}, channels.concurrentByNode);
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
    tpbs: tpbRows(graph, tpb),
    ...(transport ? { accessibility: transport.accessibility } : {}),
    warnings,
    seconds,
  };
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
 * @param options - {@link AnalyzeImageOptions} (`undefined` / `null`: all defaults): `scheme`
 *   (`CATHODE_SCHEME`), `active` (the scheme's), `minSize` (10), `window` (7), `split`
 *   (`[active]`), `instances`, `graph`, `channels`, `descriptors`, `metrics` (`maxIter`
 *   10,000), `transport` (none: no accessibility columns; with it, each row gets
 *   `ionicResistance`, `electronicResistance`, `accessCurrent`, `wired`, `wellWired`), `onProgress`, `signal`
 * @returns the {@link ImageAnalysis}
 * @throws InvalidArgumentError, before any stage runs, when `input` is not an object or has a
 *   key other than `phases`, `energy`, `image`, when `input.phases` is missing or not a 2D/3D
 *   uint8 ndarray inside its data, when `options` or a nested stage object (`instances`,
 *   `graph`, `channels`, `descriptors`, `metrics`) is not an object or has an unknown key,
 *   when `onProgress` is not a function, `signal` not an AbortSignal, `minSize` not an
 *   integer >= 0, `window` not an odd integer >= 1, `split` not an array of names,
 *   `segmenter` not a Segmenter, when the scheme is invalid, when `active` is missing for a
 *   scheme without exactly one active phase or is not an object phase; for codes outside the
 *   scheme and bad values of nested stage options (the stage function names itself);
 *   ShapeMismatchError when `energy` differs in shape; AbortError when `signal` aborts
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085.
 */
export function analyzePhaseMap(
  input: Pick<ImageInput, 'phases' | 'energy'>,
  options: AnalyzeImageOptions | null = {},
): ImageAnalysis {
  const fn = 'analyzePhaseMap';
  const { phases, energy = null } = checkInput(fn, input, INPUT_KEYS);
  const resolved = resolveOptions(fn, options);
  if (phases === undefined)
    throw new InvalidArgumentError(fn, 'input.phases', phases, 'a uint8 phase map');
  checkPhases(fn, 'input.phases', phases, [2, 3]);
  if (energy !== null) assertSameShape(fn, 'input.phases', phases, 'input.energy', energy);
  resolved.onProgress?.(1, STAGES);
  return analyze(fn, phases, energy, resolved, 0);
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
 *   phases, when the segmenter's phase map is not a uint8 ndarray of the image's shape, and
 *   as {@link analyzePhaseMap} (every option checked before the segmenter runs);
 *   ShapeMismatchError, AbortError as it
 *
 * @example
 * // loadUNet of @mgraph/segment/node (Node) or segmenterFromCard of @mgraph/segment
 * const analysis = await analyzeImage({ image, energy }, { segmenter: await loadUNet() });
 * analysis.particles[0].heterogeneity;
 */
export async function analyzeImage(
  input: ImageInput,
  options: AnalyzeImageOptions | null = {},
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
  options: AnalyzeImageOptions | null = {},
): Promise<ImageAnalysis> {
  return analyzeInput('analyzeVolume', input, options, [3]);
}

async function analyzeInput(
  fn: string,
  input: ImageInput,
  options: AnalyzeImageOptions | null,
  ndims: number[],
): Promise<ImageAnalysis> {
  const { image, phases, energy = null } = checkInput(fn, input, INPUT_KEYS);
  if ((image === undefined) === (phases === undefined))
    throw new InvalidArgumentError(
      fn,
      'input',
      Object.keys(input),
      'exactly one of input.image (with options.segmenter) and input.phases',
    );
  const resolved = resolveOptions(fn, options);
  const { scheme, segmenter, signal } = resolved;
  if (phases !== undefined) {
    checkPhases(fn, 'input.phases', phases, ndims);
    if (energy !== null) assertSameShape(fn, 'input.phases', phases, 'input.energy', energy);
    resolved.onProgress?.(1, STAGES);
    return analyze(fn, phases, energy, resolved, 0);
  }
  assertNdim(fn, 'input.image', image!, ndims);
  if (segmenter === undefined)
    throw new InvalidArgumentError(
      fn,
      'options.segmenter',
      segmenter,
      'a Segmenter (e.g. loadUNet() of @mgraph/segment/node or otsuSegmenter() of @mgraph/segment) to segment input.image',
    );
  if (segmenter.classes !== scheme.phases.length)
    throw new InvalidArgumentError(
      fn,
      'options.segmenter',
      segmenter.classes,
      `a segmenter of the scheme's ${scheme.phases.length} phases (${scheme.phases.join(', ')})`,
    );
  if (energy !== null) assertSameShape(fn, 'input.image', image!, 'input.energy', energy);
  throwIfAborted(fn, signal);
  const t0 = performance.now();
  const segmentation: unknown = await segmenter.segment(image!, signal ? { signal } : {});
  const seconds = elapsed(t0);
  // A segmenter is user code: its phase map is checked as an input would be.
  const segmented = (segmentation as { phases?: unknown } | null)?.phases;
  const argument = 'options.segmenter.segment(image).phases';
  if (segmented === undefined || segmented === null)
    throw new InvalidArgumentError(fn, argument, segmented, 'a uint8 phase map');
  assertNdarray(fn, argument, segmented);
  checkPhases(fn, argument, segmented, ndims);
  assertSameShape(fn, 'input.image', image!, argument, segmented);
  resolved.onProgress?.(1, STAGES);
  return analyze(fn, segmented as PhaseMap, energy, resolved, seconds);
}
