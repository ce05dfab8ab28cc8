import type { PhaseMap } from '@mgraph/core';
import { type Composite, generateComposite } from '@mgraph/phantom';
import type { Segmenter } from '@mgraph/segment';
import ndarray from 'ndarray';

const cache = new Map<string, Composite>();

/** A seeded phantom composite (cached: generating one takes a while). */
export function phantom(seed: number, shape: number[] = [128, 128]): Composite {
  const key = `${seed}:${shape.join('x')}`;
  let c = cache.get(key);
  if (!c) {
    c = generateComposite({ shape, seed });
    cache.set(key, c);
  }
  return c;
}

/** A segmenter that answers with a fixed phase map (and counts its calls). */
export function fixedSegmenter(phases: PhaseMap, classes = 4): Segmenter & { calls: number } {
  const s = {
    classes,
    calls: 0,
    async segment() {
      s.calls++;
      return {
        phases,
        probabilities: ndarray(new Float32Array(classes * phases.size), [classes, ...phases.shape]),
      };
    },
  };
  return s;
}
