import {
  ConvergenceError,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import { tortuosityFactor } from '@mgraph/transport';
import { type Cell, columns, type Table } from './table.js';

/** Most conjugate-gradient iterations of one tortuosity solve. */
export const TORTUOSITY_MAX_ITERATIONS = 2000;

/**
 * The tortuosity table: for each phase (alone conducting, conductivity 1) and each axis,
 * `tortuosityFactor` of `@mgraph/transport`: tau (TauFactor's `D_mean / D_rel`), the
 * effective conductivity relative to the bulk phase, the volume and percolating fractions,
 * and the solver's record. A phase without voxels is left out; a solve that does not
 * converge gives NaN with the reason in `note`.
 *
 * @param phases - the phase map
 * @param scheme - its scheme
 * @param voxels - voxels of each phase (phases without voxels are left out)
 * @param spacing - voxel size
 * @param unit - unit of `spacing`
 * @param onProgress - `(solves done, solves)`
 * @returns the table `tortuosity`
 */
export function tortuosityTable(
  phases: PhaseMap,
  scheme: PhaseScheme,
  voxels: Readonly<Record<string, number>>,
  spacing: readonly number[],
  unit: string,
  onProgress?: ProgressCallback,
): Table {
  const rows: Record<string, Cell>[] = [];
  const present = scheme.phases.filter((p) => (voxels[p] ?? 0) > 0);
  const total = present.length * 3;
  for (const phase of present) {
    const code = scheme.phases.indexOf(phase);
    const conductivities = scheme.phases.map((_, c) => (c === code ? 1 : 0));
    for (let axis = 0; axis < 3; axis++) {
      const row: Record<string, Cell> = { phase, axis: ['z', 'y', 'x'][axis]! };
      try {
        const t = tortuosityFactor(phases, {
          axis,
          conductivities,
          spacing,
          unit,
          maxIterations: TORTUOSITY_MAX_ITERATIONS,
        });
        Object.assign(row, {
          tau: t.tau,
          effectiveConductivity: t.effectiveConductivity,
          volumeFraction: t.volumeFraction,
          percolatingVolumeFraction: t.percolatingVolumeFraction,
          iterations: t.iterations,
          relativeResidual: t.relativeResidual,
          note: t.percolatingVolumeFraction === 0 ? 'no path between the two faces' : '',
        });
      } catch (error) {
        if (!ConvergenceError.isInstance(error)) throw error;
        Object.assign(row, {
          tau: Number.NaN,
          effectiveConductivity: Number.NaN,
          note: (error as Error).message,
        });
      }
      rows.push(row);
      onProgress?.(rows.length, total);
    }
  }
  return {
    name: 'tortuosity',
    title: 'Tortuosity factor and effective conductivity',
    description: `Steady conduction through each phase alone (conductivity 1, the others 0) between the two faces normal to the axis (finite volumes, multigrid-preconditioned CG to a relative residual of 1e-6, at most ${TORTUOSITY_MAX_ITERATIONS} iterations): tau = volume fraction / effective conductivity (TauFactor's convention); Infinity where no path joins the faces.`,
    columns: columns(
      ['phase', ''],
      ['axis', ''],
      ['tau', '-'],
      ['effectiveConductivity', '-'],
      ['volumeFraction', '-'],
      ['percolatingVolumeFraction', '-'],
      ['iterations', ''],
      ['relativeResidual', '-'],
      ['note', ''],
    ),
    rows,
  };
}
