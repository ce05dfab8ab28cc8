/**
 * The report's key findings in words: completion, mIoU, each Welch test's verdict (lower /
 * higher / no significant difference) and the GNN's errors against the mean baseline.
 */

import type { AnovaRow, WelchRow } from '@mgraph/pipeline';
import type { GnnOutcome } from './gnn-step.js';
import { formatNumber } from './tables.js';
import type { ImageFailure } from './types.js';

/** Inputs of {@link reportSummary}. */
export interface SummaryInput {
  images: number;
  failures: ImageFailure[];
  valid: number;
  meanIoU: number | null;
  welch: WelchRow[];
  anova: AnovaRow[];
  /** The images are phantoms with planted effects. */
  phantoms: boolean;
  gnn: GnnOutcome | null;
  gnnSkipped: string | null;
  omitted: string[];
}

const DESCRIPTOR_NAMES: Record<string, string> = {
  soc: 'SOC',
  heterogeneity: 'Heterogeneity',
  polarization: 'Polarization',
};

/** One sentence for a Welch row, e.g. "Heterogeneity is significantly lower with a TPB ...". */
export function welchSentence(row: WelchRow): string {
  const name = DESCRIPTOR_NAMES[row.descriptor] ?? row.descriptor;
  const ev = (v: number) => (Number.isFinite(v) ? `${v.toFixed(3)} eV` : 'n/a');
  const stats = `mean ${ev(row.meanWith)} vs ${ev(row.meanWithout)}, p = ${formatNumber(row.p, 3)}, Cohen's d = ${formatNumber(row.cohenD, 3)}, n = ${row.nWith} vs ${row.nWithout}`;
  if (!Number.isFinite(row.p))
    return `${name} with vs without a ${row.feature}: not testable (${row.note || stats})`;
  if (!row.significant)
    return `${name} does not differ significantly with vs without a ${row.feature} (${stats})`;
  const direction = row.meanDifference < 0 ? 'lower' : 'higher';
  return `${name} is significantly ${direction} with a ${row.feature} (${stats})`;
}

/**
 * Whether the Welch rows show the effects the phantoms plant: heterogeneity and
 * polarization significantly lower with a TPB and with a concurrent channel, SOC not
 * significantly different.
 */
export function plantedEffectsRecovered(rows: readonly WelchRow[]): boolean {
  return rows.every((r) =>
    r.descriptor === 'soc' ? !r.significant : r.significant && r.meanDifference < 0,
  );
}

/**
 * The findings list of the report.
 *
 * @param input - see {@link SummaryInput}.
 * @returns sentences, most important first.
 */
export function reportSummary(input: SummaryInput): string[] {
  const lines: string[] = [];
  const done = input.images - input.failures.length;
  lines.push(
    `${done} of ${input.images} images completed${input.failures.length ? `; ${input.failures.length} failed: ${input.failures.map((f) => `${f.name} (${f.reason})`).join('; ')}` : ''}.`,
  );
  if (input.meanIoU !== null)
    lines.push(`Segmentation mIoU against the truth: ${formatNumber(input.meanIoU)}.`);
  lines.push(`${input.valid} NMC particles with valid descriptors enter the statistics.`);
  if (input.phantoms)
    lines.push(
      plantedEffectsRecovered(input.welch)
        ? 'As planted in the phantoms: heterogeneity and polarization are significantly lower with a TPB and with a concurrent channel, SOC is not.'
        : 'The planted effects (heterogeneity and polarization lower with a TPB and with a concurrent channel, SOC unaffected) are NOT all recovered; see Tables S1 and S2.',
    );
  for (const row of input.welch) lines.push(`${welchSentence(row)}.`);
  for (const response of new Set(input.anova.map((r) => r.response))) {
    const rows = input.anova.filter((r) => r.response === response && r.term !== 'Residual');
    lines.push(
      rows.length === 1 && rows[0].note
        ? `Two-way ANOVA of ${response}: not computed (${rows[0].note}).`
        : `Two-way ANOVA (type II) of ${response}: ${rows.map((r) => `${r.term} F = ${formatNumber(r.F, 3)}, p = ${formatNumber(r.p, 3)}`).join('; ')}.`,
    );
  }
  if (input.gnn)
    for (const e of input.gnn.errors)
      lines.push(
        `GNN, ${e.target} on the test split: RMSE ${formatNumber(e.rmse)}, MAE ${formatNumber(e.mae)}, R^2 ${formatNumber(e.r2, 3)} (mean baseline RMSE ${formatNumber(e.baselineRmse)}).`,
      );
  if (input.gnn)
    for (const r of input.gnn.comparison)
      lines.push(
        `Test R^2 on the ${r.data}, ${r.target}: mean ${formatNumber(r.mean, 3)}, linear ${formatNumber(r.linear, 3)}, MLP ${formatNumber(r.mlp, 3)}, GNN ${formatNumber(r.gnn, 3)}${r.r2Star === null ? '' : ` (best achievable R^2* ${formatNumber(r.r2Star, 3)})`}.`,
      );
  if (!input.gnn && input.gnnSkipped) lines.push(`GNN skipped: ${input.gnnSkipped}.`);
  for (const o of input.omitted) lines.push(`Figure left out: ${o}.`);
  return lines;
}
