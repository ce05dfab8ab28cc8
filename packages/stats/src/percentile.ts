/**
 * Percentile of sorted data with numpy's default `'linear'` method: position
 * `q / 100 * (n - 1)`, interpolated between its neighbours as numpy's `_lerp` does
 * (`a + (b - a) t`, or `b - (b - a)(1 - t)` when `t >= 0.5`), so results agree to the bit.
 *
 * @param sorted - ascending finite values, at least one
 * @param q - percentile in [0, 100]
 *
 * @remarks
 * References: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50
 * (1996), doi:10.1080/00031305.1996.10473566 (definition 7); numpy `percentile`.
 */
export function percentileOfSorted(sorted: Float64Array, q: number): number {
  const position = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const t = position - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
