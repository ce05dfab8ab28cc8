/**
 * `@mgraph/graph/node`: everything of `@mgraph/graph`, plus the writer of files
 * (`writeHeteroDataNpy`), for Node.js only.
 *
 * @packageDocumentation
 */

export * from './index.js';
export { writeHeteroDataNpy } from './write-hetero-data-npy.js';
