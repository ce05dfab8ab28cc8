import type { ProgressCallback } from '@mgraph/core';
import { BucketQueue } from './bucket-queue.js';
import { AGE_SPAN, RankHeap } from './rank-heap.js';

/**
 * Classic flood (no compactness, no watershed line) of an image whose values were replaced by
 * ids (ordered through `rankOf`), in two phases with the same pop order as scikit-image's heap:
 * 1. a binary heap keyed on `rank * 2^32 + age` ({@link RankHeap}, moves as scikit-image's),
 *    while two unpopped markers share a value: markers all enter with age 0, so they are the
 *    only items with equal keys, and the order in which they leave depends on the heap's
 *    arrangement (it can change labels);
 * 2. then every key is unique, the heap would pop in plain (rank, age) order, and so does a
 *    bucket queue with one FIFO per rank whose items enter in increasing age: O(1) per pixel
 *    instead of O(log n).
 *
 * @param state - padded, one element per pixel: the id of its value (0 .. distinct - 1) for
 *   a pixel not yet flooded, `distinct + label index` once flooded (markers from the start),
 *   any other value >= distinct for pixels never to flood; completed here
 * @param distinct - number of distinct values (ids and ranks)
 * @param rankOf - rank of each value id (0 = smallest value)
 * @param nbr - flat neighbour offsets in the padded array
 * @param markerAt - padded positions of the markers, in row-major order
 * @param markerRanks - rank of each marker's value
 * @param inMask - pixels in the mask, the total reported to `onProgress`
 * @param onProgress - called with `(pixelsFlooded, inMask)` every 65,536 pixels
 * @internal
 */
export function floodByRank(
  state: Int32Array | Uint16Array,
  distinct: number,
  rankOf: Int32Array,
  nbr: Int32Array,
  markerAt: Int32Array,
  markerRanks: Int32Array,
  inMask: number,
  onProgress: ProgressCallback | undefined,
): void {
  const span = AGE_SPAN;
  const heap = new RankHeap(Math.min(4096, 16 + (state.length >> 4)));
  const markersLeft = new Int32Array(distinct);
  let tied = 0;
  for (let i = 0; i < markerAt.length; i++) {
    heap.push(markerRanks[i]! * span, markerAt[i]!);
    if (++markersLeft[markerRanks[i]!]! === 2) tied++;
  }
  const nn = nbr.length;
  let age = 1;
  let popped = 0;
  while (tied > 0) {
    heap.pop();
    if (onProgress !== undefined && (++popped & 0xffff) === 0) {
      onProgress(Math.min(popped, inMask), inMask);
    }
    // a marker (age 0) leaves: its key is rank * 2^32 exactly
    const key = heap.topKey;
    const rank = Math.floor(key / span);
    if (key === rank * span && --markersLeft[rank]! === 1) tied--;
    const index = heap.topIndex;
    const lab = state[index]!;
    for (let j = 0; j < nn; j++) {
      const q = index + nbr[j]!;
      const s = state[q]!;
      if (s >= distinct) continue;
      state[q] = lab;
      heap.push(rankOf[s]! * span + age++, q);
    }
  }
  const { keys, indices } = heap.take();
  const buckets = new BucketQueue(distinct);
  for (const i of orderByAge(keys)) buckets.push(Math.floor(keys[i]! / span), indices[i]!);
  floodBuckets(buckets, state, distinct, rankOf, nbr, popped, inMask, onProgress);
}

/** Phase 2 of {@link floodByRank}: flood from the bucket queue until it is empty. */
function floodBuckets(
  buckets: BucketQueue,
  state: Int32Array | Uint16Array,
  distinct: number,
  rankOf: Int32Array,
  nbr: Int32Array,
  popped: number,
  inMask: number,
  onProgress: ProgressCallback | undefined,
): void {
  const nn = nbr.length;
  while (buckets.size > 0) {
    const index = buckets.pop();
    if (onProgress !== undefined && (++popped & 0xffff) === 0) {
      onProgress(Math.min(popped, inMask), inMask);
    }
    const lab = state[index]!;
    for (let j = 0; j < nn; j++) {
      const q = index + nbr[j]!;
      const s = state[q]!;
      if (s >= distinct) continue;
      state[q] = lab;
      buckets.push(rankOf[s]!, q);
    }
  }
}

/**
 * Positions of `keys` (rank * 2^32 + age, ages below 2^31) in increasing age: LSD radix sort
 * on the age, 11 bits a pass, as many passes as the largest age needs (small counts keep
 * the many small floods of splitTouching cheap).
 */
function orderByAge(keys: Float64Array): Int32Array {
  const n = keys.length;
  const ages = new Int32Array(n);
  let maxAge = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    ages[i] = k - Math.floor(k / AGE_SPAN) * AGE_SPAN;
    if (ages[i]! > maxAge) maxAge = ages[i]!;
  }
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Int32Array(2049);
  for (let shift = 0; shift < 32 && maxAge >>> shift > 0; shift += 11) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((ages[i]! >>> shift) & 2047) + 1]!++;
    for (let b = 1; b <= 2048; b++) count[b]! += count[b - 1]!;
    for (let i = 0; i < n; i++) {
      const item = order[i]!;
      next[count[(ages[item]! >>> shift) & 2047]!++] = item;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}
