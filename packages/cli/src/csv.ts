import type { Cell, Table } from './table.js';

/** One CSV field: numbers in shortest round-trip form, NaN empty, text quoted when needed. */
function field(value: Cell): string {
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as CSV (RFC 4180, `\n` line ends): a header of the column keys, then one line per
 * row. Numbers are written in JavaScript's shortest round-trip form, so parsing a cell gives
 * the computed value back exactly; NaN is an empty cell.
 *
 * @param table - the table
 * @returns the CSV text, ending with a line end
 */
export function tableToCsv(table: Table): string {
  const keys = table.columns.map((c) => c.key);
  const lines = [keys.map(field).join(',')];
  for (const row of table.rows) lines.push(keys.map((k) => field(row[k] ?? Number.NaN)).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * A table as JSON: `{ name, title, description, columns: [{ key, unit }], rows }`, NaN as
 * `null`.
 *
 * @param table - the table
 * @returns the JSON text
 */
export function tableToJson(table: Table): string {
  return `${JSON.stringify(table, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
