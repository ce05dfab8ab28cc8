/**
 * Bucket queue of items (pixel indices) keyed by a small integer priority (a value rank), for
 * any order of pushes (not only monotone ones): one FIFO array per priority, allocated on
 * first use and reused once emptied, and a two-level bitset of the non-empty priorities to
 * find the smallest one. Items of equal priority leave in the order they entered, so when
 * items enter in increasing age (as in a flood) the queue pops by (priority, age), exactly
 * as a heap keyed on (value, age) would. Pushes and pops write and read each bucket
 * sequentially, which keeps them cache-friendly however scattered the items are.
 *
 * @internal
 */
export class BucketQueue {
  size = 0;
  private readonly items: (Int32Array | undefined)[];
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Bit r of `words` is set when bucket r is non-empty; bit w of `summary` when word w is nonzero. */
  private readonly words: Uint32Array;
  private readonly summary: Uint32Array;
  /** No non-empty bucket below this. */
  private low = 0;

  /** @param priorities - number of distinct priorities (0 .. priorities - 1) */
  constructor(priorities: number) {
    this.items = new Array<Int32Array | undefined>(priorities).fill(undefined);
    this.head = new Int32Array(priorities);
    this.tail = new Int32Array(priorities);
    this.words = new Uint32Array(Math.ceil(priorities / 32));
    this.summary = new Uint32Array(Math.ceil(this.words.length / 32));
  }

  push(priority: number, item: number): void {
    let bucket = this.items[priority];
    if (bucket === undefined || this.tail[priority] === bucket.length) {
      bucket = this.grow(priority, bucket);
    }
    const t = this.tail[priority]!;
    bucket[t] = item;
    this.tail[priority] = t + 1;
    if (t === this.head[priority]) {
      // the bucket was empty
      const w = priority >>> 5;
      if (this.words[w] === 0) this.summary[w >>> 5]! |= 1 << (w & 31);
      this.words[w]! |= 1 << (priority & 31);
      if (priority < this.low) this.low = priority;
    }
    this.size++;
  }

  /** Room for one more item in a bucket: allocate it, slide its items down or double it. */
  private grow(priority: number, bucket: Int32Array | undefined): Int32Array {
    if (bucket === undefined) {
      const fresh = new Int32Array(16);
      this.items[priority] = fresh;
      return fresh;
    }
    const h = this.head[priority]!;
    const t = this.tail[priority]!;
    this.head[priority] = 0;
    this.tail[priority] = t - h;
    if (2 * h >= bucket.length) return bucket.copyWithin(0, h, t);
    const doubled = new Int32Array(2 * bucket.length);
    doubled.set(bucket.subarray(h, t));
    this.items[priority] = doubled;
    return doubled;
  }

  /** Remove and return the oldest item of the smallest non-empty priority (size must be > 0). */
  pop(): number {
    const p = this.findFrom(this.low);
    this.low = p;
    const h = this.head[p]!;
    const item = this.items[p]![h]!;
    if (h + 1 === this.tail[p]) {
      this.head[p] = 0;
      this.tail[p] = 0;
      const w = p >>> 5;
      const bits = this.words[w]! & ~(1 << (p & 31));
      this.words[w] = bits;
      if (bits === 0) this.summary[w >>> 5]! &= ~(1 << (w & 31));
    } else {
      this.head[p] = h + 1;
    }
    this.size--;
    return item;
  }

  /** Smallest non-empty priority at or above `from` (one exists). */
  private findFrom(from: number): number {
    let w = from >>> 5;
    let bits = this.words[w]! & (~0 << (from & 31));
    if (bits === 0) {
      // next nonzero word, through the summary
      const w1 = w + 1;
      let s = w1 >>> 5;
      let sbits = this.summary[s]! & (~0 << (w1 & 31));
      while (sbits === 0) sbits = this.summary[++s]!;
      w = (s << 5) | lowestBit(sbits);
      bits = this.words[w]!;
    }
    return (w << 5) | lowestBit(bits);
  }
}

/** Index of the lowest set bit of a nonzero 32-bit integer. */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
