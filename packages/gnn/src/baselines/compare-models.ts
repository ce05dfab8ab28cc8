import { checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import type { FeatureMatrix, HeteroGraph } from '../data/hetero-graph.js';
import { type GraphSplit, splitGraphs } from '../data/split-graphs.js';
import { type Standardizer, standardize } from '../data/standardizer.js';
import { predict } from '../train/predict.js';
import { type RegressionMetrics, regressionMetrics } from '../train/regression-metrics.js';
import { type TrainOptions, type TrainResult, train } from '../train/train.js';
import {
  fitLinearRegression,
  type LinearRegressionModel,
  predictLinearRegression,
} from './linear-regression.js';
import { ownFeatureTable } from './own-features.js';
import { type TrainMlpOptions, type TrainMlpResult, trainMlp } from './train-mlp.js';

/** The four models of {@link compareModels}. */
export const COMPARED_MODELS = ['mean', 'linear', 'mlp', 'gnn'] as const;

/** One of {@link COMPARED_MODELS}. */
export type ComparedModel = (typeof COMPARED_MODELS)[number];

/** Options of {@link compareModels}. */
export interface CompareModelsOptions {
  /** Seed of the split, the GNN's and the MLP's weights and batch order. Default 0. */
  seed?: number;
  /** Train / validation / test fractions of the graphs. Default `[0.6, 0.2, 0.2]`. */
  fractions?: readonly [number, number, number];
  /** An explicit split (graph positions) instead of the seeded one. */
  split?: GraphSplit;
  /** Options of the GNN's `train` (its split and seed are this function's). Default `train`'s. */
  gnn?: Omit<TrainOptions, 'seed' | 'split' | 'fractions'>;
  /** Options of `trainMlp` (its validation rows are the validation graphs'). Default `trainMlp`'s. */
  mlp?: Omit<TrainMlpOptions, 'seed' | 'validation'>;
}

/** Result of {@link compareModels}. */
export interface ModelComparison {
  /** Graph positions of each split (the same for every model). */
  split: GraphSplit;
  /** Target nodes per split. */
  nodes: { train: number; val: number; test: number };
  /** Test-split RMSE / MAE / R^2 per target name and model, in original units. */
  test: Record<string, Record<ComparedModel, RegressionMetrics>>;
  /** The GNN's training result (its `standardizer` is the one every model used). */
  gnn: TrainResult;
  /** The fitted linear regression (z-scored features and targets). */
  linear: LinearRegressionModel;
  /** The fitted MLP (z-scored features and targets). */
  mlp: TrainMlpResult;
}

const KEYS: OptionKeys<CompareModelsOptions> = {
  seed: true,
  fractions: true,
  split: true,
  gnn: true,
  mlp: true,
};

/**
 * The heterogeneous NNConv GNN against three models that do not see the graph, on the same
 * split, the same z-scoring (fitted on the training graphs) and the same seed:
 *
 * - `mean`: the training mean of each target;
 * - `linear`: ordinary least squares with intercept on the node's own feature row
 *   ({@link fitLinearRegression}, closed form);
 * - `mlp`: an {@link MLP} on the node's own feature row ({@link trainMlp}, early stopping
 *   on the validation graphs' nodes);
 * - `gnn`: `train` (its own early stopping on the validation graphs).
 *
 * "Own features" are the target-type node's columns of `graph.x` ({@link ownFeatureTable}):
 * its neighbour counts are there, its neighbours' features are not. Where the targets
 * depend on the neighbourhood beyond that, only the GNN can see it.
 *
 * @param graphs - graphs with targets ({@link fromGraph}); not modified
 * @param options - see {@link CompareModelsOptions}
 * @returns a {@link ModelComparison}; test figures in original units
 * @throws InvalidArgumentError for the inputs `train` refuses or an empty test split
 */
export function compareModels(
  graphs: readonly HeteroGraph[],
  options: CompareModelsOptions = {},
): ModelComparison {
  const fn = 'compareModels';
  const {
    seed = 0,
    fractions = [0.6, 0.2, 0.2],
    gnn = {},
    mlp = {},
  } = checkOptions(fn, options, KEYS);
  if (!Array.isArray(graphs as unknown) || graphs.length === 0) {
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'a non-empty array of HeteroGraphs');
  }
  const split = options.split ?? splitGraphs(graphs.length, { fractions, seed });
  if (!Array.isArray(split.test) || split.test.length === 0) {
    throw new InvalidArgumentError(fn, 'split.test', split.test, 'at least one test graph');
  }
  const gnnResult = train(graphs, { ...gnn, seed, split });
  const s = gnnResult.standardizer;
  const table = (idx: readonly number[]) =>
    ownFeatureTable(idx.map((i) => standardize(graphs[i]!, s)));
  const trainRows = table(split.train);
  const testRows = table(split.test);
  const valRows = split.val.length > 0 ? table(split.val) : undefined;
  const linear = fitLinearRegression(trainRows.x, trainRows.y);
  const mlpResult = trainMlp(trainRows.x, trainRows.y, { ...mlp, seed, validation: valRows });
  const k = testRows.y.cols;
  const zeros: FeatureMatrix = {
    rows: testRows.y.rows,
    cols: k,
    data: new Float64Array(testRows.y.rows * k),
  };
  const gnnPred = predict(
    gnnResult.model,
    split.test.map((i) => graphs[i]!),
    s,
  );
  const gnnRows: FeatureMatrix = {
    rows: testRows.y.rows,
    cols: k,
    data: Float64Array.from(gnnPred.flatMap((m) => Array.from(m.data))),
  };
  const predictions: Record<ComparedModel, FeatureMatrix> = {
    mean: unscale(zeros, s),
    linear: unscale(predictLinearRegression(linear, testRows.x), s),
    mlp: unscale(mlpResult.model.predict(testRows.x), s),
    gnn: gnnRows,
  };
  const truth = unscale(testRows.y, s);
  const names = graphs[0]!.targetNames;
  const test: ModelComparison['test'] = {};
  names.forEach((name, c) => {
    const column = (m: FeatureMatrix) =>
      Array.from({ length: m.rows }, (_, r) => m.data[r * k + c]!);
    const row = {} as Record<ComparedModel, RegressionMetrics>;
    for (const model of COMPARED_MODELS)
      row[model] = regressionMetrics(column(truth), column(predictions[model]));
    test[name] = row;
  });
  const count = (idx: readonly number[]) => idx.reduce((a, i) => a + graphs[i]!.y!.rows, 0);
  return {
    split,
    nodes: { train: count(split.train), val: count(split.val), test: count(split.test) },
    test,
    gnn: gnnResult,
    linear,
    mlp: mlpResult,
  };
}

/** z-scored targets back to original units. */
function unscale(m: FeatureMatrix, s: Standardizer): FeatureMatrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < data.length; i++) {
    const c = i % m.cols;
    data[i] = m.data[i]! * s.y!.std[c]! + s.y!.mean[c]!;
  }
  return { rows: m.rows, cols: m.cols, data };
}
