import { createRng, InvalidArgumentError } from '@mgraph/core';
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

describe('label on byte masks at any offset', () => {
  it('gives the same labels for aligned, unaligned and float copies of one mask', () => {
    const rng = createRng(7);
    const rand = () => rng.uniform();
    for (const shape of [
      [37, 53],
      [9, 13, 22],
    ]) {
      const size = shape.reduce((a, b) => a * b, 1);
      // long empty stretches and short runs; long runs of any nonzero byte (0x80 and 0xff
      // included) with short gaps: both are crossed four bytes at a time
      const sparse = Uint8Array.from({ length: size }, (_, i) =>
        (i % 31 < 9 && rand() < 0.7) || rand() < 0.05 ? 1 : 0,
      );
      const dense = Uint8Array.from({ length: size }, (_, i) =>
        i % 41 < 33 && rand() < 0.97 ? [1, 0x80, 0xff, 0x7f, 2][rng.integer(0, 5)]! : 0,
      );
      for (const bytes of [sparse, dense]) {
        const reference = label(ndarray(Float64Array.from(bytes), shape)).labels.data;
        for (const offset of [0, 1, 2, 3, 4]) {
          const buffer = new Uint8Array(size + 8);
          buffer.set(bytes, offset);
          const view = buffer.subarray(offset, offset + size);
          expect(Array.from(label(ndarray(view, shape)).labels.data)).toEqual(
            Array.from(reference),
          );
        }
      }
    }
  });
});
