import {
  checkOptions,
  type Image,
  InvalidArgumentError,
  type PhaseMap,
  type TaskContext,
} from '@mgraph/core';
import { readTiff } from '@mgraph/io/node';
import { type CompositeOptions, generateComposite } from '@mgraph/phantom';
import { otsuSegmenter } from '@mgraph/segment';
import { type AnalyzeImageOptions, analyzeImage } from './analyze-image.js';
import type { ParticleRow, TpbRow } from './types.js';

/**
 * Where the image of an {@link ImageTaskInput} comes from: a phantom generated from its
 * options (`seed`, `shape`, ...: plain JSON, so a task carries a few numbers, never pixels),
 * or TIFF files on a file system every worker reads (image, and optionally the phase map and
 * the Ni K-edge energy map of the same shape).
 */
export type ImageTaskSource =
  | { kind: 'phantom'; options: CompositeOptions }
  | { kind: 'files'; image: string; phases?: string; energy?: string };

/** The input of the `analyzeImage` task of `@mgraph/pipeline/tasks`. */
export interface ImageTaskInput {
  source: ImageTaskSource;
  /**
   * `'otsu'`: the multi-Otsu baseline segments the X-ray image; `'truth'`: the phantom's phase
   * map or `source.phases` is taken as the segmentation. Default `'otsu'`.
   */
  segmenter?: 'otsu' | 'truth';
  /** `analyzeImage` options that are plain data (`minSize`, `window`, `scheme`, `instances`...). */
  options?: Omit<AnalyzeImageOptions, 'segmenter' | 'onProgress' | 'signal'>;
}

/** What the `analyzeImage` task returns: the per-image result rows (plain data). */
export interface ImageTaskResult {
  /** `[rows, cols]` (or `[planes, rows, cols]`). */
  shape: number[];
  /** Graph nodes (objects) and edges (contacts). */
  nodes: number;
  edges: number;
  /** One row per active particle, in graph node order. */
  particles: ParticleRow[];
  /** One row per triple phase boundary. */
  tpbs: TpbRow[];
  warnings: string[];
}

/** Read a TIFF's pixels; an unreadable file is an error naming the input field. */
async function readPixels(argument: string, path: unknown): Promise<Image> {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError('analyzeImageTask', argument, path, 'a TIFF file path');
  return (await readTiff(path)).data as Image;
}

/** The image, phase map and energy map of a source. */
async function loadSource(
  source: unknown,
): Promise<{ image: Image; phases: PhaseMap | null; energy: Image | null }> {
  const fn = 'analyzeImageTask';
  if (typeof source !== 'object' || source === null)
    throw new InvalidArgumentError(
      fn,
      'input.source',
      source,
      "{ kind: 'phantom' | 'files', ... }",
    );
  const s = source as ImageTaskSource;
  if (s.kind === 'phantom') {
    const c = generateComposite(s.options);
    return { image: c.image, phases: c.phases, energy: c.energy };
  }
  if (s.kind === 'files') {
    const image = await readPixels('input.source.image', s.image);
    const phases =
      s.phases === undefined ? null : await readPixels('input.source.phases', s.phases);
    const energy =
      s.energy === undefined ? null : await readPixels('input.source.energy', s.energy);
    return { image, phases: phases as PhaseMap | null, energy };
  }
  throw new InvalidArgumentError(
    fn,
    'input.source.kind',
    (source as { kind?: unknown }).kind,
    "'phantom' or 'files'",
  );
}

/**
 * The task behind `@mgraph/pipeline/tasks`' `analyzeImage`: load or generate one image, run
 * {@link analyzeImage} on it and keep the result rows. A pure function of its input (the
 * phantom is generated from its seed), so in-thread, pool and BullMQ runs give identical rows.
 *
 * @param input - {@link ImageTaskInput}: `source` (required), `segmenter` (default `'otsu'`),
 *   `options` (`analyzeImage`'s defaults).
 * @param context - the task context; its `signal` cancels the analysis between stages.
 * @returns the {@link ImageTaskResult}.
 * @throws InvalidArgumentError on a bad source, segmenter or option, or `'truth'` without a
 *   phase map; FileError for an unreadable file; whatever `analyzeImage` throws.
 */
export async function analyzeImageTask(
  input: ImageTaskInput,
  context?: Pick<TaskContext, 'signal'>,
): Promise<ImageTaskResult> {
  const fn = 'analyzeImageTask';
  const {
    source,
    segmenter = 'otsu',
    options,
  } = checkOptions(fn, input, { source: true, segmenter: true, options: true }, 'input');
  if (segmenter !== 'otsu' && segmenter !== 'truth')
    throw new InvalidArgumentError(fn, 'input.segmenter', segmenter, "'otsu' or 'truth'");
  const { image, phases, energy } = await loadSource(source);
  if (segmenter === 'truth' && !phases)
    throw new InvalidArgumentError(fn, 'input.segmenter', 'truth', 'a source with a phase map');
  const analysis = await analyzeImage(
    segmenter === 'truth' ? { phases: phases as PhaseMap, energy } : { image, energy },
    {
      ...options,
      ...(segmenter === 'otsu' ? { segmenter: otsuSegmenter() } : {}),
      ...(context ? { signal: context.signal } : {}),
    },
  );
  return {
    shape: analysis.shape,
    nodes: analysis.graph.order,
    edges: analysis.graph.size,
    particles: analysis.particles,
    tpbs: analysis.tpbs,
    warnings: analysis.warnings,
  };
}
