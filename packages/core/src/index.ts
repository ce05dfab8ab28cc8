/**
 * `@mgraph/core`: shared types, typed errors, input checks, contiguous copies and the seeded
 * random generator of every mgraph package.
 *
 * @packageDocumentation
 */

export { type AllocationLimit, assertAllocation, formatBytes } from './allocation.js';
export { applyScheme } from './apply-scheme.js';
export {
  assertBoolean,
  assertCallback,
  assertSignal,
  checkOptions,
  type OptionKeys,
} from './check-options.js';
export {
  assertDtype,
  assertFinite,
  assertInBounds,
  assertNdarray,
  assertNdim,
  assertNumber,
  assertNumericData,
  assertSameShape,
  type NumberConstraint,
} from './checks.js';
export { flatData, isContiguous, toContiguous } from './contiguous.js';
export {
  AbortError,
  ConvergenceError,
  describeValue,
  FileError,
  InvalidArgumentError,
  MGraphError,
  ModelError,
  ShapeMismatchError,
  throwIfAborted,
} from './errors.js';
export { NI_K_EDGE_REFERENCE, NI_K_EDGE_WINDOW } from './ni-k-edge.js';
export { argsortNumpy } from './numpy-argsort.js';
export {
  CATHODE_SCHEME,
  type ChannelCategory,
  checkScheme,
  definePhaseScheme,
  describeScheme,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseScheme,
  type PhaseSchemeSpec,
  phaseCode,
  phaseName,
  type SchemeCarrier,
  SOFC_ANODE_SCHEME,
  samePhaseScheme,
  schemeOfGraph,
} from './phase-scheme.js';
export { createRng, type Rng } from './random.js';
export { forEachOffset, rowMajorStrides } from './strides.js';
export {
  defineTasks,
  type Executor,
  type RunOptions,
  type RunProgress,
  type TaskContext,
  type TaskHandler,
  type TaskOutcome,
  type TaskRegistry,
  type TaskSpec,
} from './task-contract.js';
export type {
  Dtype,
  Image,
  LabelImage,
  Mask,
  NdArray,
  PhaseMap,
  ProgressCallback,
  TypedArray,
} from './types.js';
