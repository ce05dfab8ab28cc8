import { assertNumber, type ProgressCallback, throwIfAborted } from '@mgraph/core';
import type { CompositeOptions } from './composite-options.js';
import { type Composite, generateComposite } from './generate-composite.js';

/** Options of {@link generateDataset}: those of `generateComposite` plus the count. */
export interface DatasetOptions extends Omit<CompositeOptions, 'seed'> {
  /** Number of composites. */
  count: number;
  /** Seed of the first composite; composite `i` uses `seed + i`. Default 0. */
  seed?: number;
  /** Called after each composite with `(done, count)`. */
  onProgress?: ProgressCallback;
  /** Cancels between composites with `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Generate `count` composites with the same options and consecutive seeds
 * (`seed`, `seed + 1`, ...), so that sample `i` can be regenerated alone with
 * `generateComposite({ ...options, seed: seed + i })`.
 *
 * @param options - see {@link DatasetOptions}
 * @returns the composites in order
 * @throws InvalidArgumentError for a bad count or composite option
 * @throws AbortError when `signal` fires
 */
export function generateDataset(options: DatasetOptions): Composite[] {
  const fn = 'generateDataset';
  const { count, seed = 0, onProgress, signal, ...rest } = options ?? ({} as DatasetOptions);
  assertNumber(fn, 'options.count', count, { integer: true, min: 0 });
  assertNumber(fn, 'options.seed', seed);
  const out: Composite[] = [];
  for (let i = 0; i < count; i++) {
    throwIfAborted(fn, signal);
    out.push(generateComposite({ ...rest, seed: seed + i }));
    onProgress?.(i + 1, count);
  }
  return out;
}
