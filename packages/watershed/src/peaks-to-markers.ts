import { InvalidArgumentError } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';

/** Largest marker image, in elements (int32 labels, one typed array). */
const MAX_ELEMENTS = 2 ** 31 - 1;

/**
 * Marker image of a list of peaks, for {@link watershed}: an int32 image of `shape`, 0
 * everywhere except label `i + 1` at peak `i`. This is what scikit-image users write as
 * `markers = np.zeros(shape, np.int32); markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)`
 * (or `ndi.label` of the peak mask, when no two peaks touch) with the coordinates returned by
 * {@link peakLocalMax}. A peak listed twice keeps the label of its last listing, as numpy's
 * fancy assignment does.
 *
 * @param peaks - peak coordinates, `[row, col]` (2D) or `[plane, row, col]` (3D) each, as
 *   returned by {@link peakLocalMax}; integers inside `shape`
 * @param shape - shape of the marker image (that of the image to flood), 2 or 3 non-negative
 *   integers
 * @returns a C-order int32 ndarray of `shape`, labels 1..peaks.length
 * @throws InvalidArgumentError when `shape` is not 2 or 3 non-negative integers (or more than
 *   2^31 - 1 elements), `peaks` is not an array of coordinate arrays, a peak has the wrong
 *   number of coordinates, or a coordinate is not an integer inside `shape`
 * @example
 * const markers = peaksToMarkers(peakLocalMax(edt, { minDistance: 5 }), edt.shape);
 * const labels = watershed(negatedEdt, markers, { mask });
 */
export function peaksToMarkers(
  peaks: readonly (readonly number[])[],
  shape: readonly number[],
): NdArray<Int32Array> {
  const fn = 'peaksToMarkers';
  if (
    !Array.isArray(shape) ||
    (shape.length !== 2 && shape.length !== 3) ||
    !shape.every((n) => Number.isSafeInteger(n) && n >= 0)
  ) {
    throw new InvalidArgumentError(
      fn,
      'shape',
      shape,
      'an array of 2 or 3 non-negative integers (2D [rows, cols] or 3D [planes, rows, cols])',
    );
  }
  const size = shape.reduce((p, n) => p * n, 1);
  if (size > MAX_ELEMENTS) {
    throw new InvalidArgumentError(
      fn,
      'shape',
      shape,
      `a shape of at most ${MAX_ELEMENTS} elements (this one has ${size})`,
    );
  }
  if (!Array.isArray(peaks)) {
    throw new InvalidArgumentError(
      fn,
      'peaks',
      peaks,
      'an array of peak coordinates (as returned by peakLocalMax)',
    );
  }
  if (peaks.length > MAX_ELEMENTS) {
    throw new InvalidArgumentError(
      fn,
      'peaks',
      peaks,
      `at most ${MAX_ELEMENTS} peaks (int32 labels)`,
    );
  }
  const ndim = shape.length;
  const stride = new Array<number>(ndim);
  for (let d = ndim - 1, s = 1; d >= 0; d--) {
    stride[d] = s;
    s *= shape[d]!;
  }
  const data = new Int32Array(size);
  for (let i = 0; i < peaks.length; i++) {
    const peak = peaks[i];
    if (!Array.isArray(peak) || peak.length !== ndim) {
      throw new InvalidArgumentError(
        fn,
        `peaks[${i}]`,
        peak,
        `an array of ${ndim} coordinates (${ndim === 2 ? '[row, col]' : '[plane, row, col]'}) for shape [${shape.join(', ')}]`,
      );
    }
    let offset = 0;
    for (let d = 0; d < ndim; d++) {
      const x = peak[d];
      if (!(Number.isInteger(x) && x >= 0 && x < shape[d]!)) {
        throw new InvalidArgumentError(
          fn,
          `peaks[${i}][${d}]`,
          x,
          `an integer in 0..${shape[d]! - 1} (axis ${d} of shape [${shape.join(', ')}])`,
        );
      }
      offset += x * stride[d]!;
    }
    data[offset] = i + 1;
  }
  return ndarray(data, shape.slice());
}
