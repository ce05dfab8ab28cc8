/**
 * `@mgraph/segment/node`: everything of `@mgraph/segment`, plus `loadUNet`, which opens
 * the shipped U-Net (or another model with its card) from files with `onnxruntime-node`
 * (Node.js only).
 *
 * @packageDocumentation
 */

export * from './index.js';
export {
  type LoadUNetOptions,
  loadUNet,
  type ShippedModel,
  type UNetSegmenter,
} from './load-unet.js';
