import { InvalidArgumentError, ShapeMismatchError, samePhaseScheme } from '@mgraph/core';
import { matchInstances } from './match-instances.js';
import type { ImageAnalysis } from './types.js';

/** What {@link graphFidelity} reads of an analysis (an {@link ImageAnalysis} is one). */
export type GraphFidelityInput = Pick<
  ImageAnalysis,
  'scheme' | 'active' | 'shape' | 'instances' | 'graph' | 'tpbs' | 'particles'
>;

/** Matched items out of the truth's and the prediction's, with precision, recall and F1. */
export interface MatchScore {
  /** Items of the truth-phase result. */
  truth: number;
  /** Items of the predicted-phase result. */
  predicted: number;
  /** Items found in both (at most `min(truth, predicted)`). */
  matched: number;
  /** `matched / predicted` (1 when both are empty, 0 when only the prediction is). */
  precision: number;
  /** `matched / truth` (1 when both are empty, 0 when only the truth is). */
  recall: number;
  /** `2 matched / (truth + predicted)`: harmonic mean of precision and recall (1 when both are empty). */
  f1: number;
}

/** Graph fidelity of one image (or of a batch, pooled by {@link poolGraphFidelity}). */
export interface GraphFidelity {
  /** Objects matched at IoU above 0.5, over every object phase and per phase (`scheme.objects` order). */
  particles: { overall: MatchScore; byPhase: Record<string, MatchScore> };
  /** Contacts: a truth edge is matched when both ends are matched and their matches are adjacent. */
  edges: MatchScore;
  /**
   * Triple phase boundaries: counts, `relativeError = (predicted - truth) / truth` (`null`
   * when the truth has none), and, for a pooled figure, the mean of the images' absolute
   * relative errors (`null` when no image has a TPB; the one image's for a single image).
   */
  tpb: {
    truth: number;
    predicted: number;
    relativeError: number | null;
    meanAbsRelativeError: number | null;
  };
  /**
   * Matched active particles (NMC for the cathode) with the same channel category
   * (`'ionic-only'`, `'electronic-only'`, `'both'`, `'none'`), and with the same TPB
   * membership (`inTpb`); agreements are `null` when no active particle is matched.
   */
  active: {
    matched: number;
    sameChannelCategory: number;
    channelAgreement: number | null;
    sameTpbMembership: number;
    tpbAgreement: number | null;
  };
  /** Images pooled (1 for one image). */
  images: number;
}

/**
 * Precision, recall and F1 from counts (see {@link MatchScore} for the empty cases).
 *
 * @param truth - items of the reference
 * @param predicted - items of the prediction
 * @param matched - items found in both
 * @returns the {@link MatchScore}
 * @throws InvalidArgumentError when a count is not an integer >= 0 or `matched` exceeds
 *   `truth` or `predicted`
 */
export function matchScore(truth: number, predicted: number, matched: number): MatchScore {
  for (const [name, n] of [
    ['truth', truth],
    ['predicted', predicted],
    ['matched', matched],
  ] as const)
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError('matchScore', name, n, 'an integer >= 0');
  if (matched > truth || matched > predicted)
    throw new InvalidArgumentError(
      'matchScore',
      'matched',
      matched,
      `at most min(truth, predicted) = ${Math.min(truth, predicted)}`,
    );
  const ratio = (n: number, d: number) => (d === 0 ? (truth + predicted === 0 ? 1 : 0) : n / d);
  return {
    truth,
    predicted,
    matched,
    precision: ratio(matched, predicted),
    recall: ratio(matched, truth),
    f1: ratio(2 * matched, truth + predicted),
  };
}

function checkInput(name: string, x: unknown): asserts x is GraphFidelityInput {
  const a = x as Partial<GraphFidelityInput> | null;
  const ok =
    typeof a === 'object' &&
    a !== null &&
    Array.isArray(a.shape) &&
    a.instances?.labels?.data instanceof Int32Array &&
    typeof a.graph?.hasEdge === 'function' &&
    Array.isArray(a.tpbs) &&
    Array.isArray(a.particles) &&
    typeof a.active === 'string' &&
    a.scheme !== undefined;
  if (!ok)
    throw new InvalidArgumentError(
      'graphFidelity',
      name,
      x,
      'an ImageAnalysis (scheme, active, shape, instances, graph, tpbs, particles)',
    );
  const size = a.shape!.reduce((s, n) => s * n, 1);
  if (a.instances!.labels.data.length !== size)
    throw new InvalidArgumentError(
      'graphFidelity',
      `${name}.instances.labels`,
      a.instances!.labels.data.length,
      `a contiguous label image of ${size} pixels (shape [${a.shape!.join(', ')}])`,
    );
}

