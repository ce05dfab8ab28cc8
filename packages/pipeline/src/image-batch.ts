import { assertNumber, checkOptions, type TaskSpec } from '@mgraph/core';
import type { CompositeOptions } from '@mgraph/phantom';
import type { ImageTaskInput } from './image-task.js';

/** Options of {@link phantomImageBatch}. */
export interface PhantomImageBatchOptions {
  /** Seed of the first image; image `i` has seed `firstSeed + i`. Default 0. */
  firstSeed?: number;
  /** Phantom options shared by every image (its `seed` is set per image). Default `{ shape: [128, 128] }`. */
  phantom?: Omit<CompositeOptions, 'seed'>;
  /** The task's segmenter. Default `'otsu'`. */
  segmenter?: ImageTaskInput['segmenter'];
  /** `analyzeImage` options of every task. Default none (its defaults). */
  options?: ImageTaskInput['options'];
}

/**
 * A batch of generated 2D images as tasks of `@mgraph/pipeline/tasks`: `count` phantoms with
 * consecutive seeds, each an `analyzeImage` task keyed `image-<seed>`. The batch every
 * executor's test and benchmark runs (in-thread, pool, BullMQ), so their outcomes can be
 * compared.
 *
 * @param count - number of images (an integer >= 0).
 * @param options - `firstSeed` (0), `phantom` (`{ shape: [128, 128] }`), `segmenter`
 *   (`'otsu'`), `options` (none).
 * @returns `count` task specs.
 * @throws InvalidArgumentError when `count` or `firstSeed` is not an integer >= 0.
 */
export function phantomImageBatch(
  count: number,
  options: PhantomImageBatchOptions = {},
): TaskSpec<ImageTaskInput>[] {
  const fn = 'phantomImageBatch';
  assertNumber(fn, 'count', count, { integer: true, min: 0 });
  const {
    firstSeed = 0,
    phantom = { shape: [128, 128] },
    segmenter = 'otsu',
    options: analyze,
  } = checkOptions(fn, options, { firstSeed: true, phantom: true, segmenter: true, options: true });
  assertNumber(fn, 'options.firstSeed', firstSeed, { integer: true, min: 0 });
  return Array.from({ length: count }, (_, i) => {
    const seed = firstSeed + i;
    return {
      kind: 'analyzeImage',
      key: `image-${seed}`,
      input: {
        source: { kind: 'phantom', options: { ...phantom, seed } },
        segmenter,
        ...(analyze ? { options: analyze } : {}),
      },
    };
  });
}
