/**
 * Histogram of values in `bins` equal bins from 0 to the largest value (numpy
 * `histogram(values, bins, range=(0, max))`: a bin holds `low <= v < high`, the last bin
 * also `v = max`).
 *
 * @param values - non-negative finite values
 * @param bins - number of bins (>= 1)
 * @returns `edges` (`bins + 1` values) and `counts` (`bins` values)
 */
export function histogram(
  values: readonly number[],
  bins: number,
): { edges: number[]; counts: number[] } {
  const max = values.reduce((m, v) => Math.max(m, v), 0) || 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (max * i) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    let i = Math.floor((v / max) * bins);
    if (i >= bins) i = bins - 1;
    while (i > 0 && v < edges[i]!) i -= 1;
    while (i < bins - 1 && v >= edges[i + 1]!) i += 1;
    counts[i] += 1;
  }
  return { edges, counts };
}
