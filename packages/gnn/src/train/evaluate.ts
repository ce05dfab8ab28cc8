import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { type HeteroGraph, validateHeteroGraph } from '../data/hetero-graph.js';
import type { Standardizer } from '../data/standardizer.js';
import { HeteroNNConvModel } from '../nn/hetero-nnconv-model.js';
import { predict } from './predict.js';
import { type RegressionMetrics, regressionMetrics } from './regression-metrics.js';

/** Figures of one target: the model's and the predict-the-training-mean baseline's. */
export interface TargetEvaluation extends RegressionMetrics {
  baseline: RegressionMetrics;
}

/** Result of {@link evaluate}. */
export interface Evaluation {
  /** Target nodes evaluated. */
  nodes: number;
  /** Per target name, in original units. */
  targets: Record<string, TargetEvaluation>;
}

/**
 * RMSE, MAE and R^2 per target in original units on graphs with targets, next to the same
 * figures of a baseline that predicts the training mean (`standardizer.y.mean`) for every node.
 *
 * @param model - a trained {@link HeteroNNConvModel}
 * @param graphs - graphs with targets (not modified); an empty list gives NaN figures
 * @param standardizer - the one fitted on the training graphs
 * @returns an {@link Evaluation}
 * @throws InvalidArgumentError for a graph without targets
 * @throws ShapeMismatchError when the target count differs from the model's outputs
 */
export function evaluate(
  model: HeteroNNConvModel,
  graphs: readonly HeteroGraph[],
  standardizer: Standardizer,
): Evaluation {
  const fn = 'evaluate';
  if (!(model instanceof HeteroNNConvModel)) {
    throw new InvalidArgumentError(fn, 'model', model, 'a HeteroNNConvModel');
  }
  if (!Array.isArray(graphs as unknown)) {
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'an array of HeteroGraphs');
  }
  graphs.forEach((g, i) => {
    validateHeteroGraph(fn, g, `graphs[${i}]`);
  });
  graphs.forEach((g, i) => {
    if (g.y === null)
      throw new InvalidArgumentError(
        fn,
        `graphs[${i}].y`,
        null,
        'targets (fromGraph with targets)',
      );
    if (g.y.cols !== model.config.outChannels) {
      throw new ShapeMismatchError(
        fn,
        `graphs[${i}].y`,
        [g.y.rows, model.config.outChannels],
        [g.y.rows, g.y.cols],
      );
    }
  });
  const predictions = predict(model, graphs, standardizer);
  const k = model.config.outChannels;
  const names = graphs[0]?.targetNames ?? Array.from({ length: k }, (_, c) => `target${c}`);
  const targets: Record<string, TargetEvaluation> = {};
  for (let c = 0; c < k; c++) {
    const truth: number[] = [];
    const pred: number[] = [];
    graphs.forEach((g, i) => {
      for (let r = 0; r < g.y!.rows; r++) {
        truth.push(g.y!.data[r * k + c]!);
        pred.push(predictions[i]!.data[r * k + c]!);
      }
    });
    const base = new Array<number>(truth.length).fill(standardizer.y!.mean[c]!);
    targets[names[c]!] = {
      ...regressionMetrics(truth, pred),
      baseline: regressionMetrics(truth, base),
    };
  }
  return { nodes: graphs.reduce((a, g) => a + g.y!.rows, 0), targets };
}
