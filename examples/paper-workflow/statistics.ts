/**
 * The paper's statistics over the NMC particles of the whole batch (Tables S1-S3, Fig. 5a):
 * Welch t-tests with Cohen's d and the 95% CI of the mean difference for particles with vs
 * without a TPB and with vs without a concurrent channel; two-way ANOVA (type II, with
 * interaction) of log heterogeneity and log polarization on TPB x channel; Pearson r
 * between every graph metric and every descriptor.
 */
import { anova2, correlationTable, welchTTest } from '@mgraph/stats';
import type { CorrelationCell } from './figure-correlation.js';
import { DESCRIPTORS } from './figures-descriptors.js';
import type { ParticleRow } from './types.js';

/** A row of Tables S1/S2. */
export interface WelchRow {
  feature: string;
  descriptor: string;
  nWith: number;
  nWithout: number;
  meanWith: number;
  meanWithout: number;
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  t: number;
  df: number;
  p: number;
  cohenD: number;
  significant: boolean;
  /** Why the test could not be run (too few particles, zero variance); empty when it ran. */
  note: string;
}

/** A row of Table S3. */
export interface AnovaRow {
  response: string;
  term: string;
  sumSq: number;
  df: number;
  F: number;
  p: number;
  /** Why the ANOVA could not be run; empty when it ran. */
  note: string;
}

/** The paper's graph metrics of a node, as columns of {@link ParticleRow}. */
export const GRAPH_METRICS = [
  'degree',
  'weightedDegree',
  'clustering',
  'betweenness',
  'closeness',
  'eigenvector',
  'nmcNeighbors',
  'sseNeighbors',
  'graphiteNeighbors',
] as const;

/** The quantities correlated with the descriptors in Fig. 5a: the metrics and the size. */
export const METRICS = [...GRAPH_METRICS, 'size'] as const;

const TERM_NAMES: Record<string, string> = { a: 'TPB', b: 'channel', 'a:b': 'TPB:channel' };

/** Particles whose three descriptors are valid (finite). */
export function validParticles(particles: readonly ParticleRow[]): ParticleRow[] {
  return particles.filter(
    (p) =>
      p.status === 'ok' &&
      p.descriptorsValid &&
      Number.isFinite(p.soc) &&
      Number.isFinite(p.heterogeneity) &&
      Number.isFinite(p.polarization),
  );
}

/**
 * Welch tests of each descriptor between particles with and without `feature`.
 *
 * @param particles - valid particles.
 * @param feature - `inTpb` or `concurrentChannel`.
 * @param featureName - name in the table.
 * @param alpha - significance level (0.05).
 */
export function welchTable(
  particles: readonly ParticleRow[],
  feature: 'inTpb' | 'concurrentChannel',
  featureName: string,
  alpha = 0.05,
): WelchRow[] {
  return DESCRIPTORS.map(({ key }) => {
    const withF = particles.filter((p) => p[feature]).map((p) => p[key]);
    const without = particles.filter((p) => !p[feature]).map((p) => p[key]);
    const row = {
      feature: featureName,
      descriptor: key,
      nWith: withF.length,
      nWithout: without.length,
    };
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
 * Two-way ANOVA (type II, interaction) of log(heterogeneity) and log(polarization) on TPB
 * involvement x concurrent channel. Particles with a non-positive value are left out of
 * that response (the log is undefined).
 */
export function anovaTable(particles: readonly ParticleRow[]): AnovaRow[] {
  return (['heterogeneity', 'polarization'] as const).flatMap((key) => {
    const rows = particles.filter((p) => p[key] > 0);
    const response = `log ${key}`;
    try {
      const result = anova2(
        {
          y: rows.map((p) => p[key]),
          a: rows.map((p) => (p.inTpb ? 'TPB' : 'no TPB')),
          b: rows.map((p) => (p.concurrentChannel ? 'channel' : 'no channel')),
        },
        { type: 2, interaction: true, transform: 'log' },
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

/**
 * Pearson r (two-sided p) of every metric with every descriptor (Fig. 5a), from
 * `correlationTable` over the particles. A column that is constant over the batch (no
 * correlation defined) gets NaN cells instead of failing the run.
 */
export function correlationCells(particles: readonly ParticleRow[]): CorrelationCell[] {
  const varies = (key: string) => {
    const values = particles
      .map((p) => Number(p[key as keyof ParticleRow]))
      .filter(Number.isFinite);
    return values.length > 2 && values.some((v) => v !== values[0]);
  };
  const metrics = METRICS.filter(varies);
  const descriptors = DESCRIPTORS.map((d) => d.key).filter(varies);
  const columns = [...metrics, ...descriptors];
  const table =
    metrics.length && descriptors.length
      ? correlationTable(particles as unknown as Record<string, unknown>[], columns)
      : null;
  return METRICS.flatMap((metric) =>
    DESCRIPTORS.map(({ key }) => {
      const i = table ? table.columns.indexOf(metric) : -1;
      const j = table ? table.columns.indexOf(key) : -1;
      if (!table || i < 0 || j < 0)
        return { metric, descriptor: key, r: Number.NaN, p: Number.NaN, n: 0 };
      return { metric, descriptor: key, r: table.r[i][j], p: table.p[i][j], n: table.n[i][j] };
    }),
  );
}
