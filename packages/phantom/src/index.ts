/**
 * `@mgraph/phantom`: synthetic solid-state cathode composites (2D and 3D) with ground
 * truth: X-ray image, phase and instance maps, Ni K-edge energy maps with planted
 * electrochemical effects, XANES stacks and datasets. TIFF I/O moved to `@mgraph/io`.
 * Browser-safe: the file helpers `writeCompositeFiles` / `readCompositeFiles` are in
 * `@mgraph/phantom/node`.
 *
 * @packageDocumentation
 */

/** The Fig. 3c category type of the truth, declared in `@mgraph/core`. */
export type { ChannelCategory } from '@mgraph/core';
export { compositeBox } from './composite-box.js';
export { COMPOSITE_FILES, type CompositeFiles, toUint16 } from './composite-files.js';
export {
  type CompositeLayout,
  type CompositeLayoutOptions,
  compositeLayout,
  type Flake,
} from './composite-layout.js';
export {
  BYTES_PER_PIXEL,
  type CompositeOptions,
  DEFAULT_EFFECTS,
  DEFAULT_MAX_BYTES,
  ENERGY_WINDOW,
  type PlantedEffect,
} from './composite-options.js';
export {
  type Composite,
  type CompositeTruth,
  generateComposite,
  type ParticleTruth,
} from './generate-composite.js';
export { type DatasetOptions, generateDataset, generateDatasetAsync } from './generate-dataset.js';
export {
  PAPER_FIGURES,
  PAPER_TWIN_EFFECTS,
  PAPER_TWIN_INTENSITY,
  type PaperAnovaTerm,
  type PaperTwinOptions,
  type PaperWelchRow,
  paperTwinOptions,
} from './paper-twin.js';
export {
  RELATIONAL_MIXING,
  RELATIONAL_TARGETS,
  RELATIONAL_UNITS,
  type RelationalDescriptors,
  type RelationalOptions,
  type RelationalParticle,
  type RelationalTarget,
  relationalDescriptors,
} from './relational-descriptors.js';
export { generateXanesStack, XANES_ENERGIES, type XanesOptions } from './xanes-stack.js';
export { PHASE_INTENSITY } from './xray-image.js';
