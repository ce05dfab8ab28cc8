import { LI_ION_ELECTRODE_SCHEME as S } from '@mgraph/core';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '../src/index.js';
import type { BenchStep } from './steps.js';

/** volumeFractions, face counting, TPB (total and active) and connectivity. */
export const voxelMeasureSteps: BenchStep[] = [
  {
    name: 'volumeFractions',
    reference: 'volumeFractions',
    run: (p) => volumeFractions(p, S).fractions,
  },
  {
    name: 'specificSurfaceArea',
    reference: 'faceCounting',
    run: (p) => specificSurfaceArea(p, S).specificArea,
  },
  {
    name: 'interfacialAreas',
    reference: 'faceCounting',
    run: (p) => interfacialAreas(p, S).pairs.map((x) => x.specificArea),
  },
  {
    name: 'triplePhaseBoundaryDensity (total only)',
    reference: 'tpb',
    run: (p) => triplePhaseBoundaryDensity(p, S, { active: false }).countPerAxis,
  },
  {
    name: 'triplePhaseBoundaryDensity (total and active)',
    run: (p) => {
      const t = triplePhaseBoundaryDensity(p, S);
      return { total: t.countPerAxis, active: t.active!.countPerAxis };
    },
  },
  {
    name: 'phaseConnectivity',
    reference: 'connectivity',
    run: (p) => {
      const r = phaseConnectivity(p, S);
      return Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, v.axes[0]]));
    },
  },
];
