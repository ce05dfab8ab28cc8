// Re-exports by name, one module per idea.

export {
  type AccessibilityGraph,
  type AccessibilityNodeAttributes,
  withAccessibility,
} from './graph-accessibility.js';
export { type FaceNodesOptions, faceNodes } from './graph-face-nodes.js';
export { type CsrMatrix, type LaplacianMatrixOptions, laplacianMatrix } from './graph-laplacian.js';
export {
  type ResistanceDistanceOptions,
  resistanceDistance,
} from './graph-resistance-distance.js';
export {
  type AccessibilityConductivity,
  type ParticleAccess,
  type ParticleAccessibility,
  type ParticleAccessibilityOptions,
  particleAccessibility,
} from './kirchhoff-accessibility.js';
export {
  type KirchhoffCurrents,
  type KirchhoffCurrentsOptions,
  type KirchhoffEdge,
  kirchhoffCurrents,
  type NetworkKind,
} from './kirchhoff-currents.js';
export type { ConductanceModelOptions } from './kirchhoff-network.js';
export {
  MAX_TRANSPORT_VOXELS,
  type TortuosityFactorOptions,
  type TortuosityFactorResult,
  tortuosityFactor,
} from './tortuosity-factor.js';
