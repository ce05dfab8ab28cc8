/**
 * Ranks of the distinct values of a set of float64 numbers: an open-addressing hash table on
 * the values' bit patterns gives every value a slot; once all values are in, `ranks()` sorts
 * the distinct values and returns the rank (0 = smallest) of every slot. Used to turn the
 * priorities of a flood into small integers when the image has few distinct values (a
 * distance map has a few hundred), so that a bucket queue can replace the heap.
 *
 * @internal
 */
export class ValueRanks {
  /** Number of distinct values inserted. */
  size = 0;
  /** Number of slots (a power of two, at least twice `maxDistinct`). */
  readonly capacity: number;
  private readonly mask: number;
  private readonly keys: Float64Array;
  private readonly used: Uint8Array;
  /** The slots in use, in order of insertion. */
  private readonly inUse: Int32Array;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /**
   * @param maxDistinct - the most distinct values accepted; `insert` returns -1 beyond it
   */
  constructor(readonly maxDistinct: number) {
    let capacity = 16;
    while (capacity < 2 * maxDistinct) capacity *= 2;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.keys = new Float64Array(capacity);
    this.used = new Uint8Array(capacity);
    this.inUse = new Int32Array(maxDistinct);
  }

  /**
   * Slot of `value` (finite; -0 and 0 share a slot), inserting it if new.
   *
   * @returns the slot, or -1 when `value` is new and the table already holds `maxDistinct`
   */
  insert(value: number): number {
    const v = value === 0 ? 0 : value;
    this.bits[0] = v;
    const w = this.words;
    let h = Math.imul(w[0]! ^ Math.imul(w[1]!, 0x9e3779b1), 0x85ebca6b);
    h = (h ^ (h >>> 15)) & this.mask;
    const keys = this.keys;
    const used = this.used;
    while (used[h] !== 0) {
      if (keys[h] === v) return h;
      h = (h + 1) & this.mask;
    }
    if (this.size === this.maxDistinct) return -1;
    used[h] = 1;
    keys[h] = v;
    this.inUse[this.size++] = h;
    return h;
  }

  /** The value held by a slot in use. */
  valueAt(slot: number): number {
    return this.keys[slot]!;
  }

  /** Rank of every slot's value among the distinct values (slots not in use read 0). */
  ranks(): Int32Array {
    const slots = this.inUse.slice(0, this.size);
    const keys = this.keys;
    slots.sort((a, b) => keys[a]! - keys[b]!);
    const rank = new Int32Array(this.capacity);
    for (let r = 0; r < slots.length; r++) rank[slots[r]!] = r;
    return rank;
  }
}
