/**
 * The image batch every executor's benchmark runs: 1,000 generated 96 x 96 phantoms through
 * `@mgraph/pipeline/tasks`' `analyzeImage` (multi-Otsu segmentation, instances, graph, TPBs,
 * channels, descriptors, metrics). Shared so that the pool and the BullMQ runs compare the
 * same outcomes (`hashOutcomes`).
 */
import type { TaskSpec } from '@mgraph/core';
import { type ImageTaskInput, phantomImageBatch } from '@mgraph/pipeline/tasks';

/** Images in the benchmark batch. */
export const BENCH_IMAGES = 1000;

/** The benchmark batch: `count` (default 1,000) phantoms of 96 x 96 pixels, seeds 0.. */
export function benchImageBatch(count = BENCH_IMAGES): TaskSpec<ImageTaskInput>[] {
  return phantomImageBatch(count, { phantom: { shape: [96, 96] } });
}
