import type { PhaseMap, PhaseScheme } from '@mgraph/core';
import type { ParticleDescriptors } from '@mgraph/electrochem';
import type {
  ChannelCategory,
  ConcurrentChannels,
  MicrostructureEdgeAttributes,
  MicrostructureGraphAttributes,
  MicrostructureNodeAttributes,
  TriplePhaseBoundaries,
} from '@mgraph/graph';
import type { NodeMetricsRow } from '@mgraph/stats';
import type { ParticleAccessibility } from '@mgraph/transport';
import type { InstanceSegmentationResult } from '@mgraph/watershed';
import type { UndirectedGraph } from 'graphology';

/** The three electrochemical descriptors of an active particle, in table order. */
export const DESCRIPTORS = ['soc', 'heterogeneity', 'polarization'] as const;

/** One of {@link DESCRIPTORS}. */
export type Descriptor = (typeof DESCRIPTORS)[number];

/**
 * Node attributes of the graph an analysis returns: those of `buildGraph` plus the
 * structural features computed from the graph (`tpbCount`, `concurrentChannel`, on every
 * node) and, on active nodes with valid descriptors, the descriptors (what a GNN reads as
 * features and targets).
 */
export interface AnalysisNodeAttributes extends MicrostructureNodeAttributes {
  /** Triple phase boundaries the node belongs to (0 when none, or when the scheme has no TPB). */
  tpbCount?: number;
  /** 1 when the node is an active particle with a concurrent ion / electron channel, else 0. */
  concurrentChannel?: number;
  /** Mean Ni K-edge energy (eV); only on active nodes with valid descriptors. */
  soc?: number;
  /** Standard deviation of the energies (eV); only on active nodes with valid descriptors. */
  heterogeneity?: number;
  /** Distance of the dominant peaks (eV); only on active nodes with valid descriptors. */
  polarization?: number;
  /** Reaches both the ionic and the electronic boundary; only on active nodes, with `options.transport`. */
  wired?: boolean;
  /** Resistance (ohm) to the ionic boundary; only on active nodes with an ionic path, with `options.transport`. */
  ionicResistance?: number;
  /** Resistance (ohm) to the electronic boundary; only on active nodes with an electronic path. */
  electronicResistance?: number;
  /** `1 / (ionicResistance + electronicResistance)` (A per V); only on wired active nodes. */
  accessCurrent?: number;
}

/** The microstructure graph of an analysis: `buildGraph`'s graph with {@link AnalysisNodeAttributes}. */
export type AnalysisGraph = UndirectedGraph<
  AnalysisNodeAttributes,
  MicrostructureEdgeAttributes,
  MicrostructureGraphAttributes
>;

/**
 * One active particle (an NMC particle of the cathode): identification, descriptors, TPB and
 * channel membership, and the graph metrics of `@mgraph/stats`' `nodeMetrics`. Plain data
 * (structured-cloneable, JSON-safe apart from NaN).
 */
