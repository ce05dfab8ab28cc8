/**
 * Pool worker of the paper workflow: one image per task message (see `image-task.ts`).
 */
import { processImage } from './image-task.js';
import { serveTasks } from './serve-tasks.js';
import type { ImageResult, ImageTask, WorkerSettings } from './types.js';

serveTasks<ImageTask, ImageResult>((task, settings) =>
  processImage(task, settings as WorkerSettings),
);
