import {
  assertAllocation,
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { layerNorm } from '../autograd/layer-norm.js';
import type { FloatDtype, Tensor } from '../autograd/tensor.js';
import { MAX_ELEMENTS } from '../limits.js';
import { parameter } from './init.js';
import { Module } from './module.js';

/** Options of the {@link LayerNorm} constructor. */
export interface LayerNormOptions {
  /** Added to the variance. Default 1e-5. */
  eps?: number;
  /** Parameter dtype. Default `'float64'`. */
  dtype?: FloatDtype;
}

/**
 * PyTorch's `nn.LayerNorm(channels, eps)` over the last axis, with `weight` (init 1) and
 * `bias` (init 0) of shape `(channels)`.
 *
 * @remarks
 * References: J. L. Ba, J. R. Kiros, G. E. Hinton, "Layer Normalization" (2016),
 * arXiv:1607.06450.
 */
export class LayerNorm extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor;
  readonly eps: number;

  /**
   * @param channels - normalised width (>= 1)
   * @param options - `eps` (1e-5), `dtype` (`'float64'`)
   * @throws InvalidArgumentError for a bad width or `eps`
   */
  constructor(channels: number, options: LayerNormOptions = {}) {
    super();
    const { eps = 1e-5, dtype = 'float64' } = checkOptions('LayerNorm', options, LN_KEYS);
    assertNumber('LayerNorm', 'channels', channels, { integer: true, min: 1 });
    assertNumber('LayerNorm', 'options.eps', eps, { greaterThan: 0 });
    if (dtype !== 'float64' && dtype !== 'float32') {
      throw new InvalidArgumentError('LayerNorm', 'options.dtype', dtype, "'float64' or 'float32'");
    }
    assertAllocation('LayerNorm', 'channels', channels, channels, { limit: MAX_ELEMENTS });
    this.eps = eps;
    this.weight = parameter([channels], dtype, { fill: 1 });
    this.bias = parameter([channels], dtype, { fill: 0 });
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return [
      ['weight', this.weight],
      ['bias', this.bias],
    ];
  }

  /** @param x - `(n, channels)` @returns `(n, channels)` */
  forward(x: Tensor): Tensor {
    return layerNorm(x, this.weight, this.bias, this.eps);
  }
}

const LN_KEYS: OptionKeys<LayerNormOptions> = { eps: true, dtype: true };
