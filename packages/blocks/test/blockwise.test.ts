// Block-wise labels and adjacency counts against the whole-volume functions they must equal
// (@mgraph/watershed's label = scipy.ndimage.label, @mgraph/graph's adjacencyCounts), on
// random 2D / 3D volumes and block shapes (fast-check), plus hand-worked cases and the
// plan's invariants.
import { AbortError, InvalidArgumentError, type NdArray, ShapeMismatchError } from '@mgraph/core';
import { adjacencyCounts } from '@mgraph/graph';
import { label } from '@mgraph/watershed';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  adjacencyCountsBlockwise,
  blockAdjacencyCounts,
  blockPlan,
  labelBlock,
  labelBlockwise,
  mergeAdjacencyCounts,
  stitchLabels,
} from '../src/index.js';

/** A random volume: shape, values drawn from 0..maxValue with P(0) = `zeros`. */
const volume = (ndim: 2 | 3, maxSide: number, maxValue: number) =>
  fc
    .record({
      shape: fc.array(fc.integer({ min: 1, max: maxSide }), { minLength: ndim, maxLength: ndim }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      zeros: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    })
    .map(({ shape, seed, zeros }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = maxValue > 255 ? new Int32Array(n) : new Uint8Array(n);
      let s = seed;
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        const u = s / 2 ** 32;
        data[i] =
          u < zeros ? 0 : 1 + (Math.floor(((u - zeros) / (1 - zeros)) * maxValue) % maxValue);
      }
      return ndarray(data, shape);
    });

/** Block shapes from 1 voxel to past the volume along each axis. */
const blocksFor = (shape: number[]) =>
  fc.tuple(...shape.map((n) => fc.integer({ min: 1, max: n + 3 })));

const same = (a: NdArray, b: NdArray) =>
  a.shape.join() === b.shape.join() &&
  Buffer.from((a.data as Int32Array).buffer).equals(Buffer.from((b.data as Int32Array).buffer));

describe('labelBlockwise = label on the whole volume (scipy.ndimage.label numbering)', () => {
  for (const ndim of [2, 3] as const) {
    it(`${ndim}D: random masks, block shapes and connectivities`, () => {
      fc.assert(
        fc.property(
          volume(ndim, ndim === 2 ? 24 : 10, 1).chain((mask) =>
            fc.tuple(fc.constant(mask), blocksFor(mask.shape), fc.integer({ min: 1, max: ndim })),
          ),
          ([mask, blockShape, connectivity]) => {
            const whole = label(mask, { connectivity });
            const blocks = labelBlockwise(mask, { blockShape, connectivity });
            expect(blocks.count).toBe(whole.count);
            expect(same(blocks.labels, whole.labels)).toBe(true);
          },
        ),
        { numRuns: ndim === 2 ? 300 : 200, seed: 19 },
      );
    });
  }

  it('hand-worked: a U split by blocks joins; diagonal neighbours join only with connectivity 2', () => {
    // 1 1 0 1
    // 0 1 0 1
    // 0 1 1 1      blocks of 2 x 2: the U spans 4 blocks, numbered from its first voxel
    // 1 0 0 0      (0, 0); the lone voxel (3, 0) touches (2, 1) only diagonally
    const mask = ndarray(Uint8Array.from([1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0]), [4, 4]);
    const faces = labelBlockwise(mask, { blockShape: [2, 2] });
    expect(faces.count).toBe(2);
    expect(Array.from(faces.labels.data)).toEqual([1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 2, 0, 0, 0]);
    const corners = labelBlockwise(mask, { blockShape: [2, 2], connectivity: 2 });
    expect(corners.count).toBe(1);
    expect(Array.from(corners.labels.data)).toEqual([
      1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0,
    ]);
  });

  it('strided views, empty volumes and one block per voxel', () => {
    const base = ndarray(
      Uint8Array.from({ length: 6 * 7 * 8 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0)),
      [6, 7, 8],
    );
    const view = base.transpose(2, 1, 0).step(-1, 1, 2);
    expect(same(labelBlockwise(view, { blockShape: [3, 2, 2] }).labels, label(view).labels)).toBe(
      true,
    );
    const empty = labelBlockwise(ndarray(new Uint8Array(12), [3, 4]), { blockShape: [2, 2] });
    expect(empty.count).toBe(0);
    const ones = ndarray(new Uint8Array(27).fill(1), [3, 3, 3]);
    const single = labelBlockwise(ones, { blockShape: [1, 1, 1] });
    expect(single.count).toBe(1);
    expect(Array.from(single.labels.data).every((v) => v === 1)).toBe(true);
  });

  it('partials: global raster index of first voxels exact past 2^32 voxels (Float64)', () => {
    const plan = blockPlan([4096, 4096, 4096], [1024, 1024, 1024]);
    const block = plan.blocks.at(-1)!; // starts at (3072, 3072, 3072)
    // the index arithmetic needs no 1024^3 mask: a 2^3 box at the block's start
    const tiny = { ...block, stop: block.start.map((s) => s + 2) };
    const mask = ndarray(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]), [2, 2, 2]);
    const { partial } = labelBlock(mask, tiny, plan);
    // the voxel (3073, 3073, 3073) of a 4096^3 volume
    expect(partial.first[0]).toBe((3073 * 4096 + 3073) * 4096 + 3073);
    expect(partial.count).toBe(1);
    expect(partial.first[0]).toBeGreaterThan(2 ** 32);
  });

  it('progress over both passes; abort between blocks', () => {
    const mask = ndarray(new Uint8Array(16).fill(1), [4, 4]);
    const seen: number[][] = [];
    labelBlockwise(mask, { blockShape: [2, 2], onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((d) => [d, 8]));
    const c = new AbortController();
    c.abort();
    expect(() => labelBlockwise(mask, { blockShape: [2, 2], signal: c.signal })).toThrow(
      AbortError,
    );
  });
});

