import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  flatData,
  forEachOffset,
  isContiguous,
  rowMajorStrides,
  toContiguous,
} from '../src/index.js';

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Reference: read every element with .get in row-major order. */
function viaGet(a: ndarray.NdArray): number[] {
  const out: number[] = [];
  const idx = new Array<number>(a.shape.length).fill(0);
  const rec = (d: number) => {
    if (d === a.shape.length) {
      out.push(a.get(...idx) as number);
      return;
    }
    for (let i = 0; i < a.shape[d]!; i++) {
      idx[d] = i;
      rec(d + 1);
    }
  };
  rec(0);
  return out;
}

describe('rowMajorStrides', () => {
  it('is C order', () => {
    expect(rowMajorStrides([4, 5, 6])).toEqual([30, 6, 1]);
    expect(rowMajorStrides([7])).toEqual([1]);
    expect(rowMajorStrides([])).toEqual([]);
  });
});

describe('isContiguous / toContiguous', () => {
  const base = ndarray(range(60), [3, 4, 5]);
  const views: Array<[string, ndarray.NdArray<Int32Array>]> = [
    ['transposed', base.transpose(2, 0, 1)],
    ['sliced', base.lo(1, 1, 2).hi(2, 2, 2)],
    ['stepped', base.step(1, 2, 2)],
    ['reversed', base.step(-1, -1, -1)],
    ['picked', base.pick(null, 2, null)],
    ['first-axis slice (offset > 0)', base.lo(1, 0, 0)],
    ['first-axis slice (data longer)', base.hi(2, 4, 5)],
  ];

  it('the base array is contiguous and returned as is', () => {
    expect(isContiguous(base)).toBe(true);
    expect(toContiguous(base)).toBe(base);
    expect(flatData(base)).toBe(base.data);
  });

  for (const [name, v] of views) {
    it(`${name} view: copied, same values in row-major order, input untouched`, () => {
      const before = Int32Array.from(base.data);
      expect(isContiguous(v)).toBe(false);
      const c = toContiguous(v);
      expect(c).not.toBe(v);
      expect(c.offset).toBe(0);
      expect(c.stride).toEqual(rowMajorStrides(v.shape));
      expect(c.shape).toEqual(v.shape);
      expect(c.data).toBeInstanceOf(Int32Array);
      expect(c.data.length).toBe(v.size);
      expect(Array.from(c.data)).toEqual(viaGet(v));
      expect(isContiguous(c)).toBe(true);
      expect(Array.from(flatData(v))).toEqual(viaGet(v));
      expect(base.data).toEqual(before);
    });
  }

  it('axes of length 1 do not break contiguity', () => {
    const a = ndarray(new Float32Array(6), [1, 6, 1], [999, 1, 42]);
    expect(isContiguous(a)).toBe(true);
  });

  it('works on plain arrays and empty arrays', () => {
    const a = ndarray([1, 2, 3, 4, 5, 6], [2, 3]).transpose(1, 0);
    expect(toContiguous(a).data).toEqual([1, 4, 2, 5, 3, 6]);
    const e = ndarray(new Uint8Array(0), [0, 3]);
    expect(toContiguous(e).size).toBe(0);
  });
});

describe('forEachOffset', () => {
  it('visits data indices in row-major order with flat positions', () => {
    const a = ndarray(range(12), [3, 4]).transpose(1, 0);
    const seen: Array<[number, number]> = [];
    forEachOffset(a, (i, k) => seen.push([i, k]));
    expect(seen.map((s) => s[1])).toEqual(Array.from({ length: 12 }, (_, k) => k));
    expect(seen.map((s) => s[0])).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
  });
  it('handles 0-d arrays', () => {
    const seen: number[] = [];
    forEachOffset({ shape: [], stride: [], offset: 3 }, (i) => seen.push(i));
    expect(seen).toEqual([3]);
  });
});
