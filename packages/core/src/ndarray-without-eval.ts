/**
 * `@mgraph/core/ndarray`: a drop-in for the `ndarray` package (scijs, 1.0.19) that generates
 * no code at run time. `ndarray` compiles one view class per dtype and dimension with
 * `new Function`, which a Content-Security-Policy without `'unsafe-eval'` forbids (every
 * mgraph function that creates an array then throws an `EvalError` in such a page). Bundle
 * with this module in place of `ndarray` (esbuild `--alias:ndarray=@mgraph/core/ndarray`,
 * webpack / Vite `resolve.alias`) and the same calls work under a strict policy: the same
 * `data`, `shape`, `stride`, `offset`, `dtype`, `size`, `order`, `dimension` and the methods
 * `get`, `set`, `index`, `hi`, `lo`, `step`, `transpose`, `pick`, with ndarray's semantics
 * (checked against it in the tests), at the cost of generic loops instead of code
 * specialised per dimension.
 *
 * @packageDocumentation
 */
import type { Data, NdArray } from 'ndarray';

type Storage = ArrayLike<unknown> & {
  [index: number]: unknown;
  get?(index: number): unknown;
  set?(index: number, value: unknown): unknown;
};

const TYPED: Readonly<Record<string, string>> = {
  '[object Float64Array]': 'float64',
  '[object Float32Array]': 'float32',
  '[object Float16Array]': 'float16',
  '[object Int8Array]': 'int8',
  '[object Int16Array]': 'int16',
  '[object Int32Array]': 'int32',
  '[object Uint8Array]': 'uint8',
  '[object Uint16Array]': 'uint16',
  '[object Uint32Array]': 'uint32',
  '[object Uint8ClampedArray]': 'uint8_clamped',
  '[object BigInt64Array]': 'bigint64',
  '[object BigUint64Array]': 'biguint64',
};

/** ndarray's `arrayDType`: Node Buffer, typed arrays by tag, plain arrays, else generic. */
function dtypeOf(data: unknown): string {
  const d = data as { constructor?: { isBuffer?: (x: unknown) => boolean } } | null;
  if (d != null && typeof d.constructor?.isBuffer === 'function' && d.constructor.isBuffer(d)) {
    return 'buffer';
  }
  const typed = TYPED[Object.prototype.toString.call(data)];
  if (typed !== undefined) return typed;
  return Array.isArray(data) ? 'array' : 'generic';
}

/** ndarray's `order` of 3D views (ties broken as it breaks them). */
function order3(stride: readonly number[]): number[] {
  const s0 = Math.abs(stride[0]!);
  const s1 = Math.abs(stride[1]!);
  const s2 = Math.abs(stride[2]!);
  if (s0 > s1) {
    if (s1 > s2) return [2, 1, 0];
    return s0 > s2 ? [1, 2, 0] : [1, 0, 2];
  }
  if (s0 > s2) return [2, 0, 1];
  return s2 > s1 ? [0, 1, 2] : [0, 2, 1];
}

/** A strided view of `data`, as ndarray's compiled `View<d>d<dtype>` classes behave. */
class View {
  readonly dtype: string;
  offset: number;
  constructor(
    public data: Storage,
    public shape: number[],
    public stride: number[],
    offset: number,
  ) {
    this.dtype = dtypeOf(data);
    // as ndarray: `offset | 0` for views of 1 or more dimensions
    this.offset = shape.length === 0 ? offset : offset | 0;
  }

  get dimension(): number {
    return this.shape.length;
  }

  get size(): number {
    let size = 1;
    for (const n of this.shape) size *= n;
    return size;
  }

