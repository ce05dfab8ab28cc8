import { AbortError, InvalidArgumentError, type ProgressCallback } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  closenessCentrality,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
} from '../src/index.js';
import { graphFromEdges } from './helpers.js';

const path = () =>
  graphFromEdges(4, [
    [0, 1],
    [1, 2],
    [2, 3],
  ]);

describe('API style: core ProgressCallback, AbortSignal, options objects', () => {
  it("centralities take core's ProgressCallback and stop on an aborted signal", () => {
    for (const metric of [betweennessCentrality, closenessCentrality]) {
      const calls: [number, number][] = [];
      const onProgress: ProgressCallback = (done, total) => calls.push([done, total]);
      metric(path(), { onProgress });
      expect(calls).toEqual([
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 4],
      ]);
      const controller = new AbortController();
      controller.abort();
      expect(() => metric(path(), { signal: controller.signal })).toThrow(AbortError);
      let seen = 0;
      const stop = new AbortController();
      expect(() =>
        metric(path(), {
          signal: stop.signal,
          onProgress: (done) => {
            seen = done;
            if (done === 2) stop.abort();
          },
        }),
      ).toThrow(AbortError);
      expect(seen).toBe(2);
    }
  });

  it('special functions take their tail choice and complement as options', () => {
    const x = 0.3;
    const lower = regularizedIncompleteBeta(x, 2, 3);
    expect(regularizedIncompleteBeta(x, 2, 3, { upper: true })).toBeCloseTo(1 - lower, 15);
    expect(regularizedIncompleteBeta(x, 2, 3, { complement: 1 - x })).toBe(lower);
    // I_0.3(2, 3) = 0.3483 (closed form: 1 - sum_{j<2} C(4, j) x^j (1-x)^(4-j))
    expect(lower).toBeCloseTo(1 - (0.7 ** 4 + 4 * 0.3 * 0.7 ** 3), 14);
    const p = regularizedLowerGamma(1, 2);
    expect(p).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(regularizedLowerGamma(1, 2, { upper: true })).toBeCloseTo(Math.exp(-2), 15);
    expect(() => regularizedLowerGamma(1, 2, true as never)).toThrow(InvalidArgumentError);
    expect(() => regularizedIncompleteBeta(x, 2, 3, 0.7 as never)).toThrow(InvalidArgumentError);
  });
});
