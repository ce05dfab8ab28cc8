/**
 * Write synthetic composites as standard files, one directory per sample:
 * `image.tif` (uint16), `phases.tif` (uint8), `instances.tif` (int32), `energy.tif`
 * (float32, NaN outside NMC), `truth.json`; plus `index.json` listing the samples.
 *
 *   npx tsx scripts/write-dataset.ts --out DIR [--count 10] [--seed 0] [--seeds 3,7,9]
 *     [--shape 256,256] [--options '{"xray":{"noise":0.03}}']
 *
 * `--seeds` gives the seeds explicitly; otherwise sample i uses seed + i (as
 * generateDataset does). `--options` is JSON merged into the generateComposite options.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CompositeOptions, generateComposite, writeCompositeFiles } from '../src/node.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '10' },
    seed: { type: 'string', default: '0' },
    seeds: { type: 'string' },
    shape: { type: 'string', default: '256,256' },
    options: { type: 'string', default: '{}' },
  },
});
if (!values.out) {
  console.error(
    'usage: write-dataset.ts --out DIR [--count N] [--seed S | --seeds a,b,c] [--shape R,C] [--options JSON]',
  );
  process.exit(2);
}
const seeds = values.seeds
  ? values.seeds.split(',').map(Number)
  : Array.from({ length: Number(values.count) }, (_, i) => Number(values.seed) + i);
const shape = values.shape.split(',').map(Number);
const extra = JSON.parse(values.options) as CompositeOptions;
const samples: Array<{ dir: string; seed: number; particles: number }> = [];
const started = performance.now();
for (const [i, seed] of seeds.entries()) {
  const composite = generateComposite({ ...extra, shape, seed });
  const dir = `sample-${String(i).padStart(4, '0')}`;
  await writeCompositeFiles(join(values.out, dir), composite);
  samples.push({ dir, seed, particles: composite.truth.particles.length });
  console.error(`${i + 1}/${seeds.length} ${dir} seed ${seed}`);
}
writeFileSync(
  join(values.out, 'index.json'),
  `${JSON.stringify({ shape, options: extra, scheme: ['background', 'sse', 'nmc', 'graphite'], samples }, null, 1)}\n`,
);
console.log(
  JSON.stringify({
    out: values.out,
    samples: samples.length,
    seconds: (performance.now() - started) / 1000,
  }),
);
