/**
 * `@mgraph/pipeline/tasks`: the pipeline's task module for the executors of
 * `@mgraph/executor` (in-thread, worker pool, BullMQ). Its default export holds the
 * `analyzeImage` task (one 2D image or 3D volume, generated or read from TIFF files, to its
 * result rows); {@link phantomImageBatch} builds a batch of such tasks. Node only (it reads
 * files).
 *
 * @packageDocumentation
 */
import { defineTasks } from '@mgraph/core';
import { analyzeImageTask } from './image-task.js';

export { type PhantomImageBatchOptions, phantomImageBatch } from './image-batch.js';
export {
  analyzeImageTask,
  type ImageTaskInput,
  type ImageTaskResult,
  type ImageTaskSource,
} from './image-task.js';

/** The pipeline's tasks by kind: `analyzeImage` ({@link analyzeImageTask}). */
export default defineTasks({ analyzeImage: analyzeImageTask });
