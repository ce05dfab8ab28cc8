/**
 * Binary min-heap of flooding items keyed on (value, age), in one flat buffer (no per-item
 * objects): item slot i (1-based, root at 1) holds its value as a float64 and its age and
 * pixel index as two int32 in the same 16 bytes, so the two children of a node (slots 2i
 * and 2i + 1) share one 32-byte run of memory and a sift touches one cache line per level.
 * The source pixel, when asked for, lives in a separate Int32Array.
 * Push and pop move items exactly as scikit-image's heap (`heap_general.pxi`) moves them, so
 * items with equal keys (the markers, all of age 0) leave in the same order as there.
 * Ages must stay below 2^31.
 *
 * @internal
 */
export class FloodQueue {
  size = 0;
  /** value of slot i at `val[2 i]`; age at `int[4 i + 2]`, pixel index at `int[4 i + 3]`. */
  private val: Float64Array;
  private int: Int32Array;
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
    const buffer = new ArrayBuffer(16 * (capacity + 1));
    this.val = new Float64Array(buffer);
    this.int = new Int32Array(buffer);
    this.src = withSource ? new Int32Array(capacity + 1) : undefined;
  }

  private grow(): void {
    const slots = 2 * (this.val.length / 2);
    const buffer = new ArrayBuffer(16 * slots);
    const val = new Float64Array(buffer);
    val.set(this.val);
    this.val = val;
    this.int = new Int32Array(buffer);
    if (this.src !== undefined) {
      const src = new Int32Array(slots);
      src.set(this.src);
      this.src = src;
    }
  }

  push(value: number, age: number, index: number, source: number): void {
    if (this.size + 1 === this.val.length / 2) this.grow();
    const child = this.holeUp(++this.size, value, age);
    this.val[2 * child] = value;
    this.int[4 * child + 2] = age;
    this.int[4 * child + 3] = index;
    if (this.src !== undefined) this.src[child] = source;
  }

  /**
   * Copy slot `from` into slot `to`. The (age, index) pair moves as one float64: the index is
   * the high word, below 2^31, so the pair is never a NaN whose bits an engine could rewrite
   * (it is a finite number or a subnormal, both copied bit for bit).
   */
  private move(to: number, from: number): void {
    this.val[2 * to] = this.val[2 * from]!;
    this.val[2 * to + 1] = this.val[2 * from + 1]!;
    if (this.src !== undefined) this.src[to] = this.src[from]!;
  }

  /**
   * Move the hole at slot `child` up while its parent is larger than (value, age), parents
   * moving down into it; returns where the hole ends.
   */
  private holeUp(child: number, value: number, age: number): number {
    const V = this.val;
    const W = this.int;
    while (child > 1) {
      const parent = child >> 1;
      const pv = V[2 * parent]!;
      if (value < pv || (value === pv && age < W[4 * parent + 2]!)) {
        this.move(child, parent);
        child = parent;
      } else break;
    }
    return child;
  }

  /** Remove the smallest item; its fields land in `topValue`, `topIndex`, `topSource`. */
  pop(): void {
    const V = this.val;
    const W = this.int;
    const S = this.src;
    this.topValue = V[2]!;
    this.topIndex = W[7]!;
    if (S !== undefined) this.topSource = S[1]!;
    const n = this.size--;
    if (n === 1) return;
    // x: the last item, to be re-inserted from the root down
    const xv = V[2 * n]!;
    const xpair = V[2 * n + 1]!;
    const xa = W[4 * n + 2]!;
    const xs = S === undefined ? 0 : S[n]!;
    const last = n - 1;
    let i = 1;
    if (xa > 0) {
      // No other item has x's key (ages above 0 are unique): Floyd's variant, moving the hole
      // down the smaller-child path to a leaf and x back up, leaves the same arrangement.
      for (;;) {
        let c = 2 * i;
        if (c > last) break;
        if (c < last) {
          const lv = V[2 * c]!;
          const rv = V[2 * c + 2]!;
          if (rv < lv || (rv === lv && W[4 * c + 6]! < W[4 * c + 2]!)) c++;
        }
        this.move(i, c);
        i = c;
      }
      i = this.holeUp(i, xv, xa);
    } else {
      for (;;) {
        const l = 2 * i;
        if (l > last) break;
        let best = i;
        let bv = xv;
        let ba = xa;
        const lv = V[2 * l]!;
        if (lv < bv || (lv === bv && W[4 * l + 2]! < ba)) {
          best = l;
          bv = lv;
          ba = W[4 * l + 2]!;
        }
        const r = l + 1;
        if (r <= last) {
          const rv = V[2 * r]!;
          if (rv < bv || (rv === bv && W[4 * r + 2]! < ba)) best = r;
        }
        if (best === i) break;
        this.move(i, best);
        i = best;
      }
    }
    V[2 * i] = xv;
    V[2 * i + 1] = xpair;
    if (S !== undefined) S[i] = xs;
  }
}
