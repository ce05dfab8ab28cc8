/**
 * `@mgraph/cli`: the `mgraph` command line (`mgraph volume`, `mgraph phantom`, `mgraph worker`) and the
 * functions behind it, for scripts that want the same report without a shell.
 *
 * @packageDocumentation
 */

export {
  type AnalyzeVolumePhasesOptions,
  analyzeVolumePhases,
  VOLUME_STAGES,
  type VolumePhasesAnalysis,
} from './analyze-volume-phases.js';
export { annotateGraphUnits } from './annotate-graph-units.js';
export { tableToCsv, tableToJson } from './csv.js';
export { MAIN_HELP, type MainStreams, main } from './main.js';
export { type ReadVolumeOptions, readVolume, type VolumeFile } from './read-volume.js';
export { type ReportContent, reportHtml } from './report-html.js';
export { PHANTOM_HELP, runPhantom } from './run-phantom.js';
export { RUN_STAGES, runVolume, type VolumeRun } from './run-volume.js';
export { runWorkerCommand, WORKER_HELP } from './run-worker-command.js';
export { NAMED_SCHEMES, resolveScheme } from './scheme-option.js';
export type { Cell, Column, Table } from './table.js';
export { parseVolumeArgs, VOLUME_HELP, type VolumeCommand } from './volume-args.js';
