import { UndirectedGraph } from 'graphology';
import { expect } from 'vitest';
import type { anova2 } from '../src/index.js';

/** An ANOVA table as the fixtures store statsmodels' `anova_lm` (null = NaN). */
export interface AnovaTable {
  sum_sq: number[];
  df: number[];
  F: (number | null)[];
  'PR(>F)': (number | null)[];
  rows: string[];
}

/** Relative error, 0 when both are equal (null = NaN in the fixtures = not applicable). */
export function rel(got: number | null, want: number | null): number {
  if (want === null) return got === null ? 0 : Number.POSITIVE_INFINITY;
  if (got === null) return Number.POSITIVE_INFINITY;
  if (got === want) return 0;
  return Math.abs(got - want) / Math.abs(want);
}

/** Map statsmodels row names (`C(a)`, `C(a, Sum):C(b, Sum)`) to ours. */
export function termName(row: string): string {
  return row.replace(/C\((\w)(, Sum)?\)/g, '$1');
}

export function expectTable(
  rows: ReturnType<typeof anova2>['rows'],
  want: AnovaTable,
  tol: number,
) {
  expect(rows.map((r) => r.term)).toEqual(want.rows.map(termName));
  rows.forEach((row, i) => {
    expect(rel(row.sumSq, want.sum_sq[i]!)).toBeLessThan(tol);
    expect(row.df).toBe(want.df[i]);
    expect(rel(row.F, want.F[i]!)).toBeLessThan(tol);
    expect(rel(row.p, want['PR(>F)'][i]!)).toBeLessThan(tol);
  });
}

/** Undirected graph on nodes `'0' .. String(n - 1)` with `[u, v, weight?]` edges (no weight: no attribute). */
export function graphFromEdges(
  n: number,
  edges: readonly (readonly [number, number, number?])[],
): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (const [u, v, w] of edges)
    g.addEdge(String(u), String(v), w === undefined ? {} : { weight: w });
  return g;
}
