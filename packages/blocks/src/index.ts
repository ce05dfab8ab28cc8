/**
 * `@mgraph/blocks`: volumes processed block by block. A block plan with halos, connected
 * components and adjacency counts per block, and the stitching / merging that makes them
 * identical to the whole-volume results.
 *
 * @packageDocumentation
 */

export {
  type AdjacencyCountsBlockwiseOptions,
  adjacencyCountsBlockwise,
} from './adjacency-counts-blockwise.js';
export {
  type ActiveTpbPartial,
  type BlockActiveTpbOptions,
  blockActiveTpb,
  TPB_GROUP_SIZE,
} from './block-active-tpb.js';
export { type BlockAdjacencyOptions, blockAdjacencyCounts } from './block-adjacency-counts.js';
export {
  type BlockMeasuresOptions,
  blockMeasures,
  type MeasuresPartial,
  measuresBox,
} from './block-measures.js';
export { type Block, type BlockPlan, type BlockPlanOptions, blockPlan } from './block-plan.js';
export { blockRegionSums, type RegionSumsPartial } from './block-region-sums.js';
export { type InstanceAgreement, instanceAgreement } from './instance-agreement.js';
export {
  type InstanceSegmentationBlockwiseOptions,
  instanceSegmentationBlockwise,
} from './instance-segmentation-blockwise.js';
export { type LabelBlockOptions, type LabelPartial, labelBlock } from './label-block.js';
export { type LabelBlockwiseOptions, labelBlockwise } from './label-blockwise.js';
export {
  type ActiveTpbFigures,
  type MergeActiveTpbOptions,
  mergeActiveTpb,
} from './merge-active-tpb.js';
export { mergeAdjacencyCounts } from './merge-adjacency-counts.js';
export {
  type MergedMeasures,
  type MergeMeasuresOptions,
  mergeMeasures,
  type TpbFigures,
} from './merge-measures.js';
export {
  type MergePhaseConnectivityOptions,
  mergePhaseConnectivity,
} from './merge-phase-connectivity.js';
export { mergeRegionSums, type RegionSums } from './merge-region-sums.js';
export {
  type PhaseComponentsPartial,
  type PhaseLabelPartial,
  phaseLabelBlock,
} from './phase-label-block.js';
export {
  SEGMENT_BLOCK_KEYS,
  type SegmentBlockOptions,
  type SegmentPartial,
  segmentBlock,
} from './segment-block.js';
export { DEFAULT_PARTICLE_RADIUS, segmentHalo } from './segment-halo.js';
export { type LabelStitch, stitchLabels } from './stitch-labels.js';
export {
  type SegmentStitch,
  type StitchSegmentsOptions,
  stitchSegments,
} from './stitch-segments.js';
export type { UnitOptions } from './unit-options.js';
