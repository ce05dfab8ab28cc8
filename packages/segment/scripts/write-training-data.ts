/**
 * Write the U-Net's training data: `count` phantom composites (default 100, seeds
 * `seed`..`seed + count - 1`, default seed 1000) as `DIR/sample-NNN/image.npy` (float32
 * intensities) and `phases.npy` (uint8 phase codes), read by `tools/unet/train.py`.
 * With `--twin`, the composites are the paper-twin preset's (`paperTwinOptions` of
 * `@mgraph/phantom`, 96 x 96; `size` is then unused).
 *
 *   npx tsx scripts/write-training-data.ts DIR [count=100] [size=256] [seed=1000] [--twin]
 *
 * The tests evaluate on seeds from 900000 on, which this script never uses with its
 * defaults; the demo's twin uses seeds 100000-100072 and the twin's calibration
 * 500000-500583 (the twin model was trained on 200000 on).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateComposite, paperTwinOptions } from '@mgraph/phantom';

/** A .npy (format 1.0) file of a C-ordered array. */
function npy(data: Float32Array | Uint8Array, shape: readonly number[]): Buffer {
  const descr = data instanceof Float32Array ? '<f4' : '|u1';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = 10 + header.length + 1;
  header += `${' '.repeat((64 - (total % 64)) % 64)}\n`;
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([
    head,
    Buffer.from(header, 'latin1'),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  ]);
}

const args = process.argv.slice(2);
const twin = args.includes('--twin');
const [dir, countArg = '100', sizeArg = '256', seedArg = '1000'] = args.filter(
  (a) => !a.startsWith('--'),
);
if (!dir) {
  console.error('usage: tsx scripts/write-training-data.ts DIR [count] [size] [seed] [--twin]');
  process.exit(1);
}
const count = Number(countArg);
const size = Number(sizeArg);
const seed0 = Number(seedArg);
const start = Date.now();
for (let i = 0; i < count; i++) {
  const seed = seed0 + i;
  const c = generateComposite(twin ? paperTwinOptions({ seed }) : { shape: [size, size], seed });
  const shape = c.phases.shape;
  const out = join(dir, `sample-${String(i).padStart(3, '0')}`);
  mkdirSync(out, { recursive: true });
  const image = Float32Array.from(c.image.data as ArrayLike<number>);
  writeFileSync(join(out, 'image.npy'), npy(image, shape));
  writeFileSync(join(out, 'phases.npy'), npy(Uint8Array.from(c.phases.data), shape));
}
console.log(
  JSON.stringify({
    dir,
    count,
    shape: twin ? 'paper twin' : [size, size],
    seeds: [seed0, seed0 + count - 1],
    seconds: (Date.now() - start) / 1000,
  }),
);
