// Cut the test crop of the MATBOX volume: planes 100..139, rows 120..183, cols 120..183 of
// examples/data/nmc-1-cal-cbd.tif (251 x 301 x 301, uint8 0 pore / 1 NMC / 2 CBD), written
// with its voxel size (0.398 um) as a deflate TIFF to test/fixtures/nmc-1-cal-cbd-crop.tif.
// Run from packages/cli: npx tsx scripts/crop-matbox.ts
import { readTiff, writeTiff } from '@mgraph/io/node';
import ndarray from 'ndarray';

const [z0, y0, x0, nz, ny, nx] = [100, 120, 120, 40, 64, 64];
const { data } = await readTiff('../../examples/data/nmc-1-cal-cbd.tif');
const [, sy, sx] = data.shape as [number, number, number];
const out = new Uint8Array(nz * ny * nx);
for (let z = 0; z < nz; z++)
  for (let y = 0; y < ny; y++)
    for (let x = 0; x < nx; x++)
      out[(z * ny + y) * nx + x] = data.data[((z0 + z) * sy + y0 + y) * sx + x0 + x] as number;
await writeTiff('test/fixtures/nmc-1-cal-cbd-crop.tif', ndarray(out, [nz, ny, nx]), {
  spacing: [0.398, 0.398, 0.398],
  unit: 'um',
  compression: 'deflate',
});
