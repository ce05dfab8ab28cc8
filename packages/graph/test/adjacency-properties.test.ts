/**
 * Property-based test (fast-check): adjacencyCounts against a brute-force window scan on
 * random small 2D and 3D label images (any window, strided views included).
 */
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { adjacencyCounts } from '../src/index.js';

/** count(a, b) = pixels of b with a pixel of a within Chebyshev distance r (a != b, both > 0). */
function bruteForce(data: Int32Array, shape: number[], r: number): Map<string, number> {
  const ndim = shape.length;
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((p, s) => p * s, 1));
  const out = new Map<string, number>();
  const index = (c: number[]) => c.reduce((s, v, d) => s + v * strides[d]!, 0);
  const coords = (k: number) => shape.map((s, d) => Math.floor(k / strides[d]!) % s);
  for (let k = 0; k < data.length; k++) {
    const b = data[k]!;
    if (b === 0) continue;
    const at = coords(k);
    const seen = new Set<number>();
    const visit = (d: number, c: number[]) => {
      if (d === ndim) {
        const a = data[index(c)]!;
        if (a !== 0 && a !== b) seen.add(a);
        return;
      }
      for (let o = -r; o <= r; o++) {
        const v = at[d]! + o;
        if (v >= 0 && v < shape[d]!) visit(d + 1, [...c, v]);
      }
    };
    visit(0, []);
    for (const a of seen) out.set(`${a}-${b}`, (out.get(`${a}-${b}`) ?? 0) + 1);
  }
  return out;
}

const image = fc
  .record({
    shape: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })),
      fc.tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      ),
    ),
    labels: fc.integer({ min: 1, max: 6 }),
    window: fc.constantFrom(1, 3, 5, 7, 9),
    seed: fc.array(fc.nat(), { minLength: 405, maxLength: 405 }),
    flip: fc.boolean(),
  })
  .map(({ shape, labels, window, seed, flip }) => {
    const size = (shape as number[]).reduce((p, s) => p * s, 1);
    // runs of equal labels are likelier than noise: copy the previous pixel half the time
    const data = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      data[k] = k > 0 && seed[k]! % 2 === 0 ? data[k - 1]! : seed[k + 200]! % (labels + 1);
    }
    return { shape: shape as number[], data, window, flip };
  });

describe('adjacencyCounts (fast-check) equals a brute-force window scan', () => {
  it('2D and 3D, windows 1..9, reversed views', () => {
    fc.assert(
      fc.property(image, ({ shape, data, window, flip }) => {
        const want = bruteForce(data, shape, (window - 1) / 2);
        let arr = ndarray(data, shape);
        if (flip) {
          // the same pixels through a view with a negative stride on the first axis
          const copy = new Int32Array(data.length);
          const plane = data.length / shape[0]!;
          for (let i = 0; i < shape[0]!; i++) {
            copy.set(data.subarray(i * plane, (i + 1) * plane), (shape[0]! - 1 - i) * plane);
          }
          arr = ndarray(copy, shape).step(-1);
        }
        const got = adjacencyCounts(arr, { window });
        const map = new Map<string, number>();
        got.source.forEach((a, i) => {
          map.set(`${a}-${got.target[i]}`, got.count[i]!);
        });
        expect(map).toEqual(new Map([...want].filter(([, c]) => c > 0)));
        expect(got.maxLabel).toBe(Math.max(0, ...data));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
