import { InvalidArgumentError } from '@mgraph/core';
import type { Tensor } from '../autograd/tensor.js';
import { Module } from './module.js';

/**
 * PyTorch's `nn.ModuleDict`: sub-modules under string keys, named `<key>.<parameter>`.
 */
export class ModuleDict<M extends Module = Module> extends Module {
  readonly modules: ReadonlyMap<string, M>;

  /** @param items - `[key, module]` pairs in registration order */
  constructor(items: ReadonlyArray<readonly [string, M]>) {
    super();
    const ok =
      Array.isArray(items) &&
      items.every(
        (it) =>
          Array.isArray(it) &&
          it.length === 2 &&
          typeof it[0] === 'string' &&
          it[1] instanceof Module,
      );
    if (!ok) {
      throw new InvalidArgumentError(
        'ModuleDict',
        'items',
        items,
        'an array of [name, Module] pairs',
      );
    }
    this.modules = new Map(items);
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return [...this.modules];
  }

  /** The module under `key`, or undefined. */
  get(key: string): M | undefined {
    return this.modules.get(key);
  }
}
