/**
 * CPU inference speed of the shipped U-Net (onnxruntime-node) and of the Otsu baseline on
 * seeded phantom images of 1024^2 and 2048^2 pixels. Prints JSON; asserts nothing.
 *
 *   npm run bench            # from packages/segment, after npm run build in phantom
 */
import { availableParallelism } from 'node:os';
import { generateComposite } from '@mgraph/phantom';
import { loadUNet, otsuSegmenter, type Segmenter } from '../src/node.js';

async function time(segmenter: Segmenter, image: Parameters<Segmenter['segment']>[0]) {
  await segmenter.segment(image); // warm-up (session initialisation, allocations)
  const runs = 2;
  const start = performance.now();
  for (let i = 0; i < runs; i++) await segmenter.segment(image);
  return (performance.now() - start) / 1000 / runs;
}

const results: unknown[] = [];
for (const size of [1024, 2048]) {
  const { image } = generateComposite({ shape: [size, size], seed: 4242 });
  const mp = (size * size) / 1e6;
  for (const overlap of [128, 64]) {
    const unet = await loadUNet({ overlap });
    const s = await time(unet, image);
    results.push({
      method: 'unet',
      size: `${size}x${size}`,
      tileSize: 256,
      overlap,
      seconds: Number(s.toFixed(3)),
      megapixelsPerSecond: Number((mp / s).toFixed(3)),
    });
  }
  const s = await time(otsuSegmenter(), image);
  results.push({
    method: 'otsu',
    size: `${size}x${size}`,
    seconds: Number(s.toFixed(3)),
    megapixelsPerSecond: Number((mp / s).toFixed(3)),
  });
}
console.log(
  JSON.stringify(
    {
      cpus: availableParallelism(),
      node: process.version,
      runtime: 'onnxruntime-node CPU',
      results,
    },
    null,
    2,
  ),
);
