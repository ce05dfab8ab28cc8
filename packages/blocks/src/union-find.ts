import { assertAllocation } from '@mgraph/core';

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

/**
 * The provisional ids of block-wise partials: block `b`'s objects are
 * `offset[b] .. offset[b + 1] - 1` (prefix sums of `count`), `total` of them, checked against
 * `limit` (at `bytesPerElement` bytes each), and a {@link UnionFind} over all of them.
 *
 * @throws InvalidArgumentError naming `partials` when `total` exceeds `limit`
 * @internal
 */
export function provisionalSets(
  fn: string,
  partials: readonly { readonly count: number }[],
  limit: number,
  bytesPerElement: number,
): { offset: Float64Array; total: number; sets: UnionFind } {
  const offset = new Float64Array(partials.length + 1);
  for (let b = 0; b < partials.length; b++) offset[b + 1] = offset[b]! + partials[b]!.count;
  const total = offset[partials.length]!;
  assertAllocation(fn, 'partials', partials.length, total, {
    limit,
    what: 'provisional objects',
    subject: 'blocks',
    bytesPerElement,
  });
  return { offset, total, sets: new UnionFind(total) };
}
