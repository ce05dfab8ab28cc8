import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { BucketQueue } from '../src/bucket-queue.js';
import { FloodQueue } from '../src/flood-queue.js';
import { ValueRanks } from '../src/value-ranks.js';
import { watershed } from '../src/watershed.js';
import { loadFixture } from './helpers.js';

interface FloodCase {
  name: string;
  image: 'few' | 'plateaus' | 'many';
  mask: 'all' | 'holes';
  shape: number[];
  markers: number[][];
  labels: Record<string, number[]>;
}

/** The integer images and masks of scripts/make-flood-fixture.py, recomputed exactly. */
function build(c: FloodCase) {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const image = new Float64Array(size);
  const mask = new Uint8Array(size);
  const markers = new Int32Array(size);
  const nd = c.shape.length;
  const coord = new Array<number>(nd).fill(0);
  for (let k = 0; k < size; k++) {
    let rest = k;
    for (let d = nd - 1; d >= 0; d--) {
      coord[d] = rest % c.shape[d]!;
      rest = Math.floor(rest / c.shape[d]!);
    }
    if (c.image === 'few') {
      const w = nd === 2 ? [7, 13] : [5, 3, 11];
      image[k] = coord.reduce((s, x, d) => s + w[d]! * x, 0) % (nd === 2 ? 50 : 23);
    } else if (c.image === 'plateaus') {
      const [i, j] = coord as [number, number];
      image[k] = (Math.floor(i / 6) * 3 + Math.floor(j / 9) * 5) % 7;
    } else {
      const [i, j] = coord as [number, number];
      image[k] = (i * 7919 + j * 104729 + ((i * j) % 9973)) % 1000003;
    }
    const h = coord.reduce((s, x, d) => s + [31, 17, 5][d]! * x, 0) % 11;
    mask[k] = c.mask === 'all' || h !== 0 ? 1 : 0;
  }
  for (const m of c.markers) {
    const k = m.slice(0, nd).reduce((s, x, d) => s * c.shape[d]! + x, 0);
    markers[k] = m[nd]!;
  }
  return {
    image: ndarray(image, c.shape),
    mask: ndarray(mask, c.shape),
    markers: ndarray(markers, c.shape),
  };
}

describe('watershed: heap, then bucket queue (flood.json, scripts/make-flood-fixture.py)', () => {
  const { cases } = loadFixture<{ cases: FloodCase[] }>('flood.json');
  for (const c of cases) {
    for (const conn of Object.keys(c.labels)) {
      it(`${c.name}, connectivity ${conn}: identical to scikit-image`, () => {
        const { image, mask, markers } = build(c);
        const got = watershed(image, markers, { mask, connectivity: Number(conn) });
        const want = c.labels[conn]!;
        let diff = 0;
        for (let i = 0; i < want.length; i++) if (got.data[i] !== want[i]) diff++;
        expect(diff).toBe(0);
      });
    }
  }
});

describe('BucketQueue', () => {
  it('pops by (priority, entry order) under random pushes and pops, also below the minimum', () => {
    const rng = createRng(12345);
    const rand = (n: number) => rng.integer(0, n);
    const priorities = 3000; // several bitset words and summary words
    const q = new BucketQueue(priorities);
    const ref: [number, number][] = []; // [priority, serial]
    let serial = 0;
    for (let step = 0; step < 40000; step++) {
      if (ref.length === 0 || rand(3) !== 0) {
        const p = rand(4) === 0 ? rand(priorities) : rand(40);
        q.push(p, serial);
        ref.push([p, serial++]);
      } else {
        let best = 0;
        for (let i = 1; i < ref.length; i++) {
          const [p, s] = ref[i]!;
          if (p < ref[best]![0] || (p === ref[best]![0] && s < ref[best]![1])) best = i;
        }
        expect(q.pop()).toBe(ref[best]![1]);
        ref.splice(best, 1);
      }
      expect(q.size).toBe(ref.length);
    }
  });

  it('keeps FIFO order through bucket growth and reuse', () => {
    const q = new BucketQueue(2);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1000; i++) q.push(1, i);
      for (let i = 0; i < 500; i++) expect(q.pop()).toBe(i);
      for (let i = 1000; i < 1300; i++) q.push(1, i);
      q.push(0, -1);
      expect(q.pop()).toBe(-1);
      for (let i = 500; i < 1300; i++) expect(q.pop()).toBe(i);
      expect(q.size).toBe(0);
    }
  });
});

