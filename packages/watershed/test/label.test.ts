import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { label } from '../src/index.js';

describe('label', () => {
  const cross = Uint8Array.of(0, 1, 0, 1, 0, 1, 0, 1, 1);

  it('numbers face-connected objects in raster order (scipy example)', () => {
    const { labels, count } = label(ndarray(cross, [3, 3]));
    expect(count).toBe(3);
    expect(Array.from(labels.data)).toEqual([0, 1, 0, 2, 0, 3, 0, 3, 3]);
  });

  it('joins diagonal neighbours with connectivity 2', () => {
    const { labels, count } = label(ndarray(cross, [3, 3]), { connectivity: 2 });
    expect(count).toBe(1);
    expect(Array.from(labels.data)).toEqual(Array.from(cross));
  });

  it('merges a U shape whose arms meet late (union-find)', () => {
    const u = ndarray(Uint8Array.of(1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1), [4, 4]);
    const { labels, count } = label(u);
    expect(count).toBe(2);
    expect(Array.from(labels.data)).toEqual([1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2]);
  });

  it('separates 3D objects touching only at a corner unless connectivity is 3', () => {
    const m = new Uint8Array(8);
    m[0] = 1;
    m[7] = 1;
    expect(label(ndarray(m, [2, 2, 2])).count).toBe(2);
    expect(label(ndarray(m, [2, 2, 2]), { connectivity: 2 }).count).toBe(2);
    expect(label(ndarray(m, [2, 2, 2]), { connectivity: 3 }).count).toBe(1);
  });

  it('returns 0 objects for an empty mask', () => {
    const { labels, count } = label(ndarray(new Float32Array(6), [2, 3]));
    expect(count).toBe(0);
    expect(Array.from(labels.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('throws for a bad connectivity', () => {
    const m = ndarray(cross, [3, 3]);
    expect(() => label(m, { connectivity: 3 })).toThrow(InvalidArgumentError);
    expect(() => label(m, { connectivity: 1.5 })).toThrow(/options\.connectivity/);
  });
});
