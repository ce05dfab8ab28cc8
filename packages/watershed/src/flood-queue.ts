/**
 * Binary min-heap of flooding items keyed on (value, age), in flat typed arrays (no per-item
 * objects): value and age interleaved in one Float64Array, so that the comparisons of a
 * sift read dense memory, the pixel index (and, when asked for, the source pixel) in
 * Int32Arrays.
 * Push and pop move items exactly as scikit-image's heap (`heap_general.pxi`) moves them, so
 * items with equal keys (the markers, all of age 0) leave in the same order as there.
 *
 * @internal
 */
export class FloodQueue {
  size = 0;
  /** Keys, interleaved: value of item i at `2 i`, age at `2 i + 1`. */
  private key: Float64Array;
  private idx: Int32Array;
  private src: Int32Array | undefined;
  /** Fields of the item last popped. */
  topValue = 0;
  topIndex = 0;
  topSource = 0;

  /**
   * @param capacity - initial number of items (grows by doubling)
   * @param withSource - keep a source pixel per item (`topSource`); otherwise it reads 0
   */
  constructor(capacity: number, withSource: boolean) {
    this.key = new Float64Array(2 * capacity);
    this.idx = new Int32Array(capacity);
    this.src = withSource ? new Int32Array(capacity) : undefined;
  }

  private grow(): void {
    const n = this.idx.length * 2;
    const key = new Float64Array(2 * n);
    key.set(this.key);
    this.key = key;
    const idx = new Int32Array(n);
    idx.set(this.idx);
    this.idx = idx;
    if (this.src !== undefined) {
      const src = new Int32Array(n);
      src.set(this.src);
      this.src = src;
    }
  }

  push(value: number, age: number, index: number, source: number): void {
    if (this.size === this.idx.length) this.grow();
    const K = this.key;
    const I = this.idx;
    const S = this.src;
    const child = this.holeUp(this.size++, value, age);
    K[2 * child] = value;
    K[2 * child + 1] = age;
    I[child] = index;
    if (S !== undefined) S[child] = source;
  }

  /**
   * Move the hole at `child` up while its parent is larger than (value, age), parents
   * moving down into it; returns where the hole ends.
   */
  private holeUp(child: number, value: number, age: number): number {
    const K = this.key;
    const I = this.idx;
    const S = this.src;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const pv = K[2 * parent]!;
      if (value < pv || (value === pv && age < K[2 * parent + 1]!)) {
        K[2 * child] = pv;
        K[2 * child + 1] = K[2 * parent + 1]!;
        I[child] = I[parent]!;
        if (S !== undefined) S[child] = S[parent]!;
        child = parent;
      } else break;
    }
    return child;
  }

  /** Remove the smallest item; its fields land in `topValue`, `topIndex`, `topSource`. */
  pop(): void {
    const K = this.key;
    const I = this.idx;
    const S = this.src;
    this.topValue = K[0]!;
    this.topIndex = I[0]!;
    if (S !== undefined) this.topSource = S[0]!;
    const n = --this.size;
    if (n === 0) return;
    const xv = K[2 * n]!;
    const xa = K[2 * n + 1]!;
    const xi = I[n]!;
    const xs = S === undefined ? 0 : S[n]!;
    let i = 0;
    if (xa > 0) {
      // No other item has x's key (ages above 0 are unique): Floyd's variant, moving the hole
      // down the smaller-child path to a leaf and x back up, leaves the same arrangement.
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n) {
          const lv = K[2 * c]!;
          const rv = K[2 * r]!;
          if (rv < lv || (rv === lv && K[2 * r + 1]! < K[2 * c + 1]!)) c = r;
        }
        K[2 * i] = K[2 * c]!;
        K[2 * i + 1] = K[2 * c + 1]!;
        I[i] = I[c]!;
        if (S !== undefined) S[i] = S[c]!;
        i = c;
      }
      i = this.holeUp(i, xv, xa);
    } else {
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let best = i;
        let bv = xv;
        let ba = xa;
        const lv = K[2 * l]!;
        if (lv < bv || (lv === bv && K[2 * l + 1]! < ba)) {
          best = l;
          bv = lv;
          ba = K[2 * l + 1]!;
        }
        const r = l + 1;
        if (r < n) {
          const rv = K[2 * r]!;
          if (rv < bv || (rv === bv && K[2 * r + 1]! < ba)) best = r;
        }
        if (best === i) break;
        K[2 * i] = K[2 * best]!;
        K[2 * i + 1] = K[2 * best + 1]!;
        I[i] = I[best]!;
        if (S !== undefined) S[i] = S[best]!;
        i = best;
      }
    }
    K[2 * i] = xv;
    K[2 * i + 1] = xa;
    I[i] = xi;
    if (S !== undefined) S[i] = xs;
  }
}
