/**
 * `@mgraph/electrochem`: per-particle Ni K-edge energy histograms, SciPy-compatible peak
 * finding, SOC / heterogeneity / polarization descriptors and XANES edge-energy maps.
 *
 * @packageDocumentation
 */

export { type EdgeEnergyMap, type EdgeEnergyMapOptions, edgeEnergyMap } from './edge-energy-map.js';
export {
  type DescriptorOptions,
  type DominantPeak,
  electrochemicalDescriptors,
  type ParticleDescriptors,
} from './electrochemical-descriptors.js';
export {
  type ConditionBound,
  type FindPeaksOptions,
  type FindPeaksResult,
  findPeaks,
  type PeakCondition,
  type PeakProperties,
} from './find-peaks.js';
export {
  type ParticleHistogram,
  type ParticleHistogramOptions,
  particleEnergyHistograms,
} from './particle-energy-histograms.js';
export {
  type PeakDistance,
  type PeakDistanceOptions,
  type PeakDistanceRule,
  peakDistance,
} from './peak-distance.js';
export {
  type PeakProminences,
  type PeakProminencesOptions,
  peakProminences,
} from './peak-prominences.js';
export { type PeakWidths, type PeakWidthsOptions, peakWidths } from './peak-widths.js';
export type { Signal } from './signal-input.js';
export {
  DEFAULT_SMOOTHING,
  type HistogramSmoothing,
  type SmoothHistogramOptions,
  smoothHistogram,
} from './smooth-histogram.js';
