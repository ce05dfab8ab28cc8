/**
 * Table writers: CSV (RFC 4180 quoting) and GitHub-flavoured Markdown, from an array of row
 * objects and an ordered list of columns.
 */

/** A table column: the row key it reads and, optionally, a header and a number format. */
export interface Column<Row> {
  /** Key of the row object. */
  key: keyof Row & string;
  /** Header text (default: the key). */
  header?: string;
  /** Significant digits for numbers in Markdown (default 4; CSV always keeps full precision). */
  digits?: number;
}

/** Cell text for CSV: numbers in full precision, NaN/undefined/null as empty. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Number formatting for reading: `digits` significant digits, exponent for tiny p-values. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : String(value);
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

/** Cell text for Markdown and HTML: formatted numbers, empty for missing values and NaN. */
export function displayCell(value: unknown, digits = 4): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : formatNumber(value, digits);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * Render rows as CSV: a header line, then one line per row, `\n` line ends, cells quoted
 * when they contain a comma, quote or line break.
 *
 * @param rows - the rows.
 * @param columns - the columns, in order.
 * @returns the CSV text, ending with a newline.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const lines = [columns.map((c) => csvCell(c.header ?? c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * Render rows as a Markdown table (numbers rounded to each column's `digits`).
 *
 * @param rows - the rows.
 * @param columns - the columns, in order.
 * @returns the Markdown text, ending with a newline.
 */
export function toMarkdown<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const header = `| ${columns.map((c) => esc(c.header ?? c.key)).join(' | ')} |`;
  const rule = `|${columns.map(() => ' --- ').join('|')}|`;
  const body = rows.map(
    (row) => `| ${columns.map((c) => esc(displayCell(row[c.key], c.digits))).join(' | ')} |`,
  );
  return `${[header, rule, ...body].join('\n')}\n`;
}

/**
 * Parse CSV text produced by {@link toCsv} (or any RFC 4180 CSV) into header and rows of
 * strings. Used by tests and by users who post-process the outputs.
 *
 * @param text - CSV text.
 * @returns `{ header, rows }`.
 */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}
