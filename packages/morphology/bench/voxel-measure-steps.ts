import { LI_ION_ELECTRODE_SCHEME as S } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import {
  interfacialAreas,
  particleTpbLength,
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
    // instances: the phase map itself (label = code: one am particle, one cbd particle, the
    // pore unlabelled), the graph of those two labels built on a 1 x 2 map and given the
    // volume's shape
    name: 'particleTpbLength (labels = codes)',
    run: (p) => {
      const graph = buildGraph(ndarray(Uint8Array.from([1, 2]), [1, 2]), {
        scheme: S,
        phaseOfLabel: [0, 1, 2],
        window: 1,
      });
      graph.setAttribute('shape', p.shape.slice());
      const out = particleTpbLength(graph, p, p);
      return out.mapNodes((_, a) => (a as unknown as Record<string, number>).tpbLength);
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
