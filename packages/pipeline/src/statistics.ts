import { assertNumber, InvalidArgumentError } from '@mgraph/core';
import { anova2, correlationTable, welchTTest } from '@mgraph/stats';
import { DESCRIPTORS, type Descriptor, type ParticleRow } from './types.js';

/**
 * What the statistics read of a particle: its descriptors, TPB and channel membership, its
 * graph metrics and neighbour counts. {@link ParticleRow} has all of it.
 */
export type StatisticsParticle = Pick<
  ParticleRow,
  | Descriptor
  | 'descriptorsValid'
  | 'inTpb'
  | 'concurrentChannel'
  | 'size'
  | 'degree'
  | 'weightedDegree'
  | 'clustering'
  | 'betweenness'
  | 'closeness'
  | 'eigenvector'
  | 'neighbors'
>;

/** A boolean feature of a particle the Welch and ANOVA tables split by. */
export type ParticleFeature = 'inTpb' | 'concurrentChannel';

/** A row of the Welch tables (paper Tables S1, S2): one descriptor, with vs without a feature. */
export interface WelchRow {
  /** Feature name, e.g. `'TPB'`. */
  feature: string;
  descriptor: Descriptor;
  nWith: number;
  nWithout: number;
  meanWith: number;
  meanWithout: number;
  /** `meanWith - meanWithout`. */
  meanDifference: number;
  /** Confidence interval of the difference (`1 - alpha`). */
  ciLow: number;
  ciHigh: number;
  t: number;
  df: number;
  /** Two-sided p. */
  p: number;
  /** Cohen's d with the pooled standard deviation. */
  cohenD: number;
  /** `p < alpha`. */
  significant: boolean;
  /** Why the test could not be run (too few particles, zero variance); empty when it ran. NaN numbers then. */
  note: string;
}

/** A row of the ANOVA table (paper Table S3). */
export interface AnovaRow {
  /** `'log heterogeneity'` or `'log polarization'`. */
  response: string;
  /** `'TPB'`, `'channel'`, `'TPB:channel'`, `'Residual'`, or `'-'` when not computed. */
  term: string;
  sumSq: number;
  df: number;
  /** NaN for the residual row. */
  F: number;
  /** NaN for the residual row. */
  p: number;
  /** Why the ANOVA of this response could not be run; empty when it ran. */
  note: string;
}

/** A cell of the Pearson table (paper Fig. 5a): one metric against one descriptor. */
export interface PearsonRow {
  metric: string;
  descriptor: Descriptor;
  /** Pearson r; NaN when a column is constant or has fewer than 3 finite values. */
  r: number;
  /** Two-sided p; NaN with r. */
  p: number;
  /** Particles with both values finite (0 when not computed). */
  n: number;
}

/** Options of {@link welchTable}. */
export interface WelchTableOptions {
  /** Name of the feature in the table (and in sentences "with a ..."). Default: `'TPB'` for `inTpb`, `'concurrent channel'` for `concurrentChannel`. */
  featureName?: string;
  /** Significance level, in (0, 1). Default 0.05. */
  alpha?: number;
}

/** Options of {@link anovaTable}. */
export interface AnovaTableOptions {
  /** Sums of squares, as statsmodels `anova_lm` `typ`. Default 2. */
  type?: 1 | 2 | 3;
}

/** Options of {@link pearsonTable}. */
export interface PearsonTableOptions {
  /**
   * Metrics, in row order: `degree`, `weightedDegree`, `clustering`, `betweenness`,
   * `closeness`, `eigenvector`, `size`, or `'<phase>Neighbors'` for a key of the rows'
   * `neighbors`. Default {@link GRAPH_METRICS}, then one `'<phase>Neighbors'` per key of the
   * first row's `neighbors` (the scheme's object phases, in code order), then `size`.
   */
  metrics?: readonly string[];
}

/** Options of {@link statisticsTables}. */
export interface StatisticsTablesOptions extends PearsonTableOptions, AnovaTableOptions {
  /** Significance level of the Welch tests. Default 0.05. */
  alpha?: number;
}

/** Every table of the paper's statistics, from one set of particles. */
export interface StatisticsTables {
  /** Particles with valid descriptors: the ones the tables use. */
  valid: number;
  /** Table S1: with vs without a TPB. */
  welchTpb: WelchRow[];
  /** Table S2: with vs without a concurrent channel. */
  welchChannel: WelchRow[];
  /** Table S3: two-way ANOVA. */
  anova: AnovaRow[];
  /** Fig. 5a: Pearson r of each metric with each descriptor. */
  pearson: PearsonRow[];
}

/** The scalar graph metrics of a particle row, in the paper's order. */
export const GRAPH_METRICS = [
  'degree',
  'weightedDegree',
  'clustering',
  'betweenness',
  'closeness',
  'eigenvector',
] as const;