describe('adjacencyCountsBlockwise = adjacencyCounts on the whole volume', () => {
  for (const ndim of [2, 3] as const) {
    it(`${ndim}D: random label images, block shapes and windows 1..7`, () => {
      fc.assert(
        fc.property(
          // few labels (contacts everywhere) or many rare ones (a label seen only at the
          // window's edge must still count)
          fc
            .constantFrom(6, 400)
            .chain((maxValue) => volume(ndim, ndim === 2 ? 20 : 9, maxValue))
            .chain((labels) =>
              fc.tuple(fc.constant(labels), blocksFor(labels.shape), fc.constantFrom(1, 3, 5, 7)),
            ),
          ([labels, blockShape, window]) => {
            const whole = adjacencyCounts(labels, { window });
            const blocks = adjacencyCountsBlockwise(labels, { blockShape, window });
            expect(blocks).toEqual(whole);
          },
        ),
        { numRuns: ndim === 2 ? 150 : 100, seed: 19 },
      );
    });
  }

  it('hand-worked: two runs 3 apart meet with window 7 only', () => {
    // x:  0 1 2 3 4
    //     1 1 0 0 2   window 5 (radius 2): 1 dilated covers x 0..3, 2 dilated x 2..4: no
    //                 contact; window 7 (radius 3): 1 dilated covers x 0..4 (one voxel of
    //                 2), 2 dilated covers x 1..4 (one voxel of 1)
    const labels = ndarray(Int32Array.from([1, 1, 0, 0, 2]), [1, 5]);
    expect(adjacencyCountsBlockwise(labels, { blockShape: [1, 1], window: 5 }).source.length).toBe(
      0,
    );
    const c7 = adjacencyCountsBlockwise(labels, { blockShape: [1, 2], window: 7 });
    expect(Array.from(c7.source)).toEqual([1, 2]);
    expect(Array.from(c7.target)).toEqual([2, 1]);
    expect(Array.from(c7.count)).toEqual([1, 1]);
    expect(c7.maxLabel).toBe(2);
  });

  it('partials from a plan merged in any order; a halo below the radius is refused', () => {
    const labels = ndarray(
      Int32Array.from({ length: 9 * 11 }, (_, i) => (i * 5) % 4),
      [9, 11],
    );
    const plan = blockPlan(labels.shape, [4, 3], { halo: 2 });
    const parts = plan.blocks.map((b) =>
      blockAdjacencyCounts(
        labels.lo(...b.outerStart).hi(...b.outerStop.map((s, d) => s - b.outerStart[d]!)),
        b,
        plan,
        { window: 5 },
      ),
    );
    expect(mergeAdjacencyCounts(parts.reverse())).toEqual(adjacencyCounts(labels, { window: 5 }));
    const narrow = blockPlan(labels.shape, [4, 3], { halo: 1 });
    const b = narrow.blocks[4]!;
    const box = labels.lo(...b.outerStart).hi(...b.outerStop.map((s, d) => s - b.outerStart[d]!));
    expect(() => blockAdjacencyCounts(box, b, narrow, { window: 5 })).toThrow(
      /halo is at least the window radius 2/,
    );
    expect(() => blockAdjacencyCounts(labels, b, narrow, { window: 3 })).toThrow(
      ShapeMismatchError,
    );
  });
});

