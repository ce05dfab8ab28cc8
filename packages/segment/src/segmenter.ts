import type { Image, NdArray, ProgressCallback } from '@mgraph/core';

/** Output of a {@link Segmenter}: the phase map and the per-class probabilities. */
export interface Segmentation {
  /** Phase codes (argmax of the probabilities), the image's shape. */
  readonly phases: NdArray<Uint8Array>;
  /**
   * Probability of each class, shape `[classes, ...image.shape]`: `probabilities.pick(c)`
   * is the map of class `c` over the whole image (2D or 3D).
   */
  readonly probabilities: NdArray<Float32Array>;
}

/** Per-call options of {@link Segmenter.segment}. */
export interface SegmentOptions {
  /** Cancels the work between batches of tiles (U-Net) or at the start (Otsu). */
  signal?: AbortSignal;
  /** Progress, overriding the segmenter's own `onProgress`. */
  onProgress?: ProgressCallback;
}

/**
 * Anything that turns an image into a phase map: the U-Net of {@link createSegmenter} and
 * the Otsu baseline of {@link otsuSegmenter} share this interface.
 */
export interface Segmenter {
  /** Number of classes (phase codes 0..classes-1). */
  readonly classes: number;
  /**
   * Segment a 2D `(rows, cols)` image or a 3D `(planes, rows, cols)` volume (any numeric
   * dtype, any strides). The input is not modified.
   */
  segment(image: Image, options?: SegmentOptions): Promise<Segmentation>;
}
