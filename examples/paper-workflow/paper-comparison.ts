/**
 * The paper's figures beside ours: the counts and proportions of the batch (Fig. 3c), each of
 * the six Table S1 rows (Welch t-tests, TPB and concurrent channel) and each term of the
 * two-way ANOVA (Tables S2 / S3), with whether ours agrees.
 */

import { PAPER_FIGURES } from '@mgraph/phantom';
import type { AnovaRow, WelchRow } from '@mgraph/pipeline';
import type { Column } from './tables.js';

/** One Table S1 row: the paper's Cohen's d and significance beside ours. */
export interface PaperWelchComparison {
  feature: string;
  descriptor: string;
  /** The paper's d; NaN where it gives only "not significant". */
  paperD: number;
  /** `'yes'`, `'no'` or `'not stated'`. */
  paperSignificant: string;
  ourD: number;
  ourP: number;
  ourSignificant: boolean;
  /** 95% interval of d around the paper's d at our group sizes (NaN without a paper d). */
  intervalLow: number;
  intervalHigh: number;
  /** Our d inside that interval (or no paper d) and our verdict the paper's (where stated). */
  agrees: boolean;
}

/** One ANOVA term: the paper's finding beside our F and p. */
export interface PaperAnovaComparison {
  table: string;
  response: string;
  term: string;
  paperFinding: string;
  ourF: number;
  ourP: number;
  ourSignificant: boolean;
  /** Our verdict is the paper's where it states one, and the channel's F exceeds the TPB's. */
  agrees: boolean;
}

/** One count or proportion of the batch beside the paper's. */
export interface PaperCountComparison {
  quantity: string;
  paper: string;
  ours: string;
}

const stated = (s: boolean | null) => (s === null ? 'not stated' : s ? 'yes' : 'no');

/**
 * The 95% interval of a sample Cohen's d around a true `d` with groups of `n1` and `n2`:
 * `d -+ 1.96 se`, `se^2 = (n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2))` (Hedges & Olkin,
 * "Statistical Methods for Meta-Analysis", 1985, eq. 5.14).
 *
 * @returns `[low, high]`
 */
export function cohenDInterval(d: number, n1: number, n2: number): [number, number] {
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2)));
  return [d - 1.96 * se, d + 1.96 * se];
}

/**
 * The six Table S1 rows of the paper beside ours.
 *
 * @param welch - our Welch rows (TPB and concurrent channel), as `statisticsTables` gives them.
 * @returns one row per paper row, in the paper's order (ours NaN where missing).
 */
export function compareTableS1(welch: readonly WelchRow[]): PaperWelchComparison[] {
  return PAPER_FIGURES.tableS1.map((paper) => {
    const ours = welch.find(
      (w) => w.feature === paper.feature && w.descriptor === paper.descriptor,
    );
    const [low, high] =
      paper.cohenD === null || !ours
        ? [Number.NaN, Number.NaN]
        : cohenDInterval(paper.cohenD, ours.nWith, ours.nWithout);
    const ourD = ours?.cohenD ?? Number.NaN;
    const inInterval = paper.cohenD === null || (ourD >= low && ourD <= high);
    const sameVerdict = paper.significant === null || ours?.significant === paper.significant;
    return {
      feature: paper.feature,
      descriptor: paper.descriptor,
      paperD: paper.cohenD ?? Number.NaN,
      paperSignificant: stated(paper.significant),
      ourD,
      ourP: ours?.p ?? Number.NaN,
      ourSignificant: ours?.significant ?? false,
      intervalLow: low,
      intervalHigh: high,
      agrees: ours !== undefined && Number.isFinite(ours.p) && inInterval && sameVerdict,
    };
  });
}

/**
 * Each ANOVA term of the paper (Table S2: log heterogeneity, Table S3: log polarization)
 * beside ours.
 *
 * @param anova - our two-way ANOVA rows (`statisticsTables(...).anova`).
 * @param alpha - significance level (default 0.05).
 * @returns one row per paper term.
 */
