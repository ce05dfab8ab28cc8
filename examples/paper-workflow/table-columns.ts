/**
 * Column lists of every table the workflow writes (CSV keeps full precision; Markdown and
 * the report round to `digits`).
 */
import type { GnnErrorRow } from './gnn-step.js';
import { type AnovaRow, GRAPH_METRICS, type WelchRow } from './statistics.js';
import type { Column } from './tables.js';
import type { ParticleRow, TpbRow } from './types.js';

/** A row of `images.csv`: one per input image, failed ones with their reason. */
export interface ImageRow {
  image: string;
  status: 'ok' | 'failed';
  error: string;
  miou: number | null;
  iouBackground: number | null;
  iouSse: number | null;
  iouNmc: number | null;
  iouGraphite: number | null;
  nodes: number | null;
  edges: number | null;
  nmcParticles: number | null;
  tpbs: number | null;
  seconds: number | null;
}

/** A row of the Pearson table (Fig. 5a as numbers). */
export interface PearsonRow {
  metric: string;
  descriptor: string;
  r: number;
  p: number;
  n: number;
}

export const PARTICLE_COLUMNS: Column<ParticleRow>[] = (
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

export const TPB_COLUMNS: Column<TpbRow>[] = [
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
