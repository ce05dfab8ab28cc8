// OME-Zarr: round trips over every dtype, both Zarr versions and chunk shapes that do not
// divide the shape; the metadata documents checked key by key against the Zarr v2 / v3 and
// OME-NGFF 0.4 / 0.5 specifications; zarr-python (Debian python3-zarr) reading what we write
// and writing what we read; hostile stores; TIFF <-> Zarr conversion with bounded memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AbortError, InvalidArgumentError, type NdArray, type TypedArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { FetchStore } from 'zarrita';
import { describeNeeds, python3Has } from '../../../test-utils/ci.js';
import { ARRAY_OF, IO_DTYPES, type IoDtype } from '../src/dtype.js';
import { openZarr as openZarrStore, readZarr as readZarrStore } from '../src/index.js';
import {
  readNpy,
  readTiff,
  readZarr,
  tiffToZarr,
  writeTiff,
  writeZarr,
  ZarrDirectoryStore,
  zarrToTiff,
} from '../src/node.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'io-zarr-'));
const text = (store: Map<string, Uint8Array>, key: string) =>
  JSON.parse(new TextDecoder().decode(store.get(key)));

/** Values of every kind a dtype holds: extremes, zero, and for floats NaN, -0, +-Infinity. */
function sample(dtype: IoDtype, n: number): TypedArray {
  const a = new ARRAY_OF[dtype](n);
  const float = dtype.startsWith('float');
  for (let i = 0; i < n; i++) a[i] = float ? ((i * 37.25) % 1000) - 500 : (i * 7919) % 251;
  if (float) {
    a.set([Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3.4e38]);
  } else {
    const bits = a.BYTES_PER_ELEMENT * 8;
    const signed = dtype.startsWith('int');
    a[0] = signed ? -(2 ** (bits - 1)) : 0;
    a[1] = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  }
  return a;
}

/** Object.is on every element (NaN equals NaN, -0 differs from 0). */
function sameValues(a: NdArray, b: NdArray): boolean {
  if (a.shape.join() !== b.shape.join() || a.dtype !== b.dtype) return false;
  const n = a.shape.reduce((x, y) => x * y, 1);
  const idx = new Array<number>(a.shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    if (!Object.is(a.get(...idx), b.get(...idx))) return false;
    for (let d = idx.length - 1; d >= 0 && ++idx[d]! === a.shape[d]; d--) idx[d] = 0;
  }
  return true;
}

describe('round trips through a Map store', () => {
  const shapes: [number[], number[]][] = [
    [
      [5, 7, 9],
      [2, 3, 4],
    ],
    [
      [5, 7, 9],
      [1, 7, 20],
    ],
    [
      [13, 6],
      [5, 4],
    ],
    [
      [2, 3, 4, 5],
      [1, 2, 3, 2],
    ],
  ];
  for (const zarrFormat of [2, 3] as const) {
    for (const dtype of IO_DTYPES) {
      it(`v${zarrFormat} ${dtype}: every value back, bit for bit, for chunks that do not divide the shape`, async () => {
        for (const [shape, chunks] of shapes) {
          for (const compression of ['gzip', 'none'] as const) {
            const n = shape.reduce((a, b) => a * b, 1);
            const data = ndarray(sample(dtype, n), shape);
            const store = new Map<string, Uint8Array>();
            await writeZarr(store, data, { zarrFormat, chunks, compression });
            const back = await readZarrStore(store);
            expect(sameValues(back.data, data), `${shape} / ${chunks} ${compression}`).toBe(true);
            expect(back.info.zarrFormat).toBe(zarrFormat);
            expect(back.info.chunkShape).toEqual(chunks);
          }
        }
      });
    }
  }

  it('writes strided views (a transposed, stepped array) as their values', async () => {
    const base = ndarray(sample('int16', 6 * 8 * 10), [6, 8, 10]);
    const view = base.transpose(2, 0, 1).step(1, -1, 2);
    const store = new Map<string, Uint8Array>();
    await writeZarr(store, view, { chunks: [3, 4, 3] });
    expect(sameValues((await readZarrStore(store)).data, view)).toBe(true);
  });

  it('reads any box of a volume (readRegion), chunk-aligned or not', async () => {
    const data = ndarray(sample('float32', 9 * 10 * 11), [9, 10, 11]);
    const store = new Map<string, Uint8Array>();
    await writeZarr(store, data, { zarrFormat: 3, chunks: [4, 3, 5] });
    const volume = await openZarrStore(store);
    const box = await volume.readRegion([2, 3, 1], [7, 10, 6]);
    expect(sameValues(box, data.lo(2, 3, 1).hi(5, 7, 5))).toBe(true);
    await expect(volume.readRegion([0, 0, 0], [10, 10, 11])).rejects.toThrow(InvalidArgumentError);
  });
});

