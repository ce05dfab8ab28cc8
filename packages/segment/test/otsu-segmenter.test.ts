import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { meanIoU, otsuSegmenter, thresholdMultiotsu } from '../src/index.js';

/** Four grey levels in bands of columns, with a little deterministic texture. */
function bands(): { image: ndarray.NdArray<Float32Array>; truth: ndarray.NdArray<Uint8Array> } {
  const level = [0.28, 0.36, 0.78, 0.33]; // phantom means of background, SSE, NMC, graphite
  const image = ndarray(new Float32Array(20 * 40), [20, 40]);
  const truth = ndarray(new Uint8Array(20 * 40), [20, 40]);
  for (let r = 0; r < 20; r++) {
    for (let c = 0; c < 40; c++) {
      const phase = Math.floor(c / 10);
      truth.set(r, c, phase);
      image.set(r, c, level[phase]! + 0.005 * Math.sin(r * 3 + c));
    }
  }
  return { image, truth };
}

describe('otsuSegmenter', () => {
  it('maps the intensity bands to phases (dark to bright: background, graphite, SSE, NMC)', async () => {
    const { image, truth } = bands();
    const { phases, probabilities } = await otsuSegmenter().segment(image);
    expect(meanIoU(truth, phases).mIoU).toBe(1);
    expect(probabilities.shape).toEqual([4, 20, 40]);
    expect(probabilities.get(2, 3, 25)).toBe(1);
    expect(probabilities.get(0, 3, 25)).toBe(0);
  });

  it('follows a custom order and segments volumes with one set of thresholds', async () => {
    const { image } = bands();
    const vol = ndarray(new Float32Array(2 * 800), [2, 20, 40]);
    vol.data.set(image.data, 0);
    vol.data.set(image.data, 800);
    const seg = otsuSegmenter({ order: [3, 2, 1, 0] });
    const { phases } = await seg.segment(vol);
    const t = thresholdMultiotsu(vol, { classes: 4 });
    expect(t).toHaveLength(3);
    expect(phases.get(1, 0, 0)).toBe(3); // darkest band
    expect(phases.get(1, 0, 25)).toBe(0); // brightest band
    expect(phases.get(0, 5, 35)).toBe(2); // second darkest (graphite's grey level)
  });

  it('refuses orders that are not permutations', () => {
    expect(() => otsuSegmenter({ order: [0, 1, 1, 2] })).toThrow(InvalidArgumentError);
    expect(() => otsuSegmenter({ classes: 3, order: [0, 1, 2, 3] })).toThrow(
      'otsuSegmenter: argument options.order must be a permutation of 0..2',
    );
  });
});
