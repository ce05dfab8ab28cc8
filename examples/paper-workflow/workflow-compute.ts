/**
 * Stage 1 of the workflow, the computing: every image through `@mgraph/pipeline` in the
 * worker pool, the batch's statistics tables, the GNN. Writes nothing; a failed image is kept
 * with its reason and the rest of the batch completes.
 */

import type { TaskOutcome } from '@mgraph/core';
import { poolExecutor } from '@mgraph/executor';
import {
  type GraphFidelity,
  type StatisticsTables,
  statisticsTables,
  validParticles,
} from '@mgraph/pipeline';
import { loadUNet } from '@mgraph/segment/node';
import { type GnnOutcome, runGnn } from './gnn-step.js';
import { batchGraphFidelity, type FidelityRow } from './graph-fidelity-table.js';
import { directoryTasks, phantomTasks } from './inputs.js';
import type { WorkflowOptions } from './options.js';
import { createProgressBar, type ProgressStream } from './progress.js';
import { unetChoice } from './segmenters.js';
import { PEARSON_METRICS } from './table-columns.js';
import type {
  ExampleRasters,
  ImageFailure,
  ImageParticle,
  ImageResult,
  ImageRow,
  ImageTask,
  ParticleCsvRow,
  WorkerSettings,
} from './types.js';
import type { ImageTaskInput } from './worker.js';

/** Where the run reports: log lines and the progress bars' stream. */
export interface WorkflowIo {
  log: (line: string) => void;
  progress?: ProgressStream;
  /** Cancels the batch (running workers are terminated) and the GNN between epochs. */
  signal?: AbortSignal;
}

/** Everything the workflow computed: the input of the write and report stages. */
export interface WorkflowComputation {
  tasks: ImageTask[];
  /** Completed images, in task order (their example rasters dropped). */
  results: ImageResult[];
  failures: ImageFailure[];
  /** One row per task, failed ones with their reason. */
  imageRows: ImageRow[];
  /** Rows of `particles.csv`: every particle of every completed image, one row per failure. */
  particleRows: ParticleCsvRow[];
  /** Particles with valid descriptors: what the statistics and the figures use. */
  valid: ImageParticle[];
  statistics: StatisticsTables;
  /** The first completed image, for Fig. 2. */
  example: { name: string; rasters: ExampleRasters; graph: string } | null;
  /** Mean mIoU of the completed images with a truth phase map; null when none has one. */
  meanIoU: number | null;
  /** Graph fidelity per image and pooled (`overall` row); null when no image has a truth. */
  graphFidelity: { rows: FidelityRow[]; pooled: GraphFidelity } | null;
  gnn: GnnOutcome | null;
  /** Why the GNN did not run; null when it ran. */
  gnnSkipped: string | null;
  seconds: { pool: number; statistics: number; gnn: number };
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);
/** Fewest graphs with valid NMC descriptors the GNN's 60/20/20 split is run on. */
export const MIN_GNN_GRAPHS = 5;

/** The `particles.csv` row of a particle: its `neighbors` record as one column per phase. */
export function particleCsvRow(image: string, p: ImageParticle): ParticleCsvRow {
  const { node: _node, phase: _phase, neighbors, ...rest } = p;
  return {
    image,
    status: 'ok',
    error: '',
    ...rest,
    nmcNeighbors: neighbors.nmc ?? Number.NaN,
    sseNeighbors: neighbors.sse ?? Number.NaN,
    graphiteNeighbors: neighbors.graphite ?? Number.NaN,
  };
}

