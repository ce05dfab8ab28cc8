/**
 * `@mgraph/watershed`: exact Euclidean distance transform, connected components,
 * peak_local_max, marker watershed with scikit-image parity, region properties (solidity),
 * convexity-refined splitting of touching particles and instance segmentation of a phase
 * map, in 2D and 3D.
 *
 * @packageDocumentation
 */

export { convexHullImage } from './convex-hull-image.js';
export { DEFAULT_CONVEXITY_THRESHOLD } from './convexity-threshold.js';
export { type DistanceTransformOptions, distanceTransformEdt } from './distance-transform-edt.js';
export {
  type InstanceSegmentationOptions,
  type InstanceSegmentationResult,
  instanceSegmentation,
} from './instance-segmentation.js';
export { type LabelOptions, type LabelResult, label } from './label.js';
export { type PeakLocalMaxOptions, peakLocalMax } from './peak-local-max.js';
export { peaksToMarkers } from './peaks-to-markers.js';
export { type RegionProperties, type RegionPropsOptions, regionProps } from './region-props.js';
export {
  type SplitTouchingOptions,
  type SplitTouchingResult,
  splitTouching,
} from './split-touching.js';
export { type WatershedOptions, watershed } from './watershed.js';
