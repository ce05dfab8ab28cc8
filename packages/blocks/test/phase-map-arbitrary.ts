// The random phase maps of the block-wise property tests (measures, active TPB).
import type { PhaseMap } from '@mgraph/core';
import fc from 'fast-check';
import ndarray from 'ndarray';

/** A seeded random phase map of `phases` codes; `lumps` > 1 makes runs along x. */
export const phaseMap = (ndim: 2 | 3, maxSide: number, phases: number) =>
  fc
    .record({
      shape: fc.array(fc.integer({ min: 1, max: maxSide }), { minLength: ndim, maxLength: ndim }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      lumps: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ shape, seed, lumps }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = new Uint8Array(n);
      let s = seed;
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        data[i] = i % lumps !== 0 && i > 0 ? data[i - 1]! : (s >>> 16) % phases;
      }
      return ndarray(data, shape) as PhaseMap;
    });
