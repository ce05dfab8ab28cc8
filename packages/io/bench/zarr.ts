// Benchmark (printed JSON, nothing asserted): a 256^3 uint16 volume (32 MiB, smooth values
// so gzip has something to do) written and read as OME-Zarr v2 in chunks of 64^3, gzip
// level 1 and uncompressed, by writeZarr / readZarr and by zarr-python (numcodecs GZip(1),
// the same chunks) on the same data in the same run; best of 3 each.
// `npm run bench-zarr -w @mgraph/io`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ndarray from 'ndarray';
import { readZarr, writeZarr } from '../src/node.js';

const side = 256;
const data = new Uint16Array(side ** 3);
for (let i = 0; i < data.length; i++) {
  const x = i % side;
  const y = Math.floor(i / side) % side;
  const z = Math.floor(i / side / side);
  data[i] = (x * 3 + y * 5 + z * 7) & 0xfff;
}
const volume = ndarray(data, [side, side, side]);
const dir = mkdtempSync(join(tmpdir(), 'mgraph-io-zarr-bench-'));

async function best(run: () => Promise<unknown>): Promise<number> {
  let s = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    s = Math.min(s, (performance.now() - t) / 1000);
  }
  return Math.round(s * 1000) / 1000;
}

const ours: Record<string, number> = {};
for (const compression of ['gzip', 'none'] as const) {
  const path = join(dir, `ours-${compression}.zarr`);
  ours[`write-${compression}`] = await best(() => {
    rmSync(path, { recursive: true, force: true });
    return writeZarr(path, volume, { chunks: [64, 64, 64], compression });
  });
  ours[`read-${compression}`] = await best(() => readZarr(path));
}
const python = `
import json, sys, time, numpy as np, numcodecs, zarr
side = ${side}
i = np.arange(side ** 3)
x, y, z = i % side, (i // side) % side, i // side // side
a = ((x * 3 + y * 5 + z * 7) & 0xfff).astype('uint16').reshape(side, side, side)
out = {}
for name, comp in [('gzip', numcodecs.GZip(1)), ('none', None)]:
    path = sys.argv[1] + '/py-' + name + '.zarr'
    def write():
        z = zarr.open_array(path, mode='w', shape=a.shape, chunks=(64, 64, 64), dtype=a.dtype, compressor=comp, dimension_separator='/')
        z[...] = a
    def read():
        return zarr.open_array(path, mode='r')[...]
    for key, fn in [('write-' + name, write), ('read-' + name, read)]:
        best = float('inf')
        for _ in range(3):
            t = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t)
        out[key] = round(best, 3)
    assert np.array_equal(zarr.open_array(sys.argv[1] + '/ours-' + name + '.zarr/0', mode='r')[...], a)
out['zarr'] = zarr.__version__
print(json.dumps(out))
`;
let zarrPython: unknown;
try {
  zarrPython = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', python, dir], { encoding: 'utf8' }),
  );
} catch (error) {
  zarrPython = `not run: ${(error as Error).message.split('\n')[0]}`;
}
console.log(
  JSON.stringify(
    { volume: `${side}^3 uint16 (32 MiB)`, chunks: [64, 64, 64], seconds: { ours, zarrPython } },
    null,
    1,
  ),
);
rmSync(dir, { recursive: true, force: true });
