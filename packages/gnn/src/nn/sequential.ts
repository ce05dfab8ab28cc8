import { InvalidArgumentError } from '@mgraph/core';
import { relu } from '../autograd/relu.js';
import type { Tensor } from '../autograd/tensor.js';
import { Module } from './module.js';

/** A module with a `forward` of one tensor. */
export interface Layer extends Module {
  forward(x: Tensor): Tensor;
}

/** PyTorch's `nn.ReLU`: no parameters. */
export class ReLU extends Module {
  protected entries(): Array<[string, Module | Tensor]> {
    return [];
  }

  /** `max(x, 0)` element-wise. */
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/**
 * PyTorch's `nn.Sequential`: applies its layers in order; parameters are named by the
 * layer's position (`0.weight`, `2.bias`...), so `Sequential([Linear, ReLU, Linear])` has
 * the names of the NNConv edge network of PyTorch Geometric (`nn.0.*`, `nn.2.*`).
 */
export class Sequential extends Module {
  readonly layers: readonly Layer[];

  /** @param layers - applied first to last */
  constructor(layers: readonly Layer[]) {
    super();
    if (!Array.isArray(layers)) {
      throw new InvalidArgumentError('Sequential', 'layers', layers, 'an array of layers');
    }
    layers.forEach((l, i) => {
      if (!(l instanceof Module) || typeof (l as Partial<Layer>).forward !== 'function') {
        throw new InvalidArgumentError('Sequential', `layers[${i}]`, l, 'a Module with forward');
      }
    });
    this.layers = layers.slice();
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return this.layers.map((l, i): [string, Module] => [String(i), l]);
  }

  /** The composition of the layers. */
  forward(x: Tensor): Tensor {
    let y = x;
    for (const l of this.layers) y = l.forward(y);
    return y;
  }
}
