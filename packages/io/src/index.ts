/**
 * `@mgraph/io`: decoders and encoders from and to bytes (browser-safe: no Node built-in
 * is imported). File paths and plane-by-plane streaming are in `@mgraph/io/node`.
 *
 * @packageDocumentation
 */

export { decodeNpy, type NpyHeader } from './decode-npy.js';
export { decodeRaw, type RawOptions } from './decode-raw.js';
export { decodeTiff } from './decode-tiff.js';
export type { IoDtype } from './dtype.js';
export { encodePng, type PngOptions } from './encode-png.js';
export { encodeTiff, type TiffWriteOptions } from './encode-tiff.js';
export {
  openZarr,
  type ZarrInfo,
  type ZarrOpenOptions,
  type ZarrRegionOptions,
  type ZarrVolume,
} from './open-zarr.js';
export { readZarr, type ZarrImage, type ZarrReadOptions } from './read-zarr.js';
export type { TiffImage } from './tiff-image.js';
export type { TiffMetadataFormat } from './tiff-metadata.js';
export type { TiffInfo, TiffReadOptions } from './tiff-plan.js';
export { writeZarr, type ZarrWriteOptions } from './write-zarr.js';
export { createZarrWriter, type ZarrChunkWriter } from './zarr-chunk-writer.js';
export type { ZarrCompression } from './zarr-layout.js';
export type { ZarrReadableStore, ZarrWritableStore } from './zarr-store.js';
