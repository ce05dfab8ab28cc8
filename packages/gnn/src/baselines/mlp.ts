import {
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { type FloatDtype, Tensor } from '../autograd/tensor.js';
import type { FeatureMatrix } from '../data/hetero-graph.js';
import { Linear } from '../nn/linear.js';
import { Module } from '../nn/module.js';
import { type Layer, ReLU, Sequential } from '../nn/sequential.js';
import { checkMatrix } from './check-matrix.js';

/** Options of {@link MLP}. */
export interface MLPOptions {
  /** Widths of the hidden layers, each followed by a ReLU. Default `[32, 32]`. */
  hidden?: readonly number[];
  /** Seed of the initial weights (PyTorch's `nn.Linear` bounds). Default 0. */
  seed?: number;
  /** Parameter dtype. Default `'float64'`. */
  dtype?: FloatDtype;
}

const MLP_KEYS: OptionKeys<MLPOptions> = { hidden: true, seed: true, dtype: true };

/**
 * A multilayer perceptron `Linear -> ReLU -> ... -> Linear`, PyTorch's
 * `nn.Sequential(nn.Linear(in, h1), nn.ReLU(), ..., nn.Linear(hk, out))` with the same
 * parameter names (`net.0.weight`, `net.2.bias`...): the no-graph baseline that sees each
 * node's own features only.
 */
export class MLP extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly net: Sequential;

  /**
   * @param inFeatures - input width (>= 1)
   * @param outFeatures - output width (>= 1)
   * @param options - see {@link MLPOptions}
   * @throws InvalidArgumentError for widths that are not positive integers
   */
  constructor(inFeatures: number, outFeatures: number, options: MLPOptions = {}) {
    super();
    const {
      hidden = [32, 32],
      seed = 0,
      dtype = 'float64',
    } = checkOptions('MLP', options, MLP_KEYS);
    assertNumber('MLP', 'inFeatures', inFeatures, { integer: true, min: 1 });
    assertNumber('MLP', 'outFeatures', outFeatures, { integer: true, min: 1 });
    assertNumber('MLP', 'options.seed', seed);
    if (!Array.isArray(hidden) || !hidden.every((h) => Number.isInteger(h) && h >= 1)) {
      throw new InvalidArgumentError(
        'MLP',
        'options.hidden',
        hidden,
        'an array of positive integers',
      );
    }
    const rng = createRng(seed);
    const widths = [inFeatures, ...hidden, outFeatures];
    const layers: Layer[] = [];
    for (let i = 0; i + 1 < widths.length; i++) {
      if (i > 0) layers.push(new ReLU());
      layers.push(new Linear(widths[i]!, widths[i + 1]!, { rng, dtype }));
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.net = new Sequential(layers);
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return [['net', this.net]];
  }

  /**
   * @param x - `(n, inFeatures)`
   * @returns `(n, outFeatures)`
   */
  forward(x: Tensor): Tensor {
    return this.net.forward(x);
  }

  /**
   * Predictions for a plain matrix (no gradient kept).
   *
   * @param x - `(rows, inFeatures)`
   * @returns `(rows, outFeatures)` as float64
   * @throws InvalidArgumentError when `x` is not a finite FeatureMatrix of `inFeatures` columns
   */
  predict(x: FeatureMatrix): FeatureMatrix {
    checkMatrix('MLP.predict', 'x', x, true);
    if (x.cols !== this.inFeatures) {
      throw new InvalidArgumentError('MLP.predict', 'x.cols', x.cols, `${this.inFeatures} columns`);
    }
    const dtype = this.parameters()[0]!.dtype;
    const data = dtype === 'float32' ? Float32Array.from(x.data) : x.data;
    const y = this.forward(new Tensor(data, [x.rows, x.cols]));
    return { rows: x.rows, cols: this.outFeatures, data: Float64Array.from(y.data) };
  }
}
