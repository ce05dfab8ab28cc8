/**
 * @mgraph/segment: the shipped U-Net (onnxruntime-node) against the multi-level Otsu
 * baseline on an unseen phantom image, scored with mIoU.
 *
 * Run: npx tsx examples/segment-basics.ts
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';
import { meanIoU, otsuSegmenter } from '@mgraph/segment';
import { loadUNet } from '@mgraph/segment/node';

const c = generateComposite({ shape: [256, 256], seed: 123_456 });
const unet = await loadUNet();
for (const [name, segmenter] of [
  ['otsu', otsuSegmenter()],
  ['u-net', unet],
] as const) {
  const { phases } = await segmenter.segment(c.image);
  const iou = meanIoU(c.phases, phases);
  const perClass = CATHODE_SCHEME.phases.map((p, i) => `${p} ${iou.perClass[i].toFixed(3)}`);
  console.log(`${name}: mIoU ${iou.mIoU.toFixed(3)} (${perClass.join(', ')})`);
}
