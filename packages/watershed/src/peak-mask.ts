import type { NdArray } from '@mgraph/core';
import { binaryOpening, maximumFilter } from '@mgraph/ndimage';
import ndarray from 'ndarray';
import type { FloatData } from './float-data.js';
import { windowMaxima } from './window-maxima.js';

/**
 * The window of {@link getPeakMask}: the `(2 box + 1)^ndim` box of `minDistance`, or a
 * footprint ndarray (`size` = its number of elements).
 *
 * @internal
 */
export type PeakFootprint = { box: number } | { footprint: NdArray; size: number };

/**
 * Candidate peaks of an image (or of a label's crop, `mask` = the label), as scikit-image's
 * `_get_peak_mask`: the elements equal to `maximum_filter(image, footprint, mode='constant')`
 * and above `threshold`. A "trivial" image (every element of `mask`, or of the image, equals
 * its window maximum: a plateau) has no peak, except the elements of `mask` that a binary
 * opening removes (isolated pixels, one-pixel-wide lines).
 *
 * For a box window the maximum filter is replaced by direct window tests
 * ({@link windowMaxima}) unless plateaus make those dearer.
 *
 * @param image - row-major values of `shape`
 * @param mask - 1 = element of the label (crops only)
 * @returns 1 = candidate peak
 * @internal
 */
export function getPeakMask(
  image: FloatData,
  shape: readonly number[],
  fp: PeakFootprint,
  threshold: number,
  mask?: Uint8Array,
): Uint8Array {
  const n = image.length;
  const size = 'box' in fp ? (2 * fp.box + 1) ** shape.length : fp.size;
  if (size === 1 || n === 1) return aboveThreshold(image, threshold, new Uint8Array(n).fill(1));
  const direct = 'box' in fp ? windowMaxima(image, shape, fp.box, threshold, mask) : undefined;
  const { out, trivial } = direct ?? equalsMaximumFilter(image, shape, fp, mask);
  if (trivial) {
    out.fill(0);
    if (mask !== undefined) {
      const opened = binaryOpening(ndarray(mask, shape.slice())).data;
      for (let i = 0; i < n; i++) if (mask[i] !== opened[i]) out[i] = 1;
    }
  }
  // windowMaxima applied the threshold already
  return trivial || direct === undefined ? aboveThreshold(image, threshold, out) : out;
}

/** `image == maximum_filter(image, footprint, mode='constant')`, and whether that holds everywhere in `mask`. */
function equalsMaximumFilter(
  image: FloatData,
  shape: readonly number[],
  fp: PeakFootprint,
  mask: Uint8Array | undefined,
): { out: Uint8Array; trivial: boolean } {
  const window = 'box' in fp ? { size: 2 * fp.box + 1 } : { footprint: fp.footprint };
  const max = maximumFilter(ndarray(image, shape.slice()), { ...window, mode: 'constant' })
    .data as Float64Array;
  const out = new Uint8Array(image.length);
  let trivial = true;
  for (let i = 0; i < image.length; i++) {
    out[i] = image[i] === max[i] ? 1 : 0;
    if (out[i] === 0 && (mask === undefined || mask[i] !== 0)) trivial = false;
  }
  return { out, trivial };
}

/** `out &= image > threshold`, in place. */
function aboveThreshold(image: FloatData, threshold: number, out: Uint8Array): Uint8Array {
  for (let i = 0; i < image.length; i++) if (!(image[i]! > threshold)) out[i] = 0;
  return out;
}
