/**
 * `@mgraph/pipeline`: the paper's composition as a library. An X-ray image (with a
 * segmenter) or a phase map, 2D or 3D, goes through instance segmentation, the contact
 * graph, triple phase boundaries, concurrent ion / electron channels, electrochemical
 * descriptors and graph metrics to one typed row per active particle; the statistics
 * tables (Welch, two-way ANOVA, Pearson) are computed from those rows.
 *
 * @packageDocumentation
 */

export {
  type AnalyzeImageOptions,
  analyzeImage,
  analyzePhaseMap,
  analyzeVolume,
  type ImageInput,
} from './analyze-image.js';
export {
  type GraphFidelity,
  type GraphFidelityInput,
  graphFidelity,
  type MatchScore,
  matchScore,
  poolGraphFidelity,
} from './graph-fidelity.js';
export { type InstanceMap, matchInstances } from './match-instances.js';
export type { AnalysisTransportOptions } from './particle-accessibility.js';
export {
  type AnovaRow,
  type AnovaTableOptions,
  anovaTable,
  defaultMetrics,
  GRAPH_METRICS,
  type ParticleFeature,
  type PearsonRow,
  type PearsonTableOptions,
  pearsonTable,
  type StatisticsParticle,
  type StatisticsTables,
  type StatisticsTablesOptions,
  statisticsTables,
  validParticles,
  type WelchRow,
  type WelchTableOptions,
  welchTable,
} from './statistics.js';
export {
  type AnalysisGraph,
  type AnalysisNodeAttributes,
  type AnalysisTimings,
  DESCRIPTORS,
  type Descriptor,
  type ImageAnalysis,
  type ParticleRow,
  type TpbRow,
} from './types.js';
