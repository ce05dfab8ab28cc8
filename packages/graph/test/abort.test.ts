import { AbortError, CATHODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { adjacencyCounts, buildGraph } from '../src/index.js';

// 200 rows of alternating labels 1 / 2: the adjacency pass reports progress every 2 rows
const labels = ndarray(
  Int32Array.from({ length: 200 * 4 }, (_, i) => 1 + (i % 2)),
  [200, 4],
);

describe('cancellation of the adjacency pass', () => {
  it('adjacencyCounts and buildGraph stop with AbortError when the signal fires mid-pass', () => {
    for (const run of [
      (signal: AbortSignal, onProgress: (d: number) => void) =>
        adjacencyCounts(labels, { window: 3, signal, onProgress }),
      (signal: AbortSignal, onProgress: (d: number) => void) =>
        buildGraph(labels, {
          window: 3,
          signal,
          onProgress,
          scheme: CATHODE_SCHEME,
          phaseOfLabel: [0, 1, 2],
        }),
    ]) {
      const controller = new AbortController();
      let last = 0;
      expect(() =>
        run(controller.signal, (done) => {
          last = done;
          if (done >= 100) controller.abort();
        }),
      ).toThrow(AbortError);
      expect(last).toBe(100);
    }
  });
  it('an already aborted signal stops before any work, a live one changes nothing', () => {
    const aborted = AbortSignal.abort();
    expect(() => adjacencyCounts(labels, { signal: aborted })).toThrow(AbortError);
    const live = new AbortController().signal;
    expect(adjacencyCounts(labels, { window: 3, signal: live })).toEqual(
      adjacencyCounts(labels, { window: 3 }),
    );
  });
});
