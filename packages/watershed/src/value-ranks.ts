/**
 * Ranks of the distinct values of a set of float64 numbers: an open-addressing hash table on
 * the values' bit patterns (grown by doubling, so small inputs stay cheap) gives every new
 * value the next id (0, 1, 2, ... in order of first insertion); once all values are in,
 * `ranks()` sorts the distinct values and returns the rank (0 = smallest) of every id. Used
 * to turn the priorities of a flood into small integers when the image has few distinct
 * values (a distance map has a few hundred), so that a bucket queue can replace the heap.
 *
 * @internal
 */
export class ValueRanks {
  /** Number of distinct values inserted (the next id). */
  size = 0;
  private capacity = 64;
  /** Per slot: the value, and its id (-1 = empty). */
  private keys = new Float64Array(64);
  private ids = new Int32Array(64).fill(-1);
  /** Per id: the value. */
  private values = new Float64Array(16);
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** @param maxDistinct - the most distinct values accepted; `insert` returns -1 beyond it */
  constructor(readonly maxDistinct: number) {}

  /**
   * Id of `value` (finite; -0 and 0 share one), the next id if it is new.
   *
   * @returns the id, or -1 when `value` is new and the table already holds `maxDistinct`
   */
  insert(value: number): number {
    const v = value === 0 ? 0 : value;
    let h = this.slot(v);
    const id = this.ids[h]!;
    if (id >= 0) return id;
    if (this.size === this.maxDistinct) return -1;
    if (2 * (this.size + 1) > this.capacity) {
      this.grow();
      h = this.slot(v);
    }
    if (this.size === this.values.length) {
      const values = new Float64Array(2 * this.size);
      values.set(this.values);
      this.values = values;
    }
    this.keys[h] = v;
    this.ids[h] = this.size;
    this.values[this.size] = v;
    return this.size++;
  }

  /** The value of an id. */
  valueAt(id: number): number {
    return this.values[id]!;
  }

  /** Rank of every id's value among the distinct values. */
  ranks(): Int32Array {
    const values = this.values;
    const order = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) order[i] = i;
    order.sort((a, b) => values[a]! - values[b]!);
    const rank = new Int32Array(this.size);
    for (let r = 0; r < this.size; r++) rank[order[r]!] = r;
    return rank;
  }

  /** The slot holding `v`, or the empty slot where it would go (linear probing). */
  private slot(v: number): number {
    this.bits[0] = v;
    const w = this.words;
    let h = Math.imul(w[0]! ^ Math.imul(w[1]!, 0x9e3779b1), 0x85ebca6b);
    const mask = this.capacity - 1;
    h = (h ^ (h >>> 15)) & mask;
    const ids = this.ids;
    const keys = this.keys;
    while (ids[h] !== -1 && keys[h] !== v) h = (h + 1) & mask;
    return h;
  }

  private grow(): void {
    const values = this.values;
    this.capacity *= 2;
    this.keys = new Float64Array(this.capacity);
    this.ids = new Int32Array(this.capacity).fill(-1);
    for (let id = 0; id < this.size; id++) {
      const h = this.slot(values[id]!);
      this.keys[h] = values[id]!;
      this.ids[h] = id;
    }
  }
}
