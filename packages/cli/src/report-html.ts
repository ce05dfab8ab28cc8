import { escapeHtml as esc } from './escape-html.js';
import type { SliceFigure } from './slice-figures.js';
import type { Cell, Table } from './table.js';

/** What {@link reportHtml} puts on the page. */
export interface ReportContent {
  /** Page title (the input file's name). */
  title: string;
  /** Key facts of the run, shown as a list: file, shape, spacing, scheme, timings. */
  facts: [string, string][];
  /** Orthogonal slices with their layers. */
  slices: SliceFigure[];
  /** Phase colours of the slices: `[phase name, [r, g, b]]`. */
  legend: [string, readonly number[]][];
  /** Caption of the TPB layer (what its coloured voxels are). */
  tpbCaption: string;
  /** The particle size distribution SVG. */
  psdSvg: string;
  /** Tables, in order. */
  tables: Table[];
  /** Warnings of the analysis. */
  warnings: string[];
}

function cell(value: Cell): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    return Number.isInteger(value) ? String(value) : value.toPrecision(6);
  }
  return esc(String(value));
}

/** Tables longer than this show their first rows; the CSV holds all. */
const SHOWN_ROWS = 200;

function tableHtml(t: Table): string {
  const head = t.columns
    .map(
      (c) => `<th>${esc(c.key)}${c.unit ? ` <span class="unit">(${esc(c.unit)})</span>` : ''}</th>`,
    )
    .join('');
  const rows = t.rows
    .slice(0, SHOWN_ROWS)
    .map(
      (r) =>
        `<tr>${t.columns.map((c) => `<td>${cell(r[c.key] ?? Number.NaN)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const more =
    t.rows.length > SHOWN_ROWS
      ? `<p class="note">First ${SHOWN_ROWS} of ${t.rows.length} rows; all in ${esc(t.name)}.csv.</p>`
      : '';
  return `<section class="table" id="table-${esc(t.name)}"><h2>${esc(t.title)}</h2><p>${esc(t.description)} Files: <code>${esc(t.name)}.csv</code>, <code>${esc(t.name)}.json</code>.</p>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${more}</section>`;
}

function sliceHtml(s: SliceFigure, tpbCaption: string): string {
  const { plane } = s;
  // Display size: physical aspect ratio, at least 240 px on the longer side.
  const w = plane.width * plane.colSpacing;
  const h = plane.height * plane.rowSpacing;
  const scale = Math.max(240 / Math.max(w, h), 1 / Math.max(plane.colSpacing, plane.rowSpacing));
  const size = `width="${Math.round(w * scale)}" height="${Math.round(h * scale)}"`;
  const img = (layer: string, uri: string, alt: string) =>
    `<figure class="slice" data-layer="${layer}"><img src="${uri}" ${size} alt="${esc(alt)}"><figcaption>${esc(alt)}</figcaption></figure>`;
  const where = `${plane.name} plane ${plane.index}`;
  return `<div class="plane" data-plane="${plane.name}">
${img('phases', s.phases, `${where}: phases`)}
${img('instances', s.instances, `${where}: instances`)}
${img('tpb', s.tpb, `${where}: ${tpbCaption}`)}
</div>`;
}

/**
 * The self-contained HTML report of the volume command: facts of the run, orthogonal slices
 * with phase / instance / TPB layers (embedded PNG), the particle size distribution (inline
 * SVG) and every table with its units. No script, no external resource.
 *
 * @param content - {@link ReportContent}
 * @returns the HTML text
 */
export function reportHtml(content: ReportContent): string {
  const facts = content.facts
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('\n');
  const warnings = content.warnings.length
    ? `<section id="warnings"><h2>Warnings</h2><ul>${content.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mgraph volume: ${esc(content.title)}</title>
<style>
body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}
table{border-collapse:collapse;margin:8px 0 24px;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
th{background:#f3f3f3}.unit{font-weight:normal;color:#666}
.plane{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:12px}
figure{margin:0}figcaption{font-size:12px;color:#444}
img{image-rendering:pixelated;border:1px solid #999}
.note{color:#666;font-size:12px}
.legend span{margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;border:1px solid #999}
</style></head><body>
<h1>mgraph volume: ${esc(content.title)}</h1>
<table id="facts">${facts}</table>
${warnings}
<section id="slices"><h2>Orthogonal slices</h2>
<p>Central planes of the volume, drawn at the physical aspect ratio: phases, instances (one colour per object, boundaries dark, voxels of phases not cut into objects dimmed), and ${esc(content.tpbCaption)}.</p>
<p class="legend">${content.legend.map(([name, rgb]) => `<span><i style="background:rgb(${rgb.join(',')})"></i>${esc(name)}</span>`).join(' ')}</p>
${content.slices.map((s) => sliceHtml(s, content.tpbCaption)).join('\n')}
</section>
<section id="psd"><h2>Particle size distribution</h2>
<figure class="chart">${content.psdSvg}</figure>
</section>
${content.tables.map(tableHtml).join('\n')}
</body></html>
`;
}
