import {
  assertBoolean,
  checkOptions,
  InvalidArgumentError,
  ModelError,
  type OptionKeys,
  ShapeMismatchError,
} from '@mgraph/core';
import type { FloatDtype, Tensor } from '../autograd/tensor.js';

/**
 * One parameter in a state dict: the array format of the mgraph fixtures (and of
 * `tensor.tolist()` in Python), `{ shape, dtype, data }` with `data` flat and row-major.
 */
export interface StateDictEntry {
  shape: number[];
  dtype: FloatDtype;
  data: number[];
}

/**
 * Parameters by their PyTorch names (`conv1.convs.<nmc___contacts___sse>.nn.0.weight`...),
 * JSON-serialisable. In Python: `{k: torch.tensor(v['data']).view(v['shape'])}`.
 */
export type StateDict = Record<string, StateDictEntry>;

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /**
   * Require exactly this module's parameter names (no missing, no extra keys), as PyTorch's
   * `strict`. Default true.
   */
  strict?: boolean;
}

/** Largest finite float32. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Base of every layer: a tree of named parameters and sub-modules whose dotted names are
 * those of the equivalent PyTorch / PyTorch Geometric module, so that state dicts move
 * between the two.
 */
export abstract class Module {
  /** Direct children in registration order: parameters and sub-modules by name. */
  protected abstract entries(): Array<[string, Module | Tensor]>;

  /**
   * Every parameter with its dotted name, depth first in registration order.
   *
   * @param prefix - prepended with a dot to every name. Default none.
   */
  namedParameters(prefix = ''): Array<[string, Tensor]> {
    const out: Array<[string, Tensor]> = [];
    for (const [name, value] of this.entries()) {
      const full = prefix === '' ? name : `${prefix}.${name}`;
      if (value instanceof Module) out.push(...value.namedParameters(full));
      else out.push([full, value]);
    }
    return out;
  }

  /** The parameters (the tensors an optimizer updates), in {@link Module.namedParameters} order. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Drop the accumulated gradient of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /**
   * A JSON-serialisable copy of every parameter under its PyTorch name.
   *
   * @returns a new {@link StateDict}; changing it does not change the module
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, p] of this.namedParameters()) {
      out[name] = { shape: [...p.shape], dtype: p.dtype, data: Array.from(p.data) };
    }
    return out;
  }

  /**
   * Copy parameter values from a state dict (PyTorch names and shapes) into this module.
   * Values are converted to the module's dtype. The state dict is not modified.
   *
   * @param state - e.g. `JSON.parse` of a file written by {@link Module.stateDict} or by
   *   the Python helper in `scripts/`
   * @param options - `strict` (true): require exactly this module's names (no missing, no
   *   extra keys); when false, missing and unknown names are ignored
   * @throws ModelError for a missing or unexpected name (strict)
   * @throws ShapeMismatchError for a parameter of the wrong shape
   * @throws InvalidArgumentError for a non-finite value or malformed entry
   */
  loadStateDict(state: StateDict, options: LoadStateDictOptions = {}): void {
    const fn = 'loadStateDict';
    const { strict = true } = checkOptions(fn, options, {
      strict: true,
    } satisfies OptionKeys<LoadStateDictOptions>);
    assertBoolean(fn, 'options.strict', strict);
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new InvalidArgumentError(fn, 'state', state, 'an object of { shape, data } entries');
    }
    const named = this.namedParameters();
    const names = new Set(named.map(([n]) => n));
    if (strict) {
      const missing = named.map(([n]) => n).filter((n) => !(n in state));
      if (missing.length > 0) throw new ModelError(fn, 'missing parameters', [], missing);
      const extra = Object.keys(state).filter((n) => !names.has(n));
      if (extra.length > 0) throw new ModelError(fn, 'unexpected parameters', [], extra);
    }
    // validate everything first so that a bad entry leaves the module untouched
    const updates: Array<[Tensor, ArrayLike<number>]> = [];
    for (const [name, p] of named) {
      const entry = state[name];
      if (entry === undefined) continue;
      const ok = typeof entry === 'object' && entry !== null && Array.isArray(entry.shape);
      if (!ok || !(Array.isArray(entry.data) || ArrayBuffer.isView(entry.data))) {
        throw new InvalidArgumentError(
          fn,
          `state[${JSON.stringify(name)}]`,
          entry,
          'a { shape, data } entry',
        );
      }
      if (entry.shape.length !== p.shape.length || entry.shape.some((s, i) => s !== p.shape[i])) {
        throw new ShapeMismatchError(
          fn,
          `state[${JSON.stringify(name)}].shape`,
          p.shape,
          entry.shape,
        );
      }
      if (entry.data.length !== p.size) {
        throw new ShapeMismatchError(
          fn,
          `state[${JSON.stringify(name)}].data`,
          [p.size],
          [entry.data.length],
        );
      }
      // float32 parameters: a value past the float32 range would be stored as +-Infinity
      const float32 = p.dtype === 'float32';
      for (let i = 0; i < entry.data.length; i++) {
        const v = entry.data[i];
        if (
          typeof v !== 'number' ||
          !Number.isFinite(v) ||
          (float32 && !Number.isFinite(Math.fround(v)))
        ) {
          throw new InvalidArgumentError(
            fn,
            `state[${JSON.stringify(name)}].data[${i}]`,
            v,
            `a finite number${float32 ? ` inside the float32 range (|v| <= ${FLOAT32_MAX})` : ''}`,
          );
        }
      }
      updates.push([p, entry.data]);
    }
    for (const [p, data] of updates) p.data.set(data);
  }
}
