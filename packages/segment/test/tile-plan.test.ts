import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { planAxis } from '../src/index.js';

describe('planAxis', () => {
  it('covers the padded axis with stride-aligned tiles whose weights never all vanish', () => {
    for (const [length, tile, overlap] of [
      [1000, 256, 128],
      [1024, 256, 64],
      [257, 256, 128],
      [700, 64, 24],
      [513, 128, 0],
    ] as const) {
      const plan = planAxis('t', length, tile, overlap, 8);
      expect(plan.padded).toBe(Math.ceil(length / 8) * 8);
      expect(plan.starts[0]).toBe(0);
      expect(plan.starts.at(-1)! + plan.tile).toBe(plan.padded);
      plan.starts.forEach((s, i) => {
        expect(s % 8).toBe(0);
        if (i > 0) expect(plan.starts[i - 1]! + tile - s).toBeGreaterThanOrEqual(overlap);
      });
      const sum = new Float64Array(plan.padded);
      plan.starts.forEach((s, t) => {
        plan.weights[t]!.forEach((w, i) => {
          sum[s + i]! += w;
        });
      });
      expect(Math.min(...sum)).toBeGreaterThan(0);
    }
  });

  it('gives partition-of-unity weights for two tiles overlapping by exactly `overlap`', () => {
    const plan = planAxis('t', 384, 256, 128, 8);
    expect(plan.starts).toEqual([0, 128]);
    const [a, b] = plan.weights as [Float32Array, Float32Array];
    for (let p = 128; p < 256; p++) expect(a[p]! + b[p - 128]!).toBeCloseTo(1, 6);
    // zero within 3/8 of the overlap (48 px) of the shared edge, one beyond 5/8 (80 px)
    expect(b[47]).toBe(0);
    expect(b[80]).toBe(1);
    expect(a[255 - 47]).toBe(0);
    expect(a[0]).toBe(1); // the image border keeps full weight
  });

  it('makes one padded tile of a short axis', () => {
    const plan = planAxis('t', 37, 256, 128, 8);
    expect(plan).toMatchObject({ padded: 40, tile: 40, starts: [0] });
    expect(planAxis('t', 37, 256, 128, 8, { fixed: true })).toMatchObject({
      padded: 256,
      tile: 256,
    });
  });

  it('throws for a tile size off the stride and oversized overlaps', () => {
    expect(() => planAxis('f', 100, 100, 0, 8)).toThrow(InvalidArgumentError);
    expect(() => planAxis('f', 100, 64, 64, 8)).toThrow('argument options.overlap');
    expect(() => planAxis('f', 0, 64, 0, 8)).toThrow('argument length');
    expect(() => planAxis('f', 37, 256, 128, 8, true as never)).toThrow('argument options');
  });
});
