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
    // instances: one particle per phase (uint8 labels code + 1, counted in the step's RSS),
    // the graph of those three labels built on a 1 x 3 map and given the volume's shape
    name: 'particleTpbLength (one particle per phase, uint8 labels)',
    run: (p) => {
      const labels = ndarray(
        Uint8Array.from(p.data, (c) => c + 1),
        p.shape.slice(),
      );
      const graph = buildGraph(ndarray(Uint8Array.from([1, 2, 3]), [1, 3]), {
        scheme: S,
        phaseOfLabel: [0, 0, 1, 2],
        window: 1,
      });
      graph.setAttribute('shape', p.shape.slice());
      const out = particleTpbLength(graph, p, labels);
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
