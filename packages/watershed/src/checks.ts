/** Labels renumbered 1..count, see {@link compactLabels}. */
export interface CompactLabels {
  /** Per element its label's rank 1..count among the positive labels present; 0 for labels <= 0. */
  slots: ArrayLike<number>;
  /** `values[s]` = the label of slot `s` (`values[0] = 0`), increasing. */
  values: Float64Array;
  /** Number of distinct positive labels present. */
  count: number;
}

/**
 * The positive labels present, renumbered 1..count in increasing order (labels <= 0 become
 * 0), so that per-label tables are sized by the number of labels present, not by the
 * largest label value (a label 2^31 - 1 on two pixels needs two table rows, not 2^31).
 * Memory: one int32 per element, plus, when the largest label is at most the number of
 * elements, a table of that many int32; otherwise a Map of the distinct labels. Labels
 * already 1..count are returned as they are (`slots === lab`).
 *
 * @internal
 */
export function compactLabels(lab: ArrayLike<number>): CompactLabels {
  const n = lab.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (lab[i]! > max) max = lab[i]!;
  if (max <= n) {
    const rank = new Int32Array(max + 1);
    for (let i = 0; i < n; i++) {
      const l = lab[i]!;
      if (l > 0) rank[l] = 1;
    }
    let count = 0;
    for (let l = 1; l <= max; l++) if (rank[l] !== 0) rank[l] = ++count;
    const values = new Float64Array(count + 1);
    for (let l = 1; l <= max; l++) if (rank[l] !== 0) values[rank[l]!] = l;
    if (count === max) return { slots: lab, values, count };
    const slots = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const l = lab[i]!;
      if (l > 0) slots[i] = rank[l]!;
    }
    return { slots, values, count };
  }
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) if (lab[i]! > 0) seen.add(lab[i]!);
  const values = Float64Array.from([0, ...seen]).sort();
  const rank = new Map<number, number>();
  for (let s = 1; s < values.length; s++) rank.set(values[s]!, s);
  const slots = new Int32Array(n);
  let last = 0;
  let lastSlot = 0;
  for (let i = 0; i < n; i++) {
    const l = lab[i]!;
    if (l <= 0) continue;
    if (l !== last) {
      last = l;
      lastSlot = rank.get(l)!;
    }
    slots[i] = lastSlot;
  }
  return { slots, values, count: values.length - 1 };
}