  get order(): number[] {
    const d = this.shape.length;
    if (d === 1) return [0];
    if (d === 2) return Math.abs(this.stride[0]!) > Math.abs(this.stride[1]!) ? [1, 0] : [0, 1];
    if (d === 3) return order3(this.stride);
    return this.stride
      .map((s, i) => [Math.abs(s), i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
  }

  index(...indices: number[]): number {
    let at = this.offset;
    for (let i = 0; i < this.shape.length; i++) at += this.stride[i]! * indices[i]!;
    return at;
  }

  get(...indices: number[]): unknown {
    const at = this.index(...indices);
    return this.dtype === 'generic' ? this.data.get!(at) : this.data[at];
  }

  set(...args: unknown[]): unknown {
    const value = args[this.shape.length];
    const at = this.index(...(args as number[]));
    if (this.dtype === 'generic') return this.data.set!(at, value);
    this.data[at] = value;
    return value;
  }

  valueOf(): unknown {
    return this.shape.length === 0 ? this.get() : this;
  }

  hi(...indices: unknown[]): View {
    const shape = this.shape.map((n, i) => {
      const k = indices[i];
      return typeof k !== 'number' || k < 0 ? n : k | 0;
    });
    return new View(this.data, shape, this.stride.slice(), this.offset);
  }

  lo(...indices: unknown[]): View {
    let offset = this.offset;
    const shape = this.shape.slice();
    for (let i = 0; i < shape.length; i++) {
      const k = indices[i];
      if (typeof k === 'number' && k >= 0) {
        const d = k | 0;
        offset += this.stride[i]! * d;
        shape[i]! -= d;
      }
    }
    return new View(this.data, shape, this.stride.slice(), offset);
  }

  step(...indices: unknown[]): View {
    let offset = this.offset;
    const shape = this.shape.slice();
    const stride = this.stride.slice();
    for (let i = 0; i < shape.length; i++) {
      const k = indices[i];
      if (typeof k !== 'number') continue;
      const d = k | 0;
      if (d < 0) {
        offset += stride[i]! * (shape[i]! - 1);
        shape[i] = Math.ceil(-shape[i]! / d);
      } else {
        shape[i] = Math.ceil(shape[i]! / d);
      }
      stride[i]! *= d;
    }
    return new View(this.data, shape, stride, offset);
  }

  transpose(...axes: unknown[]): View {
    const order = this.shape.map((_, i) => (axes[i] === undefined ? i : (axes[i] as number) | 0));
    return new View(
      this.data,
      order.map((a) => this.shape[a]!),
      order.map((a) => this.stride[a]!),
      this.offset,
    );
  }

  pick(...indices: unknown[]): View | Trivial {
    if (this.shape.length === 0) return new Trivial(this.data);
    const shape: number[] = [];
    const stride: number[] = [];
    let offset = this.offset;
    for (let i = 0; i < this.shape.length; i++) {
      const k = indices[i];
      if (typeof k === 'number' && k >= 0) offset = (offset + this.stride[i]! * k) | 0;
      else {
        shape.push(this.shape[i]!);
        stride.push(this.stride[i]!);
      }
    }
    return new View(this.data, shape, stride, offset);
  }
}

/** ndarray's "trivial" array (dimension -1), what `pick()` of a 0-d view returns. */
class Trivial {
  readonly dtype: string;
  readonly dimension = -1;
  readonly size = 0;
  readonly shape: number[] = [];
  readonly stride: number[] = [];
  readonly order: number[] = [];
  constructor(public data: Storage) {
    this.dtype = dtypeOf(data);
  }
  index(): number {
    return -1;
  }
  get(): undefined {
    return undefined;
  }
  set(): undefined {
    return undefined;
  }
  lo(): Trivial {
    return new Trivial(this.data);
  }
  hi(): Trivial {
    return new Trivial(this.data);
  }
  step(): Trivial {
    return new Trivial(this.data);
  }
  transpose(): Trivial {
    return new Trivial(this.data);
  }
  pick(): null {
    return null;
  }
}

/**
 * Create a strided view of `data`, as `ndarray(data, shape, stride, offset)` of the `ndarray`
 * package does, without generating code.
 *
 * @param data - a typed array, a plain array, a Node Buffer, or an object with `get(i)` /
 *   `set(i, v)` (a number is wrapped in a one-element array)
 * @param shape - default `[data.length]`
 * @param stride - default row-major (C order) for `shape`
 * @param offset - default 0, plus `(shape[i] - 1) * -stride[i]` for each negative stride
 * @returns the view; `ndarray()` with no data is an empty trivial array
 */
export default function ndarray<D extends Data = Data<number>>(
  data?: D | number,
  shape?: number[],
  stride?: number[],
  offset?: number,
): NdArray<D> {
  if (data === undefined) return new Trivial([]) as unknown as NdArray<D>;
  const store = (typeof data === 'number' ? [data] : data) as unknown as Storage;
  const dims = shape ?? [store.length];
  let strides = stride;
  if (strides === undefined) {
    strides = new Array<number>(dims.length);
    for (let i = dims.length - 1, size = 1; i >= 0; --i) {
      strides[i] = size;
      size *= dims[i]!;
    }
  }
  let start = offset;
  if (start === undefined) {
    start = 0;
    for (let i = 0; i < dims.length; i++) {
      if (strides[i]! < 0) start -= (dims[i]! - 1) * strides[i]!;
    }
  }
  const view = new View(store, dims.slice(), strides.slice(), start);
  return view as unknown as NdArray<D>;
}