describe('ValueRanks', () => {
  it('ranks distinct values in increasing order; -0 and 0 share a slot', () => {
    const t = new ValueRanks(10);
    const values = [3.5, -1, 0, -0, 3.5, 1e300, -Number.MIN_VALUE, 2];
    const slots = values.map((v) => t.insert(v));
    expect(t.size).toBe(6);
    expect(slots[2]).toBe(slots[3]);
    expect(slots[0]).toBe(slots[4]);
    const rank = t.ranks();
    expect(slots.map((s) => rank[s])).toEqual([4, 0, 2, 2, 4, 5, 1, 3]);
  });

  it('keeps ids stable while the table grows, and ranks 10,000 values', () => {
    const t = new ValueRanks(20000);
    const values = Array.from({ length: 10000 }, (_, i) => ((i * 7919) % 10007) / 3 - 1000);
    const ids = values.map((v) => t.insert(v));
    expect(ids).toEqual(values.map((_, i) => i));
    expect(values.map((v) => t.insert(v))).toEqual(ids);
    const rank = t.ranks();
    const sorted = [...values].sort((a, b) => a - b);
    values.forEach((v, i) => {
      expect(rank[i]).toBe(sorted.indexOf(v));
      expect(t.valueAt(i)).toBe(v);
    });
  });

  it('refuses a new value beyond maxDistinct (-1) but still finds known ones', () => {
    const t = new ValueRanks(3);
    expect([1, 2, 3].map((v) => t.insert(v) >= 0)).toEqual([true, true, true]);
    expect(t.insert(4)).toBe(-1);
    expect(t.insert(2)).toBeGreaterThanOrEqual(0);
    expect(t.size).toBe(3);
  });
});

/**
 * scikit-image's classic flood written out plainly on a 2D image (face neighbours in its
 * order: up, left, right, down), on the (value, age) heap: the reference for the ranked path.
 */
function referenceFlood(image: Float64Array, markers: Int32Array, h: number, w: number) {
  const out = Int32Array.from(markers);
  const queue = new FloodQueue(16, false);
  for (let i = 0; i < out.length; i++) if (out[i] !== 0) queue.push(image[i]!, 0, i, 0);
  let age = 0;
  while (queue.size > 0) {
    queue.pop();
    const p = queue.topIndex;
    const y = Math.floor(p / w);
    const x = p - y * w;
    for (const [dy, dx] of [
      [-1, 0],
      [0, -1],
      [0, 1],
      [1, 0],
    ] as const) {
      const yy = y + dy;
      const xx = x + dx;
      if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
      const q = yy * w + xx;
      if (out[q] !== 0) continue;
      out[q] = out[p]!;
      queue.push(image[q]!, ++age, q, 0);
    }
  }
  return out;
}

describe('watershed around the most distinct values a ranked flood takes (65,535)', () => {
  it.each([65534, 65535, 65536])(
    '%i distinct values: identical to the plain heap flood',
    (distinct) => {
      const h = 300;
      const w = 300;
      // `distinct` different values, then 50 values that repeat in plateaus 10 pixels wide,
      // where the markers sit: markers of equal value, whose fronts meet on the plateaus
      const unique = distinct - 50;
      const image = Float64Array.from({ length: h * w }, (_, i) =>
        i < unique ? 100 + i : (Math.floor((i % w) / 10) + 7 * Math.floor(i / w / 3)) % 50,
      );
      const markers = new Int32Array(h * w);
      const rng = createRng(distinct);
      for (let m = 1; m <= 400; m++) markers[rng.integer(unique, h * w)] = m;
      const got = watershed(ndarray(image, [h, w]), ndarray(markers, [h, w])).data;
      expect(Array.from(got)).toEqual(Array.from(referenceFlood(image, markers, h, w)));
    },
  );
});
