/** Open-addressing hash table of (a, b) -> count, both labels int32. */
export class PairTable {
  private size = 0;
  private mask = 1023;
  private keyA = new Int32Array(1024);
  private keyB = new Int32Array(1024);
  private value = new Float64Array(1024);

  add(a: number, b: number, n: number): void {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    for (;;) {
      const ka = this.keyA[h]!;
      if (ka === 0) break;
      if (ka === a && this.keyB[h] === b) {
        this.value[h]! += n;
        return;
      }
      h = (h + 1) & this.mask;
    }
    this.keyA[h] = a;
    this.keyB[h] = b;
    this.value[h] = n;
    if (++this.size * 2 > this.mask) this.rehash();
  }

  private rehash(): void {
    const { keyA, keyB, value } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.keyA = new Int32Array(capacity);
    this.keyB = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.size = 0;
    for (let i = 0; i < keyA.length; i++)
      if (keyA[i] !== 0) this.add(keyA[i]!, keyB[i]!, value[i]!);
  }

  /** Entries sorted by a, then b. */
  sorted(): { source: Int32Array; target: Int32Array; count: Uint32Array } {
    const slots: number[] = [];
    for (let i = 0; i < this.keyA.length; i++) if (this.keyA[i] !== 0) slots.push(i);
    const { keyA, keyB, value } = this;
    slots.sort((p, q) => keyA[p]! - keyA[q]! || keyB[p]! - keyB[q]!);
    return {
      source: Int32Array.from(slots, (i) => keyA[i]!),
      target: Int32Array.from(slots, (i) => keyB[i]!),
      count: Uint32Array.from(slots, (i) => value[i]!),
    };
  }
}