describe('metadata as the specifications write it', () => {
  it('Zarr v2 + OME-Zarr 0.4: .zgroup, .zattrs multiscales, 0/.zarray, "/" chunk keys', async () => {
    const store = new Map<string, Uint8Array>();
    const data = ndarray(new Uint16Array(4 * 5 * 6), [4, 5, 6]);
    await writeZarr(store, data, { chunks: [2, 5, 4], spacing: [2, 0.5, 0.25], unit: 'µm' });
    expect(text(store, '/.zgroup')).toEqual({ zarr_format: 2 });
    expect(text(store, '/.zattrs')).toEqual({
      multiscales: [
        {
          version: '0.4',
          name: 'image',
          axes: [
            { name: 'z', type: 'space', unit: 'micrometer' },
            { name: 'y', type: 'space', unit: 'micrometer' },
            { name: 'x', type: 'space', unit: 'micrometer' },
          ],
          datasets: [
            { path: '0', coordinateTransformations: [{ type: 'scale', scale: [2, 0.5, 0.25] }] },
          ],
        },
      ],
    });
    expect(text(store, '/0/.zarray')).toEqual({
      zarr_format: 2,
      shape: [4, 5, 6],
      chunks: [2, 5, 4],
      dtype: '<u2',
      compressor: { id: 'gzip', level: 1 },
      fill_value: 0,
      order: 'C',
      filters: null,
      dimension_separator: '/',
    });
    // 2 x 1 x 2 chunks, keys "z/y/x" under the array
    const chunks = [...store.keys()].filter((k) => /^\/0\/\d/.test(k)).sort();
    expect(chunks).toEqual(['/0/0/0/0', '/0/0/0/1', '/0/1/0/0', '/0/1/0/1']);
  });

  it('Zarr v3 + OME-Zarr 0.5: zarr.json with attributes.ome, bytes + gzip codecs, c/ keys', async () => {
    const store = new Map<string, Uint8Array>();
    const data = ndarray(new Float64Array(3 * 4), [3, 4]);
    await writeZarr(store, data, {
      zarrFormat: 3,
      chunks: [2, 4],
      spacing: [5, 5],
      unit: 'nm',
      level: 6,
    });
    expect(text(store, '/zarr.json')).toEqual({
      zarr_format: 3,
      node_type: 'group',
      attributes: {
        ome: {
          version: '0.5',
          multiscales: [
            {
              name: 'image',
              axes: [
                { name: 'y', type: 'space', unit: 'nanometer' },
                { name: 'x', type: 'space', unit: 'nanometer' },
              ],
              datasets: [
                { path: '0', coordinateTransformations: [{ type: 'scale', scale: [5, 5] }] },
              ],
            },
          ],
        },
      },
    });
    expect(text(store, '/0/zarr.json')).toEqual({
      zarr_format: 3,
      node_type: 'array',
      shape: [3, 4],
      data_type: 'float64',
      chunk_grid: { name: 'regular', configuration: { chunk_shape: [2, 4] } },
      chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
      fill_value: 0,
      codecs: [
        { name: 'bytes', configuration: { endian: 'little' } },
        { name: 'gzip', configuration: { level: 6 } },
      ],
      attributes: {},
      dimension_names: ['y', 'x'],
    });
    expect([...store.keys()].filter((k) => k.includes('/c/')).sort()).toEqual([
      '/0/c/0/0',
      '/0/c/1/0',
    ]);
  });

  it('reads spacing and unit back (level and multiscale scales multiplied) and the axes', async () => {
    const store = new Map<string, Uint8Array>();
    await writeZarr(store, ndarray(new Uint8Array(24), [2, 3, 4]), {
      spacing: [3, 2, 1],
      unit: 'um',
    });
    const attrs = text(store, '/.zattrs');
    attrs.multiscales[0].coordinateTransformations = [{ type: 'scale', scale: [2, 2, 2] }];
    store.set('/.zattrs', new TextEncoder().encode(JSON.stringify(attrs)));
    const image = await readZarrStore(store);
    expect(image.spacing).toEqual([6, 4, 2]);
    expect(image.unit).toBe('micrometer');
    expect(image.axes).toBe('ZYX');
    expect(image.info.omeVersion).toBe('0.4');
  });
});

