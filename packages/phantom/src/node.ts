/**
 * `@mgraph/phantom/node`: everything of `@mgraph/phantom`, plus the composite files of a
 * sample directory (`writeCompositeFiles`, `readCompositeFiles`), for Node.js only.
 *
 * @packageDocumentation
 */

export { readCompositeFiles, writeCompositeFiles } from './composite-file-io.js';
export * from './index.js';