const FEATURE_NAMES: Record<ParticleFeature, string> = {
  inTpb: 'TPB',
  concurrentChannel: 'concurrent channel',
};
const TERM_NAMES: Record<string, string> = { a: 'TPB', b: 'channel', 'a:b': 'TPB:channel' };
const NEIGHBORS = /^(.+)Neighbors$/;

function assertParticles(fn: string, particles: unknown): void {
  if (!Array.isArray(particles))
    throw new InvalidArgumentError(fn, 'particles', particles, 'an array of particle rows');
}

/**
 * The particles whose three descriptors are valid and finite: the ones every table uses.
 *
 * @param particles - particle rows (e.g. `analysis.particles` of several images, concatenated)
 * @returns a new array of the same row objects
 * @throws InvalidArgumentError when `particles` is not an array
 */
export function validParticles<P extends StatisticsParticle>(particles: readonly P[]): P[] {
  assertParticles('validParticles', particles);
  return particles.filter(
    (p) =>
      p.descriptorsValid &&
      Number.isFinite(p.soc) &&
      Number.isFinite(p.heterogeneity) &&
      Number.isFinite(p.polarization),
  );
}

/**
 * Welch's two-sample t-test of each descriptor between the valid particles with and without a
 * feature (paper Tables S1 and S2), with the confidence interval of the mean difference and
 * Cohen's d (`welchTTest` of `@mgraph/stats`, scipy `ttest_ind(equal_var=False)`). A test that
 * cannot run (a group with fewer than 2 particles, zero variance) gives a row of NaN with the
 * reason in `note` rather than an error.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param feature - `'inTpb'` or `'concurrentChannel'`
 * @param options - {@link WelchTableOptions}: `featureName` (`'TPB'` / `'concurrent channel'`), `alpha` (0.05)
 * @returns one {@link WelchRow} per descriptor: soc, heterogeneity, polarization
 * @throws InvalidArgumentError for a non-array `particles`, an unknown `feature`, or `alpha` outside (0, 1)
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (Tables S1, S2); Welch, Biometrika 34 (1947).
 */
export function welchTable(
  particles: readonly StatisticsParticle[],
  feature: ParticleFeature,
  options: WelchTableOptions = {},
): WelchRow[] {
  const fn = 'welchTable';
  assertParticles(fn, particles);
  if (feature !== 'inTpb' && feature !== 'concurrentChannel')
    throw new InvalidArgumentError(fn, 'feature', feature, "'inTpb' or 'concurrentChannel'");
  const { featureName = FEATURE_NAMES[feature], alpha = 0.05 } = options;
  assertNumber(fn, 'options.alpha', alpha, { greaterThan: 0, lessThan: 1 });
  const valid = validParticles(particles);
  return DESCRIPTORS.map((descriptor) => {
    const withF = valid.filter((p) => p[feature]).map((p) => p[descriptor]);
    const without = valid.filter((p) => !p[feature]).map((p) => p[descriptor]);
    const row = { feature: featureName, descriptor, nWith: withF.length, nWithout: without.length };
    try {
      const r = welchTTest(withF, without, { confidence: 1 - alpha });
      return {
        ...row,
        meanWith: r.mean1,
        meanWithout: r.mean2,
        meanDifference: r.meanDifference,
        ciLow: r.ci[0],
        ciHigh: r.ci[1],
        t: r.t,
        df: r.df,
        p: r.p,
        cohenD: r.cohenD,
        significant: r.p < alpha,
        note: '',
      };
    } catch (error) {
      const nan = Number.NaN;
      return {
        ...row,
        meanWith: nan,
        meanWithout: nan,
        meanDifference: nan,
        ciLow: nan,
        ciHigh: nan,
        t: nan,
        df: nan,
        p: nan,
        cohenD: nan,
        significant: false,
        note: (error as Error).message,
      };
    }
  });
}

/**
 * Two-way ANOVA (with interaction) of log(heterogeneity) and log(polarization) on TPB
 * involvement x concurrent channel (paper Table S3; `anova2` of `@mgraph/stats`, statsmodels
 * `anova_lm`). Particles with a non-positive value (polarization 0: one dominant peak) are left
 * out of that response, the log being undefined. A response whose ANOVA cannot run (an empty
 * cell of the 2x2 design) gives one row with term `'-'` and the reason in `note`.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param options - {@link AnovaTableOptions}: `type` (2)
 * @returns the rows of `log heterogeneity` then `log polarization`: TPB, channel,
 *   TPB:channel, Residual
 * @throws InvalidArgumentError for a non-array `particles` or a `type` other than 1, 2, 3
 */
