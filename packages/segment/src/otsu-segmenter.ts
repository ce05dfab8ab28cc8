import {
  assertNdim,
  assertNumber,
  CATHODE_SCHEME,
  checkOptions,
  flatData,
  type Image,
  InvalidArgumentError,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { assertElements, checkSegmentOptions } from './create-segmenter.js';
import type { Segmentation, Segmenter, SegmentOptions } from './segmenter.js';
import { digitize, thresholdMultiotsu } from './threshold-multiotsu.js';

/** Options of {@link otsuSegmenter}. */
export interface OtsuSegmenterOptions {
  /** Number of classes (intensity bands). Default 4 (`CATHODE_SCHEME`). */
  classes?: number;
  /**
   * Phase code of each intensity band, from the darkest band to the brightest: a
   * permutation of 0..classes-1. Default `[0, 3, 1, 2]`: pores darkest, then graphite, SSE,
   * and the bright NMC (the ordering of the mean intensities in `@mgraph/phantom` images).
   */
  order?: readonly number[];
  /** Histogram bins of the multi-Otsu search. Default 256. */
  nbins?: number;
}

/**
 * The classical baseline: multi-level Otsu thresholds on intensity
 * ({@link thresholdMultiotsu}, one set of thresholds per 2D image or per 3D volume), each
 * intensity band mapped to a phase by `order`. Behind the same {@link Segmenter} interface
 * as the U-Net, so the two can be compared with {@link meanIoU}; its probabilities are one-hot.
 *
 * @param options - `classes` (default 4), `order` (default `[0, 3, 1, 2]`), `nbins` (default 256)
 * @returns a {@link Segmenter}
 * @throws InvalidArgumentError when `order` is not a permutation of 0..classes-1; `segment`
 *   throws it for images that are not 2D/3D, hold NaN, or have too few grey levels
 *
 * @remarks
 * References: N. Otsu, IEEE Trans. SMC 9 (1979), doi:10.1109/TSMC.1979.4310076;
 * `skimage.filters.threshold_multiotsu`.
 */
export function otsuSegmenter(options: OtsuSegmenterOptions = {}): Segmenter {
  const fn = 'otsuSegmenter';
  options = checkOptions(fn, options, { classes: true, order: true, nbins: true });
  const classes = options.classes ?? CATHODE_SCHEME.phases.length;
  assertNumber(fn, 'options.classes', classes, { integer: true, min: 2, max: 32 });
  const order = options.order ?? (classes === 4 ? [0, 3, 1, 2] : range(classes));
  const sorted =
    Array.isArray(order) && order.every((v) => typeof v === 'number')
      ? [...order].sort((a, b) => a - b)
      : [];
  if (sorted.length !== classes || sorted.some((v, i) => v !== i)) {
    throw new InvalidArgumentError(
      fn,
      'options.order',
      order,
      `a permutation of 0..${classes - 1}`,
    );
  }
  const nbins = options.nbins ?? 256;
  assertNumber(fn, 'options.nbins', nbins, { integer: true, min: 2, max: 4096 });
  const segment = async (image: Image, callOptions: SegmentOptions = {}): Promise<Segmentation> => {
    const seg = 'otsuSegmenter.segment';
    const call = checkSegmentOptions(seg, callOptions);
    throwIfAborted(seg, call.signal);
    assertNdim(seg, 'image', image, [2, 3]);
    assertElements(
      seg,
      'image',
      image,
      classes * image.size,
      'an image with probabilities (classes x pixels)',
    );
    const thresholds = thresholdMultiotsu(image, { classes, nbins });
    const data = flatData(image);
    const size = data.length;
    const phases = new Uint8Array(size);
    const probabilities = new Float32Array(classes * size);
    for (let i = 0; i < size; i++) {
      const phase = order[digitize(data[i]!, thresholds)]!;
      phases[i] = phase;
      probabilities[phase * size + i] = 1;
    }
    call.onProgress?.(1, 1);
    const shape = image.shape.slice();
    return {
      phases: ndarray(phases, shape),
      probabilities: ndarray(probabilities, [classes, ...shape]),
    };
  };
  return { classes, segment };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
