import {
  assertAllocation,
  assertBoolean,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import { MAX_ELEMENTS } from '../limits.js';

/** The floating-point storage of a {@link Tensor}. */
export type FloatArray = Float64Array | Float32Array;

/** Floating-point dtypes the autograd supports. */
export type FloatDtype = 'float64' | 'float32';

/** Options of the {@link Tensor} constructor. */
export interface TensorInitOptions {
  /** Leaf that accumulates a gradient. Default false. */
  requiresGrad?: boolean;
}

/** Options of {@link tensor}. */
export interface TensorOptions extends TensorInitOptions {
  /** `'float64'` (default) or `'float32'`. */
  dtype?: FloatDtype;
}

const INIT_KEYS: OptionKeys<TensorInitOptions> = { requiresGrad: true };
const TENSOR_KEYS: OptionKeys<TensorOptions> = { requiresGrad: true, dtype: true };

/**
 * A dense row-major array of rank 0, 1 or 2 over a `Float64Array` or `Float32Array`, with
 * an optional gradient, that records the operation that produced it so that
 * {@link Tensor.backward} can run reverse-mode differentiation.
 *
 * Arithmetic runs in double precision and is stored in the tensor's dtype, so float32
 * tensors round after every operation as PyTorch's float32 kernels do (up to summation
 * order).
 */
export class Tensor {
  /** Flat row-major values; treat as read-only once the tensor has been used in an op. */
  readonly data: FloatArray;
  /** `[]` (scalar), `[n]` or `[rows, cols]`. */
  readonly shape: readonly number[];
  /** True for leaves that want a gradient (parameters) and for results that depend on one. */
  readonly requiresGrad: boolean;
  /** Accumulated gradient (same dtype and length as `data`), or null before any backward. */
  grad: FloatArray | null = null;
  /** @internal inputs of the op that made this tensor */
  parents: readonly Tensor[];
  /** @internal pushes `this.grad` into the parents' gradients */
  backwardFn: (() => void) | null;

  /**
   * @param data - values, row-major; kept by reference (not copied)
   * @param shape - rank 0, 1 or 2; its product must equal `data.length`
   * @param options - `requiresGrad` (false): leaf that accumulates a gradient
   * @throws InvalidArgumentError for a bad shape or a length that does not match it, or
   *   options that are not an object
   */
  constructor(data: FloatArray, shape: readonly number[], options: TensorInitOptions = {}) {
    const { requiresGrad = false } = checkOptions('Tensor', options, INIT_KEYS);
    assertBoolean('Tensor', 'options.requiresGrad', requiresGrad);
    if (!(data instanceof Float64Array || data instanceof Float32Array)) {
      throw new InvalidArgumentError('Tensor', 'data', data, 'a Float64Array or Float32Array');
    }
    if (
      !Array.isArray(shape) ||
      shape.length > 2 ||
      !shape.every((s) => Number.isInteger(s) && s >= 0) ||
      shape.reduce((a, b) => a * b, 1) !== data.length
    ) {
      throw new InvalidArgumentError(
        'Tensor',
        'shape',
        shape,
        `a rank 0-2 shape of non-negative integers whose product is data.length = ${data.length}`,
      );
    }
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.requiresGrad = requiresGrad;
    this.parents = [];
    this.backwardFn = null;
  }

  /** `'float64'` or `'float32'`. */
  get dtype(): FloatDtype {
    return this.data instanceof Float32Array ? 'float32' : 'float64';
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Rows of a 2D tensor (1 for rank 0 and 1). */
  get rows(): number {
    return this.shape.length === 2 ? this.shape[0]! : 1;
  }

  /** Columns of a 2D tensor, length of a 1D one, 1 for a scalar. */
  get cols(): number {
    return this.shape.length === 0 ? 1 : this.shape[this.shape.length - 1]!;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new ShapeMismatchError('Tensor.item', 'this', [], this.shape);
    return this.data[0]!;
  }

  /**
   * Reverse-mode differentiation: accumulate d(this)/d(leaf), weighted by `upstream`, into
   * the `grad` of every leaf with `requiresGrad` that this tensor depends on. Gradients of
   * leaves add up over calls (zero them between optimizer steps); those of intermediate
   * results are recomputed on every call.
   *
   * @param upstream - gradient of the final objective with respect to this tensor, same
   *   length; default all ones (d sum / d this)
   * @throws InvalidArgumentError when this tensor does not require a gradient
   * @throws ShapeMismatchError when `upstream` has the wrong length
   */
  backward(upstream?: ArrayLike<number>): void {
    if (
      upstream !== undefined &&
      (typeof upstream !== 'object' || upstream === null || typeof upstream.length !== 'number')
    ) {
      throw new InvalidArgumentError(
        'Tensor.backward',
        'upstream',
        upstream,
        'an array of numbers',
      );
    }
    if (!this.requiresGrad) {
      throw new InvalidArgumentError(
        'Tensor.backward',
        'this',
        this,
        'a tensor that depends on a parameter with requiresGrad',
      );
    }
    if (upstream !== undefined && upstream.length !== this.size) {
      throw new ShapeMismatchError('Tensor.backward', 'upstream', [this.size], [upstream.length]);
    }
    const order = topologicalOrder(this);
    for (const t of order) if (t.backwardFn !== null) t.grad = null;
    const g = gradOf(this);
    if (upstream === undefined) g.fill(1);
    else for (let i = 0; i < g.length; i++) g[i] += upstream[i]!;
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]!;
      if (t.backwardFn !== null && t.grad !== null) t.backwardFn();
    }
  }
}

