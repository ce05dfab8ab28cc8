import {
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  MGraphError,
  type OptionKeys,
} from '@mgraph/core';
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
  | 'wellWired'
>;

/**
 * A boolean feature of a particle the Welch and ANOVA tables split by. `wellWired` is set by
 * an analysis with `options.transport` (see `ParticleRow.wellWired`).
 */
export type ParticleFeature = 'inTpb' | 'concurrentChannel' | 'wellWired';

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
  /** The two factors, distinct. Default `['inTpb', 'concurrentChannel']` (the paper's Table S3). */
  factors?: readonly [ParticleFeature, ParticleFeature];
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
export interface StatisticsTablesOptions
  extends PearsonTableOptions,
    Pick<AnovaTableOptions, 'type'> {
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
  /** Well vs poorly wired (Welch); only when every valid row has a boolean `wellWired`. */
  welchWiring?: WelchRow[];
  /** Two-way ANOVA on TPB x wiring; only when every valid row has a boolean `wellWired`. */
  anovaWiring?: AnovaRow[];
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
  wellWired: 'good wiring',
};
/** ANOVA term name and the level names of each factor (with, without). */
const FACTORS: Record<ParticleFeature, [string, string, string]> = {
  inTpb: ['TPB', 'TPB', 'no TPB'],
  concurrentChannel: ['channel', 'channel', 'no channel'],
  wellWired: ['wiring', 'well wired', 'poorly wired'],
};
const NEIGHBORS = /^(.+)Neighbors$/;

const WELCH_KEYS: OptionKeys<WelchTableOptions> = { featureName: true, alpha: true };
const ANOVA_KEYS: OptionKeys<AnovaTableOptions> = { type: true, factors: true };
const PEARSON_KEYS: OptionKeys<PearsonTableOptions> = { metrics: true };
const TABLES_KEYS: OptionKeys<StatisticsTablesOptions> = { alpha: true, type: true, metrics: true };

/**
 * Assert `particles` is an array of row objects whose `descriptorsValid` is a boolean (a
 * hole, `null` or a number is an error naming its index, not a TypeError deep in a table).
 */
function assertParticles(fn: string, particles: unknown): asserts particles is unknown[] {
  if (!Array.isArray(particles))
    throw new InvalidArgumentError(fn, 'particles', particles, 'an array of particle rows');
  for (let i = 0; i < particles.length; i++) {
    const p: unknown = particles[i];
    if (typeof p !== 'object' || p === null || Array.isArray(p))
      throw new InvalidArgumentError(fn, `particles[${i}]`, p, 'a particle row object');
    const valid = (p as { descriptorsValid?: unknown }).descriptorsValid;
    if (typeof valid !== 'boolean')
      throw new InvalidArgumentError(
        fn,
        `particles[${i}].descriptorsValid`,
        valid,
        'true or false',
      );
  }
}

/** Assert the boolean features a table splits by are booleans on every valid row (`'no'` is not false). */
function assertFeatures(
  fn: string,
  particles: readonly StatisticsParticle[],
  features: readonly ParticleFeature[],
): void {
  particles.forEach((p, i) => {
    if (!isValid(p)) return;
    for (const f of features)
      if (typeof p[f] !== 'boolean')
        throw new InvalidArgumentError(fn, `particles[${i}].${f}`, p[f], 'true or false');
  });
}

/** A table's computation that may not run: its mgraph error becomes the row's note; any other error propagates. */
function noteOf(error: unknown): string {
  if (!MGraphError.isInstance(error)) throw error;
  return error.message;
}

const isValid = (p: StatisticsParticle) =>
  p.descriptorsValid === true &&
  Number.isFinite(p.soc) &&
  Number.isFinite(p.heterogeneity) &&
  Number.isFinite(p.polarization);

