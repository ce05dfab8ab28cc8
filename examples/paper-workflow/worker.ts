/**
 * The paper workflow's task module for `@mgraph/executor`'s pool: one `image` task per image
 * (see `image-task.ts`), its input the image task and the settings shared by the batch.
 */
import { defineTasks } from '@mgraph/core';
import { processImage } from './image-task.js';
import type { ImageTask, WorkerSettings } from './types.js';

/** Input of the `image` task. */
export interface ImageTaskInput {
  task: ImageTask;
  settings: WorkerSettings;
}

export default defineTasks({
  image: ({ task, settings }: ImageTaskInput) => processImage(task, settings),
});
