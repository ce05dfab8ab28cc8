import fc from 'fast-check';
import reference from 'ndarray';
import { describe, expect, it } from 'vitest';
import ndarray from '../src/ndarray-without-eval.js';

type View = ReturnType<typeof reference>;

/** Everything observable about a view: fields, getters and every element through get(). */
function observe(v: View): unknown {
  if (v === null) return null;
  const elements: unknown[] = [];
  if (v.dimension >= 0 && v.size > 0 && v.size < 5000) {
    const index = new Array<number>(v.dimension).fill(0);
    for (let k = 0; k < v.size; k++) {
      elements.push([v.index(...index), v.get(...index)]);
      for (let d = v.dimension - 1; d >= 0; d--) {
        if (++index[d]! < v.shape[d]!) break;
        index[d] = 0;
      }
    }
  }
  return {
    shape: Array.from(v.shape),
    stride: Array.from(v.stride),
    offset: v.offset,
    size: v.size,
    dimension: v.dimension,
    order: Array.from(v.order),
    dtype: v.dtype,
    elements,
  };
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('hi'),
    args: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('lo'),
    args: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('step'),
    args: fc.array(
      fc.oneof(
        fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0),
        fc.constant(undefined),
      ),
      { maxLength: 4 },
    ),
  }),
  fc.record({
    kind: fc.constant('transpose'),
    args: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('pick'),
    args: fc.array(fc.oneof(fc.integer({ min: -1, max: 2 }), fc.constant(null)), { maxLength: 4 }),
  }),
);

describe('@mgraph/core/ndarray against the ndarray package', () => {
  it('random views (hi, lo, step, transpose, pick) of 0-4D arrays: same fields, order, index and elements', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 4 }),
        fc.array(op, { maxLength: 5 }),
        (shape, ops) => {
          const size = shape.reduce((a, b) => a * b, 1);
          const data = Float64Array.from({ length: size }, (_, i) => i * 1.5 - 3);
          let a: View | null = reference(data, shape);
          let b: View | null = ndarray(data, shape);
          expect(observe(b as View)).toEqual(observe(a as View));
          for (const { kind, args } of ops) {
            if (a === null || b === null || a.dimension < 1) break;
            const dims = args.slice(0, a.dimension);
            if (kind === 'transpose') {
              const axes = (args as number[]).filter((x) => x < a!.dimension);
              a = a.transpose(...axes);
              b = b.transpose(...axes);
            } else {
              a = (a[kind] as (...x: unknown[]) => View)(...dims);
              b = (b[kind] as (...x: unknown[]) => View)(...dims);
            }
            expect(observe(b as View)).toEqual(observe(a as View));
          }
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });

  it('set writes through to the data; dtypes, default strides and offsets of negative strides', () => {
    for (const data of [
      new Uint8Array(6),
      new Int32Array(6),
      new Float32Array(6),
      [0, 0, 0, 0, 0, 0],
      new BigInt64Array(6),
    ]) {
      const a = reference(data.slice() as never, [2, 3]);
      const b = ndarray(data.slice() as never, [2, 3]);
      expect(b.dtype).toBe(a.dtype);
      const one = data instanceof BigInt64Array ? 1n : 1;
      expect(b.set(1, 2, one as never)).toEqual(a.set(1, 2, one as never));
      expect(Array.from(b.data as ArrayLike<unknown>)).toEqual(
        Array.from(a.data as ArrayLike<unknown>),
      );
    }
    const data = Float32Array.from([0, 1, 2, 3, 4, 5]);
    expect(observe(ndarray(data, [2, 3], [-3, 1]) as View)).toEqual(
      observe(reference(data, [2, 3], [-3, 1])),
    );
    expect(observe(ndarray(data) as View)).toEqual(observe(reference(data)));
    // a generic store with get / set
    const store = {
      length: 4,
      values: [1, 2, 3, 4],
      get(i: number) {
        return this.values[i];
      },
      set(i: number, v: number) {
        this.values[i] = v;
      },
    };
    const g = ndarray(store as never, [2, 2]);
    expect(g.dtype).toBe('generic');
    expect(g.get(1, 0)).toBe(3);
    g.set(0, 1, 9);
    expect(store.values).toEqual([1, 9, 3, 4]);
    // 0-d views: get / valueOf read the element, pick gives the trivial array
    const zero = ndarray(data, []);
    expect(zero.get()).toBe(reference(data, []).get());
    expect(zero.pick().dimension).toBe(-1);
  });
});
