/**
 * Disjoint sets over `0..n-1` in a Float64Array (exact for any count of elements an array
 * can hold, past 2^31 and 2^32), with path halving.
 */
export class UnionFind {
  readonly parent: Float64Array;

  constructor(n: number) {
    this.parent = new Float64Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The root of `a`'s set. */
  find(a: number): number {
    const p = this.parent;
    while (p[a] !== a) {
      p[a] = p[p[a]!]!;
      a = p[a]!;
    }
    return a;
  }

  /** Merge the sets of `a` and `b` (the smaller root becomes the root). */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