describeNeeds(python3Has('zarr', 'numcodecs', 'numpy'), 'python3-zarr')('zarr-python 2.13', () => {
  const script = join(here, '..', 'scripts', 'zarr-check.py');

  it('reads what writeZarr writes (v2, every dtype, gzip and none, ragged chunks) with its spacing', async () => {
    const dir = tmp();
    const written = new Map<string, NdArray>();
    for (const dtype of IO_DTYPES) {
      for (const compression of ['gzip', 'none'] as const) {
        const data = ndarray(sample(dtype, 5 * 7 * 9), [5, 7, 9]);
        written.set(`${dtype}-${compression}`, data);
        await writeZarr(join(dir, `${dtype}-${compression}.zarr`), data, {
          chunks: [2, 3, 4],
          compression,
          spacing: [2, 0.5, 0.5],
          unit: 'um',
        });
      }
    }
    const paths = [...written.keys()].map((name) => join(dir, `${name}.zarr`));
    execFileSync('/usr/bin/python3', [script, 'read', dir, ...paths]);
    for (const [name, data] of written) {
      const back = await readNpy(join(dir, `${name}.npy`));
      expect(sameValues(back, data), name).toBe(true);
      const meta = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
      expect(meta.dtype).toBe(data.dtype);
      expect(meta.chunks).toEqual([2, 3, 4]);
      expect(meta.zattrs.multiscales[0].datasets[0].coordinateTransformations[0].scale).toEqual([
        2, 0.5, 0.5,
      ]);
      expect(meta.zattrs.multiscales[0].axes[2]).toEqual({
        name: 'x',
        type: 'space',
        unit: 'micrometer',
      });
    }
    rmSync(dir, { recursive: true });
  });

  it('reads what zarr-python writes: Blosc (its default), zlib, gzip, none, F order, big-endian, fill values', async () => {
    const dir = tmp();
    execFileSync('/usr/bin/python3', [script, 'write', dir]);
    const cases = readdirSync(dir).filter((f) => f.endsWith('.zarr'));
    expect(cases.length).toBe(35);
    for (const c of cases) {
      const expected = await readNpy(join(dir, c.replace('.zarr', '.npy')));
      const got = await readZarr(join(dir, c));
      expect(sameValues(got.data, expected), c).toBe(true);
      expect(got.spacing).toBeUndefined();
    }
    // the fill value: 20 of its 36 elements come from chunks never written (and one 7 was)
    const fill = await readZarr(join(dir, 'fill-7.zarr'));
    expect(fill.info.fillValue).toBe(7);
    expect(Array.from(fill.data.data as Int32Array).filter((v) => v === 7).length).toBe(20 + 1);
    rmSync(dir, { recursive: true });
  });
});

