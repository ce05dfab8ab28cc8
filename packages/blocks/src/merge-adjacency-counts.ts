import { InvalidArgumentError } from '@mgraph/core';
import type { AdjacencyCounts } from '@mgraph/graph';
import { PairSums } from './pair-sums.js';

/**
 * Sum per-block adjacency counts ({@link blockAdjacencyCounts} of every block of a plan)
 * into the counts of the whole volume: `@mgraph/graph`'s `adjacencyCounts` exactly.
 *
 * @param partials - the blocks' counts, in any order
 * @returns `AdjacencyCounts` sorted by source, then target; `maxLabel` the largest of the
 *   partials'
 * @throws InvalidArgumentError when an entry is not `AdjacencyCounts` (parallel arrays of
 *   one length) or a summed count passes 2^32 - 1
 */
export function mergeAdjacencyCounts(partials: readonly AdjacencyCounts[]): AdjacencyCounts {
  const fn = 'mergeAdjacencyCounts';
  if (!Array.isArray(partials)) {
    throw new InvalidArgumentError(fn, 'partials', partials, 'a list of AdjacencyCounts');
  }
  const pairs = new PairSums();
  let maxLabel = 0;
  partials.forEach((p, i) => {
    const n = p?.source?.length;
    if (!(Number.isInteger(n) && p.target?.length === n && p.count?.length === n)) {
      throw new InvalidArgumentError(
        fn,
        `partials[${i}]`,
        p,
        'AdjacencyCounts (source, target, count of one length)',
      );
    }
    for (let k = 0; k < n; k++) pairs.add(p.source[k]!, p.target[k]!, p.count[k]!);
    maxLabel = Math.max(maxLabel, p.maxLabel);
  });
  return { ...pairs.sorted(fn), maxLabel };
}
