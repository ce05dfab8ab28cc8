import { assertNdarray, type LabelImage, type PhaseMap } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';
import type { CompositeTruth } from './generate-composite.js';

/** File names `writeCompositeFiles` (`@mgraph/phantom/node`) writes in a sample directory. */
export const COMPOSITE_FILES = Object.freeze({
  image: 'image.tif',
  phases: 'phases.tif',
  instances: 'instances.tif',
  energy: 'energy.tif',
  truth: 'truth.json',
});

/**
 * Quantise [0, 1] intensities to uint16 (`round(65535 v)`, clipped), the format of X-ray
 * detectors and of `image.tif`.
 *
 * @param image - float ndarray of intensities in [0, 1], any strides
 * @returns a new uint16 ndarray of the same shape
 */
export function toUint16(image: NdArray): NdArray<Uint16Array> {
  assertNdarray('toUint16', 'image', image);
  const out = new Uint16Array(image.size);
  const shape = image.shape.slice();
  const view = ndarray(out, shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < image.size; k++) {
    const v = image.get(...index) as number;
    out[k] = Math.round(65535 * Math.min(1, Math.max(0, Number.isNaN(v) ? 0 : v)));
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
    }
  }
  return view;
}

/** What `readCompositeFiles` (`@mgraph/phantom/node`) returns. */
export interface CompositeFiles {
  /** uint16 intensities (65535 = 1). */
  image: NdArray<Uint16Array>;
  phases: PhaseMap;
  instances: LabelImage;
  phaseOfLabel: Uint8Array;
  energy: NdArray<Float32Array>;
  truth: CompositeTruth;
}
