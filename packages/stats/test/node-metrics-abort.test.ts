import { AbortError, CATHODE_SCHEME } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { nodeMetrics } from '../src/index.js';

function path(n: number): UndirectedGraph {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  for (let i = 0; i < n; i++) g.addNode(String(i), { phase: 'nmc' });
  for (let i = 1; i < n; i++) g.addEdge(String(i - 1), String(i), { weight: 1 });
  return g;
}

describe('nodeMetrics cancellation', () => {
  it('stops with AbortError after the metric during which the signal fired', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    expect(() =>
      nodeMetrics(path(30), {
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done === 3) controller.abort();
        },
      }),
    ).toThrow(AbortError);
    expect(seen).toEqual([1, 2, 3]);
  });
  it('an aborted signal stops before any metric; a live one changes nothing', () => {
    expect(() => nodeMetrics(path(5), { signal: AbortSignal.abort() })).toThrow(AbortError);
    const live = new AbortController().signal;
    expect(nodeMetrics(path(5), { signal: live })).toEqual(nodeMetrics(path(5)));
  });
});