describe('blockPlan', () => {
  it('every voxel in exactly one block; outer boxes = block + halo clipped', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 })
          .chain((shape) =>
            fc.tuple(fc.constant(shape), blocksFor(shape), fc.integer({ min: 0, max: 4 })),
          ),
        ([shape, blockShape, halo]) => {
          const plan = blockPlan(shape, blockShape, { halo });
          const n = shape.reduce((a, b) => a * b, 1);
          const hits = new Uint8Array(n);
          for (const b of plan.blocks) {
            const idx = b.start.slice();
            for (;;) {
              let flat = 0;
              for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + idx[d]!;
              hits[flat]!++;
              let d = shape.length - 1;
              while (d >= 0 && ++idx[d]! === b.stop[d]) idx[d] = b.start[d--]!;
              if (d < 0) break;
            }
            b.start.forEach((s, d) => {
              expect(b.outerStart[d]).toBe(Math.max(0, s - halo));
              expect(b.outerStop[d]).toBe(Math.min(shape[d]!, b.stop[d]! + halo));
            });
          }
          expect(hits.every((h) => h === 1)).toBe(true);
          expect(plan.blocks.length).toBe(plan.grid.reduce((a, g) => a * g, 1));
        },
      ),
      { numRuns: 200, seed: 19 },
    );
  });
});

describe('hostile inputs', () => {
  const mask = ndarray(new Uint8Array(16), [4, 4]);
  it('options and arguments are checked before any work', () => {
    expect(() => labelBlockwise(mask, { blockShape: [2, 2], conectivity: 1 } as never)).toThrow(
      /did you mean "connectivity"/,
    );
    expect(() => labelBlockwise(mask, { blockShape: [2] })).toThrow(/options.blockShape/);
    expect(() => labelBlockwise(mask, { blockShape: [0, 2] })).toThrow(/options.blockShape/);
    expect(() => labelBlockwise(mask, { blockShape: [2, 2], connectivity: 3 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => labelBlockwise(ndarray(new Uint8Array(4), [4]), { blockShape: [2] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => labelBlockwise(mask, undefined as never)).toThrow(/options.blockShape/);
    expect(() => adjacencyCountsBlockwise(mask, { blockShape: [2, 2], window: 4 })).toThrow(
      /odd integer/,
    );
    expect(() =>
      adjacencyCountsBlockwise(ndarray(Int32Array.from([0, -1, 2, 3]), [2, 2]), {
        blockShape: [1, 1],
      }),
    ).toThrow(/labels/);
    expect(() => blockPlan([4, 4], [2, 2], { halo: -1 })).toThrow(/options.halo/);
    expect(() => blockPlan([2 ** 12, 2 ** 12], [1, 1])).toThrow(/blocks/);
    expect(() => stitchLabels(blockPlan([4, 4], [2, 2]), [])).toThrow(/one LabelPartial per block/);
    const plan = blockPlan([4, 4], [2, 2]);
    expect(() => labelBlock(ndarray(new Uint8Array(9), [3, 3]), plan.blocks[0]!, plan)).toThrow(
      ShapeMismatchError,
    );
    expect(() => mergeAdjacencyCounts([{ source: new Int32Array(1) } as never])).toThrow(
      /partials\[0\]/,
    );
  });
});