export interface ParticleRow {
  /** Graph node key (`String(label)`). */
  node: string;
  /** Label in the instance map. */
  label: number;
  /** Phase name (the scheme's active phase). */
  phase: string;
  /** Pixel (voxel) count. */
  size: number;
  /** Mean energy (eV); NaN when the descriptors are invalid or there is no energy map. */
  soc: number;
  /** Standard deviation of the energies (eV); NaN when invalid. */
  heterogeneity: number;
  /** Distance of the dominant peaks (eV; 0 for one peak); NaN when invalid. */
  polarization: number;
  /** Whether the three descriptors were computed. */
  descriptorsValid: boolean;
  /** Why the descriptors are invalid (too few pixels in range, `no energy map`); empty when valid. */
  descriptorNote: string;
  /** Triple phase boundaries of the particle (0 when the scheme has none). */
  tpbCount: number;
  /** `tpbCount > 0`. */
  inTpb: boolean;
  /** Connection to other active particles: `'ionic-only'`, `'electronic-only'`, `'both'`, `'none'`. */
  channelCategory: ChannelCategory;
  /** Part of at least one concurrent ion / electron channel. */
  concurrentChannel: boolean;
  degree: NodeMetricsRow['degree'];
  weightedDegree: NodeMetricsRow['weightedDegree'];
  clustering: NodeMetricsRow['clustering'];
  betweenness: NodeMetricsRow['betweenness'];
  closeness: NodeMetricsRow['closeness'];
  eigenvector: NodeMetricsRow['eigenvector'];
  /** Neighbours of each object phase of the scheme (`scheme.objects` order), self excluded. */
  neighbors: Record<string, number>;
  /**
   * Resistance (ohm) from the particle to the ionic boundary (`particleAccessibility` of
   * `@mgraph/transport`); `null` without an ionic path. Present only with `options.transport`.
   */
  ionicResistance?: number | null;
  /** Resistance (ohm) to the electronic boundary; `null` without a path. Only with `options.transport`. */
  electronicResistance?: number | null;
  /** `1 / (ionicResistance + electronicResistance)`, A per V; `null` unless wired. Only with `options.transport`. */
  accessCurrent?: number | null;
  /** Reaches both boundaries. Only with `options.transport`. */
  wired?: boolean;
  /**
   * Wired, with an `accessCurrent` at or above the median of the wired particles of its
   * analysis; the others (unwired included) are poorly wired. Only with `options.transport`.
   */
  wellWired?: boolean;
}

/** One triple phase boundary (paper Fig. 3a), its first node being of the scheme's `tpb[0]` phase. */
export interface TpbRow {
  /** The three nodes, one per TPB phase, in the scheme's `tpb` order. */
  nodes: [string, string, string];
  /** Label of the first node (the active particle for the cathode). */
  label: number;
  /** Pixel count of the first node. */
  size: number;
  /** Sum of the three edge weights. */
  perimeter: number;
  /** `w(p0-p1) / w(p0-p2)`: NMC-SSE over NMC-graphite for the cathode. */
  interfaceRatio: number;
}

/** Seconds spent in each stage of an analysis (0 for a stage that did not run). */
export interface AnalysisTimings {
  segment: number;
  instances: number;
  graph: number;
  descriptors: number;
  metrics: number;
  /** The accessibility solves; only with `options.transport`. */
  transport?: number;
}

/** Everything {@link analyzeImage} computes for one image or volume. */
export interface ImageAnalysis {
  /** The phase scheme used. */
  scheme: PhaseScheme;
  /** The active phase whose particles are the rows. */
  active: string;
  /** Image shape, `[rows, cols]` or `[planes, rows, cols]`. */
  shape: number[];
  /** The phase map: as given, or the segmenter's. */
  phases: PhaseMap;
  /** `instanceSegmentation`'s result: labels, phase of each label, counts. */
  instances: InstanceSegmentationResult;
  /** The contact graph, annotated (see {@link AnalysisNodeAttributes}). */
  graph: AnalysisGraph;
  /** Triple phase boundaries, or `null` when the scheme declares none. */
  tpb: TriplePhaseBoundaries | null;
  /** Concurrent ion / electron channels between active particles. */
  channels: ConcurrentChannels;
  /** Descriptors of every active particle, or `null` without an energy map. */
  descriptors: ParticleDescriptors[] | null;
  /** Graph metrics of every active particle, in graph node order. */
  metrics: NodeMetricsRow[];
  /** One row per active particle, in graph node order. */
  particles: ParticleRow[];
  /** One row per TPB (empty when the scheme has none). */
  tpbs: TpbRow[];
  /** `particleAccessibility` of the active particles (boundaries, solves); only with `options.transport`. */
  accessibility?: ParticleAccessibility;
  /** Conditions that make parts of the result empty or meaningless (no TPB phase, no active particle...). */
  warnings: string[];
  /** Seconds per stage. */
  seconds: AnalysisTimings;
}
