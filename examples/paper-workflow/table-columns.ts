/**
 * Column lists of every table the workflow writes (CSV keeps full precision; Markdown and
 * the report round to `digits`).
 */
import { type AnovaRow, GRAPH_METRICS, type PearsonRow, type WelchRow } from '@mgraph/pipeline';
import type { GnnErrorRow } from './gnn-step.js';
import type { ModelComparisonRow } from './relational-gnn.js';
import type { Column } from './tables.js';
import type { ImageFailure, ImageRow, ParticleCsvRow, TpbCsvRow } from './types.js';

/** The neighbour columns of `particles.csv`, one per cathode object phase, NMC first. */
export const NEIGHBOR_COLUMNS = ['nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors'] as const;

/**
 * The metrics of the Pearson table (Fig. 5a), in its row order: the graph metrics, the
 * neighbour counts of each phase, the particle size.
 */
export const PEARSON_METRICS = [...GRAPH_METRICS, ...NEIGHBOR_COLUMNS, 'size'] as const;

export const PARTICLE_COLUMNS: Column<ParticleCsvRow>[] = (
  [
    'image',
    'status',
    'error',
    'label',
    'size',
    'soc',
    'heterogeneity',
    'polarization',
    'descriptorsValid',
    'descriptorNote',
    'tpbCount',
    'inTpb',
    'channelCategory',
    'concurrentChannel',
    ...GRAPH_METRICS,
    ...NEIGHBOR_COLUMNS,
    'ionicResistance',
    'electronicResistance',
    'accessCurrent',
    'wired',
    'wellWired',
    'truthLabel',
    'truthSoc',
    'truthHeterogeneity',
    'truthPolarization',
  ] as const
).map((key) => ({ key }));

export const IMAGE_COLUMNS: Column<ImageRow>[] = [
  { key: 'image' },
  { key: 'status' },
  { key: 'error' },
  { key: 'miou', header: 'mIoU' },
  { key: 'iouBackground', header: 'IoU background' },
  { key: 'iouSse', header: 'IoU SSE' },
  { key: 'iouNmc', header: 'IoU NMC' },
  { key: 'iouGraphite', header: 'IoU graphite' },
  { key: 'nodes' },
  { key: 'edges' },
  { key: 'nmcParticles', header: 'NMC particles' },
  { key: 'tpbs', header: 'TPBs' },
  { key: 'seconds', digits: 3 },
];

export const TPB_COLUMNS: Column<TpbCsvRow>[] = [
  { key: 'image' },
  { key: 'nmc', header: 'NMC label' },
  { key: 'nmcSize', header: 'NMC size' },
  { key: 'perimeter' },
  { key: 'interfaceRatio', header: 'interface ratio' },
];

export const WELCH_COLUMNS: Column<WelchRow>[] = [
  { key: 'feature' },
  { key: 'descriptor' },
  { key: 'nWith', header: 'n with' },
  { key: 'nWithout', header: 'n without' },
  { key: 'meanWith', header: 'mean with', digits: 6 },
  { key: 'meanWithout', header: 'mean without', digits: 6 },
  { key: 'meanDifference', header: 'difference' },
  { key: 'ciLow', header: 'CI 95% low' },
  { key: 'ciHigh', header: 'CI 95% high' },
  { key: 't' },
  { key: 'df' },
  { key: 'p', digits: 3 },
  { key: 'cohenD', header: "Cohen's d", digits: 3 },
  { key: 'significant', header: 'p < 0.05' },
  { key: 'note' },
];

export const ANOVA_COLUMNS: Column<AnovaRow>[] = [
  { key: 'response' },
  { key: 'term' },
  { key: 'sumSq', header: 'sum of squares' },
  { key: 'df' },
  { key: 'F' },
  { key: 'p', digits: 3 },
  { key: 'note' },
];

export const PEARSON_COLUMNS: Column<PearsonRow>[] = [
  { key: 'metric' },
  { key: 'descriptor' },
  { key: 'r', digits: 3 },
  { key: 'p', digits: 3 },
  { key: 'n' },
];

export const GNN_COLUMNS: Column<GnnErrorRow>[] = [
  { key: 'target' },
  { key: 'rmse', header: 'RMSE' },
  { key: 'mae', header: 'MAE' },
  { key: 'r2', header: 'R^2', digits: 3 },
  { key: 'baselineRmse', header: 'mean-baseline RMSE' },
  { key: 'baselineMae', header: 'mean-baseline MAE' },
];

export const MODEL_COLUMNS: Column<ModelComparisonRow>[] = [
  { key: 'data' },
  { key: 'target' },
  { key: 'r2Star', header: 'R^2*', digits: 3 },
  { key: 'mean', header: 'mean R^2', digits: 3 },
  { key: 'linear', header: 'linear R^2', digits: 3 },
  { key: 'mlp', header: 'MLP R^2', digits: 3 },
  { key: 'gnn', header: 'GNN R^2', digits: 3 },
];

export const FAILURE_COLUMNS: Column<ImageFailure>[] = [
  { key: 'name', header: 'image' },
  { key: 'reason' },
];
