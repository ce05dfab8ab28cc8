/** A cell of a report table: a number (NaN written as an empty cell), a string or a boolean. */
export type Cell = number | string | boolean;

/** A column of a {@link Table}: its key in the rows, and the unit of its values, if any. */
export interface Column {
  /** Key of the column in each row (also the CSV header and the JSON key). */
  key: string;
  /** Unit of the values (`'um'`, `'um^2'`, `'1/um^2'`, `'-'` for fractions), or `''`. */
  unit: string;
}

/** A table of the volume report: written as `<name>.csv`, `<name>.json` and into report.html. */
export interface Table {
  /** File name stem, e.g. `'phases'`. */
  name: string;
  /** Heading in the report. */
  title: string;
  /** What the table holds, one sentence (the report prints it under the heading). */
  description: string;
  /** Columns in order. */
  columns: Column[];
  /** One object per row, keyed by column key. */
  rows: Record<string, Cell>[];
}

/** A column list from `[key, unit]` pairs. */
export function columns(...pairs: [string, string][]): Column[] {
  return pairs.map(([key, unit]) => ({ key, unit }));
}
