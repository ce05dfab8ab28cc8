/**
 * Step 5 of the workflow: the heterogeneous NNConv GNN of @mgraph/gnn trained on the
 * batch's graphs to predict SOC, heterogeneity and polarization of NMC nodes from structure
 * alone (graphs split 60/20/20, seeded; AdamW, clipping, early stopping with patience 50),
 * evaluated on the test split beside three models that do not see the graph (training mean,
 * linear regression and an MLP on each particle's own features; same split, same seed), and
 * the same four models on a small relational phantom whose best achievable R^2 is known.
 */
import { compareModels, fromGraph, type HeteroGraph, predict } from '@mgraph/gnn';
import { graphFromJSON } from '@mgraph/graph';
import type { AnalysisNodeAttributes } from '@mgraph/pipeline';
import {
  comparisonRows,
  type ModelComparisonRow,
  runRelationalGnn,
  STRUCTURE_FEATURES,
} from './relational-gnn.js';
import type { PredictionPoint } from './types.js';

/**
 * Node features the GNN sees: structure only, no descriptor leaks in (`tpbCount` and
 * `concurrentChannel` are node attributes computed from the graph by the image step).
 */
export const GNN_FEATURES = [...STRUCTURE_FEATURES, 'tpbCount', 'concurrentChannel'] as const;

/**
 * Hidden width of the NNConv layers. 8 rather than the package default 32: the edge MLP
 * makes a `hidden x hidden` matrix per edge, so 8 is about 10x cheaper per epoch (measured on the 73 demo graphs, 48,628 directed edges) and keeps the
 * demo's GNN step within a minute or two on 2 cores.
 */
export const GNN_HIDDEN = 8;
/** The NMC targets. */
export const GNN_TARGETS = ['soc', 'heterogeneity', 'polarization'] as const;

/** One row of the GNN error table (original units). */
export interface GnnErrorRow {
  target: string;
  rmse: number;
  mae: number;
  r2: number;
  baselineRmse: number;
  baselineMae: number;
}

/** What the GNN step returns. */
export interface GnnOutcome {
  errors: GnnErrorRow[];
  predictions: PredictionPoint[];
  graphs: { train: number; validation: number; test: number };
  /** NMC nodes left out of the GNN graphs because their descriptors are invalid. */
  droppedNodes: number;
  /**
   * Test R^2 of mean / linear / MLP / GNN per target: on the batch (R^2* unknown) and, unless
   * `relational: false`, on the relational phantom (R^2* from its generator).
   */
  comparison: ModelComparisonRow[];
  /** Target nodes per split of the relational run, or null when it was not run. */
  relationalNodes: { train: number; val: number; test: number } | null;
  epochs: number;
  bestEpoch: number;
  seconds: number;
}

/** Options of {@link runGnn}. */
export interface GnnStepOptions {
  seed: number;
  maxEpochs: number;
  /** Also run the four models on the small relational phantom. Default true. */
  relational?: boolean;
  onProgress?: (epoch: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The GNN input of one graph: NMC nodes without valid descriptors (attribute `soc` absent:
 * too few pixels inside the energy range) are removed with their edges, since every target
 * node needs its three targets.
 */
function heteroInput(json: string): { data: HeteroGraph; dropped: number } {
  const graph = graphFromJSON(json);
  const drop = graph.filterNodes((_, a: AnalysisNodeAttributes) => {
    return a.phase === 'nmc' && !Number.isFinite(a.soc);
  });
  for (const key of drop) graph.dropNode(key);
  return {
    data: fromGraph(graph, { features: [...GNN_FEATURES], targets: [...GNN_TARGETS] }),
    dropped: drop.length,
  };
}

/**
 * Train and evaluate the GNN on the batch's graphs.
 *
 * @param graphs - graphs (graphology JSON text) whose NMC nodes carry `soc`,
 *   `heterogeneity`, `polarization`.
 * @param options - seed, most epochs, progress, abort.
 * @returns errors per target on the test split, test predictions, split sizes, epochs.
 */
export function runGnn(graphs: readonly string[], options: GnnStepOptions): GnnOutcome {
  const t0 = performance.now();
  const inputs = graphs.map(heteroInput);
  const data = inputs.map((i) => i.data);
  const cmp = compareModels(data, {
    seed: options.seed,
    gnn: {
      maxEpochs: options.maxEpochs,
      model: { hiddenChannels: GNN_HIDDEN },
      onProgress: options.onProgress
        ? (done, total) => options.onProgress!(done, total)
        : undefined,
      signal: options.signal,
    },
  });
  const result = cmp.gnn;
  const relational =
    options.relational === false
      ? null
      : runRelationalGnn(options.seed, options.maxEpochs, options.signal);
  const test = result.evaluation.test;
  const errors = GNN_TARGETS.map((target) => {
    const e = test.targets[target];
    return {
      target,
      rmse: e.rmse,
      mae: e.mae,
      r2: e.r2,
      baselineRmse: e.baseline.rmse,
      baselineMae: e.baseline.mae,
    };
  });
  const testGraphs = result.split.test.map((i) => data[i]);
  const predicted = predict(result.model, testGraphs, result.standardizer);
  const predictions: PredictionPoint[] = [];
  testGraphs.forEach((g, k) => {
    const y = g.y!;
    const p = predicted[k];
    for (let i = 0; i < y.rows; i++)
      for (const [j, target] of GNN_TARGETS.entries())
        predictions.push({
          target,
          truth: y.data[i * y.cols + j],
          prediction: p.data[i * p.cols + j],
        });
  });
  return {
    errors,
    predictions,
    graphs: {
      train: result.split.train.length,
      validation: result.split.val.length,
      test: result.split.test.length,
    },
    droppedNodes: inputs.reduce((n, i) => n + i.dropped, 0),
    comparison: [...comparisonRows('demo batch', cmp, null), ...(relational?.rows ?? [])],
    relationalNodes: relational?.nodes ?? null,
    epochs: result.history.length,
    bestEpoch: result.bestEpoch,
    seconds: (performance.now() - t0) / 1000,
  };
}
