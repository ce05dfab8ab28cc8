// Re-exports by name, one module per idea.
export {
  MAX_TRANSPORT_VOXELS,
  type TortuosityFactorOptions,
  type TortuosityFactorResult,
  tortuosityFactor,
} from './tortuosity-factor.js';
