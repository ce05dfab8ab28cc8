/** A fixture array: `{ shape, dtype, data }`, `null` = NaN. */
export interface FixtureArray {
  shape: number[];
  dtype: string;
  data: Array<number | null>;
}

/** The numbers of a fixture array (NaN for null). */
export function values(a: FixtureArray): number[] {
  return a.data.map((v) => (v === null ? Number.NaN : v));
}

/** Largest absolute difference of two equally long lists. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