/**
 * The particles whose three descriptors are valid and finite: the ones every table uses.
 *
 * @param particles - particle rows (e.g. `analysis.particles` of several images, concatenated)
 * @returns a new array of the same row objects (empty for an empty list)
 * @throws InvalidArgumentError when `particles` is not an array, or a row is not an object
 *   or its `descriptorsValid` is not a boolean
 */
export function validParticles<P extends StatisticsParticle>(particles: readonly P[]): P[] {
  assertParticles('validParticles', particles);
  return particles.filter(isValid);
}

/**
 * Welch's two-sample t-test of each descriptor between the valid particles with and without a
 * feature (paper Tables S1 and S2), with the confidence interval of the mean difference and
 * Cohen's d (`welchTTest` of `@mgraph/stats`, scipy `ttest_ind(equal_var=False)`). A test that
 * cannot run (a group with fewer than 2 particles, zero variance) gives a row of NaN with the
 * reason in `note` rather than an error.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param feature - `'inTpb'`, `'concurrentChannel'` or `'wellWired'` (rows of an analysis with `options.transport`)
 * @param options - {@link WelchTableOptions} (`undefined` / `null`: defaults): `featureName` (`'TPB'` / `'concurrent channel'` / `'good wiring'`), `alpha` (0.05)
 * @returns one {@link WelchRow} per descriptor: soc, heterogeneity, polarization
 * @throws InvalidArgumentError for a non-array `particles` or a bad row ({@link validParticles}),
 *   a valid row whose `feature` is not a boolean, an unknown `feature`, an unknown option,
 *   `featureName` not a string, or `alpha` outside (0, 1). An empty or too small list is not
 *   an error: the rows say why in `note`
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (Tables S1, S2); Welch, Biometrika 34 (1947).
 */
