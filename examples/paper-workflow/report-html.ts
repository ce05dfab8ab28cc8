/**
 * The self-contained `report.html`: summary, failures, tables and every figure, with the
 * SVGs inlined (no external file, script or stylesheet), so it opens anywhere offline.
 */
import { type Column, displayCell } from './tables.js';

/** A table of the report. */
export interface ReportTable {
  id: string;
  title: string;
  caption?: string;
  rows: readonly Record<string, unknown>[];
  columns: readonly Column<Record<string, unknown>>[];
}

/**
 * A typed table as a {@link ReportTable}: each row reduced to the columns shown.
 *
 * @param meta - id, title, caption.
 * @param rows - the rows.
 * @param columns - the columns shown, in order.
 */
export function reportTable<Row>(
  meta: Pick<ReportTable, 'id' | 'title' | 'caption'>,
  rows: readonly Row[],
  columns: readonly Column<Row>[],
): ReportTable {
  return {
    ...meta,
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key]]))),
    columns: columns.map(({ key, header, digits }) => ({
      key,
      ...(header === undefined ? {} : { header }),
      ...(digits === undefined ? {} : { digits }),
    })),
  };
}

/** A figure of the report: its SVG text. */
export interface ReportFigure {
  id: string;
  title: string;
  svg: string;
  caption?: string;
}

/** Everything the report shows. */
export interface ReportContent {
  title: string;
  /** Key findings, one sentence each. */
  summary: string[];
  /** Name/value facts about the run (images, workers, time, seed...). */
  facts: [string, string][];
  tables: ReportTable[];
  figures: ReportFigure[];
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function tableHtml(t: ReportTable): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c.header ?? c.key)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${t.columns.map((c) => `<td>${escapeHtml(displayCell(r[c.key], c.digits))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const caption = t.caption ? `<p class="caption">${escapeHtml(t.caption)}</p>` : '';
  return `<section id="${escapeHtml(t.id)}"><h3>${escapeHtml(t.title)}</h3>${caption}
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></section>`;
}

/** Strip an XML declaration or doctype so the SVG can sit inside HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/, '');
}

/**
 * Build the report's HTML text.
 *
 * @param content - see {@link ReportContent}.
 * @returns a complete HTML5 document.
 */
export function buildReportHtml(content: ReportContent): string {
  const facts = content.facts
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('\n');
  const summary = content.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n');
  const figures = content.figures
    .map(
      (f) => `<figure id="${escapeHtml(f.id)}" class="figure">
${inlineSvg(f.svg)}
<figcaption><b>${escapeHtml(f.title)}</b>${f.caption ? ` ${escapeHtml(f.caption)}` : ''}</figcaption>
</figure>`,
    )
    .join('\n');
  const toc = [
    ...content.figures.map(
      (f) => `<li><a href="#${escapeHtml(f.id)}">${escapeHtml(f.title)}</a></li>`,
    ),
    ...content.tables.map(
      (t) => `<li><a href="#${escapeHtml(t.id)}">${escapeHtml(t.title)}</a></li>`,
    ),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f3f3f3; }
td:first-child, th:first-child { text-align: left; }
.caption, figcaption { color: #555; font-size: 13px; max-width: 900px; }
figure { margin: 1.5em 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(content.title)}</h1>
<h2>Summary</h2>
<ul>
${summary}
</ul>
<table class="facts"><tbody>
${facts}
</tbody></table>
<h2>Contents</h2>
<ul>
${toc}
</ul>
<h2>Figures</h2>
${figures}
<h2>Tables</h2>
${content.tables.map(tableHtml).join('\n')}
</body>
</html>
`;
}
