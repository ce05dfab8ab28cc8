// Re-exports by name, one module per idea.
export { type CodeReach, reachesBoundary } from './active-tpb-edges.js';
export {
  type BoundaryReach,
  defaultBoundaryReach,
} from './boundary-reach.js';
export {
  type InterfacialArea,
  type InterfacialAreasOptions,
  type InterfacialAreasResult,
  interfacialAreas,
} from './interfacial-areas.js';
export {
  type MarchingCubesMesh,
  type MarchingCubesOptions,
  marchingCubes,
} from './marching-cubes.js';
export {
  type IsosurfaceArea,
  type MarchingCubesAreaOptions,
  marchingCubesArea,
} from './marching-cubes-area.js';
export {
  type MarchingCubesAreasOptions,
  type MarchingCubesAreasResult,
  marchingCubesAreas,
  type PhaseSurfaceArea,
} from './marching-cubes-areas.js';
export { meshSurfaceArea } from './mesh-surface-area.js';
export {
  type ParticleContactAreasOptions,
  particleContactAreas,
} from './particle-contact-areas.js';
export {
  type ParticleSize,
  type ParticleSizesOptions,
  type ParticleSizesResult,
  particleSizes,
} from './particle-sizes.js';
export {
  type ParticleShape,
  type ParticleSphericityOptions,
  type ParticleSphericityResult,
  particleSphericity,
} from './particle-sphericity.js';
export {
  type ParticleTpbLengthOptions,
  particleTpbLength,
} from './particle-tpb-length.js';
export {
  type AxisConnectivity,
  type PhaseConnectivity,
  type PhaseConnectivityOptions,
  type PhaseConnectivityResult,
  phaseConnectivity,
} from './phase-connectivity.js';
export {
  type SizeHistogram,
  type SizeHistogramOptions,
  sizeHistogram,
} from './size-histogram.js';
export {
  type SpecificSurfaceAreaOptions,
  type SpecificSurfaceAreaResult,
  specificSurfaceArea,
} from './specific-surface-area.js';
export type { TpbEdgeMap } from './tpb-edges.js';
export {
  type ActiveTpbMeasure,
  type TpbMeasure,
  type TpbSetup,
  type TriplePhaseBoundaryOptions,
  type TriplePhaseBoundaryResult,
  tpbSetup,
  triplePhaseBoundaryDensity,
} from './triple-phase-boundary-density.js';
export { checkUnitOptions } from './unit-options-check.js';
export {
  type VolumeFractionsOptions,
  type VolumeFractionsResult,
  volumeFractions,
} from './volume-fractions.js';
export type { UnitOptions } from './voxel-grid.js';
