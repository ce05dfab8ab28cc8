/**
 * The data that crosses between the workflow's steps (and between worker threads, so every
 * type here is structured-cloneable: plain objects, numbers, strings, typed arrays).
 */
import type { NodeMetricsRow } from '@mgraph/stats';

/** Where one image comes from. */
export type ImageSource =
  | { kind: 'phantom'; seed: number; shape: number[] }
  | { kind: 'files'; image: string; phases?: string; energy?: string };

/** Which segmenter turns the X-ray image into a phase map. */
export type SegmenterKind = 'unet' | 'otsu' | 'truth';

/** One task of the worker pool: one image. */
export interface ImageTask {
  /** Position in the batch. */
  index: number;
  /** Name used in tables and file names (phantom-<seed> or the TIFF's base name). */
  name: string;
  source: ImageSource;
}

/** Settings shared by all workers. */
export interface WorkerSettings {
  segmenter: SegmenterKind;
  /** ONNX model path (default: the model shipped with @mgraph/segment). */
  modelPath?: string;
  /** Graph adjacency window (the paper's 7). */
  window: number;
  /** Minimum object size in pixels kept by instance segmentation. */
  minSize: number;
}

/**
 * The per-NMC-particle row of `particles.csv`: identification, descriptors, TPB / channel
 * membership, the graph metrics of @mgraph/stats' `nodeMetrics`, and the matched truth.
 */
export interface ParticleRow extends Omit<NodeMetricsRow, 'node' | 'phase' | 'neighbors'> {
  image: string;
  status: 'ok' | 'failed';
  error: string;
  label: number;
  size: number;
  soc: number;
  heterogeneity: number;
  polarization: number;
  descriptorsValid: boolean;
  /** Why the descriptors are invalid (too few pixels in range, no energy map); empty when valid. */
  descriptorNote: string;
  tpbCount: number;
  inTpb: boolean;
  channelCategory: string;
  concurrentChannel: boolean;
  /** Ground-truth particle with the largest overlap (phantoms; 0 when none). */
  truthLabel: number;
  truthSoc: number;
  truthHeterogeneity: number;
  truthPolarization: number;
  /** Neighbours of each cathode phase (`nodeMetrics`' `neighbors`, one column per phase). */
  nmcNeighbors: number;
  sseNeighbors: number;
  graphiteNeighbors: number;
}

/** One triple phase boundary (paper Fig. 3a). */
export interface TpbRow {
  image: string;
  nmc: number;
  nmcSize: number;
  perimeter: number;
  interfaceRatio: number;
}

/** Rasters of the example image (paper Fig. 2), already downsampled for display. */
export interface ExampleRasters {
  rows: number;
  cols: number;
  /** Subsampling step from the original image (centroids are divided by it). */
  step: number;
  image: Float32Array;
  phases: Uint8Array;
  labels: Int32Array;
}

/** Everything the workflow keeps of one processed image. */
export interface ImageResult {
  name: string;
  shape: number[];
  /** Segmentation against the truth phase map, when one exists. */
  miou: number | null;
  classIoU: number[] | null;
  nodeCount: number;
  edgeCount: number;
  particles: ParticleRow[];
  tpbs: TpbRow[];
  /** The microstructure graph (graphology JSON text) with descriptors on NMC nodes. */
  graph: string;
  /** Rasters for the example-image figure (dropped by the workflow after the first). */
  example: ExampleRasters | null;
  /** Seconds per step. */
  timings: Record<string, number>;
}

/** A failed image: its name and why. */
export interface ImageFailure {
  name: string;
  reason: string;
}
