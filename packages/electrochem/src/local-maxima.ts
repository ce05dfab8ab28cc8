/** Local maxima of a 1D signal, plateaus included (the first step of `find_peaks`). */
export interface LocalMaxima {
  /** Middle index of each maximum (rounded down for plateaus of even length). */
  peaks: Int32Array;
  /** First index of each maximum's plateau. */
  leftEdges: Int32Array;
  /** Last index of each maximum's plateau. */
  rightEdges: Int32Array;
}

/**
 * Find every local maximum of `x` the way `scipy.signal._peak_finding_utils._local_maxima_1d`
 * does: a sample (or a run of equal samples, a plateau) strictly higher than both
 * neighbours. The first and last samples are never maxima; a plateau touching an edge is
 * not one either.
 *
 * @param x - the signal
 * @returns peaks (plateau middles, rounded down) with their plateau edges, ascending
 *
 * @remarks
 * References: SciPy `scipy/signal/_peak_finding_utils.pyx`, `_local_maxima_1d`.
 */
export function localMaxima1d(x: ArrayLike<number>): LocalMaxima {
  const n = x.length;
  const mids: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  const iMax = n - 1;
  let i = 1;
  while (i < iMax) {
    if (x[i - 1]! < x[i]!) {
      let ahead = i + 1;
      while (ahead < iMax && x[ahead] === x[i]) ahead++;
      if (x[ahead]! < x[i]!) {
        lefts.push(i);
        rights.push(ahead - 1);
        mids.push((i + ahead - 1) >> 1);
        i = ahead;
      }
    }
    i++;
  }
  return {
    peaks: Int32Array.from(mids),
    leftEdges: Int32Array.from(lefts),
    rightEdges: Int32Array.from(rights),
  };
}
