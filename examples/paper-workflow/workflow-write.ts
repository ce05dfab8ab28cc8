/**
 * Stage 2 of the workflow, the writing: the data files (`particles.csv`, `tpbs.csv`,
 * `images.csv`, one JSON and one GraphML graph per image) and every table as CSV and
 * Markdown, each file written atomically.
 */
import { join } from 'node:path';
import { graphFromJSON, graphToGraphML } from '@mgraph/graph';
import { writeFileAtomic } from '@mgraph/io/node';
import type { WorkflowOptions } from './options.js';
import { type ReportTable, reportTable } from './report-html.js';
import {
  ANOVA_COLUMNS,
  GNN_COLUMNS,
  IMAGE_COLUMNS,
  MODEL_COLUMNS,
  PARTICLE_COLUMNS,
  PEARSON_COLUMNS,
  TPB_COLUMNS,
  WELCH_COLUMNS,
} from './table-columns.js';
import { type Column, toCsv, toMarkdown } from './tables.js';
import type { WorkflowComputation } from './workflow-compute.js';

/** Writes files under the output directory and remembers their paths. */
export interface OutputWriter {
  /** Write `data` to `rel` (relative to the output directory), atomically. */
  write(rel: string, data: string): Promise<void>;
  /** Absolute paths written so far, in order. */
  readonly files: string[];
}

/** An {@link OutputWriter} for the directory `out`. */
export function createOutputWriter(out: string): OutputWriter {
  const files: string[] = [];
  return {
    files,
    async write(rel, data) {
      const path = join(out, rel);
      await writeFileAtomic(path, data);
      files.push(path);
    },
  };
}

/**
 * A function that writes one table as `tables/<id>.csv` and `tables/<id>.md` (a heading,
 * the caption, the Markdown table) and appends it, for the report, to `tables`.
 *
 * @param writer - where to write.
 * @param tables - receives each table written.
 * @returns `(id, title, caption, rows, columns) => Promise<void>`.
 */
export function tableWriter(writer: OutputWriter, tables: ReportTable[]) {
  return async <Row>(
    id: string,
    title: string,
    caption: string,
    rows: readonly Row[],
    columns: readonly Column<Row>[],
  ): Promise<void> => {
    await writer.write(`tables/${id}.csv`, toCsv(rows, columns));
    await writer.write(
      `tables/${id}.md`,
      `## ${title}\n\n${caption}\n\n${toMarkdown(rows, columns)}`,
    );
    tables.push(reportTable({ id, title, caption }, rows, columns));
  };
}

const WELCH_CAPTION =
  "Welch's two-sample t-test (alpha 0.05), difference = mean with - mean without, its 95% CI, Cohen's d with the pooled SD.";

/**
 * Write the data files and the tables.
 *
 * @param computed - the computing stage's result.
 * @param options - `out`, `segmenter` (captions).
 * @param writer - where to write.
 * @returns the tables, for the report.
 */
export async function writeOutputs(
  computed: WorkflowComputation,
  options: Pick<WorkflowOptions, 'segmenter'>,
  writer: OutputWriter,
): Promise<ReportTable[]> {
  const { results, statistics, gnn } = computed;
  const tables: ReportTable[] = [];
  const table = tableWriter(writer, tables);
  await writer.write('particles.csv', toCsv(computed.particleRows, PARTICLE_COLUMNS));
  await writer.write(
    'tpbs.csv',
    toCsv(
      results.flatMap((r) => r.tpbs),
      TPB_COLUMNS,
    ),
  );
  await writer.write('images.csv', toCsv(computed.imageRows, IMAGE_COLUMNS));
  for (const r of results) {
    await writer.write(`graphs/${r.name}.json`, r.graph);
    await writer.write(`graphs/${r.name}.graphml`, graphToGraphML(graphFromJSON(r.graph)));
  }
  await table(
    'images',
    'Images: segmentation and graph size',
    `mIoU of the ${options.segmenter} segmentation against the truth phase map (where known), per-class IoU, graph size; failed images with their reason.`,
    computed.imageRows,
    IMAGE_COLUMNS,
  );
  await table(
    'table-s1-welch-tpb',
    'Table S1: Welch t-tests, NMC particles with vs without a TPB',
    WELCH_CAPTION,
    statistics.welchTpb,
    WELCH_COLUMNS,
  );
  await table(
    'table-s2-welch-channel',
    'Table S2: Welch t-tests, NMC particles with vs without a concurrent Li+/e- channel',
    WELCH_CAPTION,
    statistics.welchChannel,
    WELCH_COLUMNS,
  );
  await table(
    'table-s3-anova',
    'Table S3: two-way ANOVA of log heterogeneity and log polarization',
    'Factors: TPB involvement x concurrent channel, with interaction; type II sums of squares (statsmodels anova_lm typ=2). Particles with polarization 0 (one dominant peak) have no log polarization and are left out of that response.',
    statistics.anova,
    ANOVA_COLUMNS,
  );
  if (statistics.welchWiring)
    await table(
      'table-welch-wiring',
      'Welch t-tests, NMC particles well vs poorly wired',
      `${WELCH_CAPTION} Well wired: the particle reaches the ionic (left edge) and electronic (right edge) boundaries of the contact graph's Kirchhoff networks, with an access current 1 / (R_ion + R_e) at or above the median of the wired particles of its image; poorly wired: the others, unwired included.`,
      statistics.welchWiring,
      WELCH_COLUMNS,
    );
  if (statistics.anovaWiring)
    await table(
      'table-anova-wiring',
      'Two-way ANOVA of log heterogeneity and log polarization on TPB x wiring',
      'Factors: TPB involvement x well wired (as in the wiring Welch table), with interaction; type II sums of squares. Particles with polarization 0 are left out of that response.',
      statistics.anovaWiring,
      ANOVA_COLUMNS,
    );
  await table(
    'table-pearson',
    'Pearson correlation of graph metrics with descriptors (Fig. 5a)',
    'Pearson r and two-sided p over all valid NMC particles.',
    statistics.pearson,
    PEARSON_COLUMNS,
  );
  if (gnn)
    await table(
      'table-gnn',
      'GNN errors on the test split',
      `Heterogeneous NNConv GNN, ${gnn.graphs.train}/${gnn.graphs.validation}/${gnn.graphs.test} graphs (train/validation/test), best epoch ${gnn.bestEpoch} of ${gnn.epochs}; errors in original units, against predicting the training mean.`,
      gnn.errors,
      GNN_COLUMNS,
    );
  if (gnn)
    await table(
      'table-gnn-baselines',
      'GNN vs models that do not see the graph (test R^2)',
      `Test-split R^2 of predicting the training mean, linear regression (least squares) and an MLP (32-32, ReLU) on each NMC particle's own features, and of the GNN, on the same split with the same seed. "demo batch": the descriptors measured on the images above (best achievable R^2 unknown). "relational phantom"${gnn.relationalNodes ? ` (${gnn.relationalNodes.train}/${gnn.relationalNodes.val}/${gnn.relationalNodes.test} NMC nodes)` : ''}: descriptors planted by relationalDescriptors of @mgraph/phantom from each particle's neighbours (contact counts of its SSE neighbours, sizes of its graphite and NMC neighbours) plus noise, so the best achievable R^2 (R^2*) is known.`,
      gnn.comparison,
      MODEL_COLUMNS,
    );
  return tables;
}
