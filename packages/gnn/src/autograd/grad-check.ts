import {
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { assertTensor, Tensor } from './tensor.js';

const KEYS: OptionKeys<GradCheckOptions> = { step: true, seed: true };

/** Result of {@link gradCheck}. */
export interface GradCheckResult {
  /** Per input: largest |analytic - numeric| over its elements. */
  maxAbsError: number[];
  /** Per input: largest |analytic - numeric| / max(1, |numeric|). */
  maxRelError: number[];
}

/** Options of {@link gradCheck}. */
export interface GradCheckOptions {
  /** Finite-difference step `h`. Default 1e-6. */
  step?: number;
  /** Seed of the random weights `w`. Default 0. */
  seed?: number;
}

/**
 * Finite-difference gradient check of a function of float64 tensors: compares the
 * reverse-mode gradient of `sum(w * fn(inputs))`, for seeded random weights `w` in
 * [-1, 1), with central differences `(f(x + h) - f(x - h)) / 2h` of every input element.
 *
 * @param fn - builds the output from the inputs (must not mutate them)
 * @param inputs - float64 tensors; each gets `requiresGrad` copies, the originals are not touched
 * @param options - `step` (`h`, 1e-6), `seed` (of the weights `w`, 0)
 * @returns the largest errors per input
 * @throws InvalidArgumentError for an input that is not float64
 */
export function gradCheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckResult {
  const { step = 1e-6, seed = 0 } = checkOptions('gradCheck', options, KEYS);
  assertNumber('gradCheck', 'options.step', step, { greaterThan: 0 });
  assertNumber('gradCheck', 'options.seed', seed);
  if (typeof fn !== 'function') {
    throw new InvalidArgumentError('gradCheck', 'fn', fn, 'a function of the input tensors');
  }
  if (!Array.isArray(inputs)) {
    throw new InvalidArgumentError('gradCheck', 'inputs', inputs, 'an array of tensors');
  }
  inputs.forEach((t, i) => {
    assertTensor('gradCheck', `inputs[${i}]`, t);
    if (t.dtype !== 'float64') {
      throw new InvalidArgumentError('gradCheck', `inputs[${i}]`, t.dtype, 'a float64 tensor');
    }
  });
  const leaves = inputs.map(
    (t) => new Tensor(Float64Array.from(t.data), t.shape, { requiresGrad: true }),
  );
  const out = fn(...leaves);
  assertTensor('gradCheck', 'fn(...inputs)', out);
  const rng = createRng(seed);
  const w = Float64Array.from({ length: out.size }, () => rng.uniform(-1, 1));
  const objective = (o: Tensor) => {
    let s = 0;
    for (let i = 0; i < o.size; i++) s += w[i]! * o.data[i]!;
    return s;
  };
  out.backward(w);
  const maxAbsError: number[] = [];
  const maxRelError: number[] = [];
  leaves.forEach((leaf, li) => {
    let abs = 0;
    let rel = 0;
    for (let k = 0; k < leaf.size; k++) {
      const base = leaf.data[k]!;
      const probe = (v: number) => {
        const copies = leaves.map((l) => new Tensor(Float64Array.from(l.data), l.shape));
        copies[li]!.data[k] = v;
        return objective(fn(...copies));
      };
      const numeric = (probe(base + step) - probe(base - step)) / (2 * step);
      const analytic = leaf.grad === null ? 0 : leaf.grad[k]!;
      const err = Math.abs(analytic - numeric);
      abs = Math.max(abs, err);
      rel = Math.max(rel, err / Math.max(1, Math.abs(numeric)));
    }
    maxAbsError.push(abs);
    maxRelError.push(rel);
  });
  return { maxAbsError, maxRelError };
}
