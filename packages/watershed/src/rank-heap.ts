/** Keys of {@link RankHeap}: `rank * AGE_SPAN + age`, exact in a float64 for rank < 2^16. */
export const AGE_SPAN = 2 ** 32;

/**
 * Binary min-heap of flooding items whose (value, age) key is one number, `rank * 2^32 +
 * age` (rank of the value among the image's distinct values), so that a comparison is one
 * float64 compare and the keys of a 150,000-item heap fit in 1.2 MB. Items are moved exactly
 * as in {@link FloodQueue} (scikit-image's heap), so items with equal keys (markers of one
 * value, age 0) leave in scikit-image's order. 1-based: children of slot i are 2i and 2i + 1.
 *
 * @internal
 */
export class RankHeap {
  size = 0;
  private key: Float64Array;
  private idx: Int32Array;
  /** Key and pixel index of the item last popped. */
  topKey = 0;
  topIndex = 0;
  /** Sum of the prefetched keys (see `pop`); meaningless, kept so the loads stay. */
  touched = 0;

  /** @param capacity - initial number of items (grows by doubling) */
  constructor(capacity: number) {
    this.key = new Float64Array(capacity + 2).fill(Number.POSITIVE_INFINITY);
    this.idx = new Int32Array(capacity + 2);
  }

  private grow(): void {
    const key = new Float64Array(2 * this.key.length).fill(Number.POSITIVE_INFINITY);
    key.set(this.key);
    this.key = key;
    const idx = new Int32Array(2 * this.idx.length);
    idx.set(this.idx);
    this.idx = idx;
  }

  push(key: number, index: number): void {
    if (this.size + 2 === this.key.length) this.grow();
    const i = this.holeUp(++this.size, key);
    this.key[i] = key;
    this.idx[i] = index;
  }

  /** Move the hole at slot `i` up while its parent's key is larger than `key`; returns where it ends. */
  private holeUp(i: number, key: number): number {
    const K = this.key;
    const I = this.idx;
    while (i > 1) {
      const parent = i >> 1;
      if (!(key < K[parent]!)) break;
      K[i] = K[parent]!;
      I[i] = I[parent]!;
      i = parent;
    }
    return i;
  }

  /** Remove the smallest item; its key and index land in `topKey` and `topIndex`. */
  pop(): void {
    const K = this.key;
    const I = this.idx;
    this.topKey = K[1]!;
    this.topIndex = I[1]!;
    const n = this.size--;
    if (n === 1) return;
    const xk = K[n]!;
    const xi = I[n]!;
    // slots beyond the last item hold +Infinity, so a missing right child never wins
    K[n] = Number.POSITIVE_INFINITY;
    const last = n - 1;
    let i = 1;
    if (xk !== Math.floor(xk / AGE_SPAN) * AGE_SPAN) {
      // x's age is above 0, so no other item has its key: Floyd's variant (hole down the
      // smaller-child path to a leaf, x back up) leaves the same arrangement as a sift-down
      // prefetch: at slot i, load the cache line of its eight great-grandchildren (slots 8i ..
      // 8i + 7), three levels before the path needs one of them, so that the misses of the
      // heap's lower levels overlap instead of queueing; the loaded values are only summed
      // into `touched`, which keeps the loads from being optimised away
      let touch = 0;
      const reach = K.length - 1;
      for (;;) {
        let c = 2 * i;
        if (c > last) break;
        touch += K[Math.min(8 * i, reach)]!;
        c += +(K[c + 1]! < K[c]!);
        K[i] = K[c]!;
        I[i] = I[c]!;
        i = c;
      }
      this.touched += touch;
      i = this.holeUp(i, xk);
    } else {
      for (;;) {
        const l = 2 * i;
        if (l > last) break;
        let best = i;
        let bk = xk;
        if (K[l]! < bk) {
          best = l;
          bk = K[l]!;
        }
        if (K[l + 1]! < bk) best = l + 1;
        if (best === i) break;
        K[i] = K[best]!;
        I[i] = I[best]!;
        i = best;
      }
    }
    K[i] = xk;
    I[i] = xi;
  }

  /** Empty the heap; returns its items' keys and pixel indices, in no particular order. */
  take(): { keys: Float64Array; indices: Int32Array } {
    const n = this.size;
    this.size = 0;
    return { keys: this.key.slice(1, n + 1), indices: this.idx.slice(1, n + 1) };
  }
}