/** The `particles.csv` row of a failed image: its reason, every number NaN. */
export function failedParticleRow(failure: ImageFailure): ParticleCsvRow {
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

/** The `images.csv` row of a task. */
export function imageRow(
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

/** Every image through the worker pool; outcomes in task order. */
async function processBatch(
  tasks: ImageTask[],
  options: WorkflowOptions,
  io: WorkflowIo,
): Promise<Pick<WorkflowComputation, 'results' | 'failures' | 'imageRows' | 'particleRows'>> {
  const settings: WorkerSettings = {
    segmenter: options.segmenter,
    unet: unetChoice(options),
    window: options.window,
    minSize: options.minSize,
  };
  const bar = options.progress ? createProgressBar('images', tasks.length, io.progress) : null;
  const pool = poolExecutor({
    tasksModule: WORKER_URL,
    size: Math.max(1, Math.min(options.workers, tasks.length)),
  });
  let outcomes: TaskOutcome<ImageResult>[];
  try {
    outcomes = await pool.run<ImageResult>(
      tasks.map((task) => ({ kind: 'image', input: { task, settings } satisfies ImageTaskInput })),
      {
        ...(io.signal ? { signal: io.signal } : {}),
        onProgress: ({ done, failed }) => bar?.update(done, failed ? `(${failed} failed)` : ''),
      },
    );
  } finally {
    await pool.close();
  }
  bar?.finish();
  const results: ImageResult[] = [];
  const failures: ImageFailure[] = [];
  const imageRows: ImageRow[] = [];
  const particleRows: ParticleCsvRow[] = [];
  outcomes.forEach((outcome, i) => {
    const task = tasks[i];
    if (outcome.ok) {
      results.push(outcome.value);
      imageRows.push(imageRow(task, outcome.value, null));
      particleRows.push(...outcome.value.particles.map((p) => particleCsvRow(task.name, p)));
    } else {
      const failure = {
        name: task.name,
        reason: `${outcome.error.name}: ${outcome.error.message}`,
      };
      failures.push(failure);
      imageRows.push(imageRow(task, null, failure));
      particleRows.push(failedParticleRow(failure));
      io.log(`  failed: ${failure.name}: ${failure.reason}`);
    }
  });
  return { results, failures, imageRows, particleRows };
}

/** The GNN on the graphs with valid NMC descriptors, or the reason it cannot run. */
function gnnStage(
  results: readonly ImageResult[],
  options: WorkflowOptions,
  io: WorkflowIo,
): { gnn: GnnOutcome | null; gnnSkipped: string | null } {
  const trainable = results.filter((r) => r.particles.some((p) => p.descriptorsValid));
  if (trainable.length < MIN_GNN_GRAPHS)
    return {
      gnn: null,
      gnnSkipped: `the GNN needs at least ${MIN_GNN_GRAPHS} graphs with valid NMC descriptors; the batch has ${trainable.length}`,
    };
  const bar = options.progress
    ? createProgressBar('gnn epochs', options.epochs, io.progress)
    : null;
  const gnn = runGnn(
    trainable.map((r) => r.graph),
    {
      seed: options.seed,
      maxEpochs: options.epochs,
      onProgress: (e) => bar?.update(e),
      signal: io.signal,
    },
  );
  bar?.finish(`stopped at epoch ${gnn.epochs}, best ${gnn.bestEpoch}`);
  return { gnn, gnnSkipped: null };
}

/**
 * Compute the workflow: tasks, the batch through the pool, statistics, GNN.
 *
 * @param options - parsed options (see `options.ts`).
 * @param io - log, progress output, abort signal.
 * @returns {@link WorkflowComputation}.
 * @throws ModelError (from `loadUNet`) when the U-Net cannot be opened; InvalidArgumentError
 *   when `options.input` holds no image; AbortError when `io.signal` aborts. A failing
 *   image never throws: it is recorded.
 */
export async function computeWorkflow(
  options: WorkflowOptions,
  io: WorkflowIo,
): Promise<WorkflowComputation> {
  const start = performance.now();
  const tasks = options.input
    ? await directoryTasks(options.input)
    : phantomTasks(options.count, options.seed, [options.size, options.size], options.preset);
  if (options.segmenter === 'unet') {
    // Fail fast, before the batch, when the model cannot be opened (every image would fail).
    const unet = await loadUNet(unetChoice(options));
    io.log(`U-Net: ${unet.modelPath}`);
  }
  io.log(
    `mgraph paper workflow: ${tasks.length} images (${options.input ?? `phantoms, seeds ${options.seed}..${options.seed + tasks.length - 1}`}), ${options.workers} workers, segmenter ${options.segmenter}`,
  );
  const { results, failures, imageRows, particleRows } = await processBatch(tasks, options, io);
  const pool = (performance.now() - start) / 1000;

  const first = results.find((r) => r.example) ?? null;
  const example = first?.example
    ? { name: first.name, rasters: first.example, graph: first.graph }
    : null;
  for (const r of results) r.example = null;
  const mious = results.map((r) => r.miou).filter((m): m is number => m !== null);

  let t0 = performance.now();
  const particles = results.flatMap((r) => r.particles);
  const valid = validParticles(particles);
  const statistics = statisticsTables(valid, { metrics: PEARSON_METRICS });
  const statisticsSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const { gnn, gnnSkipped } = gnnStage(results, options, io);
  return {
    tasks,
    results,
    failures,
    imageRows,
    particleRows,
    valid,
    statistics,
    example,
    meanIoU: mious.length ? mious.reduce((a, b) => a + b, 0) / mious.length : null,
    graphFidelity: batchGraphFidelity(results),
    gnn,
    gnnSkipped,
    seconds: { pool, statistics: statisticsSeconds, gnn: (performance.now() - t0) / 1000 },
  };
}
