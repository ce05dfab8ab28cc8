import {
  assertAllocation,
  assertBoolean,
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  type Rng,
} from '@mgraph/core';
import { add } from '../autograd/add.js';
import { matmul } from '../autograd/matmul.js';
import { assertTensor, type FloatDtype, type Tensor } from '../autograd/tensor.js';
import { MAX_ELEMENTS } from '../limits.js';
import { parameter } from './init.js';
import { Module } from './module.js';

/** Options of {@link Linear}. */
export interface LinearOptions {
  /** Learn an additive bias. Default true. */
  bias?: boolean;
  /** Generator for the initial weights. Default `createRng(0)`. */
  rng?: Rng;
  /** Parameter dtype. Default `'float64'`. */
  dtype?: FloatDtype;
}

/**
 * Affine layer `y = x W^T + b` with PyTorch's `nn.Linear` parameters: `weight` of shape
 * `(out, in)` and `bias` of shape `(out)`, both initialised from `U(-1/sqrt(in), 1/sqrt(in))`
 * (the bound PyTorch's `kaiming_uniform_(a=sqrt(5))` gives; weight drawn first, row-major,
 * then bias; the generator is mgraph's, so the numbers differ from PyTorch's).
 *
 * @remarks
 * References: PyTorch `torch.nn.Linear.reset_parameters`.
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  /**
   * @param inFeatures - input width (>= 1)
   * @param outFeatures - output width (>= 1)
   * @param options - see {@link LinearOptions}
   * @throws InvalidArgumentError for widths that are not positive integers
   */
  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    assertNumber('Linear', 'inFeatures', inFeatures, { integer: true, min: 1 });
    assertNumber('Linear', 'outFeatures', outFeatures, { integer: true, min: 1 });
    const {
      bias = true,
      rng = createRng(0),
      dtype = 'float64',
    } = checkOptions('Linear', options, LINEAR_KEYS);
    assertBoolean('Linear', 'options.bias', bias);
    assertRngAndDtype('Linear', rng, dtype);
    assertAllocation('Linear', 'outFeatures', outFeatures, inFeatures * outFeatures, {
      limit: MAX_ELEMENTS,
    });
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = parameter([outFeatures, inFeatures], dtype, { bound, rng });
    this.bias = bias ? parameter([outFeatures], dtype, { bound, rng }) : null;
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return this.bias === null
      ? [['weight', this.weight]]
      : [
          ['weight', this.weight],
          ['bias', this.bias],
        ];
  }

  /**
   * @param x - `(n, inFeatures)`
   * @returns `(n, outFeatures)`
   * @throws ShapeMismatchError when `x` has the wrong width
   */
  forward(x: Tensor): Tensor {
    assertTensor('Linear.forward', 'x', x);
    const y = matmul(x, this.weight, { transposeB: true });
    return this.bias === null ? y : add(y, this.bias);
  }
}

const LINEAR_KEYS: OptionKeys<LinearOptions> = { bias: true, rng: true, dtype: true };

/** @internal throw unless `rng` is a generator and `dtype` a float dtype */
export function assertRngAndDtype(fn: string, rng: unknown, dtype: unknown): void {
  const r = rng as Partial<Rng> | null;
  if (typeof r !== 'object' || r === null || typeof r.uniform !== 'function') {
    throw new InvalidArgumentError(fn, 'options.rng', rng, 'a generator from createRng');
  }
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new InvalidArgumentError(fn, 'options.dtype', dtype, "'float64' or 'float32'");
  }
}