export function welchTable(
  particles: readonly StatisticsParticle[],
  feature: ParticleFeature,
  options: WelchTableOptions | null = {},
): WelchRow[] {
  const fn = 'welchTable';
  assertParticles(fn, particles);
  if (!Object.hasOwn(FEATURE_NAMES, feature))
    throw new InvalidArgumentError(
      fn,
      'feature',
      feature,
      "'inTpb', 'concurrentChannel' or 'wellWired'",
    );
  const { featureName = FEATURE_NAMES[feature], alpha = 0.05 } = checkOptions(
    fn,
    options,
    WELCH_KEYS,
  );
  if (typeof featureName !== 'string')
    throw new InvalidArgumentError(fn, 'options.featureName', featureName, 'a string');
  checkAlpha(fn, alpha);
  assertFeatures(fn, particles, [feature]);
  const valid = particles.filter(isValid);
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
      const note = noteOf(error);
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
        note,
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
 * @param options - {@link AnovaTableOptions} (`undefined` / `null`: defaults): `type` (2),
 *   `factors` (`['inTpb', 'concurrentChannel']`; `'wellWired'` gives the term `wiring`)
 * @returns the rows of `log heterogeneity` then `log polarization`: TPB, channel,
 *   TPB:channel, Residual (the factors' terms and their interaction)
 * @throws InvalidArgumentError for a non-array `particles` or a bad row, a valid row whose
 *   `inTpb` or `concurrentChannel` is not a boolean, an unknown option, or a `type` other
 *   than 1, 2 or 3. An empty list is not an error: one row per response says why in `note`
 */
export function anovaTable(
  particles: readonly StatisticsParticle[],
  options: AnovaTableOptions | null = {},
): AnovaRow[] {
  const fn = 'anovaTable';
  assertParticles(fn, particles);
  const opts = checkOptions(fn, options, ANOVA_KEYS);
  const type = checkType(fn, opts.type ?? 2);
  const factors = opts.factors ?? (['inTpb', 'concurrentChannel'] as const);
  if (
    !Array.isArray(factors) ||
    factors.length !== 2 ||
    factors[0] === factors[1] ||
    !factors.every((f) => Object.hasOwn(FACTORS, f))
  )
    throw new InvalidArgumentError(
      fn,
      'options.factors',
      factors,
      "two distinct features of 'inTpb', 'concurrentChannel', 'wellWired'",
    );
  const [fa, fb] = factors;
  const [termA, withA, withoutA] = FACTORS[fa];
  const [termB, withB, withoutB] = FACTORS[fb];
  const termNames: Record<string, string> = { a: termA, b: termB, 'a:b': `${termA}:${termB}` };
  assertFeatures(fn, particles, [fa, fb]);
  const valid = particles.filter(isValid);
  return (['heterogeneity', 'polarization'] as const).flatMap((key) => {
    const rows = valid.filter((p) => p[key] > 0);
    const response = `log ${key}`;
    try {
      const result = anova2(
        {
          y: rows.map((p) => p[key]),
          a: rows.map((p) => (p[fa] ? withA : withoutA)),
          b: rows.map((p) => (p[fb] ? withB : withoutB)),
        },
        { type, interaction: true, transform: 'log' },
      );
      return result.rows.map((row) => ({
        response,
        term: termNames[row.term] ?? row.term,
        sumSq: row.sumSq,
        df: row.df,
        F: row.F ?? Number.NaN,
        p: row.p ?? Number.NaN,
        note: '',
      }));
    } catch (error) {
      const note = noteOf(error);
      const nan = Number.NaN;
      return [
        {
          response,
          term: '-',
          sumSq: nan,
          df: nan,
          F: nan,
          p: nan,
          note,
        },
      ];
    }
  });
}

/**
 * The value of a metric (a scalar column or `'<phase>Neighbors'`) of row `i`: a number, NaN
 * or +-Infinity counting as missing; anything else is an error naming the row and column.
 */
function metricValue(fn: string, p: StatisticsParticle, i: number, metric: string): number {
  const neighbors = NEIGHBORS.exec(metric);
  let value: unknown;
  if (neighbors) {
    if (typeof p.neighbors !== 'object' || p.neighbors === null)
      throw new InvalidArgumentError(
        fn,
        `particles[${i}].neighbors`,
        p.neighbors,
        'an object of neighbour counts per phase',
      );
    value = p.neighbors[neighbors[1]!] ?? Number.NaN;
  } else value = p[metric as (typeof GRAPH_METRICS)[number] | 'size'];
  if (typeof value !== 'number')
    throw new InvalidArgumentError(
      fn,
      `particles[${i}].${metric}`,
      value,
      'a number (NaN for a missing value)',
    );
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The default metrics of {@link pearsonTable} for these particles.
 *
 * @throws InvalidArgumentError as {@link validParticles}, or when the first row's
 *   `neighbors` is not an object
 */
export function defaultMetrics(particles: readonly StatisticsParticle[]): string[] {
  const fn = 'defaultMetrics';
  assertParticles(fn, particles);
  const neighbors: unknown = particles[0]?.neighbors ?? {};
  if (typeof neighbors !== 'object' || neighbors === null)
    throw new InvalidArgumentError(
      fn,
      'particles[0].neighbors',
      neighbors,
      'an object of neighbour counts per phase',
    );
  const phases = Object.keys(neighbors);
  return [...GRAPH_METRICS, ...phases.map((p) => `${p}Neighbors`), 'size'];
}

function checkAlpha(fn: string, alpha: unknown): number {
  assertNumber(fn, 'options.alpha', alpha, { greaterThan: 0, lessThan: 1 });
  return alpha;
}

function checkType(fn: string, type: unknown): 1 | 2 | 3 {
  if (type !== 1 && type !== 2 && type !== 3)
    throw new InvalidArgumentError(fn, 'options.type', type, '1, 2 or 3');
  return type;
}

function checkMetrics(fn: string, metrics: unknown): readonly string[] {
  if (!Array.isArray(metrics))
    throw new InvalidArgumentError(fn, 'options.metrics', metrics, 'an array of metric names');
  const known = new Set<string>([...GRAPH_METRICS, 'size']);
  metrics.forEach((m: unknown, i) => {
    if (typeof m !== 'string' || (!known.has(m) && !NEIGHBORS.test(m)))
      throw new InvalidArgumentError(
        fn,
        `options.metrics[${i}]`,
        m,
        `one of ${[...known].join(', ')} or '<phase>Neighbors'`,
      );
  });
  return metrics;
}

/**
 * Pearson r and two-sided p of every metric with every descriptor over the valid particles
 * (paper Fig. 5a; `correlationTable` of `@mgraph/stats`, scipy `pearsonr`). A metric or
 * descriptor that is constant, or has fewer than 3 finite values, gets NaN cells with `n` 0
 * instead of an error; a NaN or infinite metric value is a missing value (pairwise deletion).
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param options - {@link PearsonTableOptions} (`undefined` / `null`: defaults): `metrics`
 *   ({@link defaultMetrics})
 * @returns one {@link PearsonRow} per metric and descriptor, metric-major
 * @throws InvalidArgumentError for a non-array `particles` or a bad row, an unknown option,
 *   `metrics` not an array of known metric names, or a metric value of a valid row that is
 *   not a number
 */
export function pearsonTable(
  particles: readonly StatisticsParticle[],
  options: PearsonTableOptions | null = {},
): PearsonRow[] {
  const fn = 'pearsonTable';
  assertParticles(fn, particles);
  const opts = checkOptions(fn, options, PEARSON_KEYS);
  const valid = particles.filter(isValid);
  const metrics =
    opts.metrics === undefined ? defaultMetrics(valid) : checkMetrics(fn, opts.metrics);
  const columns = [...metrics, ...DESCRIPTORS];
  const records: Record<string, number>[] = [];
  particles.forEach((p, i) => {
    if (isValid(p))
      records.push(Object.fromEntries(columns.map((c) => [c, metricValue(fn, p, i, c)] as const)));
  });
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
 * Pearson table; when every valid row carries a boolean `wellWired` (an analysis with
 * `options.transport`), also the Welch table of well vs poorly wired particles and the
 * two-way ANOVA on TPB x wiring.
 *
 * @param particles - particle rows; invalid ones are left out ({@link validParticles})
 * @param options - {@link StatisticsTablesOptions} (`undefined` / `null`: defaults): `alpha`
 *   (0.05), `type` (2), `metrics`
 * @returns {@link StatisticsTables} (`valid` 0 and "not computed" rows for an empty list)
 * @throws InvalidArgumentError as {@link welchTable}, {@link anovaTable}, {@link pearsonTable},
 *   naming `statisticsTables` for its own options
 */
export function statisticsTables(
  particles: readonly StatisticsParticle[],
  options: StatisticsTablesOptions | null = {},
): StatisticsTables {
  const fn = 'statisticsTables';
  assertParticles(fn, particles);
  const opts = checkOptions(fn, options, TABLES_KEYS);
  // checked here, so that an error names statisticsTables rather than one of its tables
  const alpha = checkAlpha(fn, opts.alpha ?? 0.05);
  const type = checkType(fn, opts.type ?? 2);
  const metrics = opts.metrics === undefined ? undefined : checkMetrics(fn, opts.metrics);
  assertFeatures(fn, particles, ['inTpb', 'concurrentChannel']);
  const valid = particles.filter(isValid);
  const wiring = valid.length > 0 && valid.every((p) => typeof p.wellWired === 'boolean');
  return {
    valid: valid.length,
    welchTpb: welchTable(particles, 'inTpb', { alpha }),
    welchChannel: welchTable(particles, 'concurrentChannel', { alpha }),
    anova: anovaTable(particles, { type }),
    pearson: pearsonTable(particles, metrics ? { metrics } : {}),
    ...(wiring
      ? {
          welchWiring: welchTable(particles, 'wellWired', { alpha }),
          anovaWiring: anovaTable(particles, { type, factors: ['inTpb', 'wellWired'] }),
        }
      : {}),
  };
}
