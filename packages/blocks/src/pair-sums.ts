import { InvalidArgumentError } from '@mgraph/core';

/**
 * Sums of counts per ordered pair of labels `(a, b)`, returned sorted by `a`, then `b`, as
 * `@mgraph/graph`'s `AdjacencyCounts` arrays.
 */
export class PairSums {
  readonly #rows = new Map<number, Map<number, number>>();

  /** Add `n` to the count of `(a, b)`. */
  add(a: number, b: number, n: number): void {
    let row = this.#rows.get(a);
    if (row === undefined) {
      row = new Map();
      this.#rows.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + n);
  }

  /**
   * The pairs, sorted.
   *
   * @throws InvalidArgumentError naming `fn` when a count passes 2^32 - 1 (Uint32Array)
   */
  sorted(fn = 'mergeAdjacencyCounts'): {
    source: Int32Array;
    target: Int32Array;
    count: Uint32Array;
  } {
    let n = 0;
    for (const row of this.#rows.values()) n += row.size;
    const source = new Int32Array(n);
    const target = new Int32Array(n);
    const count = new Uint32Array(n);
    let k = 0;
    for (const a of [...this.#rows.keys()].sort((p, q) => p - q)) {
      const row = this.#rows.get(a)!;
      for (const b of [...row.keys()].sort((p, q) => p - q)) {
        const c = row.get(b)!;
        if (c > 2 ** 32 - 1) {
          throw new InvalidArgumentError(
            fn,
            'partials',
            c,
            `pair counts below 2^32 (labels ${a} -> ${b})`,
          );
        }
        source[k] = a;
        target[k] = b;
        count[k++] = c;
      }
    }
    return { source, target, count };
  }
}
