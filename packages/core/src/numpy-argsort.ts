import { InvalidArgumentError } from './errors.js';

/** numpy's float `LT`: NaN sorts after every number. */
function lt(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/**
 * numpy's default `argsort` (`kind='quicksort'`, an introsort) for float64 keys, ported so
 * that ties are broken exactly as numpy (<= 1.24) breaks them, not stably. scikit-image
 * orders neighbourhood offsets and peak candidates with this sort and
 * `scipy.signal.find_peaks(distance=...)` visits peaks in its order, so the order of equal
 * keys decides which pixel or peak wins a tie there; a stable sort would not reproduce them.
 *
 * Quicksort with median-of-three pivots on ranges of more than 16 elements, insertion sort below,
 * heapsort when the recursion depth exceeds 2 floor(log2 n) (numpy 1.x `aquicksort_`).
 *
 * @param keys - the keys (an array or typed array of numbers); not modified. NaN sorts last,
 *   as numpy's `npy_half`/`double` `LT` puts it
 * @throws InvalidArgumentError when `keys` is not an array or typed array
 * @returns the permutation sorting `keys` ascending, as an Int32Array
 *
 * @remarks
 * References: NumPy `numpy/core/src/npysort/quicksort.cpp` (`aquicksort_`) and
 * `heapsort.cpp` (`aheapsort_`); D. R. Musser, "Introspective sorting and selection
 * algorithms", Software: Practice and Experience 27 (1997) 983-993.
 */
export function argsortNumpy(keys: ArrayLike<number>): Int32Array {
  if (!Array.isArray(keys) && !(ArrayBuffer.isView(keys) && !(keys instanceof DataView))) {
    throw new InvalidArgumentError(
      'argsortNumpy',
      'keys',
      keys,
      'an array or typed array of numbers',
    );
  }
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const v = keys;
  const stack = new Int32Array(128);
  const depths = new Int32Array(64);
  let sp = 0;
  let dp = 0;
  let pl = 0;
  let pr = n - 1;
  let cdepth = 2 * Math.floor(Math.log2(n));
  for (;;) {
    if (cdepth < 0) {
      heapsortRange(v, order, pl, pr - pl + 1);
    } else {
      while (pr - pl > 15) {
        const pm = pl + ((pr - pl) >> 1);
        if (lt(v[order[pm]!]!, v[order[pl]!]!)) swap(order, pm, pl);
        if (lt(v[order[pr]!]!, v[order[pm]!]!)) swap(order, pr, pm);
        if (lt(v[order[pm]!]!, v[order[pl]!]!)) swap(order, pm, pl);
        const vp = v[order[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(order, pm, pj);
        for (;;) {
          do ++pi;
          while (lt(v[order[pi]!]!, vp));
          do --pj;
          while (lt(vp, v[order[pj]!]!));
          if (pi >= pj) break;
          swap(order, pi, pj);
        }
        swap(order, pi, pr - 1);
        if (pi - pl < pr - pi) {
          stack[sp++] = pi + 1;
          stack[sp++] = pr;
          pr = pi - 1;
        } else {
          stack[sp++] = pl;
          stack[sp++] = pi - 1;
          pl = pi + 1;
        }
        depths[dp++] = --cdepth;
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = order[pi]!;
        const key = v[vi]!;
        let pj = pi;
        while (pj > pl && lt(key, v[order[pj - 1]!]!)) {
          order[pj] = order[pj - 1]!;
          pj--;
        }
        order[pj] = vi;
      }
    }
    if (sp === 0) break;
    pr = stack[--sp]!;
    pl = stack[--sp]!;
    cdepth = depths[--dp]!;
  }
  return order;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** numpy's `aheapsort_` on `order[start .. start + n)` (1-based heap indexing). */
function heapsortRange(
  v: ArrayLike<number>,
  order: Int32Array,
  start: number,
  count: number,
): void {
  const a = (k: number) => start + k - 1;
  // sift `tmp` down from heap position `i` in a heap of `n` items
  const sift = (tmp: number, i: number, n: number) => {
    let j = i << 1;
    while (j <= n) {
      if (j < n && lt(v[order[a(j)]!]!, v[order[a(j + 1)]!]!)) j += 1;
      if (lt(v[tmp]!, v[order[a(j)]!]!)) {
        order[a(i)] = order[a(j)]!;
        i = j;
        j += j;
      } else break;
    }
    order[a(i)] = tmp;
  };
  let n = count;
  for (let l = n >> 1; l > 0; --l) sift(order[a(l)]!, l, n);
  while (n > 1) {
    const tmp = order[a(n)]!;
    order[a(n)] = order[a(1)]!;
    n -= 1;
    sift(tmp, 1, n);
  }
}
