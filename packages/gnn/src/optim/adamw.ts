import { assertNumber, checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import { assertTensor, type FloatArray, newArray, type Tensor } from '../autograd/tensor.js';

const KEYS: OptionKeys<AdamWOptions> = { lr: true, weightDecay: true, betas: true, eps: true };

/** Options of {@link AdamW}; defaults are the paper's (lr, weight decay) and PyTorch's. */
export interface AdamWOptions {
  /** Learning rate. Default 1e-3. */
  lr?: number;
  /** Decoupled weight decay. Default 1e-2. */
  weightDecay?: number;
  /** `[beta1, beta2]`. Default `[0.9, 0.999]`. */
  betas?: readonly [number, number];
  /** Added to the denominator. Default 1e-8. */
  eps?: number;
}

/**
 * AdamW with PyTorch's update (`torch.optim.AdamW`, `amsgrad=False`, `maximize=False`), per
 * parameter and step `t`:
 * `p *= 1 - lr*wd; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 *  p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)`.
 * Parameters whose `grad` is null are skipped (their step is not taken), as in PyTorch.
 *
 * @remarks
 * References: I. Loshchilov, F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019,
 * arXiv:1711.05101; D. P. Kingma, J. Ba, "Adam", ICLR 2015, arXiv:1412.6980.
 */
export class AdamW {
  readonly params: readonly Tensor[];
  readonly lr: number;
  readonly weightDecay: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  private readonly m: FloatArray[];
  private readonly v: FloatArray[];
  private readonly steps: number[];

  /**
   * @param params - the tensors to update in place (their `data`)
   * @param options - see {@link AdamWOptions}
   * @throws InvalidArgumentError for a negative rate or decay, betas outside [0, 1), eps <= 0
   */
  constructor(params: readonly Tensor[], options: AdamWOptions = {}) {
    const {
      lr = 1e-3,
      weightDecay = 1e-2,
      betas = [0.9, 0.999],
      eps = 1e-8,
    } = checkOptions('AdamW', options, KEYS);
    if (!Array.isArray(params)) {
      throw new InvalidArgumentError('AdamW', 'params', params, 'an array of tensors');
    }
    params.forEach((p, i) => {
      assertTensor('AdamW', `params[${i}]`, p);
    });
    assertNumber('AdamW', 'options.lr', lr, { min: 0 });
    assertNumber('AdamW', 'options.weightDecay', weightDecay, { min: 0 });
    if (!Array.isArray(betas) || betas.length !== 2) {
      throw new InvalidArgumentError('AdamW', 'options.betas', betas, 'a pair [beta1, beta2]');
    }
    assertNumber('AdamW', 'options.betas[0]', betas[0], { min: 0, lessThan: 1 });
    assertNumber('AdamW', 'options.betas[1]', betas[1], { min: 0, lessThan: 1 });
    assertNumber('AdamW', 'options.eps', eps, { greaterThan: 0 });
    this.params = params.slice();
    this.lr = lr;
    this.weightDecay = weightDecay;
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
    this.m = params.map((p) => newArray(p.dtype, p.size));
    this.v = params.map((p) => newArray(p.dtype, p.size));
    this.steps = params.map(() => 0);
  }

  /** One update of every parameter that has a gradient. */
  step(): void {
    const [b1, b2] = this.betas;
    const { lr, weightDecay, eps } = this;
    this.params.forEach((p, k) => {
      const g = p.grad;
      if (g === null) return;
      const t = ++this.steps[k]!;
      const m = this.m[k]!;
      const v = this.v[k]!;
      const x = p.data;
      const bc1 = 1 - b1 ** t;
      const bc2Sqrt = Math.sqrt(1 - b2 ** t);
      const stepSize = lr / bc1;
      const decay = 1 - lr * weightDecay;
      for (let i = 0; i < x.length; i++) {
        x[i] *= decay;
        m[i] = m[i]! * b1 + (1 - b1) * g[i]!;
        v[i] = v[i]! * b2 + (1 - b2) * g[i]! * g[i]!;
        const denom = Math.sqrt(v[i]!) / bc2Sqrt + eps;
        x[i] -= stepSize * (m[i]! / denom);
      }
    });
  }
}
