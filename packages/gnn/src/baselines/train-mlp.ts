import {
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import { mseLoss } from '../autograd/mse-loss.js';
import { Tensor } from '../autograd/tensor.js';
import type { FeatureMatrix } from '../data/hetero-graph.js';
import { AdamW } from '../optim/adamw.js';
import { clipGradNorm } from '../optim/clip-grad-norm.js';
import { checkFitOptions, EarlyStopping } from '../train/early-stopping.js';
import type { EpochRecord } from '../train/train.js';
import { checkMatrix } from './check-matrix.js';
import { MLP, type MLPOptions } from './mlp.js';

/** Options of {@link trainMlp}; the optimiser defaults are those of `train` (the paper's). */
export interface TrainMlpOptions extends MLPOptions {
  /** Rows that drive early stopping (e.g. the validation graphs' nodes); none: the training loss does. */
  validation?: { x: FeatureMatrix; y: FeatureMatrix };
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
  /** Rows per mini-batch. Default 32. */
  batchSize?: number;
}

/** Result of {@link trainMlp}. */
export interface TrainMlpResult {
  /** The network with the weights of the best epoch. */
  model: MLP;
  /** One record per epoch run (MSE in the units of `y`). */
  history: EpochRecord[];
  /** Epoch (1-based) whose weights were kept. */
  bestEpoch: number;
}

const KEYS: OptionKeys<TrainMlpOptions> = {
  hidden: true,
  seed: true,
  dtype: true,
  validation: true,
  maxEpochs: true,
  patience: true,
  lr: true,
  weightDecay: true,
  clipNorm: true,
  batchSize: true,
};

/**
 * Fit an {@link MLP} to rows `(x, y)` by mean squared error, as `train` fits the GNN: AdamW
 * (PyTorch's update), shuffled mini-batches, gradient-norm clipping, early stopping on the
 * validation rows restoring the best weights. Scale `x` and `y` first (z-scores): the
 * defaults assume unit-scale columns. Same seed, same weights bit for bit.
 *
 * @param x - `(rows, features)` (not modified)
 * @param y - `(rows, targets)` (not modified)
 * @param options - see {@link TrainMlpOptions}
 * @returns a {@link TrainMlpResult}
 * @throws ShapeMismatchError when row or column counts disagree
 * @throws InvalidArgumentError for empty or non-finite input or bad options
 * @throws ModelError when the loss overflows (a learning rate too large)
 *
 * @remarks
 * References: I. Loshchilov, F. Hutter, arXiv:1711.05101 (AdamW); L. Prechelt, "Early
 * Stopping - But When?" (1998).
 */
export function trainMlp(
  x: FeatureMatrix,
  y: FeatureMatrix,
  options: TrainMlpOptions = {},
): TrainMlpResult {
  const fn = 'trainMlp';
  const {
    validation,
    maxEpochs = 500,
    patience = 50,
    lr = 1e-3,
    weightDecay = 1e-2,
    clipNorm = 2,
    batchSize = 32,
    ...modelOptions
  } = checkOptions(fn, options, KEYS);
  checkMatrix(fn, 'x', x);
  checkMatrix(fn, 'y', y);
  if (y.rows !== x.rows) throw new ShapeMismatchError(fn, 'y', [x.rows, y.cols], [y.rows, y.cols]);
  if (validation !== undefined) {
    if (typeof validation !== 'object' || validation === null) {
      throw new InvalidArgumentError(fn, 'options.validation', validation, '{ x, y } rows');
    }
    checkMatrix(fn, 'options.validation.x', validation.x, true);
    checkMatrix(fn, 'options.validation.y', validation.y, true);
    if (
      validation.x.cols !== x.cols ||
      validation.y.cols !== y.cols ||
      validation.x.rows !== validation.y.rows
    ) {
      throw new ShapeMismatchError(
        fn,
        'options.validation',
        [validation.x.rows, x.cols, y.cols],
        [validation.y.rows, validation.x.cols, validation.y.cols],
      );
    }
  }
  checkFitOptions(fn, { maxEpochs, patience, batchSize, lr, weightDecay, clipNorm });

  const model = new MLP(x.cols, y.cols, modelOptions);
  const dtype = modelOptions.dtype ?? 'float64';
  const params = model.parameters();
  const optimizer = new AdamW(params, { lr, weightDecay });
  const shuffleRng = createRng(modelOptions.seed ?? 0).fork();
  const rows = (m: FeatureMatrix, idx: readonly number[]) => {
    const out =
      dtype === 'float32'
        ? new Float32Array(idx.length * m.cols)
        : new Float64Array(idx.length * m.cols);
    idx.forEach((r, i) => {
      out.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
    });
    return new Tensor(out, [idx.length, m.cols]);
  };
  const all = Array.from({ length: x.rows }, (_, i) => i);
  const val =
    validation !== undefined && validation.x.rows > 0
      ? (() => {
          const idx = Array.from({ length: validation.x.rows }, (_, i) => i);
          return { x: rows(validation.x, idx), y: rows(validation.y, idx) };
        })()
      : null;
  const stopping = new EarlyStopping(fn, params, patience);
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const order = shuffleRng.shuffle(all);
    let lossSum = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      const idx = order.slice(b, b + batchSize);
      model.zeroGrad();
      const loss = mseLoss(model.forward(rows(x, idx)), rows(y, idx));
      loss.backward();
      clipGradNorm(params, clipNorm);
      optimizer.step();
      lossSum += loss.item() * idx.length;
    }
    const trainLoss = lossSum / x.rows;
    const valLoss = val === null ? trainLoss : mseLoss(model.forward(val.x), val.y).item();
    stopping.record(epoch, trainLoss, valLoss);
    if (stopping.done) break;
  }
  stopping.restoreBest();
  model.zeroGrad();
  return { model, history: stopping.history, bestEpoch: stopping.bestEpoch };
}
