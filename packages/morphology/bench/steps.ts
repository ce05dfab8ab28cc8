// The bench's steps: one entry per measured function, each in its own file under bench/.
// A step runs in a child process of its own (bench/run-step.ts), so its peak RSS is its own.
import type { PhaseMap } from '@mgraph/core';
import { voxelMeasureSteps } from './voxel-measure-steps.js';

/** One step of the bench. */
export interface BenchStep {
  /** Name printed in the JSON. */
  name: string;
  /** Key of the NumPy / SciPy reference time printed beside it (scripts/make-fixtures.py --bench). */
  reference?: string;
  /** Run the step on the bench volume (codes of LI_ION_ELECTRODE_SCHEME); returns a summary. */
  run(phases: PhaseMap): unknown;
}

export const STEPS: BenchStep[] = [...voxelMeasureSteps];
