/**
 * `@mgraph/segment`: semantic segmentation of X-ray images into phase maps. A U-Net
 * inference adapter over `onnxruntime-common` (runs with `onnxruntime-node` and
 * `onnxruntime-web`) with tiling and blending, the shipped dual-attention U-Net
 * (`loadUNet`, Node), a multi-level Otsu baseline behind the same interface, and mIoU.
 *
 * @packageDocumentation
 */

export {
  createSegmenter,
  type Normalize,
  type OnnxSegmenter,
  type SegmenterOptions,
} from './create-segmenter.js';
export { type LoadUNetOptions, loadUNet, type UNetCard, type UNetSegmenter } from './load-unet.js';
export { type MeanIoUOptions, type MeanIoUResult, meanIoU } from './mean-iou.js';
export { type OtsuSegmenterOptions, otsuSegmenter } from './otsu-segmenter.js';
export type { Segmentation, Segmenter, SegmentOptions } from './segmenter.js';
export { type MultiotsuOptions, thresholdMultiotsu } from './threshold-multiotsu.js';
export { type AxisPlan, type PlanAxisOptions, planAxis } from './tile-plan.js';
