/**
 * The batch's graph fidelity (the segmentation judged by the graph it yields): a row per
 * image and the pooled `overall` row, written as `tables/graph-fidelity.csv` / `.md` and shown
 * in the report, and the finding in words.
 */
import { type GraphFidelity, poolGraphFidelity } from '@mgraph/pipeline';
import { type ReportTable, reportTable } from './report-html.js';
import { type Column, formatNumber, toCsv, toMarkdown } from './tables.js';
import type { ImageResult } from './types.js';
import type { OutputWriter } from './workflow-write.js';

/** A row of the graph-fidelity table: one per image, and `overall` (pooled). */
export interface FidelityRow {
  image: string;
  particleF1: number;
  sseF1: number;
  nmcF1: number;
  graphiteF1: number;
  edgeF1: number;
  tpbTruth: number;
  tpbPredicted: number;
  /** `(predicted - truth) / truth`; null without a truth TPB. */
  tpbError: number | null;
  /** Matched NMC particles with the same channel category; null when none is matched. */
  channelAgreement: number | null;
}

export const FIDELITY_COLUMNS: Column<FidelityRow>[] = [
  { key: 'image' },
  { key: 'particleF1', header: 'particle F1' },
  { key: 'sseF1', header: 'F1 SSE' },
  { key: 'nmcF1', header: 'F1 NMC' },
  { key: 'graphiteF1', header: 'F1 graphite' },
  { key: 'edgeF1', header: 'edge F1' },
  { key: 'tpbTruth', header: 'TPBs (true phases)' },
  { key: 'tpbPredicted', header: 'TPBs (segmented)' },
  { key: 'tpbError', header: 'TPB count error' },
  { key: 'channelAgreement', header: 'channel agreement' },
];

function fidelityRow(image: string, f: GraphFidelity): FidelityRow {
  const f1 = (phase: string) => f.particles.byPhase[phase]?.f1 ?? Number.NaN;
  return {
    image,
    particleF1: f.particles.overall.f1,
    sseF1: f1('sse'),
    nmcF1: f1('nmc'),
    graphiteF1: f1('graphite'),
    edgeF1: f.edges.f1,
    tpbTruth: f.tpb.truth,
    tpbPredicted: f.tpb.predicted,
    tpbError: f.tpb.relativeError,
    channelAgreement: f.active.channelAgreement,
  };
}

/**
 * The batch's graph fidelity: a row per image that has one, then the `overall` row pooled
 * from the summed counts.
 *
 * @param results - the completed images.
 * @returns the rows and the pooled figures, or null when no image has a graph fidelity
 *   (no truth phase map, or the truth itself was the segmentation).
 */
export function batchGraphFidelity(
  results: readonly ImageResult[],
): { rows: FidelityRow[]; pooled: GraphFidelity } | null {
  const scored = results.filter((r) => r.fidelity);
  if (scored.length === 0) return null;
  const pooled = poolGraphFidelity(scored.map((r) => r.fidelity!));
  return {
    rows: [...scored.map((r) => fidelityRow(r.name, r.fidelity!)), fidelityRow('overall', pooled)],
    pooled,
  };
}

/** The finding in words, e.g. "Graph fidelity of the U-Net segmentation ... particle F1 0.82 ...". */
export function fidelitySentence(pooled: GraphFidelity, segmenter: string): string {
  const tpb = pooled.tpb.relativeError;
  const tpbText =
    tpb === null
      ? 'no TPB on the true phases'
      : `TPB count ${tpb >= 0 ? '+' : ''}${formatNumber(100 * tpb, 3)}% (${pooled.tpb.predicted} vs ${pooled.tpb.truth})`;
  const agreement = pooled.active.channelAgreement;
  return `Graph fidelity of the ${segmenter} segmentation against the true phases (${pooled.images} images, same pipeline): particle F1 ${formatNumber(pooled.particles.overall.f1, 3)} at IoU > 0.5 (NMC ${formatNumber(pooled.particles.byPhase.nmc?.f1 ?? Number.NaN, 3)}), edge F1 ${formatNumber(pooled.edges.f1, 3)}, ${tpbText}, channel category agreement ${agreement === null ? 'n/a' : formatNumber(agreement, 3)}.`;
}

/**
 * Write the graph-fidelity table (CSV and Markdown) and return it for the report.
 *
 * @param rows - the per-image rows and the `overall` row.
 * @param segmenter - the segmenter's name, for the caption.
 * @param writer - where to write.
 */
export async function writeFidelityTable(
  rows: readonly FidelityRow[],
  segmenter: string,
  writer: OutputWriter,
): Promise<ReportTable> {
  const meta = {
    id: 'graph-fidelity',
    title: 'Graph fidelity: the segmented graph against the graph of the true phases',
    caption: `The same pipeline on the ${segmenter} phases and on the true phase map of each image. Objects match when they have the same phase and IoU > 0.5 (one-to-one); particle F1 over every object phase and per phase; a true contact is recovered when both its objects match and their matches touch (edge F1); TPB count error = (segmented - true) / true; channel agreement = matched NMC particles with the same channel category. The overall row pools the counts of every image.`,
  };
  await writer.write(`tables/${meta.id}.csv`, toCsv(rows, FIDELITY_COLUMNS));
  await writer.write(
    `tables/${meta.id}.md`,
    `## ${meta.title}\n\n${meta.caption}\n\n${toMarkdown(rows, FIDELITY_COLUMNS)}`,
  );
  return reportTable(meta, rows, FIDELITY_COLUMNS);
}
