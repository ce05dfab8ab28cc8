/**
 * `@mgraph/ndimage`: the `scipy.ndimage` primitives the mgraph packages share, under
 * scipy's names: `maximumFilter`, binary erosion / dilation / opening, `findObjects` and
 * Gaussian filters, for ndarrays of any dimension, each tested against scipy.
 *
 * @packageDocumentation
 */

export { binaryDilation } from './binary-dilation.js';
export { type BinaryMorphologyOptions, binaryErosion } from './binary-erosion.js';
export { binaryOpening } from './binary-opening.js';
export type { ExtendMode } from './extend-mode.js';
export { type BoundingBox, type FindObjectsOptions, findObjects } from './find-objects.js';
export { type GaussianFilterOptions, gaussianFilter } from './gaussian-filter.js';
export { type GaussianFilter1dOptions, gaussianFilter1d } from './gaussian-filter1d.js';
export { type GaussianKernelOptions, gaussianKernel1d } from './gaussian-kernel1d.js';
export { generateBinaryStructure } from './generate-binary-structure.js';
export { type MaximumFilterOptions, maximumFilter } from './maximum-filter.js';
export { type MaximumFilter1dOptions, maximumFilter1d } from './maximum-filter1d.js';
