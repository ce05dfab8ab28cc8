// Property-based tests (fast-check) of label and watershed, with and without watershed
// lines: every masked pixel labelled, markers keep their labels, every connected piece of a
// label holds a marker of that label, the label count equals a naive flood fill's, inputs
// unchanged. The element-by-element comparison with scikit-image is watershed-line.test.ts.
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { label, watershed } from '../src/index.js';
import { neighborOffsets } from '../src/neighborhood.js';

interface Grid {
  shape: number[];
  connectivity: number;
  mask: Uint8Array;
  image: Float64Array;
  markers: Int32Array;
}

/** Small 2D / 3D grids: mask, integer image (many ties), sparse markers, a connectivity. */
const grid: fc.Arbitrary<Grid> = fc
  .oneof(
    fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })),
    fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
    ),
  )
  .chain((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return fc.record({
      shape: fc.constant(shape as number[]),
      connectivity: fc.integer({ min: 1, max: shape.length }),
      mask: fc.uint8Array({ minLength: size, maxLength: size, min: 0, max: 3 }),
      image: fc
        .array(fc.integer({ min: 0, max: 4 }), { minLength: size, maxLength: size })
        .map((a) => Float64Array.from(a)),
      markers: fc
        .array(
          fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: -2, max: 4 })),
          {
            minLength: size,
            maxLength: size,
          },
        )
        .map((a) => Int32Array.from(a)),
    });
  })
  .map((g) => {
    // mask: nonzero values 1..3 are "in"; 0 out (a quarter); markers only inside
    const markers = g.markers.map((m, i) => (g.mask[i] === 0 ? 0 : m));
    return { ...g, markers };
  });

/** Neighbours of flat index i (bounds-checked), for a connectivity. */
function neighbours(shape: number[], connectivity: number): (i: number) => number[] {
  const offs = neighborOffsets(shape.length, connectivity);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  return (i) => {
    const c = shape.map((s, d) => Math.floor(i / strides[d]!) % s);
    const out: number[] = [];
    for (const o of offs) {
      const q = c.map((x, d) => x + o[d]!);
      if (q.every((x, d) => x >= 0 && x < shape[d]!))
        out.push(q.reduce((a, x, d) => a + x * strides[d]!, 0));
    }
    return out;
  };
}

/** Naive flood fill: components of `inside(i)` joined when `same(i, j)`, numbered in raster order. */
function floodFill(
  size: number,
  nb: (i: number) => number[],
  inside: (i: number) => boolean,
  same: (i: number, j: number) => boolean,
): Int32Array {
  const out = new Int32Array(size);
  let next = 0;
  for (let s = 0; s < size; s++) {
    if (!inside(s) || out[s] !== 0) continue;
    out[s] = ++next;
    const stack = [s];
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const j of nb(i)) {
        if (inside(j) && out[j] === 0 && same(i, j)) {
          out[j] = next;
          stack.push(j);
        }
      }
    }
  }
  return out;
}

const RUNS = { numRuns: 300, seed: 20240519 };

describe('label (fast-check)', () => {
  it('labels every nonzero element, equals a naive flood fill, leaves the mask unchanged', () => {
    fc.assert(
      fc.property(grid, ({ shape, connectivity, mask }) => {
        const before = Uint8Array.from(mask);
        const { labels, count } = label(ndarray(mask, shape), { connectivity });
        const ref = floodFill(
          mask.length,
          neighbours(shape, connectivity),
          (i) => mask[i] !== 0,
          () => true,
        );
        expect(Array.from(labels.data)).toEqual(Array.from(ref));
        expect(count).toBe(Math.max(0, ...ref));
        for (let i = 0; i < mask.length; i++) expect(labels.data[i]! > 0).toBe(mask[i] !== 0);
        expect(mask).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('watershed (fast-check)', () => {
  for (const watershedLine of [false, true]) {
    it(`${watershedLine ? 'with' : 'without'} lines: markers keep their labels, every piece of a label holds one of its markers, inputs unchanged`, () => {
      fc.assert(
        fc.property(grid, ({ shape, connectivity, mask, image, markers }) => {
          fc.pre(mask.some((v) => v !== 0));
          const copies = [
            Uint8Array.from(mask),
            Float64Array.from(image),
            Int32Array.from(markers),
          ];
          const out = watershed(ndarray(image, shape), ndarray(markers, shape), {
            mask: ndarray(mask, shape),
            connectivity,
            watershedLine,
          }).data;
          expect([mask, image, markers]).toEqual(copies);
          const nb = neighbours(shape, connectivity);
          const labelsSeen = new Set(markers.filter((m) => m !== 0));
          for (let i = 0; i < out.length; i++) {
            // markers keep their labels (with lines too: scikit-image keeps a marker on a line)
            if (markers[i] !== 0) expect(out[i]).toBe(markers[i]);
            // outside the mask: 0; inside: 0 or a marker label
            if (mask[i] === 0) expect(out[i]).toBe(0);
            else if (out[i] !== 0) expect(labelsSeen.has(out[i]!)).toBe(true);
          }
          // every connected piece of a label holds a marker of that label
          const pieces = floodFill(
            out.length,
            nb,
            (i) => out[i] !== 0,
            (i, j) => out[i] === out[j],
          );
          const hasMarker = new Set<number>();
          for (let i = 0; i < out.length; i++) if (markers[i] !== 0) hasMarker.add(pieces[i]!);
          for (let i = 0; i < out.length; i++)
            if (out[i] !== 0) expect(hasMarker.has(pieces[i]!)).toBe(true);
          // without lines, every masked element of a component holding a marker is labelled
          if (!watershedLine) {
            const comps = floodFill(
              out.length,
              nb,
              (i) => mask[i] !== 0,
              () => true,
            );
            const seeded = new Set<number>();
            for (let i = 0; i < out.length; i++) if (markers[i] !== 0) seeded.add(comps[i]!);
            for (let i = 0; i < out.length; i++) {
              if (mask[i] !== 0) expect(out[i] !== 0).toBe(seeded.has(comps[i]!));
            }
          }
        }),
        RUNS,
      );
    });
  }
});