export function anovaTable(
  particles: readonly StatisticsParticle[],
  options: AnovaTableOptions = {},
): AnovaRow[] {
  const fn = 'anovaTable';
  assertParticles(fn, particles);
  const { type = 2 } = options;
  if (type !== 1 && type !== 2 && type !== 3)
    throw new InvalidArgumentError(fn, 'options.type', type, '1, 2 or 3');
  const valid = validParticles(particles);
  return (['heterogeneity', 'polarization'] as const).flatMap((key) => {
    const rows = valid.filter((p) => p[key] > 0);
    const response = `log ${key}`;
    try {
      const result = anova2(
        {
          y: rows.map((p) => p[key]),
          a: rows.map((p) => (p.inTpb ? 'TPB' : 'no TPB')),
          b: rows.map((p) => (p.concurrentChannel ? 'channel' : 'no channel')),
        },
        { type, interaction: true, transform: 'log' },
      );
      return result.rows.map((row) => ({
        response,
        term: TERM_NAMES[row.term] ?? row.term,
        sumSq: row.sumSq,
        df: row.df,
        F: row.F ?? Number.NaN,
        p: row.p ?? Number.NaN,
        note: '',
      }));
    } catch (error) {
      const nan = Number.NaN;
      return [
        {
          response,
          term: '-',
          sumSq: nan,
          df: nan,
          F: nan,
          p: nan,
          note: (error as Error).message,
        },
      ];
    }
  });
}

/** The value of a metric (a scalar column or `'<phase>Neighbors'`) of a particle. */
function metricValue(p: StatisticsParticle, metric: string): number {
  const neighbors = NEIGHBORS.exec(metric);
  if (neighbors) return p.neighbors[neighbors[1]!] ?? Number.NaN;
  return p[metric as (typeof GRAPH_METRICS)[number] | 'size'];
}

/** The default metrics of {@link pearsonTable} for these particles. */
export function defaultMetrics(particles: readonly StatisticsParticle[]): string[] {
  const phases = Object.keys(particles[0]?.neighbors ?? {});
  return [...GRAPH_METRICS, ...phases.map((p) => `${p}Neighbors`), 'size'];
}

/**
 * Pearson r and two-sided p of every metric with every descriptor over the valid particles
 * (paper Fig. 5a; `correlationTable` of `@mgraph/stats`, scipy `pearsonr`). A metric or
 * descriptor that is constant, or has fewer than 3 finite values, gets NaN cells with `n` 0
 * instead of an error.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param options - {@link PearsonTableOptions}: `metrics` ({@link defaultMetrics})
 * @returns one {@link PearsonRow} per metric and descriptor, metric-major
 * @throws InvalidArgumentError for a non-array `particles` or an unknown metric name
 */
export function pearsonTable(
  particles: readonly StatisticsParticle[],
  options: PearsonTableOptions = {},
): PearsonRow[] {
  const fn = 'pearsonTable';
  assertParticles(fn, particles);
  const valid = validParticles(particles);
  const metrics = options.metrics ?? defaultMetrics(valid);
  const known = new Set<string>([...GRAPH_METRICS, 'size']);
  metrics.forEach((m, i) => {
    if (typeof m !== 'string' || (!known.has(m) && !NEIGHBORS.test(m)))
      throw new InvalidArgumentError(
        fn,
        `options.metrics[${i}]`,
        m,
        `one of ${[...known].join(', ')} or '<phase>Neighbors'`,
      );
  });
  const columns = [...metrics, ...DESCRIPTORS];
  const records = valid.map((p) =>
    Object.fromEntries(columns.map((c) => [c, metricValue(p, c)] as const)),
  );
  const varies = (column: string) => {
    const values = records.map((r) => r[column]!).filter(Number.isFinite);
    return values.length > 2 && values.some((v) => v !== values[0]);
  };
  const usable = columns.filter(varies);
  const table =
    metrics.some(varies) && DESCRIPTORS.some(varies) ? correlationTable(records, usable) : null;
  return metrics.flatMap((metric) =>
    DESCRIPTORS.map((descriptor) => {
      const i = table ? table.columns.indexOf(metric) : -1;
      const j = table ? table.columns.indexOf(descriptor) : -1;
      if (!table || i < 0 || j < 0)
        return { metric, descriptor, r: Number.NaN, p: Number.NaN, n: 0 };
      return { metric, descriptor, r: table.r[i]![j]!, p: table.p[i]![j]!, n: table.n[i]![j]! };
    }),
  );
}

/**
 * All of the paper's statistics tables over a set of particles (typically every image of a
 * batch): Welch tables for TPB and for concurrent channels, the two-way ANOVA, and the
 * Pearson table.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param options - {@link StatisticsTablesOptions}: `alpha` (0.05), `type` (2), `metrics`
 * @returns {@link StatisticsTables}
 * @throws InvalidArgumentError as {@link welchTable}, {@link anovaTable}, {@link pearsonTable}
 */
export function statisticsTables(
  particles: readonly StatisticsParticle[],
  options: StatisticsTablesOptions = {},
): StatisticsTables {
  assertParticles('statisticsTables', particles);
  const alpha = options.alpha ?? 0.05;
  return {
    valid: validParticles(particles).length,
    welchTpb: welchTable(particles, 'inTpb', { alpha }),
    welchChannel: welchTable(particles, 'concurrentChannel', { alpha }),
    anova: anovaTable(particles, options.type ? { type: options.type } : {}),
    pearson: pearsonTable(particles, options.metrics ? { metrics: options.metrics } : {}),
  };
}
