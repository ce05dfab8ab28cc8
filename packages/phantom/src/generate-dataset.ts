import {
  assertNumber,
  assertSignal,
  checkOptions,
  formatBytes,
  InvalidArgumentError,
  type OptionKeys,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import {
  COMPOSITE_OPTION_KEYS,
  type CompositeOptions,
  resolveCompositeOptions,
} from './composite-options.js';
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

const DATASET_KEYS: OptionKeys<DatasetOptions> = {
  ...COMPOSITE_OPTION_KEYS,
  count: true,
  onProgress: true,
  signal: true,
};

/** Bytes per pixel of one finished composite kept in the result (image, energy, instances float32/int32, phases uint8). */
const KEPT_BYTES_PER_PIXEL = 17;

/**
 * Generate `count` composites with the same options and consecutive seeds
 * (`seed`, `seed + 1`, ...), so that sample `i` can be regenerated alone with
 * `generateComposite({ ...options, seed: seed + i })`. Synchronous: it blocks the event
 * loop until the last composite (see {@link generateDatasetAsync}).
 *
 * @param options - see {@link DatasetOptions}
 * @returns the composites in order
 * @throws InvalidArgumentError for a bad count or composite option, a misspelled option,
 *   or a dataset whose kept arrays (17 bytes per pixel per composite) exceed `maxBytes`
 * @throws AbortError when `signal` fires
 */
export function generateDataset(options: DatasetOptions): Composite[] {
  const run = datasetSteps('generateDataset', options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link generateDataset} that gives the event loop a turn (a macrotask, so timers run)
 * after every composite, so that `AbortSignal.timeout(ms)` fires and a UI or server stays
 * responsive. The same composites, bit for bit.
 *
 * @param options - see {@link DatasetOptions}
 * @returns a promise of the composites in order
 * @throws (rejects with) the errors of {@link generateDataset}; `AbortError` when `signal`
 *   fires, at the latest one composite after it does
 * @example
 * const data = await generateDatasetAsync({ count: 73, signal: AbortSignal.timeout(60_000) });
 */
export async function generateDatasetAsync(options: DatasetOptions): Promise<Composite[]> {
  const run = datasetSteps('generateDatasetAsync', options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** The loop of {@link generateDataset}, yielding after every composite. */
function* datasetSteps(fn: string, options: DatasetOptions): Generator<void, Composite[], void> {
  const { count, seed = 0, onProgress, signal, ...rest } = checkOptions(fn, options, DATASET_KEYS);
  assertNumber(fn, 'options.count', count, { integer: true, min: 0 });
  assertNumber(fn, 'options.seed', seed);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError(fn, 'options.onProgress', onProgress, 'a function');
  }
  assertSignal(fn, 'options.signal', signal);
  // every composite option (and one composite's size) is checked before the first composite
  const resolved = resolveCompositeOptions(fn, { ...rest, seed });
  const maxBytes = resolved.maxBytes;
  const pixels = resolved.shape.reduce((a, b) => a * b, 1);
  const kept = count * pixels * KEPT_BYTES_PER_PIXEL;
  if (kept > maxBytes) {
    throw new InvalidArgumentError(
      fn,
      'options.count',
      count,
      `a count whose composites fit options.maxBytes = ${maxBytes} (${formatBytes(maxBytes)}); ${count} composites of ${pixels} pixels keep ${formatBytes(kept)}`,
    );
  }
  const out: Composite[] = [];
  for (let i = 0; i < count; i++) {
    throwIfAborted(fn, signal);
    out.push(generateComposite({ ...rest, seed: seed + i }));
    onProgress?.(i + 1, count);
    if (i + 1 < count) yield;
  }
  return out;
}
