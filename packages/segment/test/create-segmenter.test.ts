import { AbortError, InvalidArgumentError, ModelError } from '@mgraph/core';
import ndarray from 'ndarray';
import type { InferenceSession } from 'onnxruntime-common';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter } from '../src/index.js';
import { maxInteriorDiff, openFixtureModel, testImage } from './helpers.js';

let pointwise: InferenceSession;
let tiny: InferenceSession;
let tiny3: InferenceSession;
beforeAll(async () => {
  [pointwise, tiny, tiny3] = await Promise.all([
    openFixtureModel('pointwise-4class'),
    openFixtureModel('tiny-unet'),
    openFixtureModel('tiny-unet-3ch'),
  ]);
});

/** Probabilities of the pointwise model (logits w z + b) for a z-scored value z. */
function pointwiseProbs(z: number): number[] {
  const logits = [-2 * z, 1, z, 2 * z - 1];
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function zscore(data: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i]!;
  const mean = s / data.length;
  let ss = 0;
  for (let i = 0; i < data.length; i++) ss += (data[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / data.length);
  return Float64Array.from(data, (v) => (v - mean) / sd);
}

describe('createSegmenter with a pointwise model (hand-computed probabilities)', () => {
  it('pads, tiles, blends and crops any 2D size to the exact per-pixel softmax', async () => {
    const image = testImage(53, 141);
    const seg = createSegmenter(pointwise, { tileSize: 32, overlap: 16, batchSize: 3 });
    expect(seg.settings).toMatchObject({ inputName: 'image', outputName: 'logits', classes: 4 });
    const { phases, probabilities } = await seg.segment(image);
    expect(phases.shape).toEqual([53, 141]);
    expect(probabilities.shape).toEqual([4, 53, 141]);
    const z = zscore(image.data);
    let maxErr = 0;
    for (let i = 0; i < z.length; i++) {
      const p = pointwiseProbs(z[i]!);
      const r = Math.floor(i / 141);
      const c = i % 141;
      for (let q = 0; q < 4; q++)
        maxErr = Math.max(maxErr, Math.abs(probabilities.get(q, r, c) - p[q]!));
      expect(phases.get(r, c)).toBe(p.indexOf(Math.max(...p)));
    }
    expect(maxErr).toBeLessThan(2e-6);
  });

  it('accepts strided views and integer dtypes, and leaves the input untouched', async () => {
    const base = ndarray(
      Uint16Array.from({ length: 40 * 30 }, (_, i) => (i * 37) % 1000),
      [40, 30],
    );
    const copy = Uint16Array.from(base.data);
    const view = base.transpose(1, 0).step(1, -1); // 30 x 40, reversed columns
    const seg = createSegmenter(pointwise, { tileSize: 16, overlap: 8 });
    const { probabilities } = await seg.segment(view);
    expect(base.data).toEqual(copy);
    const flat: number[] = [];
    for (let r = 0; r < 30; r++) for (let c = 0; c < 40; c++) flat.push(view.get(r, c));
    const z = zscore(flat);
    expect(probabilities.get(2, 7, 9)).toBeCloseTo(pointwiseProbs(z[7 * 40 + 9]!)[2]!, 6);
    expect(probabilities.get(0, 29, 39)).toBeCloseTo(pointwiseProbs(z[29 * 40 + 39]!)[0]!, 6);
  });

  it("uses fixed normalisation when asked, and 'probabilities' outputs as given", async () => {
    const image = ndarray(new Float32Array([0, 1, 2, 3]), [2, 2]);
    const seg = createSegmenter(pointwise, { normalize: { mean: 1, std: 2 } });
    const { probabilities } = await seg.segment(image);
    expect(probabilities.get(3, 1, 1)).toBeCloseTo(pointwiseProbs(1)[3]!, 6);
    const raw = createSegmenter(pointwise, { normalize: 'none', output: 'probabilities' });
    const out = await raw.segment(image);
    // logits passed through unchanged: class 3 at z = 3 is 2 * 3 - 1
    expect(out.probabilities.get(3, 1, 1)).toBeCloseTo(5, 6);
  });

  it('segments a 3D volume plane by plane, reporting progress over all tiles', async () => {
    const planes = [testImage(24, 40, 0), testImage(24, 40, 1), testImage(24, 40, 2)];
    const vol = ndarray(new Float32Array(3 * 24 * 40), [3, 24, 40]);
    planes.forEach((p, k) => {
      vol.data.set(p.data, k * 24 * 40);
    });
    const calls: Array<[number, number]> = [];
    const seg = createSegmenter(tiny, { tileSize: 16, overlap: 8 });
    const res = await seg.segment(vol, { onProgress: (d, t) => calls.push([d, t]) });
    expect(res.probabilities.shape).toEqual([4, 3, 24, 40]);
    expect(calls.at(-1)).toEqual([calls.at(-1)![1], calls.at(-1)![1]]);
    expect(calls.length).toBeGreaterThan(3);
    const second = await seg.segment(planes[1]!);
    let max = 0;
    for (let q = 0; q < 4; q++) {
      for (let r = 0; r < 24; r++) {
        for (let c = 0; c < 40; c++) {
          max = Math.max(
            max,
            Math.abs(res.probabilities.get(q, 1, r, c) - second.probabilities.get(q, r, c)),
          );
        }
      }
    }
    expect(max).toBe(0);
    expect(res.phases.get(1, 5, 6)).toBe(second.phases.get(5, 6));
  });
});

describe('createSegmenter with a (random) dual-attention U-Net', () => {
  it('tiled inference agrees with whole-image inference away from the outer border', {
    timeout: 30000,
  }, async () => {
    const image = testImage(256, 320);
    const whole = await createSegmenter(tiny, { tileSize: 320 }).segment(image);
    expect(createSegmenter(tiny, { tileSize: 160 }).settings.overlap).toBe(80); // the default
    const wide = await createSegmenter(tiny, { tileSize: 160, overlap: 128 }).segment(image);
    expect(maxInteriorDiff(wide.probabilities, whole.probabilities, 32)).toBeLessThan(1e-4);
    // a narrow overlap or none lets the zero padding at the tile seams show
    const seams = await createSegmenter(tiny, { tileSize: 160, overlap: 0 }).segment(image);
    expect(maxInteriorDiff(seams.probabilities, whole.probabilities, 32)).toBeGreaterThan(1e-2);
  });

  it('probabilities sum to 1 and phases are their argmax', async () => {
    const { phases, probabilities } = await createSegmenter(tiny, { tileSize: 32 }).segment(
      testImage(40, 72),
    );
    for (let r = 0; r < 40; r += 3) {
      for (let c = 0; c < 72; c += 5) {
        const p = [0, 1, 2, 3].map((q) => probabilities.get(q, r, c));
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(phases.get(r, c)).toBe(p.indexOf(Math.max(...p)));
      }
    }
  });
});

describe("createSegmenter with augment: 'dihedral'", () => {
  it('leaves a pointwise model unchanged on a non-square image (all 8 views map back)', async () => {
    const image = testImage(53, 141);
    const plainCalls: number[][] = [];
    const plain = await createSegmenter(pointwise, { tileSize: 32 }).segment(image, {
      onProgress: (d, t) => plainCalls.push([d, t]),
    });
    const calls: number[][] = [];
    const seg = createSegmenter(pointwise, { tileSize: 32, augment: 'dihedral' });
    expect(seg.settings.augment).toBe('dihedral');
    const tta = await seg.segment(image, { onProgress: (d, t) => calls.push([d, t]) });
    let maxErr = 0;
    for (let i = 0; i < plain.probabilities.data.length; i++) {
      maxErr = Math.max(
        maxErr,
        Math.abs(tta.probabilities.data[i]! - plain.probabilities.data[i]!),
      );
    }
    expect(maxErr).toBeLessThan(2e-6);
    expect(Array.from(tta.phases.data)).toEqual(Array.from(plain.phases.data));
    // every view is tiled: 8 times the tiles of one
    const tiles = plainCalls.at(-1)![1]!;
    expect(calls.at(-1)).toEqual([8 * tiles, 8 * tiles]);
  });

  it('does the same plane by plane in a volume', async () => {
    const planes = [0, 0.7, 1.9].map((phase) => testImage(21, 34, phase).data);
    const volume = ndarray(new Float32Array(3 * 21 * 34), [3, 21, 34]);
    planes.forEach((d, p) => {
      (volume.data as Float32Array).set(d, p * 21 * 34);
    });
    const plain = await createSegmenter(pointwise, { tileSize: 32 }).segment(volume);
    const tta = await createSegmenter(pointwise, { tileSize: 32, augment: 'dihedral' }).segment(
      volume,
    );
    let maxErr = 0;
    for (let i = 0; i < plain.probabilities.data.length; i++) {
      maxErr = Math.max(
        maxErr,
        Math.abs(tta.probabilities.data[i]! - plain.probabilities.data[i]!),
      );
    }
    expect(maxErr).toBeLessThan(2e-6);
    expect(Array.from(tta.phases.data)).toEqual(Array.from(plain.phases.data));
  });

  it('averages the 8 flipped / transposed segmentations of a real network, mapped back', async () => {
    const rows = 40;
    const cols = 56;
    const image = testImage(rows, cols, 0.4);
    const plain = createSegmenter(tiny, { tileSize: 64 });
    const want = new Float64Array(4 * rows * cols);
    for (let view = 0; view < 8; view++) {
      // the view as an ndarray view: flips by negative steps, transposition by axes
      let v = image;
      if (view & 1) v = v.step(-1, 1);
      if (view & 2) v = v.step(1, -1);
      if (view & 4) v = v.transpose(1, 0);
      const { probabilities } = await plain.segment(v);
      for (let q = 0; q < 4; q++) {
        for (let y = 0; y < rows; y++) {
          for (let x = 0; x < cols; x++) {
            const yy = view & 1 ? rows - 1 - y : y;
            const xx = view & 2 ? cols - 1 - x : x;
            const p = view & 4 ? probabilities.get(q, xx, yy) : probabilities.get(q, yy, xx);
            want[(q * rows + y) * cols + x]! += p / 8;
          }
        }
      }
    }
    const tta = await createSegmenter(tiny, { tileSize: 64, augment: 'dihedral' }).segment(image);
    let maxErr = 0;
    for (let i = 0; i < want.length; i++) {
      maxErr = Math.max(maxErr, Math.abs(tta.probabilities.data[i]! - want[i]!));
    }
    expect(maxErr).toBeLessThan(1e-5);
  });

  it('refuses an unknown augmentation', () => {
    expect(() => createSegmenter(pointwise, { augment: 'rot90' as unknown as 'dihedral' })).toThrow(
      /options\.augment/,
    );
  });
});

describe('createSegmenter errors', () => {
  it('refuses a model with 3 input channels, naming expected vs actual', () => {
    expect(() => createSegmenter(tiny3)).toThrow(ModelError);
    expect(() => createSegmenter(tiny3)).toThrow(
      'createSegmenter: model input channels (image): expected 1, got 3',
    );
  });

  it('refuses a class count the model does not output, and unknown names', () => {
    expect(() => createSegmenter(tiny, { classes: 3 })).toThrow(
      'model output channels (logits): expected 3, got 4',
    );
    expect(() => createSegmenter(tiny, { inputName: 'x' })).toThrow(ModelError);
    expect(() => createSegmenter(tiny, { outputName: 'probs' })).toThrow(ModelError);
  });

  it('checks the declared input rank', () => {
    const fake = {
      inputNames: ['image'],
      outputNames: ['logits'],
      inputMetadata: [{ name: 'image', isTensor: true, type: 'float32', shape: ['h', 'w'] }],
      outputMetadata: [],
      run: async () => ({}),
    } as unknown as InferenceSession;
    expect(() => createSegmenter(fake)).toThrow('model input rank (image): expected 4, got 2');
  });

  it('refuses a tileSize that is not a multiple of the stride, and bad options', () => {
    expect(() => createSegmenter(tiny, { tileSize: 100 })).toThrow(InvalidArgumentError);
    expect(() => createSegmenter(tiny, { tileSize: 100 })).toThrow(
      "argument options.tileSize must be a multiple of the network's stride 8, got 100",
    );
    expect(() => createSegmenter(tiny, { tileSize: 64, overlap: 60 })).toThrow(
      'argument options.overlap must be an integer >= 0 <= 56, got 60',
    );
    expect(() => createSegmenter(tiny, { batchSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => createSegmenter(tiny, { normalize: { mean: 0, std: 0 } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => createSegmenter({} as InferenceSession)).toThrow(InvalidArgumentError);
  });

  it('segment refuses wrong ranks and NaN pixels', async () => {
    const seg = createSegmenter(pointwise);
    await expect(seg.segment(ndarray(new Float32Array(8), [8]))).rejects.toThrow(
      'Segmenter.segment: argument image must be 2D or 3D (got 1D)',
    );
    await expect(seg.segment(ndarray(new Float32Array(16), [1, 1, 4, 4]))).rejects.toThrow(
      InvalidArgumentError,
    );
    const nan = ndarray(new Float32Array(12), [3, 4]);
    nan.set(1, 2, Number.NaN);
    await expect(seg.segment(nan)).rejects.toThrow(
      'Segmenter.segment: argument image[6] must be a finite number, got NaN',
    );
  });

  it('stops on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const seg = createSegmenter(pointwise);
    await expect(seg.segment(testImage(8, 8), { signal: controller.signal })).rejects.toThrow(
      AbortError,
    );
  });
});