/**
 * How faithfully a segmentation yields the microstructure graph: the pipeline's result on
 * predicted phases (a U-Net's) judged against its result on the true phases of the same
 * image. Objects match when they have the same phase and an IoU above 0.5 (one-to-one, see
 * {@link matchInstances}); particle F1 is given per object phase and over all of them. A
 * truth contact (edge) is recovered when both its objects are matched and their matches are
 * in contact: edge precision is over all predicted edges and recall over all truth edges,
 * so a missed or spurious object costs its edges too. The TPB count error is relative to the
 * truth's count; channel-category and TPB-membership agreement are over the matched active
 * particles.
 *
 * @param truth - the analysis of the true phase map (e.g. `analyzePhaseMap({ phases })`)
 * @param predicted - the analysis of the same image from predicted phases, same scheme,
 *   active phase and shape
 * @returns the {@link GraphFidelity} of the image (`images: 1`); pool several with
 *   {@link poolGraphFidelity}
 * @throws InvalidArgumentError when an argument is not an analysis, its label image is not
 *   contiguous, or the two differ in scheme or active phase; ShapeMismatchError when their
 *   shapes differ
 *
 * @remarks
 * References: particle F1 at IoU 0.5 as in Caicedo et al., "Evaluation of deep learning
 * strategies for nucleus segmentation in fluorescence images", Cytometry A 95 (2019)
 * 952-965, doi:10.1002/cyto.a.23863; the graph is that of Li, Deng, Liu, Hu,
 * arXiv:2512.16085.
 */
export function graphFidelity(
  truth: GraphFidelityInput,
  predicted: GraphFidelityInput,
): GraphFidelity {
  checkInput('truth', truth);
  checkInput('predicted', predicted);
  if (
    truth.shape.length !== predicted.shape.length ||
    truth.shape.some((n, i) => n !== predicted.shape[i])
  )
    throw new ShapeMismatchError('graphFidelity', 'predicted', truth.shape, predicted.shape);
  if (!samePhaseScheme(truth.scheme, predicted.scheme))
    throw new InvalidArgumentError(
      'graphFidelity',
      'predicted.scheme',
      predicted.scheme.name,
      `the truth's scheme (${truth.scheme.name})`,
    );
  if (truth.active !== predicted.active)
    throw new InvalidArgumentError(
      'graphFidelity',
      'predicted.active',
      predicted.active,
      `the truth's active phase (${truth.active})`,
    );

  const { match, truthSize, predictedSize } = matchInstances(truth.instances, predicted.instances);
  const { scheme } = truth;
  const byPhase: Record<string, MatchScore> = {};
  for (const phase of scheme.objects) {
    const code = scheme.phases.indexOf(phase);
    const count = (sizes: Float64Array, phaseOfLabel: ArrayLike<number>) => {
      let n = 0;
      for (let l = 1; l < sizes.length; l++) if (sizes[l]! > 0 && phaseOfLabel[l] === code) n++;
      return n;
    };
    let matched = 0;
    for (const t of match.keys()) if (truth.instances.phaseOfLabel[t] === code) matched++;
    byPhase[phase] = matchScore(
      count(truthSize, truth.instances.phaseOfLabel),
      count(predictedSize, predicted.instances.phaseOfLabel),
      matched,
    );
  }
  const sum = (key: 'truth' | 'predicted' | 'matched') =>
    Object.values(byPhase).reduce((s, m) => s + m[key], 0);

  let edgesMatched = 0;
  truth.graph.forEachEdge((_e, _a, u, v) => {
    const mu = match.get(Number(u));
    const mv = match.get(Number(v));
    if (mu !== undefined && mv !== undefined && predicted.graph.hasEdge(String(mu), String(mv)))
      edgesMatched++;
  });

  const predictedRow = new Map(predicted.particles.map((p) => [p.label, p]));
  let matchedActive = 0;
  let sameCategory = 0;
  let sameTpb = 0;
  for (const t of truth.particles) {
    const m = match.get(t.label);
    const p = m === undefined ? undefined : predictedRow.get(m);
    if (!p) continue;
    matchedActive++;
    if (p.channelCategory === t.channelCategory) sameCategory++;
    if (p.inTpb === t.inTpb) sameTpb++;
  }

  const tpbTruth = truth.tpbs.length;
  const tpbPredicted = predicted.tpbs.length;
  const relativeError = tpbTruth === 0 ? null : (tpbPredicted - tpbTruth) / tpbTruth;
  return {
    particles: { overall: matchScore(sum('truth'), sum('predicted'), sum('matched')), byPhase },
    edges: matchScore(truth.graph.size, predicted.graph.size, edgesMatched),
    tpb: {
      truth: tpbTruth,
      predicted: tpbPredicted,
      relativeError,
      meanAbsRelativeError: relativeError === null ? null : Math.abs(relativeError),
    },
    active: {
      matched: matchedActive,
      sameChannelCategory: sameCategory,
      channelAgreement: matchedActive === 0 ? null : sameCategory / matchedActive,
      sameTpbMembership: sameTpb,
      tpbAgreement: matchedActive === 0 ? null : sameTpb / matchedActive,
    },
    images: 1,
  };
}

