import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { FloodQueue } from '../src/flood-queue.js';
import { AGE_SPAN, RankHeap } from '../src/rank-heap.js';
import { watershed } from '../src/watershed.js';
import { residueImage } from './helpers.js';

/** Seeded integers in [0, n). */
function lcg(seed: number) {
  const rng = createRng(seed);
  return (n: number) => rng.integer(0, n);
}

describe('RankHeap moves items as FloodQueue (scikit-image heap) does', () => {
  it.each([1, 2, 3, 4, 5])(
    'same pop order with many age-0 ties, random pushes and pops (seed %i)',
    (seed) => {
      const rand = lcg(seed);
      const flood = new FloodQueue(4, false);
      const ranked = new RankHeap(4);
      // markers: age 0, values from a small set, so that many share a key
      for (let i = 0; i < 300; i++) {
        const v = rand(12);
        flood.push(v, 0, i, i);
        ranked.push(v * AGE_SPAN, i);
      }
      let age = 1;
      let next = 300;
      const a: number[] = [];
      const b: number[] = [];
      while (flood.size > 0) {
        flood.pop();
        ranked.pop();
        a.push(flood.topIndex);
        b.push(ranked.topIndex);
        for (let k = rand(3); k > 0 && next < 5000; k--) {
          const v = rand(40);
          flood.push(v, age, next, 0);
          ranked.push(v * AGE_SPAN + age, next);
          age++;
          next++;
        }
      }
      expect(ranked.size).toBe(0);
      expect(b).toEqual(a);
      // and the ties really were broken by the arrangement, not by insertion order
      const markerOrder = a.filter((i) => i < 300);
      expect(markerOrder).not.toEqual([...markerOrder].sort((x, y) => x - y));
    },
  );
});

describe('watershed progress across the heap and bucket phases', () => {
  it('reports increasing counts up to (pixelsInMask, pixelsInMask)', () => {
    const n = 400;
    const image = residueImage(n);
    const markers = ndarray(new Int32Array(n * n), [n, n]);
    // markers on equal values (11 apart in x), so the flood starts in the heap
    for (let k = 0; k < 20; k++) markers.set(10 + 19 * k, 11 * k, k + 1);
    const calls: number[][] = [];
    watershed(image, markers, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.at(-1)).toEqual([n * n, n * n]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]!);
  });
});
