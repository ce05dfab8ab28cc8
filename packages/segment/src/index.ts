/**
 * `@mgraph/segment`: semantic segmentation of X-ray images into phase maps. A U-Net
 * inference adapter over `onnxruntime-common` (runs with `onnxruntime-node` and
 * `onnxruntime-web`) with tiling and blending, the shipped dual-attention U-Net (its card
 * read by `segmenterFromCard`; `loadUNet` of `@mgraph/segment/node` opens the shipped files
 * in Node), a multi-level Otsu baseline behind the same interface, and mIoU. The main entry
 * imports no Node built-in and no runtime backend, so it bundles for the browser.
 *
 * @packageDocumentation
 */

export {
  createSegmenter,
  type Normalize,
  type OnnxSegmenter,
  type SegmenterOptions,
} from './create-segmenter.js';
export { type MeanIoUOptions, type MeanIoUResult, meanIoU } from './mean-iou.js';
export { type OtsuSegmenterOptions, otsuSegmenter } from './otsu-segmenter.js';
export type { Segmentation, Segmenter, SegmentOptions } from './segmenter.js';
export {
  type CardSegmenter,
  type SegmenterFromCardOptions,
  segmenterFromCard,
  type UNetCard,
} from './segmenter-from-card.js';
export { type MultiotsuOptions, thresholdMultiotsu } from './threshold-multiotsu.js';
export { type AxisPlan, type PlanAxisOptions, planAxis } from './tile-plan.js';
