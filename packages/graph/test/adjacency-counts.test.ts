import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { adjacencyCounts } from '../src/index.js';

interface Case {
  labels: { shape: number[]; dtype: string; data: number[] };
  sizes: Record<string, number>;
  directed_counts: [number, number, number][];
}

const fixture = loadFixture<{ cases: Case[] }>(
  join(import.meta.dirname, 'fixtures'),
  'adjacency.json',
);

function triples(r: ReturnType<typeof adjacencyCounts>): [number, number, number][] {
  return Array.from(r.source, (a, i) => [a, r.target[i]!, r.count[i]!]);
}

/** Brute force: per label a, dilate by a Chebyshev ball pixel by pixel and count b. */
function bruteForce(labels: ndarray.NdArray, window: number): [number, number, number][] {
  const r = (window - 1) / 2;
  const shape = labels.shape.length === 2 ? [1, ...labels.shape] : labels.shape;
  const [P, R, C] = shape as [number, number, number];
  const at = (z: number, y: number, x: number) =>
    labels.shape.length === 2 ? labels.get(y, x) : labels.get(z, y, x);
  const counts = new Map<string, number>();
  for (let z = 0; z < P; z++)
    for (let y = 0; y < R; y++)
      for (let x = 0; x < C; x++) {
        const b = at(z, y, x);
        if (b === 0) continue;
        const seen = new Set<number>();
        const rz = labels.shape.length === 2 ? 0 : r;
        for (let dz = -rz; dz <= rz; dz++)
          for (let dy = -r; dy <= r; dy++)
            for (let dx = -r; dx <= r; dx++) {
              const zz = z + dz;
              const yy = y + dy;
              const xx = x + dx;
              if (zz < 0 || yy < 0 || xx < 0 || zz >= P || yy >= R || xx >= C) continue;
              const a = at(zz, yy, xx);
              if (a !== 0 && a !== b) seen.add(a);
            }
        for (const a of seen) counts.set(`${a},${b}`, (counts.get(`${a},${b}`) ?? 0) + 1);
      }
  return [...counts]
    .map(([k, c]) => [...k.split(',').map(Number), c] as [number, number, number])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

describe('adjacencyCounts', () => {
  for (const c of fixture.cases) {
    const nd = c.labels.shape.length;
    it(`equals scipy binary_dilation counts exactly (${nd}D ${c.labels.shape.join('x')})`, () => {
      const labels = ndarray(Int32Array.from(c.labels.data), c.labels.shape);
      const got = triples(adjacencyCounts(labels));
      expect(got.length).toBe(c.directed_counts.length);
      expect(got).toEqual(c.directed_counts);
    });
    it(`gives the same counts on a transposed, stepped view (${nd}D)`, () => {
      const labels = ndarray(Int32Array.from(c.labels.data), c.labels.shape);
      const axes = labels.shape.map((_, i) => labels.shape.length - 1 - i);
      const view = labels.transpose(...axes);
      const copy = ndarray(new Int32Array(view.size), view.shape);
      const idx = new Array<number>(view.shape.length).fill(0);
      for (let k = 0; k < view.size; k++) {
        let rem = k;
        for (let d = view.shape.length - 1; d >= 0; d--) {
          idx[d] = rem % view.shape[d]!;
          rem = Math.floor(rem / view.shape[d]!);
        }
        copy.data[k] = view.get(...idx);
      }
      expect(triples(adjacencyCounts(view))).toEqual(triples(adjacencyCounts(copy)));
    });
  }

  it('matches a brute-force dilation for windows 1, 3, 5, 9 and 101 (wider than the image)', () => {
    const c = fixture.cases[0]!;
    const labels = ndarray(Int32Array.from(c.labels.data), c.labels.shape);
    for (const window of [1, 3, 5, 9, 101]) {
      expect(triples(adjacencyCounts(labels, { window }))).toEqual(bruteForce(labels, window));
    }
    expect(adjacencyCounts(labels, { window: 1 }).source.length).toBe(0);
  });

  it('matches brute force in 3D with windows 3 and 5', () => {
    const c = fixture.cases[1]!;
    const labels = ndarray(Int32Array.from(c.labels.data), c.labels.shape);
    for (const window of [3, 5]) {
      expect(triples(adjacencyCounts(labels, { window }))).toEqual(bruteForce(labels, window));
    }
  });

  it('handles huge label values (sparse renumbering) and other integer dtypes', () => {
    const c = fixture.cases[0]!;
    const big = ndarray(
      Float64Array.from(c.labels.data, (v) => (v === 0 ? 0 : v + 2 ** 30)),
      c.labels.shape,
    );
    const got = triples(adjacencyCounts(big));
    expect(got).toEqual(c.directed_counts.map(([a, b, n]) => [a + 2 ** 30, b + 2 ** 30, n]));
    const u16 = ndarray(Uint16Array.from(c.labels.data), c.labels.shape);
    expect(triples(adjacencyCounts(u16))).toEqual(c.directed_counts);
  });

  it('counts a hand-drawn pair exactly', () => {
    // 1 x 12 row: label 1 at cols 0-1, label 2 at cols 6-11; radius 3 reaches cols 2..4
    // from label 1 (none of label 2), so widen: label 2 at 5..11 -> 1 reaches col 4 only.
    const row = [1, 1, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2];
    const r = adjacencyCounts(ndarray(Int32Array.from(row), [1, 12]));
    // dilated 1 covers cols 0..4: no pixel of 2. Dilated 2 covers cols 2..11: no pixel of 1.
    expect(r.source.length).toBe(0);
    const row2 = [1, 1, 0, 0, 2, 2, 2, 2, 2, 0, 0, 1];
    const r2 = adjacencyCounts(ndarray(Int32Array.from(row2), [1, 12]));
    // dilated 1 (cols 0-1 and 11) covers 0..4 and 8..11: label 2 at 4, 8 -> 2 pixels
    // dilated 2 (cols 4-8) covers 1..11: label 1 at 1, 11 -> 2 pixels
    expect(triples(r2)).toEqual([
      [1, 2, 2],
      [2, 1, 2],
    ]);
  });

  it('rejects bad labels and windows with typed errors', () => {
    const ok = ndarray(new Int32Array(4), [2, 2]);
    expect(() => adjacencyCounts(ndarray(Int32Array.from([0, -1, 0, 0]), [2, 2]))).toThrow(
      'adjacencyCounts: argument labels[1] must be a non-negative integer label, got -1',
    );
    expect(() => adjacencyCounts(ndarray(Float32Array.from([0, 1.5, 0, 0]), [2, 2]))).toThrow(
      InvalidArgumentError,
    );
    expect(() => adjacencyCounts(ndarray(Float64Array.from([0, Number.NaN]), [1, 2]))).toThrow(
      'labels[1]',
    );
    expect(() => adjacencyCounts(ok, { window: 4 })).toThrow(
      'adjacencyCounts: argument options.window must be an odd integer >= 1, got 4',
    );
    expect(() => adjacencyCounts(ok, { window: 0 })).toThrow(InvalidArgumentError);
    expect(() => adjacencyCounts(ok, { window: 2.5 })).toThrow(InvalidArgumentError);
    expect(() => adjacencyCounts(ndarray(new Int32Array(4), [4]))).toThrow(InvalidArgumentError);
  });

  it('reports progress up to the number of rows and never mutates its input', () => {
    const c = fixture.cases[1]!;
    const data = Int32Array.from(c.labels.data);
    const before = data.slice();
    const calls: number[] = [];
    adjacencyCounts(ndarray(data, c.labels.shape), {
      onProgress: (done, total) => {
        calls.push(done);
        expect(total).toBe(20 * 24);
      },
    });
    expect(calls.at(-1)).toBe(20 * 24);
    expect(data).toEqual(before);
  });
});
