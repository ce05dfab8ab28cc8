/**
 * Stage 3 of the workflow, the reporting: the figures (SVG), the findings in words, the
 * self-contained `report.html` and `summary.json`.
 */
import { join } from 'node:path';
import type { GraphFidelity } from '@mgraph/pipeline';
import { renderFigures } from './figures.js';
import type { GnnOutcome } from './gnn-step.js';
import { fidelitySentence, writeFidelityTable } from './graph-fidelity-table.js';
import type { WorkflowOptions } from './options.js';
import { type PaperComparison, writePaperComparison } from './paper-report.js';
import { buildReportHtml, type ReportTable, reportTable } from './report-html.js';
import { reportSummary } from './summary.js';
import { FAILURE_COLUMNS } from './table-columns.js';
import type { ImageFailure } from './types.js';
import type { WorkflowComputation } from './workflow-compute.js';
import type { OutputWriter } from './workflow-write.js';

/** What a run returns (also written to `summary.json`). */
export interface WorkflowSummary {
  out: string;
  images: number;
  completed: number;
  failures: ImageFailure[];
  particles: number;
  validParticles: number;
  meanIoU: number | null;
  /** Graph fidelity pooled over the images (particle / edge F1, TPB error...); null without a truth. */
  graphFidelity: GraphFidelity | null;
  findings: string[];
  /** The batch's counts, Table S1 and the ANOVA terms beside the paper's. */
  paper: PaperComparison;
  gnn: Omit<GnnOutcome, 'predictions'> | null;
  gnnSkipped: string | null;
  seconds: { pool: number; statistics: number; gnn: number; outputs: number; total: number };
  files: string[];
}

const SEGMENTER_LABELS = { unet: 'U-Net', otsu: 'Otsu', truth: 'given' } as const;

/**
 * Render the figures, write the report and `summary.json`.
 *
 * @param computed - the computing stage's result.
 * @param tables - the written tables (the write stage's result).
 * @param options - the run's options (facts, captions).
 * @param writer - where to write.
 * @param started - `performance.now()` at the start of the run (for the time facts).
 * @returns the run's summary.
 */
export async function writeReport(
  computed: WorkflowComputation,
  tables: readonly ReportTable[],
  options: WorkflowOptions,
  writer: OutputWriter,
  started: number,
): Promise<WorkflowSummary> {
  const t0 = performance.now();
  const { tasks, results, failures, valid, statistics, gnn, gnnSkipped, seconds } = computed;
  const segmenterLabel = SEGMENTER_LABELS[options.segmenter];
  const tpbs = results.flatMap((r) => r.tpbs);
  const { figures, omitted } = await renderFigures({
    example: computed.example,
    segmenterLabel,
    particles: valid,
    tpbs,
    correlations: statistics.pearson,
    predictions: gnn?.predictions ?? null,
    gnnSubtitle: gnn
      ? gnn.errors.map((e) => `${e.target} RMSE ${e.rmse.toPrecision(3)}`).join(', ')
      : '',
  });
  for (const f of figures) await writer.write(`figures/${f.id}.svg`, f.svg);

  const findings = reportSummary({
    images: tasks.length,
    failures,
    valid: valid.length,
    meanIoU: computed.meanIoU,
    welch: [...statistics.welchTpb, ...statistics.welchChannel],
    anova: statistics.anova,
    // the dense preset plants every TPB and channel effect; the twin's are compared with the paper below
    phantoms: options.input === null && options.preset === 'dense',
    gnn,
    gnnSkipped,
    omitted,
  });
  const fidelity = computed.graphFidelity;
  if (fidelity) findings.splice(2, 0, fidelitySentence(fidelity.pooled, segmenterLabel));
  const paper = await writePaperComparison(computed, writer);
  findings.push(...paper.lines);
  const particles = results.reduce((n, r) => n + r.particles.length, 0);
  const elapsed = (performance.now() - started) / 1000;
  const facts: [string, string][] = [
    ['images', `${tasks.length} (${results.length} completed, ${failures.length} failed)`],
    [
      'input',
      options.input ??
        `phantom composites ${options.size}x${options.size}, seeds from ${options.seed}`,
    ],
    ['segmenter', segmenterLabel],
    ['NMC particles', `${particles} (${valid.length} with valid descriptors)`],
    ['workers', String(options.workers)],
    ['adjacency window', `${options.window}x${options.window}`],
    [
      'time',
      `${elapsed.toFixed(1)} s (images ${seconds.pool.toFixed(1)} s, GNN ${seconds.gnn.toFixed(1)} s)`,
    ],
  ];
  const failureTable = failures.length
    ? [
        reportTable(
          {
            id: 'failures',
            title: 'Failed images',
            caption: 'These images could not be processed; every other image completed.',
          },
          failures,
          FAILURE_COLUMNS,
        ),
      ]
    : [];
  await writer.write(
    'report.html',
    buildReportHtml({
      title: `mgraph: graph analysis of ${options.input ? 'user images' : 'phantom cathode composites'}`,
      summary: findings,
      facts,
      tables: [
        ...failureTable,
        ...paper.tables,
        ...(fidelity
          ? [await writeFidelityTable(fidelity.rows, segmenterLabel, writer), ...tables]
          : tables),
      ],
      figures,
    }),
  );
  const summaryPath = join(options.out, 'summary.json');
  const summary: WorkflowSummary = {
    out: options.out,
    images: tasks.length,
    completed: results.length,
    failures,
    particles,
    validParticles: valid.length,
    meanIoU: computed.meanIoU,
    graphFidelity: fidelity?.pooled ?? null,
    findings,
    paper: paper.comparison,
    gnn: gnn ? (({ predictions: _p, ...rest }) => rest)(gnn) : null,
    gnnSkipped,
    seconds: {
      ...seconds,
      outputs: (performance.now() - t0) / 1000,
      total: (performance.now() - started) / 1000,
    },
    files: [...writer.files, summaryPath],
  };
  await writer.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
