/**
 * `@mgraph/blocks/node`: everything of `@mgraph/blocks`, and the runner that analyses a Zarr
 * volume block by block on an executor (it opens stores: Node only).
 *
 * @packageDocumentation
 */

export {
  type AnalyzeVolumeBlockwiseOptions,
  analyzeVolumeBlockwise,
  BlockTaskError,
  type BlockwiseTpb,
  type VolumeBlockwiseResult,
} from './analyze-volume-blockwise.js';
export * from './index.js';
export {
  type InstanceNode,
  type SegmentVolumeBlockwiseOptions,
  segmentVolumeBlockwise,
  type VolumeGraphBlockwise,
} from './segment-volume-blockwise.js';
export type { BlockMorphologyInput, BlockMorphologyOutput } from './tasks.js';
export type { VolumeSource } from './volume-source.js';
