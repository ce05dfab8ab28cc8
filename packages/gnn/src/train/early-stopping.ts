import { assertNumber, ModelError } from '@mgraph/core';
import type { Tensor } from '../autograd/tensor.js';
import type { EpochRecord } from './train.js';

/** @internal The optimiser and stopping options shared by `train` and `trainMlp`. */
export interface FitOptions {
  maxEpochs: number;
  patience: number;
  batchSize: number;
  lr: number;
  weightDecay: number;
  clipNorm: number;
}

/** @internal throw `InvalidArgumentError` for a bad epoch count, patience, batch size, lr, decay or clip. */
export function checkFitOptions(fn: string, o: FitOptions): void {
  assertNumber(fn, 'options.maxEpochs', o.maxEpochs, { integer: true, min: 1 });
  assertNumber(fn, 'options.patience', o.patience, { integer: true, min: 1 });
  assertNumber(fn, 'options.batchSize', o.batchSize, { integer: true, min: 1 });
  assertNumber(fn, 'options.lr', o.lr, { min: 0 });
  assertNumber(fn, 'options.weightDecay', o.weightDecay, { min: 0 });
  assertNumber(fn, 'options.clipNorm', o.clipNorm, { greaterThan: 0 });
}

/**
 * @internal Early stopping on the validation loss (L. Prechelt, "Early Stopping - But
 * When?", 1998): keeps the history, the best epoch and a copy of its weights.
 */
export class EarlyStopping {
  readonly history: EpochRecord[] = [];
  bestEpoch = 0;
  private best = Number.POSITIVE_INFINITY;
  private bestWeights: Tensor['data'][];
  private sinceBest = 0;

  constructor(
    private readonly fn: string,
    private readonly params: readonly Tensor[],
    private readonly patience: number,
  ) {
    this.bestWeights = params.map((p) => p.data.slice());
  }

  /**
   * Record an epoch's losses (kept in `history`, returned), copying the weights when the
   * validation loss is the lowest so far.
   *
   * @throws ModelError when either loss is not finite (a learning rate too large)
   */
  record(epoch: number, trainLoss: number, valLoss: number): EpochRecord {
    if (!Number.isFinite(trainLoss) || !Number.isFinite(valLoss)) {
      // overflowing weights: the best weights so far would be returned silently with
      // meaningless scores
      throw new ModelError(
        this.fn,
        `loss at epoch ${epoch} (diverged: lower options.lr or options.clipNorm)`,
        'a finite training and validation loss',
        Number.isFinite(trainLoss) ? valLoss : trainLoss,
      );
    }
    const record = { epoch, trainLoss, valLoss };
    this.history.push(record);
    if (valLoss < this.best) {
      this.best = valLoss;
      this.bestEpoch = epoch;
      this.bestWeights = this.params.map((p) => p.data.slice());
      this.sinceBest = 0;
    } else {
      this.sinceBest++;
    }
    return record;
  }

  /** Whether `patience` epochs have passed without a lower validation loss. */
  get done(): boolean {
    return this.sinceBest >= this.patience;
  }

  /** Put the best epoch's weights back into the parameters. */
  restoreBest(): void {
    this.params.forEach((p, k) => {
      p.data.set(this.bestWeights[k]!);
    });
  }
}
