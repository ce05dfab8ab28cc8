/**
 * The segmentation judged by the graph it yields, per image (in the worker): the same
 * pipeline on the true phase map, compared with the analysis of the segmenter's phases by
 * `graphFidelity` of `@mgraph/pipeline`. The batch's table is `graph-fidelity-table.ts`.
 */
import type { NdArray } from '@mgraph/core';
import {
  analyzePhaseMap,
  type GraphFidelity,
  graphFidelity,
  type ImageAnalysis,
} from '@mgraph/pipeline';
import type { WorkerSettings } from './types.js';

/**
 * The graph fidelity of one image: its true phase map through the pipeline (instances, graph,
 * TPBs, channels; no descriptors or transport, which the comparison does not read) against
 * the analysis of the segmenter's phases.
 *
 * @param predicted - the analysis of the segmented image.
 * @param truthPhases - the image's true phase map.
 * @param settings - the run's `window` and `minSize` (the same for both analyses).
 * @returns `graphFidelity(truth, predicted)`.
 */
export function imageGraphFidelity(
  predicted: ImageAnalysis,
  truthPhases: NdArray<Uint8Array>,
  settings: Pick<WorkerSettings, 'window' | 'minSize'>,
): GraphFidelity {
  const truth = analyzePhaseMap(
    { phases: truthPhases },
    { scheme: predicted.scheme, window: settings.window, minSize: settings.minSize },
  );
  return graphFidelity(truth, predicted);
}