/** Tensors reachable from `root` through parents needing a gradient, parents first. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: Array<[Tensor, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [t, next] = top;
    if (next < t.parents.length) {
      top[1] = next + 1;
      const p = t.parents[next]!;
      if (p.requiresGrad && !seen.has(p)) {
        seen.add(p);
        stack.push([p, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  return order;
}

/** @internal the gradient buffer of `t`, allocated (zeros) on first use */
export function gradOf(t: Tensor): FloatArray {
  if (t.grad === null) t.grad = newArray(t.dtype, t.size);
  return t.grad;
}

/** @internal a zero-filled array of the dtype */
export function newArray(dtype: FloatDtype, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/**
 * @internal Make an op result. When no input needs a gradient the result is a plain
 * constant and `backward` is dropped, so inference keeps no graph.
 */
export function result(
  data: FloatArray,
  shape: readonly number[],
  parents: readonly Tensor[],
  backward: (grad: FloatArray) => void,
): Tensor {
  const needs = parents.some((p) => p.requiresGrad);
  const t = new Tensor(data, shape, { requiresGrad: needs });
  if (needs) {
    t.parents = parents;
    t.backwardFn = () => backward(t.grad!);
  }
  return t;
}

/** @internal throw unless every tensor has the same dtype as the first */
export function assertSameDtype(fn: string, names: readonly string[], ts: readonly Tensor[]): void {
  ts.forEach((t, i) => {
    assertTensor(fn, names[i]!, t);
  });
  const d = ts[0]!.dtype;
  for (let i = 1; i < ts.length; i++) {
    if (ts[i]!.dtype !== d) {
      throw new InvalidArgumentError(fn, names[i]!, ts[i], `of dtype ${d} like ${names[0]}`);
    }
  }
}

/** @internal throw unless `value` is a {@link Tensor} */
export function assertTensor(fn: string, name: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    throw new InvalidArgumentError(fn, name, value, 'a Tensor (see tensor())');
  }
}

/** @internal throw unless `t` is a 2D tensor */
export function assert2d(fn: string, name: string, t: Tensor): void {
  assertTensor(fn, name, t);
  if (t.shape.length !== 2) {
    throw new InvalidArgumentError(fn, name, t.shape, 'a 2D (rows, cols) tensor shape');
  }
}

/**
 * Create a tensor from numbers.
 *
 * @param values - flat row-major values (any array-like of numbers)
 * @param shape - default `[values.length]`
 * @param options - `dtype` (`'float64'`) or `'float32'`; `requiresGrad` (false): make a leaf
 *   that accumulates a gradient
 * @returns a new tensor owning a copy of `values`
 * @throws InvalidArgumentError for a shape that does not match the values
 */
export function tensor(
  values: ArrayLike<number>,
  shape: readonly number[] = [values.length],
  options: TensorOptions = {},
): Tensor {
  const { dtype = 'float64', requiresGrad = false } = checkOptions('tensor', options, TENSOR_KEYS);
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new InvalidArgumentError('tensor', 'options.dtype', dtype, "'float64' or 'float32'");
  }
  assertBoolean('tensor', 'options.requiresGrad', requiresGrad);
  if (typeof values !== 'object' || values === null || typeof values.length !== 'number') {
    throw new InvalidArgumentError('tensor', 'values', values, 'an array of numbers');
  }
  assertAllocation('tensor', 'values', values, values.length, { limit: MAX_ELEMENTS });
  const data = dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
  return new Tensor(data, shape, { requiresGrad });
}
