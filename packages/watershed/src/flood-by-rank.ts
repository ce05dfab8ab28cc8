import type { ProgressCallback } from '@mgraph/core';
import { BucketQueue } from './bucket-queue.js';
import type { FloodQueue } from './flood-queue.js';
import { ValueRanks } from './value-ranks.js';

/** The most distinct values for which the bucket queue replaces the heap. */
const MAX_DISTINCT = 1 << 16;

/**
 * Finish a classic (non-compact, no watershed line) flood with a bucket queue on value ranks,
 * once no two items of the heap can have equal keys (no two unpopped markers share a value;
 * every other item has its own age). From then on the heap would pop in plain (value, age)
 * order, and so does a bucket queue with one FIFO per distinct value whose items enter in
 * increasing age. O(1) per pixel instead of the heap's O(log n).
 *
 * @param queue - the heap of the flood so far (emptied here on success)
 * @param value - padded image values
 * @param output - padded labels (0 = unlabelled and in the mask), completed here
 * @param nbr - flat neighbour offsets in the padded array
 * @param popped - pixels popped so far (for `onProgress`)
 * @returns true when done; false (nothing changed) when the image has more than 2^16
 *   distinct values, so that the caller keeps the heap
 */
export function floodByRank(
  queue: FloodQueue,
  value: Float64Array,
  output: Int32Array,
  nbr: Int32Array,
  popped: number,
  inMask: number,
  onProgress: ProgressCallback | undefined,
): boolean {
  const { values, ages, indices } = queue.take();
  const order = orderByAge(ages);
  const ranked = rankValues(value, output, values);
  if (ranked === undefined) {
    // keys are unique from here on, so any arrangement of the heap pops in the same order
    for (const i of order) queue.push(values[i]!, ages[i]!, indices[i]!, 0);
    return false;
  }
  const { distinct, pixelRanks, heapRanks } = ranked;
  const buckets = new BucketQueue(distinct);
  for (const i of order) buckets.push(heapRanks[i]!, indices[i]!);
  const nn = nbr.length;
  while (buckets.size > 0) {
    const index = buckets.pop();
    if (onProgress !== undefined && (++popped & 0xffff) === 0) {
      onProgress(Math.min(popped, inMask), inMask);
    }
    const lab = output[index]!;
    for (let j = 0; j < nn; j++) {
      const q = index + nbr[j]!;
      if (output[q] !== 0) continue;
      output[q] = lab;
      buckets.push(pixelRanks[q]!, q);
    }
  }
  return true;
}

/**
 * Rank the distinct values of the unlabelled pixels (`output === 0`) and of the heap items
 * (`heapValues`) together: returns the rank of every unlabelled pixel (0 elsewhere), the
 * ranks of the heap items and the number of distinct values; undefined beyond MAX_DISTINCT
 * distinct values.
 */
function rankValues(
  value: Float64Array,
  output: Int32Array,
  heapValues: Float64Array,
): { distinct: number; pixelRanks: Uint16Array; heapRanks: Int32Array } | undefined {
  const psize = value.length;
  const table = new ValueRanks(Math.min(MAX_DISTINCT, psize + heapValues.length));
  const heapSlots = new Int32Array(heapValues.length);
  for (let i = 0; i < heapValues.length; i++) {
    heapSlots[i] = table.insert(heapValues[i]!);
    if (heapSlots[i]! < 0) return undefined;
  }
  for (let p = 0; p < psize; p++) {
    if (output[p] === 0 && table.insert(value[p]!) < 0) return undefined;
  }
  // slots can exceed 16 bits, ranks cannot: a second pass looks the (present) values up
  const rank = table.ranks();
  const pixelRanks = new Uint16Array(psize);
  for (let p = 0; p < psize; p++) {
    if (output[p] === 0) pixelRanks[p] = rank[table.insert(value[p]!)]!;
  }
  return { distinct: table.size, pixelRanks, heapRanks: heapSlots.map((s) => rank[s]!) };
}

/** Positions of `ages` (non-negative int32) in increasing age: LSD radix sort, two 16-bit passes. */
function orderByAge(ages: Int32Array): Int32Array {
  const n = ages.length;
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Int32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((ages[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 1; b <= 65536; b++) count[b]! += count[b - 1]!;
    for (let i = 0; i < n; i++) {
      const item = order[i]!;
      next[count[(ages[item]! >>> shift) & 0xffff]!++] = item;
    }
    [order, next] = [next, order];
  }
  return order;
}
