/**
 * The paper workflow end to end: the batch through the worker pool (one image per task),
 * then statistics, the GNN, tables, figures and the report, every file written atomically.
 * A failed image is recorded with its reason (report, `images.csv`, `particles.csv`) and the
 * rest of the batch completes.
 */
import { join } from 'node:path';
import { graphFromJSON, graphToGraphML } from '@mgraph/graph';
import { loadUNet } from '@mgraph/segment';
import { writeFileAtomic } from './atomic-write.js';
import { renderFigures } from './figures.js';
import { type GnnOutcome, runGnn } from './gnn-step.js';
import { directoryTasks, phantomTasks } from './inputs.js';
import type { WorkflowOptions } from './options.js';
import { runPool } from './pool.js';
import { createProgressBar, type ProgressStream } from './progress.js';
import { buildReportHtml, type ReportTable } from './report-html.js';
import { anovaTable, correlationCells, validParticles, welchTable } from './statistics.js';
import { reportSummary } from './summary.js';
import {
  ANOVA_COLUMNS,
  GNN_COLUMNS,
  IMAGE_COLUMNS,
  type ImageRow,
  PARTICLE_COLUMNS,
  PEARSON_COLUMNS,
  TPB_COLUMNS,
  WELCH_COLUMNS,
} from './table-columns.js';
import { type Column, toCsv, toMarkdown } from './tables.js';
import type { ImageFailure, ImageResult, ImageTask, ParticleRow, WorkerSettings } from './types.js';

/** What a run returns (also written to `summary.json`). */
export interface WorkflowSummary {
  out: string;
  images: number;
  completed: number;
  failures: ImageFailure[];
  particles: number;
  validParticles: number;
  meanIoU: number | null;
  findings: string[];
  gnn: Omit<GnnOutcome, 'predictions'> | null;
  gnnSkipped: string | null;
  seconds: { pool: number; statistics: number; gnn: number; outputs: number; total: number };
  files: string[];
}

/** Where the run reports: log lines and the progress bars' stream. */
export interface WorkflowIo {
  log: (line: string) => void;
  progress?: ProgressStream;
  /** Cancels the batch (running workers are terminated) and the GNN between epochs. */
  signal?: AbortSignal;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);
const MIN_GNN_GRAPHS = 5;

function failedParticleRow(failure: ImageFailure): ParticleRow {
  const nan = Number.NaN;
  return {
    image: failure.name,
    status: 'failed',
    error: failure.reason,
    label: nan,
    size: nan,
    soc: nan,
    heterogeneity: nan,
    polarization: nan,
    descriptorsValid: false,
    descriptorNote: '',
    tpbCount: nan,
    inTpb: false,
    channelCategory: '',
    concurrentChannel: false,
    degree: nan,
    weightedDegree: nan,
    clustering: nan,
    betweenness: nan,
    closeness: nan,
    eigenvector: nan,
    nmcNeighbors: nan,
    sseNeighbors: nan,
    graphiteNeighbors: nan,
    truthLabel: nan,
    truthSoc: nan,
    truthHeterogeneity: nan,
    truthPolarization: nan,
  };
}

function imageRow(
  task: ImageTask,
  result: ImageResult | null,
  failure: ImageFailure | null,
): ImageRow {
  const iou = result?.classIoU ?? null;
  return {
    image: task.name,
    status: result ? 'ok' : 'failed',
    error: failure?.reason ?? '',
    miou: result?.miou ?? null,
    iouBackground: iou?.[0] ?? null,
    iouSse: iou?.[1] ?? null,
    iouNmc: iou?.[2] ?? null,
    iouGraphite: iou?.[3] ?? null,
    nodes: result?.nodeCount ?? null,
    edges: result?.edgeCount ?? null,
    nmcParticles: result?.particles.length ?? null,
    tpbs: result?.tpbs.length ?? null,
    seconds: result ? Object.values(result.timings).reduce((a, b) => a + b, 0) : null,
  };
}

/**
 * Run the workflow.
 *
 * @param options - parsed options (see `options.ts`).
 * @param io - log and progress output.
 * @returns the run's summary.
 * @throws ModelError (from `loadUNet`) when the U-Net cannot be opened; InvalidArgumentError
 *   when `options.input` holds no image; AbortError when `io.signal` aborts. A failing
 *   image never throws: it is reported.
 */