describe('hostile stores', () => {
  async function written(): Promise<Map<string, Uint8Array>> {
    const store = new Map<string, Uint8Array>();
    await writeZarr(store, ndarray(new Uint16Array(4 * 4 * 4).fill(9), [4, 4, 4]), {
      chunks: [2, 2, 2],
    });
    return store;
  }

  it('a missing chunk reads as the fill value (0), the others as written', async () => {
    const store = await written();
    store.delete('/0/1/0/1');
    const { data } = await readZarrStore(store);
    for (let z = 0; z < 4; z++)
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 4; x++)
          expect(data.get(z, y, x)).toBe(z >= 2 && y < 2 && x >= 2 ? 0 : 9);
  });

  it('corrupt chunk bytes: an InvalidArgumentError naming the chunk key (gzip garbage, truncated raw)', async () => {
    const store = await written();
    store.set('/0/1/1/0', new Uint8Array([31, 139, 8, 0, 1, 2, 3, 4, 5]));
    await expect(readZarrStore(store)).rejects.toThrow(/chunk "\/0\/1\/1\/0"/);
    await expect(readZarrStore(store)).rejects.toThrow(InvalidArgumentError);
    const raw = new Map<string, Uint8Array>();
    await writeZarr(raw, ndarray(new Int32Array(16), [4, 4]), {
      chunks: [2, 2],
      zarrFormat: 3,
      compression: 'none',
    });
    raw.set('/0/c/1/1', new Uint8Array(10));
    await expect(readZarrStore(raw)).rejects.toThrow(/chunk "\/0\/c\/1\/1"/);
  });

  it('wrong metadata: no array, bad JSON, no multiscales, malformed scale, int64, missing dataset', async () => {
    const enc = (v: unknown) =>
      new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
    await expect(readZarrStore(new Map())).rejects.toThrow(/Zarr v2 or v3 array or group/);
    let store = await written();
    store.set('/0/.zarray', enc('{"zarr_format": 2, "shape": [4, 4'));
    await expect(readZarrStore(store)).rejects.toThrow(InvalidArgumentError);
    store = await written();
    store.set('/.zattrs', enc({}));
    await expect(readZarrStore(store)).rejects.toThrow(/without multiscales/);
    expect((await readZarrStore(store, { path: '0' })).data.shape).toEqual([4, 4, 4]);
    store = await written();
    const attrs = text(store, '/.zattrs');
    attrs.multiscales[0].datasets[0].coordinateTransformations[0].scale = [1, 1];
    store.set('/.zattrs', enc(attrs));
    await expect(readZarrStore(store)).rejects.toThrow(/scale of 3 positive numbers/);
    attrs.multiscales[0].datasets = [];
    store.set('/.zattrs', enc(attrs));
    await expect(readZarrStore(store)).rejects.toThrow(/non-empty datasets/);
    store = await written();
    await expect(readZarrStore(store, { level: 1 })).rejects.toThrow(/resolution level 1/);
    const zarray = text(store, '/0/.zarray');
    store.set('/0/.zarray', enc({ ...zarray, dtype: '<i8' }));
    await expect(readZarrStore(store)).rejects.toThrow(/found int64/);
  });

  it('options are checked: misspellings, bad values, non-stores, non-arrays', async () => {
    const data = ndarray(new Uint8Array(4), [2, 2]);
    const store = new Map<string, Uint8Array>();
    await expect(writeZarr(store, data, { chunk: [1, 1] } as never)).rejects.toThrow(
      /did you mean "chunks"/,
    );
    await expect(writeZarr(store, data, { chunks: [0, 1] })).rejects.toThrow(/options.chunks/);
    await expect(writeZarr(store, data, { zarrFormat: 4 as never })).rejects.toThrow(
      /options.zarrFormat/,
    );
    await expect(writeZarr(store, data, { unit: 'furlong' })).rejects.toThrow(/options.unit/);
    await expect(writeZarr(store, data, { spacing: [1] })).rejects.toThrow(/options.spacing/);
    await expect(writeZarr(store, data, { level: 12 })).rejects.toThrow(/options.level/);
    await expect(writeZarr(store, data, { compression: 'blosc' as never })).rejects.toThrow(
      /options.compression/,
    );
    await expect(writeZarr(store, data, { chunks: [2 ** 15, 2 ** 15] })).rejects.toThrow(
      /elements per chunk/,
    );
    await expect(writeZarr({} as never, data)).rejects.toThrow(/argument destination/);
    await expect(writeZarr(store, ndarray(new BigInt64Array(4) as never, [2, 2]))).rejects.toThrow(
      /argument data/,
    );
    expect(store.size).toBe(0);
    await expect(readZarrStore(store, { levle: 0 } as never)).rejects.toThrow(
      /did you mean "level"/,
    );
  });

  it('progress counts chunks; an abort stops between chunks', async () => {
    const store = new Map<string, Uint8Array>();
    const calls: number[][] = [];
    const data = ndarray(new Uint8Array(6 * 6), [6, 6]);
    await writeZarr(store, data, { chunks: [2, 3], onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
    const controller = new AbortController();
    controller.abort();
    await expect(readZarrStore(store, { signal: controller.signal })).rejects.toThrow(AbortError);
  });
});

describe('directory store and TIFF <-> Zarr', () => {
  it('writeZarr / readZarr on a directory: the files are the keys', async () => {
    const dir = tmp();
    const data = ndarray(sample('int32', 3 * 4 * 5), [3, 4, 5]);
    await writeZarr(join(dir, 'a.zarr'), data, { chunks: [2, 2, 5], zarrFormat: 3 });
    expect(readdirSync(join(dir, 'a.zarr', '0', 'c', '1'))).toEqual(['0', '1']);
    expect(sameValues((await readZarr(join(dir, 'a.zarr'))).data, data)).toBe(true);
    // writing again into the same directory would mix two images: refused before writing
    await expect(writeZarr(join(dir, 'a.zarr'), data)).rejects.toThrow(
      /missing or empty directory/,
    );
    await expect(tiffToZarr(join(dir, 'none.tif'), join(dir, 'a.zarr'))).rejects.toThrow(
      /missing or empty/,
    );
    expect(sameValues((await readZarr(join(dir, 'a.zarr'))).data, data)).toBe(true);
    const store = new ZarrDirectoryStore(join(dir, 'a.zarr'));
    await expect(store.get('/../x')).rejects.toThrow(InvalidArgumentError);
    rmSync(dir, { recursive: true });
  });

  it('an HTTP store a user brings (zarrita FetchStore on a local server): same values, 404 = fill', async () => {
    const dir = tmp();
    const data = ndarray(sample('float32', 6 * 5 * 7), [6, 5, 7]);
    await writeZarr(join(dir, 'h.zarr'), data, {
      chunks: [2, 2, 3],
      spacing: [4, 1, 1],
      unit: 'nm',
    });
    rmSync(join(dir, 'h.zarr', '0', '2', '1', '2'));
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url!);
      try {
        res.end(readFileSync(join(dir, decodeURIComponent(req.url!).replace(/^\/+/, ''))));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as { port: number };
      const image = await readZarrStore(new FetchStore(`http://127.0.0.1:${port}/h.zarr`));
      expect(image.spacing).toEqual([4, 1, 1]);
      expect(image.unit).toBe('nanometer');
      for (let z = 0; z < 6; z++)
        for (let y = 0; y < 5; y++)
          for (let x = 0; x < 7; x++) {
            const missing = z >= 4 && y >= 2 && y < 4 && x >= 6;
            expect(Object.is(image.data.get(z, y, x), missing ? 0 : data.get(z, y, x))).toBe(true);
          }
      expect(requests).toContain('/h.zarr/0/2/1/2');
    } finally {
      server.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('TIFF -> Zarr -> TIFF: the same pages, voxel size and unit (v2 and v3, chunk depth not dividing the pages)', async () => {
    const dir = tmp();
    const data = ndarray(sample('uint16', 7 * 33 * 47), [7, 33, 47]);
    await writeTiff(join(dir, 'in.tif'), data, { spacing: [2, 0.5, 0.5], unit: 'um' });
    for (const zarrFormat of [2, 3] as const) {
      const progress: number[] = [];
      await tiffToZarr(join(dir, 'in.tif'), join(dir, `v${zarrFormat}.zarr`), {
        zarrFormat,
        chunks: [3, 16, 20],
        onProgress: (d) => progress.push(d),
      });
      expect(progress.at(-1)).toBe(3 * 3 * 3);
      const z = await readZarr(join(dir, `v${zarrFormat}.zarr`));
      expect(sameValues(z.data, data)).toBe(true);
      expect(z.spacing).toEqual([2, 0.5, 0.5]);
      expect(z.unit).toBe('micrometer');
      await zarrToTiff(join(dir, `v${zarrFormat}.zarr`), join(dir, 'out.tif'), {
        compression: 'deflate',
      });
      const t = await readTiff(join(dir, 'out.tif'));
      expect(sameValues(t.data, data)).toBe(true);
      expect(t.spacing).toEqual([2, 0.5, 0.5]);
      expect(t.unit).toBe('um');
    }
    // one page: a 2D image
    await writeTiff(join(dir, 'page.tif'), data.pick(3, null, null));
    await tiffToZarr(join(dir, 'page.tif'), join(dir, 'page.zarr'));
    expect(
      sameValues((await readZarr(join(dir, 'page.zarr'))).data, data.pick(3, null, null)),
    ).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('peak memory does not grow with the number of pages (tiffToZarr and zarrToTiff in a child process)', async () => {
    const dir = tmp();
    const script = join(here, 'zarr-rss-child.ts');
    const measure = (...args: string[]) => {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', script, ...args],
        {
          encoding: 'utf8',
          cwd: join(here, '..'),
        },
      );
      return JSON.parse(out.trim().split('\n').pop()!).maxRssBytes as number;
    };
    // N pages of 512 x 512 float32 (1 MiB each) from one plane: nothing allocated per page
    const plane = Float32Array.from({ length: 512 * 512 }, (_, i) => i * 0.5);
    const rss: Record<string, number> = {};
    for (const pages of [16, 112]) {
      await writeTiff(join(dir, `${pages}.tif`), ndarray(plane, [pages, 512, 512], [0, 512, 1]));
      rss[`to-${pages}`] = measure(
        'tiff-to-zarr',
        join(dir, `${pages}.tif`),
        join(dir, `${pages}.zarr`),
      );
      rss[`back-${pages}`] = measure(
        'zarr-to-tiff',
        join(dir, `${pages}.zarr`),
        join(dir, `${pages}-back.tif`),
      );
    }
    const [a, b] = [
      await readTiff(join(dir, '112.tif')),
      await readTiff(join(dir, '112-back.tif')),
    ];
    const bytes = (t: typeof a) => Buffer.from((t.data.data as Float32Array).buffer);
    expect(bytes(a).equals(bytes(b))).toBe(true);
    // 96 more pages are 96 MiB more data; allow 16 MiB for the collector's timing
    expect(rss['to-112']! - rss['to-16']!, JSON.stringify(rss)).toBeLessThan(16 * 2 ** 20);
    expect(rss['back-112']! - rss['back-16']!, JSON.stringify(rss)).toBeLessThan(16 * 2 ** 20);
    expect(96 * plane.byteLength).toBeGreaterThan(5 * 16 * 2 ** 20);
    rmSync(dir, { recursive: true });
  }, 120_000);

  it('refuses hyperstacks and bad paths before writing', async () => {
    const dir = tmp();
    await writeTiff(join(dir, 'h.tif'), ndarray(new Uint8Array(2 * 2 * 4 * 4), [2, 2, 4, 4]), {
      metadata: 'shaped',
    });
    await expect(tiffToZarr(join(dir, 'h.tif'), join(dir, 'h.zarr'))).rejects.toThrow(/axes/);
    await expect(tiffToZarr('', join(dir, 'x.zarr'))).rejects.toThrow(InvalidArgumentError);
    await expect(zarrToTiff(join(dir, 'none.zarr'), join(dir, 'x.tif'))).rejects.toThrow(
      InvalidArgumentError,
    );
    rmSync(dir, { recursive: true });
  });
});
