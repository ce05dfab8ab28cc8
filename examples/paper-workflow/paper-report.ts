/**
 * The report's "paper vs ours" section: the batch's counts, Table S1 and the ANOVA terms of
 * Tables S2 / S3 beside the paper's ({@link compareCounts}, {@link compareTableS1},
 * {@link compareAnova}), written as CSV and Markdown, shown in report.html and said in the
 * printed summary.
 */
import {
  ANOVA_COMPARISON_COLUMNS,
  COUNT_COLUMNS,
  compareAnova,
  compareCounts,
  compareTableS1,
  type PaperAnovaComparison,
  type PaperCountComparison,
  type PaperWelchComparison,
  WELCH_COMPARISON_COLUMNS,
} from './paper-comparison.js';
import type { ReportTable } from './report-html.js';
import { formatNumber } from './tables.js';
import type { WorkflowComputation } from './workflow-compute.js';
import { type OutputWriter, tableWriter } from './workflow-write.js';

/** The comparison, as `summary.json` keeps it. */
export interface PaperComparison {
  counts: PaperCountComparison[];
  tableS1: PaperWelchComparison[];
  anova: PaperAnovaComparison[];
}

/** Sentences of the printed summary: one per Table S1 row and per ANOVA term. */
export function paperComparisonLines(c: PaperComparison): string[] {
  const f = (v: number) => formatNumber(v, 3);
  const counts = c.counts
    .filter((r) => r.ours !== '')
    .map((r) => `${r.quantity} ${r.ours} (paper ${r.paper})`)
    .join('; ');
  return [
    `Paper vs ours, counts: ${counts}.`,
    ...c.tableS1.map(
      (r) =>
        `Paper vs ours, Table S1 ${r.descriptor} by ${r.feature}: paper d ${Number.isNaN(r.paperD) ? 'n/a' : f(r.paperD)} (significant: ${r.paperSignificant}), ours d ${f(r.ourD)}${Number.isNaN(r.intervalLow) ? '' : ` (95% interval ${f(r.intervalLow)} to ${f(r.intervalHigh)})`}, p ${f(r.ourP)}: ${r.agrees ? 'agrees' : 'DIFFERS'}.`,
    ),
    ...c.anova.map(
      (r) =>
        `Paper vs ours, Table ${r.table} (${r.response}) ${r.term}: paper ${r.paperFinding}; ours F ${f(r.ourF)}, p ${f(r.ourP)}: ${r.agrees ? 'agrees' : 'DIFFERS'}.`,
    ),
  ];
}

/**
 * Compare the batch with the paper and write the three comparison tables.
 *
 * @param computed - the computing stage's result.
 * @param writer - where `tables/paper-*.csv` / `.md` go.
 * @returns the comparison, its report tables and its summary sentences.
 */
export async function writePaperComparison(
  computed: WorkflowComputation,
  writer: OutputWriter,
): Promise<{ comparison: PaperComparison; tables: ReportTable[]; lines: string[] }> {
  const { statistics } = computed;
  const comparison: PaperComparison = {
    counts: compareCounts(computed.results.flatMap((r) => r.particles)),
    tableS1: compareTableS1([...statistics.welchTpb, ...statistics.welchChannel]),
    anova: compareAnova(statistics.anova),
  };
  const tables: ReportTable[] = [];
  const table = tableWriter(writer, tables);
  await table(
    'paper-counts',
    'Paper vs ours: counts (Fig. 3c)',
    'NMC particles of the batch (all, valid descriptors or not), the shares in a TPB and in a concurrent Li+/e- channel, and the most common channel category, beside the paper 73 images.',
    comparison.counts,
    COUNT_COLUMNS,
  );
  await table(
    'paper-table-s1',
    'Paper vs ours: Table S1 (Welch t-tests)',
    "Cohen's d of the paper beside ours; the 95% interval is where a sample d falls 95% of the time when the true d is the paper's, at our group sizes (Hedges & Olkin). Agrees: our d in that interval and our verdict (p < 0.05) the paper's where it states one.",
    comparison.tableS1,
    WELCH_COMPARISON_COLUMNS,
  );
  await table(
    'paper-anova',
    'Paper vs ours: two-way ANOVA (Tables S2 / S3)',
    "The paper's finding for each term beside our F and p (type II). The paper's F and p values are not reproduced, only its pattern. Agrees: our verdict is the paper's where it states one, and the channel's F exceeds the TPB's for that response.",
    comparison.anova,
    ANOVA_COMPARISON_COLUMNS,
  );
  return { comparison, tables, lines: paperComparisonLines(comparison) };
}
