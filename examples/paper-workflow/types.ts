/**
 * The data that crosses between the workflow's stages (and between worker threads, so every
 * type here is structured-cloneable: plain objects, numbers, strings, typed arrays). What is
 * computed per image is `@mgraph/pipeline`'s; the types here add where an image comes from,
 * the phantom truth, and the shapes of the files and figures.
 */
import type { ChannelCategory } from '@mgraph/graph';
import type { GraphFidelity, ParticleRow } from '@mgraph/pipeline';
import type { UNetChoice } from './segmenters.js';

/** The phantom presets: the paper twin (`paperTwinOptions` of @mgraph/phantom) or the dense defaults. */
export type PhantomPreset = 'twin' | 'dense';

/** Where one image comes from. */
export type ImageSource =
  | { kind: 'phantom'; seed: number; shape: number[]; preset: PhantomPreset }
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
  /** Which U-Net (a model file or a shipped model; see `unetChoice`). */
  unet: UNetChoice;
  /** Graph adjacency window (the paper's 7). */
  window: number;
  /** Minimum object size in pixels kept by instance segmentation. */
  minSize: number;
}

/** An NMC particle of one image: the pipeline's row and the phantom truth it matches. */
export interface ImageParticle extends ParticleRow {
  /** Ground-truth particle with the largest overlap (phantoms; 0 when none). */
  truthLabel: number;
  truthSoc: number;
  truthHeterogeneity: number;
  truthPolarization: number;
}

/**
 * A row of `particles.csv`: the image and its status, the particle's row with one column per
 * neighbour phase instead of the `neighbors` record, and the matched truth. A failed image
 * has one row with its reason and NaN / empty cells.
 */
export interface ParticleCsvRow
  extends Omit<ImageParticle, 'node' | 'phase' | 'neighbors' | 'channelCategory'> {
  image: string;
  status: 'ok' | 'failed';
  error: string;
  /** Empty for a failed image. */
  channelCategory: ChannelCategory | '';
  /** Neighbours of each cathode phase (`neighbors` of the row, one column per phase). */
  nmcNeighbors: number;
  sseNeighbors: number;
  graphiteNeighbors: number;
}

/** One triple phase boundary (paper Fig. 3a), a row of `tpbs.csv`. */
export interface TpbCsvRow {
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
  particles: ImageParticle[];
  tpbs: TpbCsvRow[];
  /** The microstructure graph (graphology JSON text) with descriptors on NMC nodes. */
  graph: string;
  /** Rasters for the example-image figure (dropped by the workflow after the first). */
  example: ExampleRasters | null;
  /** Seconds per step. */
  timings: Record<string, number>;
  /**
   * The graph of the segmented image against the graph of its true phase map (same
   * pipeline), when the image has a truth and was segmented; null otherwise.
   */
  fidelity: GraphFidelity | null;
}

/** A failed image: its name and why. */
export interface ImageFailure {
  name: string;
  reason: string;
}

/** A row of `images.csv`: one per input image, failed ones with their reason. */
export interface ImageRow {
  image: string;
  status: 'ok' | 'failed';
  error: string;
  miou: number | null;
  iouBackground: number | null;
  iouSse: number | null;
  iouNmc: number | null;
  iouGraphite: number | null;
  nodes: number | null;
  edges: number | null;
  nmcParticles: number | null;
  tpbs: number | null;
  seconds: number | null;
}

/** A node of the Fig. 2 overlay, in pixel coordinates of the rasters. */
export interface OverlayNode {
  id: string;
  phase: string;
  row: number;
  col: number;
  size: number;
}

/** An edge of the Fig. 2 overlay, between two node centroids. */
export interface OverlayEdge {
  row: number;
  col: number;
  row2: number;
  col2: number;
  weight: number;
}

/** One predicted node value of the GNN (Fig. 6b-d). */
export interface PredictionPoint {
  target: string;
  truth: number;
  prediction: number;
}
