/**
 * Indices that sort `values` ascending, in exactly the order NumPy's default `np.argsort`
 * (`kind='quicksort'`, an introsort) gives for float64 data in NumPy <= 1.24: median-of-3
 * quicksort while a partition spans more than 16 elements, insertion sort below, heapsort past the depth
 * limit `2 * floor(log2(n))`. Ties are therefore ordered like NumPy's, not stably, which
 * `scipy.signal.find_peaks(distance=...)` depends on when peaks share a height.
 *
 * @param values - the keys (finite numbers)
 * @returns the permutation, as an Int32Array
 *
 * @remarks
 * References: NumPy `numpy/core/src/npysort/quicksort.cpp` (`aquicksort_`) and
 * `heapsort.cpp` (`aheapsort_`); D. R. Musser, "Introspective sorting and selection
 * algorithms", Software: Practice and Experience 27 (1997), doi:10.1002/(SICI)1097-024X(199708)27:8<983::AID-SPE117>3.0.CO;2-#.
 */
export function numpyArgsort(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  const v = values;
  const swap = (a: number, b: number) => {
    const t = idx[a]!;
    idx[a] = idx[b]!;
    idx[b] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = n - 1;
  let cdepth = 2 * (31 - Math.clz32(n)); // 2 * floor(log2(n))
  for (;;) {
    if (cdepth < 0) {
      heapsortRange(v, idx, pl, pr - pl + 1);
    } else {
      while (pr - pl > 15) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[idx[pm]!]! < v[idx[pl]!]!) swap(pm, pl);
        if (v[idx[pr]!]! < v[idx[pm]!]!) swap(pr, pm);
        if (v[idx[pm]!]! < v[idx[pl]!]!) swap(pm, pl);
        const vp = v[idx[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do pi++;
          while (v[idx[pi]!]! < vp);
          do pj--;
          while (vp < v[idx[pj]!]!);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // continue on the smaller partition, push the larger one
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = idx[pi]!;
        const key = v[vi]!;
        let pj = pi;
        while (pj > pl && key < v[idx[pj - 1]!]!) {
          idx[pj] = idx[pj - 1]!;
          pj--;
        }
        idx[pj] = vi;
      }
    }
    if (stack.length === 0) return idx;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
}

/** NumPy's `aheapsort_` on `idx[start .. start + count)`. */
function heapsortRange(v: ArrayLike<number>, idx: Int32Array, start: number, count: number): void {
  // 1-based heap indexing: a(k) is idx[start + k - 1]
  const base = start - 1;
  const siftDown = (first: number, n: number) => {
    const tmp = idx[base + first]!;
    let i = first;
    let j = first << 1;
    while (j <= n) {
      if (j < n && v[idx[base + j]!]! < v[idx[base + j + 1]!]!) j++;
      if (v[tmp]! < v[idx[base + j]!]!) {
        idx[base + i] = idx[base + j]!;
        i = j;
        j += j;
      } else break;
    }
    idx[base + i] = tmp;
  };
  for (let l = count >> 1; l > 0; l--) siftDown(l, count);
  for (let n = count; n > 1; ) {
    const tmp = idx[base + n]!;
    idx[base + n] = idx[base + 1]!;
    idx[base + 1] = tmp;
    n--;
    siftDown(1, n);
  }
}
