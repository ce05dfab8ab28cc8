/**
 * `@mgraph/phantom/node`: everything of `@mgraph/phantom`, plus the composite files of a
 * sample directory (`writeCompositeFiles`, `readCompositeFiles`) and the block-wise
 * OME-Zarr writer `writeCompositeZarr`, for Node.js only.
 *
 * @packageDocumentation
 */

export { readCompositeFiles, writeCompositeFiles } from './composite-file-io.js';
export * from './index.js';
export {
  type CompositeZarrOptions,
  type CompositeZarrSummary,
  writeCompositeZarr,
} from './write-composite-zarr.js';
