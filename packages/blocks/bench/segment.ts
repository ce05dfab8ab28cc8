// Block-wise particle splitting against the whole-volume instanceSegmentation on a seeded 3D
// phantom (generateComposite, nmcRadius 6, seed 1): for several block shapes and halos,
// objects matched at IoU >= 0.99, differing voxels, and the times (one thread).
// Usage: tsx bench/segment.ts [side=256] [blocks=64,128] [halos=8,17,29]
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';
import { instanceSegmentation } from '@mgraph/watershed';
import { instanceAgreement, instanceSegmentationBlockwise } from '../src/index.js';

const side = Number(process.argv[2] ?? 256);
const blockSides = (process.argv[3] ?? '64,128').split(',').map(Number);
const halos = (process.argv[4] ?? '8,17,29').split(',').map(Number);
const scheme = CATHODE_SCHEME;
const shape = [side, side, side];
const { phases } = generateComposite({ shape, nmcRadius: 6, seed: 1, maxBytes: 2 ** 34 });
let t = performance.now();
const whole = instanceSegmentation(phases, { scheme });
const wholeS = (performance.now() - t) / 1000;
console.log(
  JSON.stringify({
    side,
    step: 'instanceSegmentation',
    seconds: +wholeS.toFixed(1),
    objects: whole.count,
  }),
);
for (const b of blockSides) {
  for (const halo of halos) {
    t = performance.now();
    const blocks = instanceSegmentationBlockwise(phases, { scheme, blockShape: [b, b, b], halo });
    const seconds = (performance.now() - t) / 1000;
    const a = instanceAgreement(whole.labels, blocks.labels);
    console.log(
      JSON.stringify({
        side,
        block: b,
        halo,
        seconds: +seconds.toFixed(1),
        objects: blocks.count,
        matched: a.matched,
        of: a.reference,
        fraction: +a.fraction.toFixed(4),
        differingVoxels: a.differingVoxels,
      }),
    );
  }
}
