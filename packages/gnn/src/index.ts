/**
 * `@mgraph/gnn`: a heterogeneous NNConv graph neural network on its own small reverse-mode
 * autograd (float64 and float32 typed arrays), with AdamW, a training loop, evaluation
 * against a mean baseline, and PyTorch Geometric-compatible state dicts.
 *
 * @packageDocumentation
 */

export { add } from './autograd/add.js';
export { batchedVecMat } from './autograd/batched-vec-mat.js';
export { dropout } from './autograd/dropout.js';
export { erf } from './autograd/erf.js';
export { gatherRows } from './autograd/gather-rows.js';
export { gelu } from './autograd/gelu.js';
export { type GradCheckOptions, type GradCheckResult, gradCheck } from './autograd/grad-check.js';
export { layerNorm } from './autograd/layer-norm.js';
export { type MatmulOptions, matmul } from './autograd/matmul.js';
export { mseLoss } from './autograd/mse-loss.js';
export { mul } from './autograd/mul.js';
export { mean, sum } from './autograd/reduce.js';
export { relu } from './autograd/relu.js';
export { type ScatterReduce, scatterRows } from './autograd/scatter-rows.js';
export {
  type FloatArray,
  type FloatDtype,
  Tensor,
  type TensorInitOptions,
  type TensorOptions,
  tensor,
} from './autograd/tensor.js';
export {
  COMPARED_MODELS,
  type ComparedModel,
  type CompareModelsOptions,
  compareModels,
  type ModelComparison,
} from './baselines/compare-models.js';
export { type LeastSquaresResult, leastSquares } from './baselines/least-squares.js';
export {
  fitLinearRegression,
  type LinearRegressionModel,
  predictLinearRegression,
} from './baselines/linear-regression.js';
export { MLP, type MLPOptions } from './baselines/mlp.js';
export { type OwnFeatureTable, ownFeatureTable } from './baselines/own-features.js';
export { type TrainMlpOptions, type TrainMlpResult, trainMlp } from './baselines/train-mlp.js';
export { batchGraphs } from './data/batch-graphs.js';
export {
  ACCESSIBILITY_FEATURES,
  defaultNodeTypes,
  type EdgeFeature,
  type FromGraphOptions,
  fromGraph,
  type NodeFeature,
} from './data/from-graph.js';
export {
  allRelations,
  type FeatureMatrix,
  type HeteroGraph,
  type HeteroRelation,
  validateHeteroGraph,
} from './data/hetero-graph.js';
export { type GraphSplit, type SplitGraphsOptions, splitGraphs } from './data/split-graphs.js';
export {
  type ColumnStats,
  fitStandardizer,
  type Standardizer,
  standardize,
} from './data/standardizer.js';
export { type EdgeType, edgeTypeKey, HeteroConv } from './nn/hetero-conv.js';
export {
  type ForwardOptions,
  HeteroNNConvModel,
  type HeteroNNConvModelConfig,
  type HeteroNNConvModelDataOptions,
  type HeteroNNConvModelOptions,
} from './nn/hetero-nnconv-model.js';
export { LayerNorm, type LayerNormOptions } from './nn/layer-norm.js';
export { Linear, type LinearOptions } from './nn/linear.js';
export {
  type LoadStateDictOptions,
  Module,
  type StateDict,
  type StateDictEntry,
} from './nn/module.js';
export { ModuleDict } from './nn/module-dict.js';
export { type EdgeIndex, NNConv, type NNConvOptions } from './nn/nn-conv.js';
export { type Layer, ReLU, Sequential } from './nn/sequential.js';
export { AdamW, type AdamWOptions } from './optim/adamw.js';
export { clipGradNorm } from './optim/clip-grad-norm.js';
export { type Evaluation, evaluate, type TargetEvaluation } from './train/evaluate.js';
export { predict } from './train/predict.js';
export { type RegressionMetrics, regressionMetrics } from './train/regression-metrics.js';
export {
  type EpochRecord,
  type TrainOptions,
  type TrainResult,
  train,
  trainAsync,
} from './train/train.js';
