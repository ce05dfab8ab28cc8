import { createRng } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { CONTACT_WINDOW, contactPairs } from '../src/contact-pairs.js';
import { makeGrid } from '../src/grid.js';
import { generateComposite } from '../src/index.js';

/** Brute force: every labelled pixel against every pixel of its window. */
function bruteForce(shape: number[], labels: Int32Array, nLabels: number, window: number) {
  const r = (window - 1) / 2;
  const [planes, rows, cols] = shape.length === 3 ? shape : [1, ...shape];
  const sets = Array.from({ length: nLabels }, () => new Set<number>());
  for (let z = 0; z < planes!; z++) {
    for (let y = 0; y < rows!; y++) {
      for (let x = 0; x < cols!; x++) {
        const a = labels[(z * rows! + y) * cols! + x]!;
        if (a === 0) continue;
        for (let dz = -r; dz <= r; dz++) {
          for (let dy = -r; dy <= r; dy++) {
            for (let dx = -r; dx <= r; dx++) {
              const [zz, yy, xx] = [z + dz, y + dy, x + dx];
              if (zz < 0 || zz >= planes! || yy < 0 || yy >= rows! || xx < 0 || xx >= cols!) {
                continue;
              }
              const b = labels[(zz * rows! + yy) * cols! + xx]!;
              if (b !== 0 && b !== a) sets[a]!.add(b);
            }
          }
        }
      }
    }
  }
  return sets.map((s) => [...s].sort((p, q) => p - q));
}

/** Sparse random boxes of labels 1..n (later boxes overwrite earlier ones). */
function randomBoxes(shape: number[], n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const [planes, rows, cols] = shape.length === 3 ? shape : [1, ...shape];
  const labels = new Int32Array(planes! * rows! * cols!);
  for (let l = 1; l <= n; l++) {
    const lo = [planes!, rows!, cols!].map((s) => Math.floor(rng.uniform(0, s)));
    const hi = lo.map((v, k) =>
      Math.min([planes!, rows!, cols!][k]! - 1, v + Math.floor(rng.uniform(0, 4))),
    );
    for (let z = lo[0]!; z <= hi[0]!; z++) {
      for (let y = lo[1]!; y <= hi[1]!; y++) {
        for (let x = lo[2]!; x <= hi[2]!; x++) labels[(z * rows! + y) * cols! + x] = l;
      }
    }
  }
  return labels;
}

describe('contactPairs', () => {
  it('is the 7x7 rule: Chebyshev distance 3 touches, 4 does not, in 2D and 3D', () => {
    expect(CONTACT_WINDOW).toBe(7);
    const touches = (shape: number[], a: number[], b: number[]) => {
      const grid = makeGrid(shape);
      const labels = new Int32Array(grid.size);
      const index = (p: number[]) => p.reduce((i, v, k) => i * shape[k]! + v, 0);
      labels[index(a)] = 1;
      labels[index(b)] = 2;
      const n = contactPairs(grid, labels, 3);
      expect(n[2]!.includes(1)).toBe(n[1]!.includes(2));
      return n[1]!.includes(2);
    };
    expect(touches([12, 12], [2, 2], [5, 5])).toBe(true);
    expect(touches([12, 12], [2, 2], [6, 5])).toBe(false);
    expect(touches([12, 12], [0, 11], [3, 8])).toBe(true);
    expect(touches([9, 9, 9], [1, 1, 1], [4, 4, 4])).toBe(true);
    expect(touches([9, 9, 9], [1, 1, 1], [5, 1, 1])).toBe(false);
    expect(touches([9, 9, 9], [8, 0, 8], [5, 3, 5])).toBe(true);
  });

  it.each([
    ['2D', [37, 41], 1],
    ['2D', [37, 41], 3],
    ['2D', [37, 41], 5],
    ['2D', [37, 41], 7],
    ['3D', [11, 13, 17], 1],
    ['3D', [11, 13, 17], 3],
    ['3D', [11, 13, 17], 7],
  ])('%s %j window %i: equals a brute-force scan on random boxes', (_, shape, window) => {
    for (const seed of [1, 2, 3]) {
      const n = 40;
      const labels = randomBoxes(shape, n, seed);
      const got = contactPairs(makeGrid(shape), labels, n + 2, window);
      expect(got).toEqual(bruteForce(shape, labels, n + 2, window));
    }
  });

  it('equals a brute-force scan on 2D and 3D phantoms', () => {
    for (const shape of [
      [64, 80],
      [24, 28, 32],
    ]) {
      const c = generateComposite({ shape, seed: 4, nmcRadius: 5 });
      const n = c.phaseOfLabel.length;
      const got = contactPairs(makeGrid(shape), c.instances.data, n);
      expect(got).toEqual(bruteForce(shape, c.instances.data, n, 7));
      expect(got.reduce((s, l) => s + l.length, 0)).toBeGreaterThan(100);
    }
  });
});
