/**
 * `@mgraph/io/node`: everything of `@mgraph/io`, plus readers and writers of file paths
 * and plane-by-plane streaming (Node.js only).
 *
 * @packageDocumentation
 */

export * from './index.js';
export { readNpy } from './read-npy.js';
export { readRaw } from './read-raw.js';
export { readTiff } from './read-tiff.js';
export { readTiffPlanes, type TiffPlane } from './read-tiff-planes.js';
export {
  readTiffSequence,
  type TiffSequenceReadOptions,
  type TiffSequenceWriteOptions,
  writeTiffSequence,
} from './tiff-sequence.js';
export { type TiffToZarrOptions, tiffToZarr } from './tiff-to-zarr.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { writeTiff } from './write-tiff.js';
export { ZarrDirectoryStore } from './zarr-directory-store.js';
export { openZarr, readZarr, writeZarr, type ZarrLocation } from './zarr-paths.js';
export { type ZarrToTiffOptions, zarrToTiff } from './zarr-to-tiff.js';
