import {
  assertNumber,
  assertSignal,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import { mseLoss } from '../autograd/mse-loss.js';
import { Tensor } from '../autograd/tensor.js';
import { batchGraphs } from '../data/batch-graphs.js';
import { type HeteroGraph, validateHeteroGraph } from '../data/hetero-graph.js';
import { type GraphSplit, splitGraphs } from '../data/split-graphs.js';
import { fitStandardizer, type Standardizer, standardize } from '../data/standardizer.js';
import { HeteroNNConvModel, type HeteroNNConvModelOptions } from '../nn/hetero-nnconv-model.js';
import { AdamW } from '../optim/adamw.js';
import { clipGradNorm } from '../optim/clip-grad-norm.js';
import { checkFitOptions, EarlyStopping } from './early-stopping.js';
import { type Evaluation, evaluate } from './evaluate.js';

/** Losses of one epoch (MSE on z-scored targets). */
export interface EpochRecord {
  /** 1-based epoch. */
  epoch: number;
  /** Mean training loss over the epoch's batches, weighted by target nodes. */
  trainLoss: number;
  /** Validation loss in evaluation mode (the training loss when the validation split is empty). */
  valLoss: number;
}

/** Options of {@link train}; defaults are the paper's. */
export interface TrainOptions {
  /** Model options except the widths read from the data. Default: {@link HeteroNNConvModel}'s, `seed` = `options.seed`. */
  model?: Omit<HeteroNNConvModelOptions, 'inChannels' | 'edgeChannels' | 'outChannels'>;
  /** Seed of the split, the initial weights (unless `model.seed`), batch order and dropout. Default 0. */
  seed?: number;
  /** Train / validation / test fractions of the graphs. Default `[0.6, 0.2, 0.2]`. */
  fractions?: readonly [number, number, number];
  /** An explicit split (graph positions) instead of the seeded one. */
  split?: GraphSplit;
  /** Most epochs. Default 500. */
  maxEpochs?: number;
  /** Stop after this many epochs without a lower validation loss; the best weights are restored. Default 50. */
  patience?: number;
  /** AdamW learning rate. Default 1e-3. */
  lr?: number;
  /** AdamW weight decay. Default 1e-2. */
  weightDecay?: number;
  /** Gradient-norm clipping threshold. Default 2. */
  clipNorm?: number;
  /** Graphs per mini-batch. Default 8. */
  batchSize?: number;
  /** Called after every epoch with `(epoch, maxEpochs)`. */
  onProgress?: ProgressCallback;
  /** Called after every epoch with its losses (the record also kept in `history`). */
  onEpoch?: (record: EpochRecord) => void;
  /** Cancels between epochs with an `AbortError`. */
  signal?: AbortSignal;
}

/** Result of {@link train}. */
export interface TrainResult {
  /** The model with the weights of the best validation epoch. */
  model: HeteroNNConvModel;
  /** z-scoring fitted on the training graphs (needed by `predict` / `evaluate`). */
  standardizer: Standardizer;
  /** Graph positions of each split. */
  split: GraphSplit;
  /** One record per epoch run. */
  history: EpochRecord[];
  /** Epoch (1-based) whose weights were kept. */
  bestEpoch: number;
  /** RMSE / MAE / R^2 per target in original units, with the training-mean baseline. */
  evaluation: { train: Evaluation; val: Evaluation; test: Evaluation };
}

/**
 * Train the heterogeneous NNConv model as the paper does: split the graphs 60/20/20 by
 * graph (seeded), z-score node features, edge attributes and targets with statistics of
 * the training graphs only, minimise the MSE with AdamW (lr 1e-3, weight decay 1e-2,
 * PyTorch's update) on shuffled mini-batches of graphs, clip the gradient norm at 2, stop
 * when the validation loss has not improved for 50 epochs and restore the best weights;
 * then report RMSE, MAE and R^2 per target on every split against a
 * predict-the-training-mean baseline. Same seed and inputs, same weights bit for bit.
 *
 * @param graphs - graphs with targets ({@link fromGraph}); not modified
 * @param options - see {@link TrainOptions}
 * @returns a {@link TrainResult}
 * @throws InvalidArgumentError for an empty training split, graphs without targets, NaN
 *   features or targets, edge indices out of range, graphs with different feature sets,
 *   or bad options
 * @throws AbortError when `signal` fires
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (training protocol); I. Loshchilov,
 * F. Hutter, arXiv:1711.05101 (AdamW); L. Prechelt, "Early Stopping - But When?" (1998).
 */
export function train(graphs: readonly HeteroGraph[], options: TrainOptions = {}): TrainResult {
  const run = trainSteps('train', graphs, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link train} that gives the event loop a turn after every epoch (a macrotask, so timers
 * run), so that `AbortSignal.timeout(ms)`, a UI or a server stay responsive: the same
 * options, the same result bit for bit. An epoch itself still runs synchronously.
 *
 * @param graphs - graphs with targets ({@link fromGraph}); not modified
 * @param options - see {@link TrainOptions}
 * @returns a promise of the {@link TrainResult}
 * @throws (rejects with) the errors of {@link train}; `AbortError` when `signal` fires,
 *   at the latest one epoch after it does
 * @example
 * const result = await trainAsync(graphs, { signal: AbortSignal.timeout(60_000) });
 */
export async function trainAsync(
  graphs: readonly HeteroGraph[],
  options: TrainOptions = {},
): Promise<TrainResult> {
  const run = trainSteps('trainAsync', graphs, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

const TRAIN_KEYS: OptionKeys<TrainOptions> = {
  model: true,
  seed: true,
  fractions: true,
  split: true,
  maxEpochs: true,
  patience: true,
  lr: true,
  weightDecay: true,
  clipNorm: true,
  batchSize: true,
  onProgress: true,
  onEpoch: true,
  signal: true,
};

const TRAIN_MODEL_KEYS: OptionKeys<NonNullable<TrainOptions['model']>> = {
  hiddenChannels: true,
  edgeHidden: true,
  dropout: true,
  aggr: true,
  nodeTypes: true,
  relation: true,
  targetType: true,
  seed: true,
  dtype: true,
};

/** The training loop of {@link train}, yielding after every epoch. */
function* trainSteps(
  fn: string,
  graphs: readonly HeteroGraph[],
  options: TrainOptions,
): Generator<void, TrainResult, void> {
  options = checkOptions(fn, options, TRAIN_KEYS);
  const modelOptions = checkOptions(fn, options.model, TRAIN_MODEL_KEYS, 'options.model');
  const {
    seed = 0,
    fractions = [0.6, 0.2, 0.2],
    maxEpochs = 500,
    patience = 50,
    lr = 1e-3,
    weightDecay = 1e-2,
    clipNorm = 2,
    batchSize = 8,
    onProgress,
    onEpoch,
    signal,
  } = options;
  assertNumber(fn, 'options.seed', seed);
  checkFitOptions(fn, { maxEpochs, patience, batchSize, lr, weightDecay, clipNorm });
  for (const [k, f] of [
    ['onProgress', onProgress],
    ['onEpoch', onEpoch],
  ] as const) {
    if (f !== undefined && typeof f !== 'function') {
      throw new InvalidArgumentError(fn, `options.${k}`, f, 'a function');
    }
  }
  assertSignal(fn, 'options.signal', signal);
  if (!Array.isArray(graphs as unknown) || graphs.length === 0) {
    throw new InvalidArgumentError(fn, 'graphs', graphs, 'a non-empty array of graphs');
  }
  graphs.forEach((g, i) => {
    validateHeteroGraph(fn, g, `graphs[${i}]`);
    if (g.y === null || g.targetNames.length === 0) {
      throw new InvalidArgumentError(fn, `graphs[${i}].y`, g.y, 'targets (fromGraph with targets)');
    }
  });
  const split = options.split ?? splitGraphs(graphs.length, { fractions, seed });
  if (typeof split !== 'object' || split === null) {
    throw new InvalidArgumentError(fn, 'options.split', split, 'a { train, val, test } split');
  }
  // a graph in two parts would leak training data into the validation or test scores
  const partOf = new Map<number, string>();
  for (const part of ['train', 'val', 'test'] as const) {
    if (!Array.isArray(split[part])) {
      throw new InvalidArgumentError(
        fn,
        `options.split.${part}`,
        split[part],
        'an array of graph positions',
      );
    }
    for (const i of split[part]) {
      if (!(Number.isInteger(i) && i >= 0 && i < graphs.length)) {
        throw new InvalidArgumentError(
          fn,
          `options.split.${part}`,
          i,
          `graph positions in [0, ${graphs.length})`,
        );
      }
      const seen = partOf.get(i);
      if (seen !== undefined) {
        throw new InvalidArgumentError(
          fn,
          `options.split.${part}`,
          i,
          `positions not already in split.${seen} (train, val and test must be disjoint, each position once)`,
        );
      }
      partOf.set(i, part);
    }
  }
  const trainGraphs = split.train.map((i) => graphs[i]!);
  const targetNodes = trainGraphs.reduce((a, g) => a + g.y!.rows, 0);
  if (trainGraphs.length === 0 || targetNodes === 0) {
    throw new InvalidArgumentError(
      fn,
      'graphs',
      `${graphs.length} graphs, ${trainGraphs.length} for training with ${targetNodes} target nodes`,
      'enough graphs for a training split with target nodes',
    );
  }
  batchGraphs(graphs); // schema check: same node types, features and targets everywhere

  const standardizer = fitStandardizer(trainGraphs);
  const scaled = graphs.map((g) => standardize(g, standardizer));
  const first = graphs[0]!;
  const model = new HeteroNNConvModel({
    seed,
    ...modelOptions,
    inChannels: first.featureNames.length,
    edgeChannels: first.edgeFeatureNames.length,
    outChannels: first.targetNames.length,
    nodeTypes: modelOptions.nodeTypes ?? first.nodeTypes,
    targetType: modelOptions.targetType ?? first.targetType,
  });
  const dtype = model.config.dtype;
  const params = model.parameters();
  const optimizer = new AdamW(params, { lr, weightDecay });
  const rng = createRng(seed);
  const shuffleRng = rng.fork();
  const dropoutRng = rng.fork();
  const targetTensor = (g: HeteroGraph) =>
    new Tensor(dtype === 'float32' ? Float32Array.from(g.y!.data) : g.y!.data, [
      g.y!.rows,
      g.y!.cols,
    ]);
  const valBatch = split.val.length > 0 ? batchGraphs(split.val.map((i) => scaled[i]!)) : null;

  const stopping = new EarlyStopping(fn, params, patience);
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    throwIfAborted(fn, signal);
    const order = shuffleRng.shuffle(split.train);
    let lossSum = 0;
    let lossNodes = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      const batch = batchGraphs(order.slice(b, b + batchSize).map((i) => scaled[i]!));
      const n = batch.y!.rows;
      if (n === 0) continue;
      model.zeroGrad();
      const loss = mseLoss(
        model.forward(batch, { training: true, rng: dropoutRng }),
        targetTensor(batch),
      );
      loss.backward();
      clipGradNorm(params, clipNorm);
      optimizer.step();
      lossSum += loss.item() * n;
      lossNodes += n;
    }
    const trainLoss = lossSum / lossNodes;
    const valLoss =
      valBatch === null || valBatch.y!.rows === 0
        ? trainLoss
        : mseLoss(model.forward(valBatch), targetTensor(valBatch)).item();
    const record = stopping.record(epoch, trainLoss, valLoss);
    onEpoch?.(record);
    onProgress?.(epoch, maxEpochs);
    if (stopping.done) break;
    yield;
  }
  stopping.restoreBest();
  model.zeroGrad();
  const pick = (idx: number[]) => idx.map((i) => graphs[i]!);
  return {
    model,
    standardizer,
    split,
    history: stopping.history,
    bestEpoch: stopping.bestEpoch,
    evaluation: {
      train: evaluate(model, pick(split.train), standardizer),
      val: evaluate(model, pick(split.val), standardizer),
      test: evaluate(model, pick(split.test), standardizer),
    },
  };
}