export async function runWorkflow(
  options: WorkflowOptions,
  io: WorkflowIo,
): Promise<WorkflowSummary> {
  const start = performance.now();
  const tasks = options.input
    ? await directoryTasks(options.input)
    : phantomTasks(options.count, options.seed, [options.size, options.size]);
  const settings: WorkerSettings = {
    segmenter: options.segmenter,
    ...(options.model ? { modelPath: options.model } : {}),
    window: options.window,
    minSize: options.minSize,
  };
  if (options.segmenter === 'unet') {
    // Fail fast, before the batch, when the model cannot be opened (every image would fail).
    const unet = await loadUNet(options.model ? { modelPath: options.model } : {});
    io.log(`U-Net: ${unet.modelPath}`);
  }
  io.log(
    `mgraph paper workflow: ${tasks.length} images (${options.input ?? `phantoms, seeds ${options.seed}..${options.seed + tasks.length - 1}`}), ${options.workers} workers, segmenter ${options.segmenter}`,
  );

  // 1-3: every image through the pool.
  const bar = options.progress ? createProgressBar('images', tasks.length, io.progress) : null;
  let failedSoFar = 0;
  const outcomes = await runPool<ImageTask, ImageResult>(WORKER_URL, tasks, {
    size: options.workers,
    workerData: settings,
    signal: io.signal,
    onProgress: (done, _total, outcome) => {
      if (!outcome.ok) failedSoFar++;
      bar?.update(done, failedSoFar ? `(${failedSoFar} failed)` : '');
    },
  });
  bar?.finish();
  const poolSeconds = (performance.now() - start) / 1000;
  const results: ImageResult[] = [];
  const failures: ImageFailure[] = [];
  const imageRows: ImageRow[] = [];
  const particles: ParticleRow[] = [];
  outcomes.forEach((outcome, i) => {
    const task = tasks[i];
    if (outcome.ok) {
      results.push(outcome.value);
      particles.push(...outcome.value.particles);
      imageRows.push(imageRow(task, outcome.value, null));
    } else {
      const failure = {
        name: task.name,
        reason: `${outcome.error.name}: ${outcome.error.message}`,
      };
      failures.push(failure);
      particles.push(failedParticleRow(failure));
      imageRows.push(imageRow(task, null, failure));
      io.log(`  failed: ${failure.name}: ${failure.reason}`);
    }
  });
  const exampleResult = results.find((r) => r.example) ?? null;
  const example = exampleResult
    ? { name: exampleResult.name, rasters: exampleResult.example!, graph: exampleResult.graph }
    : null;
  for (const r of results) r.example = null;

  // 4: statistics.
  let t0 = performance.now();
  const valid = validParticles(particles);
  const welchTpb = welchTable(valid, 'inTpb', 'TPB');
  const welchChannel = welchTable(valid, 'concurrentChannel', 'concurrent channel');
  const anova = anovaTable(valid);
  const correlations = correlationCells(valid);
  const statisticsSeconds = (performance.now() - t0) / 1000;

  // 5: GNN.
  t0 = performance.now();
  let gnn: GnnOutcome | null = null;
  let gnnSkipped: string | null = null;
  const trainable = results.filter((r) => r.particles.some((p) => p.descriptorsValid));
  if (trainable.length < MIN_GNN_GRAPHS)
    gnnSkipped = `the GNN needs at least ${MIN_GNN_GRAPHS} graphs with valid NMC descriptors; the batch has ${trainable.length}`;
  else {
    const gnnBar = options.progress
      ? createProgressBar('gnn epochs', options.epochs, io.progress)
      : null;
    gnn = runGnn(
      trainable.map((r) => r.graph),
      {
        seed: options.seed,
        maxEpochs: options.epochs,
        onProgress: (e) => gnnBar?.update(e),
        signal: io.signal,
      },
    );
    gnnBar?.finish(`stopped at epoch ${gnn.epochs}, best ${gnn.bestEpoch}`);
  }
  const gnnSeconds = (performance.now() - t0) / 1000;

  // 6: outputs.
  t0 = performance.now();
  const out = options.out;
  const files: string[] = [];
  const write = async (rel: string, data: string) => {
    files.push(await writeFileAtomic(join(out, rel), data));
  };
  const tables: ReportTable[] = [];
  const table = async <Row>(
    id: string,
    title: string,
    caption: string,
    rows: Row[],
    columns: Column<Row>[],
  ) => {
    await write(`tables/${id}.csv`, toCsv(rows, columns));
    await write(`tables/${id}.md`, `## ${title}\n\n${caption}\n\n${toMarkdown(rows, columns)}`);
    tables.push({
      id,
      title,
      caption,
      rows: rows as Record<string, unknown>[],
      columns: columns as Column<Record<string, unknown>>[],
    });
  };
  await write('particles.csv', toCsv(particles, PARTICLE_COLUMNS));
  await write(
    'tpbs.csv',
    toCsv(
      results.flatMap((r) => r.tpbs),
      TPB_COLUMNS,
    ),
  );
  await write('images.csv', toCsv(imageRows, IMAGE_COLUMNS));
  for (const r of results) {
    await write(`graphs/${r.name}.json`, r.graph);
    await write(`graphs/${r.name}.graphml`, graphToGraphML(graphFromJSON(r.graph)));
  }
  const okRows = imageRows.filter((r) => r.status === 'ok');
  const mious = okRows.map((r) => r.miou).filter((m): m is number => m !== null);
  const meanIoU = mious.length ? mious.reduce((a, b) => a + b, 0) / mious.length : null;
  await table(
    'images',
    'Images: segmentation and graph size',
    `mIoU of the ${options.segmenter} segmentation against the truth phase map (where known), per-class IoU, graph size; failed images with their reason.`,
    imageRows,
    IMAGE_COLUMNS,
  );
  await table(
    'table-s1-welch-tpb',
    'Table S1: Welch t-tests, NMC particles with vs without a TPB',
    "Welch's two-sample t-test (alpha 0.05), difference = mean with - mean without, its 95% CI, Cohen's d with the pooled SD.",
    welchTpb,
    WELCH_COLUMNS,
  );
  await table(
    'table-s2-welch-channel',
    'Table S2: Welch t-tests, NMC particles with vs without a concurrent Li+/e- channel',
    "Welch's two-sample t-test (alpha 0.05), difference = mean with - mean without, its 95% CI, Cohen's d with the pooled SD.",
    welchChannel,
    WELCH_COLUMNS,
  );
  await table(
    'table-s3-anova',
    'Table S3: two-way ANOVA of log heterogeneity and log polarization',
    'Factors: TPB involvement x concurrent channel, with interaction; type II sums of squares (statsmodels anova_lm typ=2). Particles with polarization 0 (one dominant peak) have no log polarization and are left out of that response.',
    anova,
    ANOVA_COLUMNS,
  );
  await table(
    'table-pearson',
    'Pearson correlation of graph metrics with descriptors (Fig. 5a)',
    'Pearson r and two-sided p over all valid NMC particles.',
    correlations,
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

  const segmenterLabel = { unet: 'U-Net', otsu: 'Otsu', truth: 'given' }[options.segmenter];
  const { figures, omitted } = await renderFigures({
    example,
    segmenterLabel,
    particles: valid,
    tpbs: results.flatMap((r) => r.tpbs),
    correlations,
    predictions: gnn?.predictions ?? null,
    gnnSubtitle: gnn
      ? gnn.errors.map((e) => `${e.target} RMSE ${e.rmse.toPrecision(3)}`).join(', ')
      : '',
  });
  for (const f of figures) await write(`figures/${f.id}.svg`, f.svg);

  const findings = reportSummary({
    images: tasks.length,
    failures,
    valid: valid.length,
    meanIoU,
    welch: [...welchTpb, ...welchChannel],
    anova,
    phantoms: options.input === null,
    gnn,
    gnnSkipped,
    omitted,
  });
  const totalSoFar = (performance.now() - start) / 1000;
  const facts: [string, string][] = [
    ['images', `${tasks.length} (${results.length} completed, ${failures.length} failed)`],
    [
      'input',
      options.input ??
        `phantom composites ${options.size}x${options.size}, seeds from ${options.seed}`,
    ],
    ['segmenter', segmenterLabel],
    [
      'NMC particles',
      `${particles.filter((p) => p.status === 'ok').length} (${valid.length} with valid descriptors)`,
    ],
    ['workers', String(options.workers)],
    ['adjacency window', `${options.window}x${options.window}`],
    [
      'time',
      `${totalSoFar.toFixed(1)} s (images ${poolSeconds.toFixed(1)} s, GNN ${gnnSeconds.toFixed(1)} s)`,
    ],
  ];
  if (failures.length)
    tables.unshift({
      id: 'failures',
      title: 'Failed images',
      caption: 'These images could not be processed; every other image completed.',
      rows: failures as unknown as Record<string, unknown>[],
      columns: [{ key: 'name', header: 'image' }, { key: 'reason' }],
    });
  await write(
    'report.html',
    buildReportHtml({
      title: `mgraph: graph analysis of ${options.input ? 'user images' : 'phantom cathode composites'}`,
      summary: findings,
      facts,
      tables,
      figures,
    }),
  );
  const outputsSeconds = (performance.now() - t0) / 1000;
  const summary: WorkflowSummary = {
    out,
    images: tasks.length,
    completed: results.length,
    failures,
    particles: particles.filter((p) => p.status === 'ok').length,
    validParticles: valid.length,
    meanIoU,
    findings,
    gnn: gnn ? (({ predictions: _p, ...rest }) => rest)(gnn) : null,
    gnnSkipped,
    seconds: {
      pool: poolSeconds,
      statistics: statisticsSeconds,
      gnn: gnnSeconds,
      outputs: outputsSeconds,
      total: (performance.now() - start) / 1000,
    },
    files: [...files, join(out, 'summary.json')],
  };
  await writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
