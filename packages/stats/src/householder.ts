/**
 * `Q^T y` for the Householder QR factorization of the `n x p` matrix whose columns are
 * `columns` (in that order), and the rank check: the entries `0 .. p-1` are the "effects"
 * of the columns in turn (the square of entry `j` is the sum of squares that column `j` adds
 * to the fit of the columns before it) and the squares of entries `p .. n-1` sum to the
 * residual sum of squares. Returns `undefined` when a column is (numerically) a linear
 * combination of the previous ones.
 *
 * @remarks
 * References: G. H. Golub, C. F. Van Loan, "Matrix Computations", 4th ed. (2013), section 5.2.
 */
export function householderEffects(
  columns: readonly Float64Array[],
  y: Float64Array,
): Float64Array | undefined {
  const n = y.length;
  const p = columns.length;
  const a = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  for (let j = 0; j < p; j++) {
    const col = a[j]!;
    let scale = 0;
    for (let i = j; i < n; i++) scale = Math.max(scale, Math.abs(col[i]!));
    let original = 0;
    for (let i = 0; i < n; i++) original = Math.max(original, Math.abs(columns[j]![i]!));
    // the part of column j outside the span of the previous columns is negligible: rank deficient
    if (scale <= 1e-10 * original || scale === 0) return undefined;
    let norm = 0;
    for (let i = j; i < n; i++) norm += (col[i]! / scale) ** 2;
    norm = scale * Math.sqrt(norm);
    const alpha = col[j]! > 0 ? -norm : norm;
    // v = x - alpha e1, stored in col[j..n); H = I - 2 v v^T / (v^T v)
    col[j] = col[j]! - alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += col[i]! * col[i]!;
    const apply = (target: Float64Array) => {
      let dot = 0;
      for (let i = j; i < n; i++) dot += col[i]! * target[i]!;
      const f = (2 * dot) / vv;
      for (let i = j; i < n; i++) target[i]! -= f * col[i]!;
    };
    for (let k = j + 1; k < p; k++) apply(a[k]!);
    apply(qty);
  }
  return qty;
}
