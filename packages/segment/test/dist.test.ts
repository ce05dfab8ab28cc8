import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { openFixtureModel } from './helpers.js';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/segment', () => {
  it('loads with import (ESM build) and segments with a fixture model', async () => {
    const esm = await import('@mgraph/segment');
    const seg = esm.createSegmenter(await openFixtureModel('pointwise-4class'));
    const { phases } = await seg.segment(ndarray(new Float32Array([0, 1, 2, 3]), [2, 2]));
    // z-scores -1.34, -0.45, 0.45, 1.34: logits [-2z, 1, z, 2z - 1] argmax 0, 1, 1, 3
    expect(Array.from(phases.data)).toEqual([0, 1, 1, 3]);
    expect(esm.meanIoU(phases, phases).mIoU).toBe(1);
  });

  it('loads with require (CJS build), which finds the shipped model too', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/segment').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/segment') as typeof import('@mgraph/segment');
    expect(require.resolve('@mgraph/segment/node').endsWith('dist/node.cjs')).toBe(true);
    const cjsNode = require('@mgraph/segment/node') as typeof import('@mgraph/segment/node');
    const unet = await cjsNode.loadUNet();
    expect(unet.modelPath.endsWith('models/unet.onnx')).toBe(true);
    expect(unet.settings).toMatchObject({ stride: 8, classes: 4, tileSize: 256, overlap: 128 });
    const twin = await cjsNode.loadUNet({ model: 'twin' });
    expect(twin.modelPath.endsWith('models/unet-twin.onnx')).toBe(true);
    expect(twin.card).toMatchObject({ file: 'unet-twin.onnx', architecture: { base: 8 } });
    const t = cjs.thresholdMultiotsu(ndarray(new Float32Array([0, 0, 5, 5, 10, 10]), [2, 3]), {
      nbins: 4,
    });
    expect(t).toEqual([1.25, 6.25]);
  });
});
