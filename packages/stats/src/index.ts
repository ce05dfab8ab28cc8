/**
 * `@mgraph/stats`: graph metrics with networkx semantics, Pearson correlation, Welch and
 * Student t-tests with effect size, two-way ANOVA (type I/II/III) as statsmodels, and box-plot
 * summaries as matplotlib.
 *
 * @packageDocumentation
 */

export {
  type Anova2Data,
  type Anova2Options,
  type Anova2Result,
  type Anova2Row,
  anova2,
  type FactorLevel,
} from './anova2.js';
export {
  type BetweennessCentralityOptions,
  betweennessCentrality,
} from './betweenness-centrality.js';
export { type BoxplotStats, type BoxplotStatsOptions, boxplotStats } from './boxplot-stats.js';
export {
  type ClosenessCentralityOptions,
  closenessCentrality,
} from './closeness-centrality.js';
export { type ClusteringOptions, clustering } from './clustering.js';
export { type CorrelationTable, correlationTable } from './correlation-table.js';
export { degree, type WeightedDegreeOptions, weightedDegree } from './degree.js';
export { fSf, normalCdf, normalPpf, tCdf, tPdf, tPpf, tSf } from './distributions.js';
export {
  type EigenvectorCentralityOptions,
  eigenvectorCentrality,
} from './eigenvector-centrality.js';
export { type NodeMetricsOptions, type NodeMetricsRow, nodeMetrics } from './node-metrics.js';
export { type PearsonOptions, type PearsonResult, pearson } from './pearson.js';
export {
  logBeta,
  logGamma,
  type RegularizedIncompleteBetaOptions,
  type RegularizedLowerGammaOptions,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
} from './special-functions.js';
export { studentTTest } from './student-t-test.js';
export type { Alternative, TTestOptions, TTestResult } from './t-test-result.js';
export { welchTTest } from './welch-t-test.js';