export function compareAnova(anova: readonly AnovaRow[], alpha = 0.05): PaperAnovaComparison[] {
  const find = (response: string, term: string) =>
    anova.find((r) => r.response === response && r.term === term);
  return PAPER_FIGURES.anova.map((paper) => {
    const ours = find(paper.response, paper.term);
    const F = ours?.F ?? Number.NaN;
    const p = ours?.p ?? Number.NaN;
    const significant = p < alpha;
    const tpbF = find(paper.response, 'TPB')?.F ?? Number.NaN;
    const channelF = find(paper.response, 'channel')?.F ?? Number.NaN;
    return {
      table: paper.response === 'log heterogeneity' ? 'S2' : 'S3',
      response: paper.response,
      term: paper.term,
      paperFinding: paper.finding,
      ourF: F,
      ourP: p,
      ourSignificant: significant,
      agrees:
        Number.isFinite(p) &&
        (paper.significant === null || significant === paper.significant) &&
        channelF > tpbF,
    };
  });
}

/**
 * The batch's counts beside the paper's: NMC particles, share in a TPB, share in a concurrent
 * channel, the most common Fig. 3c category.
 *
 * @param particles - every NMC particle of the batch (valid descriptors or not).
 * @returns the rows.
 */
export function compareCounts(
  particles: readonly { inTpb: boolean; concurrentChannel: boolean; channelCategory: string }[],
): PaperCountComparison[] {
  const n = particles.length;
  const pct = (k: number, of: number) => `${k} (${of ? ((100 * k) / of).toFixed(1) : 'NaN'}%)`;
  const counts = new Map<string, number>();
  for (const p of particles)
    counts.set(p.channelCategory, (counts.get(p.channelCategory) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  const P = PAPER_FIGURES;
  return [
    { quantity: 'images', paper: String(P.images), ours: '' },
    { quantity: 'NMC particles', paper: String(P.nmcParticles), ours: String(n) },
    {
      quantity: 'in a TPB',
      paper: pct(P.inTpb, P.nmcParticles),
      ours: pct(particles.filter((p) => p.inTpb).length, n),
    },
    {
      quantity: 'in a concurrent channel',
      paper: pct(P.inChannel, P.nmcParticles),
      ours: pct(particles.filter((p) => p.concurrentChannel).length, n),
    },
    {
      quantity: 'most common Fig. 3c category',
      paper: 'ionic-only (SSE only)',
      ours: top ? `${top[0]} (${pct(top[1], n)})` : '',
    },
  ];
}

export const COUNT_COLUMNS: Column<PaperCountComparison>[] = [
  { key: 'quantity' },
  { key: 'paper' },
  { key: 'ours' },
];

export const WELCH_COMPARISON_COLUMNS: Column<PaperWelchComparison>[] = [
  { key: 'feature' },
  { key: 'descriptor' },
  { key: 'paperD', header: 'paper d', digits: 2 },
  { key: 'paperSignificant', header: 'paper p < 0.05' },
  { key: 'ourD', header: 'our d', digits: 3 },
  { key: 'intervalLow', header: '95% interval low', digits: 3 },
  { key: 'intervalHigh', header: '95% interval high', digits: 3 },
  { key: 'ourP', header: 'our p', digits: 3 },
  { key: 'ourSignificant', header: 'our p < 0.05' },
  { key: 'agrees' },
];

export const ANOVA_COMPARISON_COLUMNS: Column<PaperAnovaComparison>[] = [
  { key: 'table', header: 'paper table' },
  { key: 'response' },
  { key: 'term' },
  { key: 'paperFinding', header: 'paper' },
  { key: 'ourF', header: 'our F', digits: 3 },
  { key: 'ourP', header: 'our p', digits: 3 },
  { key: 'ourSignificant', header: 'our p < 0.05' },
  { key: 'agrees' },
];
