import { assertNumber, checkOptions, InvalidArgumentError } from '@mgraph/core';
import { type PearsonOptions, pearson } from './pearson.js';

/** Result of {@link correlationTable}: square matrices indexed like `columns`. */
export interface CorrelationTable {
  /** The column names, in the order given. */
  columns: string[];
  /** Pearson r; 1 on the diagonal. */
  r: number[][];
  /** Two-sided p-values; 0 on the diagonal. */
  p: number[][];
  /** Number of rows used for each pair (rows where both values are finite numbers). */
  n: number[][];
}

/**
 * Pairwise Pearson correlations between columns of a table of records (the paper's Fig. 5a:
 * graph metrics against SOC, heterogeneity and polarization), with pairwise deletion of missing
 * values as pandas' `DataFrame.corr()`: a row takes part in a pair when both values are finite
 * numbers; `null`, `undefined` and `NaN` mark a missing value.
 *
 * @param rows - records, e.g. one per particle
 * @param columns - names of the numeric fields to correlate (at least one, unique)
 * @param options - passed to {@link pearson} (`confidence`, unused in the table)
 * @returns `{ columns, r, p, n }`
 * @throws InvalidArgumentError for bad `rows` / `columns`, a value that is neither a number nor
 *   missing, or a pair with fewer than 2 complete rows or a constant column
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085, Fig. 5a.
 */
export function correlationTable(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: PearsonOptions = {},
): CorrelationTable {
  const fn = 'correlationTable';
  const { confidence = 0.95 } = checkOptions(fn, options, { confidence: true });
  assertNumber(fn, 'options.confidence', confidence, { greaterThan: 0, lessThan: 1 });
  if (!Array.isArray(rows)) throw new InvalidArgumentError(fn, 'rows', rows, 'an array of records');
  const unique = new Set(columns);
  if (!Array.isArray(columns) || columns.length === 0 || unique.size !== columns.length) {
    throw new InvalidArgumentError(fn, 'columns', columns, 'a non-empty array of unique names');
  }
  const data = columns.map((name) =>
    rows.map((row, i) => {
      const v = row?.[name];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        return Number.NaN;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(
          fn,
          `rows[${i}].${name}`,
          v,
          'a finite number, null or undefined',
        );
      }
      return v;
    }),
  );
  const k = columns.length;
  const square = (value: number) =>
    Array.from({ length: k }, () => new Array<number>(k).fill(value));
  const r = square(1);
  const p = square(0);
  const n = square(0);
  for (let i = 0; i < k; i++) {
    n[i]![i] = data[i]!.filter((v) => !Number.isNaN(v)).length;
    for (let j = i + 1; j < k; j++) {
      const x: number[] = [];
      const y: number[] = [];
      data[i]!.forEach((v, row) => {
        const w = data[j]![row]!;
        if (!Number.isNaN(v) && !Number.isNaN(w)) {
          x.push(v);
          y.push(w);
        }
      });
      let result: ReturnType<typeof pearson>;
      try {
        result = pearson(x, y, { confidence });
      } catch (error) {
        const argument = InvalidArgumentError.isInstance(error)
          ? (error as InvalidArgumentError).argument
          : undefined;
        if (argument !== 'x' && argument !== 'y') throw error;
        const detail = (error as Error).message;
        throw new InvalidArgumentError(
          fn,
          'columns',
          [columns[i], columns[j]],
          `a pair with at least 2 complete rows and no constant column (${detail})`,
        );
      }
      r[i]![j] = r[j]![i] = result.r;
      p[i]![j] = p[j]![i] = result.p;
      n[i]![j] = n[j]![i] = result.n;
    }
  }
  return { columns: [...columns], r, p, n };
}
