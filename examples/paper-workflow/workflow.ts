/**
 * The paper workflow end to end, in three stages: compute (every image through
 * `@mgraph/pipeline` in the worker pool, statistics, GNN), write (data files and tables) and
 * report (figures, `report.html`, `summary.json`); every file is written atomically. A failed
 * image is recorded with its reason (report, `images.csv`, `particles.csv`) and the rest of
 * the batch completes.
 */

import type { WorkflowOptions } from './options.js';
import { computeWorkflow, type WorkflowIo } from './workflow-compute.js';
import { type WorkflowSummary, writeReport } from './workflow-report.js';
import { createOutputWriter, writeOutputs } from './workflow-write.js';

export type { WorkflowComputation, WorkflowIo } from './workflow-compute.js';
export type { WorkflowSummary } from './workflow-report.js';

/**
 * Run the workflow.
 *
 * @param options - parsed options (see `options.ts`).
 * @param io - log and progress output, abort signal.
 * @returns the run's summary.
 * @throws ModelError (from `loadUNet`) when the U-Net cannot be opened; InvalidArgumentError
 *   when `options.input` holds no image; AbortError when `io.signal` aborts. A failing
 *   image never throws: it is reported.
 */
export async function runWorkflow(
  options: WorkflowOptions,
  io: WorkflowIo,
): Promise<WorkflowSummary> {
  const started = performance.now();
  const computed = await computeWorkflow(options, io);
  const writer = createOutputWriter(options.out);
  const tables = await writeOutputs(computed, options, writer);
  return writeReport(computed, tables, options, writer, started);
}
