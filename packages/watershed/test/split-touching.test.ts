import { AbortError, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { regionProps, splitTouching } from '../src/index.js';
import { matchedObjects, touchingDiscs } from './composites.js';

const SIZE = 200;

describe('splitTouching', () => {
  it('splits two overlapping discs into two convex pieces', () => {
    const n = 60;
    const mask = new Uint8Array(n * n);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (Math.hypot(y - 30, x - 20) <= 12 || Math.hypot(y - 30, x - 40) <= 12)
          mask[y * n + x] = 1;
      }
    }
    const { labels, count } = splitTouching(ndarray(mask, [n, n]));
    expect(count).toBe(2);
    expect(labels.get(30, 20)).not.toBe(labels.get(30, 40));
    for (const p of regionProps(labels)) expect(p.solidity).toBeGreaterThan(0.95);
  });

  it('the convexity loop recovers more true discs than a single pass (touching-disc composites)', () => {
    let single = 0;
    let loop = 0;
    let truthTotal = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const { truth, count } = touchingDiscs(seed, 30, SIZE);
      const mask = ndarray(
        Uint8Array.from(truth, (v) => (v ? 1 : 0)),
        [SIZE, SIZE],
      );
      const once = splitTouching(mask, { maxIterations: 0 });
      const refined = splitTouching(mask);
      expect(once.iterations).toBe(0);
      const a = matchedObjects(truth, once.labels.data);
      const b = matchedObjects(truth, refined.labels.data);
      // never worse on any composite
      expect(b).toBeGreaterThanOrEqual(a);
      single += a;
      loop += b;
      truthTotal += count;
    }
    expect(loop).toBeGreaterThan(single);
    // figures of the README: 95 (single pass) and 101 (convexity loop) of 120 discs
    expect([single, loop, truthTotal]).toEqual([95, 101, 120]);
    expect(loop / truthTotal).toBeGreaterThan(0.8);
  });

  it('keeps a convex object whole and covers the mask exactly', () => {
    const mask = ndarray(new Uint8Array(15 * 15), [15, 15]);
    for (let y = 3; y < 12; y++) for (let x = 2; x < 13; x++) mask.set(y, x, 1);
    const { labels, count, iterations } = splitTouching(mask);
    expect(count).toBe(1);
    expect(iterations).toBe(0);
    expect(Array.from(labels.data)).toEqual(Array.from(mask.data));
  });

  it('works in 3D on two touching balls', () => {
    const n = 30;
    const mask = new Uint8Array(n ** 3);
    for (let z = 0; z < n; z++) {
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          const a = Math.hypot(z - 15, y - 15, x - 9) <= 7;
          const b = Math.hypot(z - 15, y - 15, x - 21) <= 7;
          if (a || b) mask[(z * n + y) * n + x] = 1;
        }
      }
    }
    const { labels, count } = splitTouching(ndarray(mask, [n, n, n]));
    expect(count).toBe(2);
    expect(labels.get(15, 15, 9)).not.toBe(labels.get(15, 15, 21));
  });

  it('reports progress once per pass, ending with the passes done', () => {
    const { truth } = touchingDiscs(2, 30, SIZE);
    const mask = ndarray(
      Uint8Array.from(truth, (v) => (v ? 1 : 0)),
      [SIZE, SIZE],
    );
    const calls: number[][] = [];
    const { iterations } = splitTouching(mask, {
      maxIterations: 5,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(iterations).toBeGreaterThan(0);
    expect(calls[0]).toEqual([1, 6]);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBe(calls[k - 1]![0]! + 1);
    expect(calls.every(([, t]) => t === 6)).toBe(true);
  });

  it('returns no object for an empty mask', () => {
    const { labels, count, iterations } = splitTouching(ndarray(new Uint8Array(64), [8, 8]));
    expect([count, iterations]).toEqual([0, 0]);
    expect(labels.data.every((v) => v === 0)).toBe(true);
  });

  it('honours signal and validates options', () => {
    const mask = ndarray(new Uint8Array(16), [4, 4]);
    const ctrl = new AbortController();
    ctrl.abort();
    expect(() => splitTouching(mask, { signal: ctrl.signal })).toThrow(AbortError);
    expect(() => splitTouching(mask, { convexityThreshold: 2 })).toThrow(InvalidArgumentError);
    expect(() => splitTouching(mask, { minDistance: 0 })).toThrow(/options\.minDistance/);
  });
});
