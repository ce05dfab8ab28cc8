import { definePhaseScheme, InvalidArgumentError, type PhaseMap } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { instanceSegmentation } from '../src/index.js';

/** 40x60 phase map: two touching NMC discs (2), an SSE bar (1), two graphite blocks (3). */
function phaseMap() {
  const rows = 40;
  const cols = 60;
  const phases = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const i = y * cols + x;
      if (Math.hypot(y - 20, x - 15) <= 9 || Math.hypot(y - 20, x - 31) <= 9) phases[i] = 2;
      else if (y >= 36) phases[i] = 1;
      else if (x >= 45 && (y < 10 || (y >= 15 && y < 18))) phases[i] = 3;
    }
  }
  phases[0] = 3; // a one-pixel graphite speck
  return ndarray(phases, [rows, cols]);
}

describe('instanceSegmentation', () => {
  it('splits NMC by watershed, labels other phases by components, phase by phase', () => {
    const phases = phaseMap();
    const { labels, phaseOfLabel, count } = instanceSegmentation(phases);
    // sse bar: 1 object; nmc: 2 discs; graphite: speck + 2 blocks
    expect(count).toBe(6);
    expect(Array.from(phaseOfLabel)).toEqual([0, 1, 2, 2, 3, 3, 3]);
    expect(labels.get(20, 15)).not.toBe(labels.get(20, 31));
    for (let i = 0; i < labels.size; i++) {
      const l = labels.data[i]!;
      expect(phaseOfLabel[l]).toBe(phases.data[i]);
    }
  });

  it('handles a phase map without the split phase', () => {
    const phases = phaseMap();
    const noNmc = ndarray(
      Uint8Array.from(phases.data, (v) => (v === 2 ? 0 : v)),
      phases.shape,
    );
    const { phaseOfLabel, count } = instanceSegmentation(noNmc);
    expect(count).toBe(4);
    expect(Array.from(phaseOfLabel)).toEqual([0, 1, 3, 3, 3]);
  });

  it('drops objects below minSize and can leave NMC unsplit', () => {
    const phases = phaseMap();
    const small = instanceSegmentation(phases, { minSize: 2 });
    expect(small.count).toBe(5);
    expect(small.labels.get(0, 0)).toBe(0);
    const unsplit = instanceSegmentation(phases, { split: [] });
    expect(Array.from(unsplit.phaseOfLabel)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(unsplit.labels.get(20, 15)).toBe(unsplit.labels.get(20, 31));
  });

  it('follows a custom scheme and works in 3D', () => {
    const scheme = definePhaseScheme('two', ['void', 'solid']);
    const m = new Uint8Array(4 * 4 * 4);
    m[0] = 1;
    m[63] = 1;
    const r = instanceSegmentation(ndarray(m, [4, 4, 4]), { scheme, split: ['solid'] });
    expect(r.count).toBe(2);
    expect(Array.from(r.phaseOfLabel)).toEqual([0, 1, 1]);
  });

  it('reports progress per phase and validates input', () => {
    const calls: number[][] = [];
    instanceSegmentation(phaseMap(), { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(() => instanceSegmentation(phaseMap(), { split: ['pores'] })).toThrow(
      InvalidArgumentError,
    );
    expect(() => instanceSegmentation(ndarray(Uint8Array.of(0, 7, 0, 0), [2, 2]))).toThrow(
      /phases\[1\]/,
    );
    const wrongDtype = ndarray(new Int32Array(4), [2, 2]) as unknown as PhaseMap;
    expect(() => instanceSegmentation(wrongDtype)).toThrow(/phases/);
  });
});