/**
 * Graph fidelity of a batch: the counts of the images summed and the scores recomputed from
 * the sums (micro-averaged: an image with more particles weighs more), the TPB relative error
 * of the summed counts, and the mean absolute TPB relative error over the images that have a
 * truth TPB.
 *
 * @param images - {@link graphFidelity} of each image (per-image figures: the mean absolute
 *   TPB error is a mean over the entries given)
 * @returns the pooled {@link GraphFidelity} (`images` = number of images)
 * @throws InvalidArgumentError when `images` is not a non-empty array of fidelity figures
 */
export function poolGraphFidelity(images: readonly GraphFidelity[]): GraphFidelity {
  if (
    !Array.isArray(images) ||
    images.length === 0 ||
    images.some((f) => typeof f?.particles?.overall?.truth !== 'number')
  )
    throw new InvalidArgumentError(
      'poolGraphFidelity',
      'images',
      images,
      'a non-empty array of graphFidelity results',
    );
  const pool = (get: (f: GraphFidelity) => MatchScore) =>
    matchScore(
      images.reduce((s, f) => s + get(f).truth, 0),
      images.reduce((s, f) => s + get(f).predicted, 0),
      images.reduce((s, f) => s + get(f).matched, 0),
    );
  const byPhase: Record<string, MatchScore> = {};
  for (const phase of Object.keys(images[0]!.particles.byPhase))
    byPhase[phase] = pool((f) => f.particles.byPhase[phase] ?? matchScore(0, 0, 0));
  const total = (get: (f: GraphFidelity) => number) => images.reduce((s, f) => s + get(f), 0);
  const tpbTruth = total((f) => f.tpb.truth);
  const tpbPredicted = total((f) => f.tpb.predicted);
  const withTpb = images.filter((f) => f.tpb.relativeError !== null);
  const matched = total((f) => f.active.matched);
  const sameCategory = total((f) => f.active.sameChannelCategory);
  const sameTpb = total((f) => f.active.sameTpbMembership);
  return {
    particles: { overall: pool((f) => f.particles.overall), byPhase },
    edges: pool((f) => f.edges),
    tpb: {
      truth: tpbTruth,
      predicted: tpbPredicted,
      relativeError: tpbTruth === 0 ? null : (tpbPredicted - tpbTruth) / tpbTruth,
      meanAbsRelativeError:
        withTpb.length === 0
          ? null
          : withTpb.reduce((s, f) => s + Math.abs(f.tpb.relativeError!), 0) / withTpb.length,
    },
    active: {
      matched,
      sameChannelCategory: sameCategory,
      channelAgreement: matched === 0 ? null : sameCategory / matched,
      sameTpbMembership: sameTpb,
      tpbAgreement: matched === 0 ? null : sameTpb / matched,
    },
    images: total((f) => f.images),
  };
}
