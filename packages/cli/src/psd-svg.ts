import { escapeHtml } from './escape-html.js';
import { PHASE_COLORS } from './slice-figures.js';
import type { Table } from './table.js';

const esc = escapeHtml;

/**
 * The particle size distribution as an SVG bar chart: one panel per phase of the `psd`
 * table, bars of the counts over the equivalent-diameter bins, axes labelled with the unit.
 *
 * @param psd - the `psd` table (`phase`, `binLow`, `binHigh`, `count`)
 * @param phaseCodes - code of each phase name (for its colour)
 * @param unit - length unit
 * @returns SVG text (an empty-state text element when the table has no row)
 */
export function psdSvg(
  psd: Table,
  phaseCodes: Readonly<Record<string, number>>,
  unit: string,
): string {
  const phases = [...new Set(psd.rows.map((r) => r.phase as string))];
  const [w, h, pad] = [360, 220, 44];
  const width = Math.max(1, phases.length) * w;
  const parts: string[] = [];
  if (phases.length === 0)
    parts.push(`<text x="20" y="40">no objects: no particle size distribution</text>`);
  phases.forEach((phase, k) => {
    const rows = psd.rows.filter((r) => r.phase === phase);
    const max = Math.max(1, ...rows.map((r) => r.count as number));
    const top = (rows.at(-1)?.binHigh as number) ?? 1;
    const x0 = k * w + pad;
    const plotW = w - pad - 12;
    const plotH = h - pad - 24;
    const color = PHASE_COLORS[(phaseCodes[phase] ?? 0) % PHASE_COLORS.length]!;
    parts.push(
      `<text x="${x0 + plotW / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(phase)} (${rows.reduce((s, r) => s + (r.count as number), 0)} objects)</text>`,
    );
    const bw = plotW / rows.length;
    rows.forEach((r, i) => {
      const bh = ((r.count as number) / max) * plotH;
      parts.push(
        `<rect class="bar" x="${(x0 + i * bw).toFixed(2)}" y="${(24 + plotH - bh).toFixed(2)}" width="${Math.max(0.5, bw - 1).toFixed(2)}" height="${bh.toFixed(2)}" fill="rgb(${color.join(',')})"><title>${(r.binLow as number).toPrecision(3)}-${(r.binHigh as number).toPrecision(3)} ${esc(unit)}: ${r.count}</title></rect>`,
      );
    });
    parts.push(
      `<line x1="${x0}" y1="${24 + plotH}" x2="${x0 + plotW}" y2="${24 + plotH}" stroke="black"/>`,
      `<line x1="${x0}" y1="24" x2="${x0}" y2="${24 + plotH}" stroke="black"/>`,
      `<text x="${x0}" y="${24 + plotH + 14}" font-size="11">0</text>`,
      `<text x="${x0 + plotW}" y="${24 + plotH + 14}" font-size="11" text-anchor="end">${top.toPrecision(3)}</text>`,
      `<text x="${x0 + plotW / 2}" y="${h - 4}" font-size="12" text-anchor="middle">equivalent diameter (${esc(unit)})</text>`,
      `<text x="${x0 - 6}" y="30" font-size="11" text-anchor="end">${max}</text>`,
      `<text transform="translate(${x0 - 30},${24 + plotH / 2}) rotate(-90)" font-size="12" text-anchor="middle">count</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="psd" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" font-family="sans-serif" font-size="13">${parts.join('')}</svg>`;
}
