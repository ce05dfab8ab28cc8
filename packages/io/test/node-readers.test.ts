// Node entry: plane-by-plane streaming, slice folders, raw volumes, .npy files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { describeNeeds, python3Has } from '../../../test-utils/ci.js';
import { readFromFile } from '../src/file-reads.js';
import {
  decodeRaw,
  readNpy,
  readRaw,
  readTiff,
  readTiffPlanes,
  readTiffSequence,
  writeTiff,
  writeTiffSequence,
} from '../src/node.js';
import { decodePlane, planTiff } from '../src/tiff-plan.js';
import { CORPUS, corpusBytes, manifest } from './corpus.js';

function volume(): ndarray.NdArray<Uint16Array> {
  return ndarray(
    Uint16Array.from({ length: 5 * 33 * 47 }, (_, i) => (i * 7919) % 65536),
    [5, 33, 47],
  );
}

describe('readTiffPlanes', () => {
  it('yields the pages of every corpus stack, equal to readTiff', async () => {
    for (const c of manifest.cases.filter((k) => k.shape.length === 3).slice(0, 60)) {
      const path = join(CORPUS, c.file);
      const whole = await readTiff(path);
      const n = c.shape[1]! * c.shape[2]!;
      let k = 0;
      for await (const plane of readTiffPlanes(path)) {
        expect(plane.index).toBe(k);
        expect(plane.count).toBe(c.shape[0]);
        expect(plane.data.shape).toEqual([c.shape[1], c.shape[2]]);
        expect(Array.from(plane.data.data as Uint8Array)).toEqual(
          Array.from((whole.data.data as Uint8Array).subarray(k * n, (k + 1) * n)),
        );
        k++;
      }
      expect(k).toBe(c.shape[0]);
    }
  });

  it('reads only the ranges it needs: each page its strips, never the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-planes-'));
    const path = join(dir, 'v.tif');
    const v = volume();
    await writeTiff(path, v, { compression: 'deflate', rowsPerStrip: 8 });
    const handle = await open(path, 'r');
    const size = (await handle.stat()).size;
    // the file reader readTiff / readTiffPlanes run, over a handle that logs each read
    const reads: number[] = [];
    const logged = {
      read: (buf: Uint8Array, off: number, len: number, pos: number) => {
        reads.push(len);
        return handle.read(buf, off, len, pos);
      },
    } as unknown as FileHandle;
    try {
      const blame = { fn: 't', argument: 'source', value: path };
      const plan = await readFromFile(logged, planTiff(size, {}, blame));
      for (const page of plan.pages) {
        const out = new Uint16Array(33 * 47);
        await readFromFile(logged, decodePlane(plan, page, out, blame));
      }
    } finally {
      await handle.close();
    }
    // header, IFDs, tag values, then one read per strip (5 pages x 5 strips)
    expect(reads.length).toBeGreaterThan(25);
    // the largest read is one compressed strip (8 rows of 47 uint16 = 752 bytes before Deflate)
    expect(Math.max(...reads)).toBeLessThanOrEqual(752 + 64); // + Deflate's overhead on noise
    expect(Math.max(...reads)).toBeLessThan(size / 10);
    const progress: Array<[number, number]> = [];
    for await (const _ of readTiffPlanes(path, { onProgress: (d, t) => progress.push([d, t]) })) {
      // each plane arrives before the next is read
    }
    expect(progress).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('stops on abort between planes and closes the file on break', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-abort-'));
    const path = join(dir, 'v.tif');
    await writeTiff(path, volume());
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const plane of readTiffPlanes(path, { signal: controller.signal })) {
          seen.push(plane.index);
          if (plane.index === 1) controller.abort();
        }
      })(),
    ).rejects.toThrow(AbortError);
    expect(seen).toEqual([0, 1]);
    await expect(readTiff(path, { signal: controller.signal })).rejects.toThrow(
      /readTiff: aborted/,
    );
    for await (const plane of readTiffPlanes(path)) if (plane.index === 0) break;
  });

  it('reads one page with options.page, and rejects a page past the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-page-'));
    const path = join(dir, 'v.tif');
    const v = volume();
    await writeTiff(path, v, { spacing: [3, 1, 2], unit: 'um' });
    const p = await readTiff(path, { page: 2 });
    expect(p.data.shape).toEqual([33, 47]);
    expect(p.data.get(4, 5)).toBe(v.get(2, 4, 5));
    expect(p.spacing).toEqual([1, 2]);
    await expect(readTiff(path, { page: 5 })).rejects.toThrow(
      /options\.page must be a page index below 5/,
    );
  });
});

describe('colour pages', () => {
  const rgb = manifest.color.find((c) => c.kind === 'rgb')!;
  const palette = manifest.color.find((c) => c.kind === 'palette')!;
  it('RGB is a typed error that says how to convert, unless a channel or the luminance is asked for', async () => {
    const { decodeTiff, decodeNpy } = await import('../src/index.js');
    expect(() => decodeTiff(corpusBytes(rgb.file))).toThrow(
      /3 samples per pixel \(RGB\): pass options\.channel = 0\.\.2.*'luminance'/,
    );
    const expected = decodeNpy(corpusBytes(rgb.expected)); // (17, 23, 3)
    const g = decodeTiff(corpusBytes(rgb.file), { channel: 1 });
    expect(g.data.shape).toEqual([17, 23]);
    expect(g.data.get(3, 4)).toBe(expected.get(3, 4, 1));
    const y = decodeTiff(corpusBytes(rgb.file), { channel: 'luminance' });
    expect(y.data.dtype).toBe('float32');
    const want =
      0.299 * expected.get(5, 6, 0) + 0.587 * expected.get(5, 6, 1) + 0.114 * expected.get(5, 6, 2);
    expect(y.data.get(5, 6)).toBeCloseTo(want, 3);
  });
  it('palette images give indices, a colormap channel or the luminance on request', async () => {
    const { decodeTiff, decodeNpy } = await import('../src/index.js');
    expect(() => decodeTiff(corpusBytes(palette.file))).toThrow(
      /palette \(indexed colour\) image: pass options\.channel = 'index'/,
    );
    const idx = decodeNpy(corpusBytes(palette.expected));
    expect(
      Array.from(
        decodeTiff(corpusBytes(palette.file), { channel: 'index' }).data.data as Uint8Array,
      ),
    ).toEqual(Array.from(idx.data as Uint8Array));
    const red = decodeTiff(corpusBytes(palette.file), { channel: 0 }).data;
    expect(red.dtype).toBe('uint16');
    expect(red.get(2, 3)).toBe(palette.colormap![0]![idx.get(2, 3)]);
  });
});

describe('slice folders', () => {
  it('writes numbered slices and reads them back in numeric order, with spacing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-seq-'));
    const v = ndarray(
      Float32Array.from({ length: 12 * 4 * 5 }, (_, i) => i / 3),
      [12, 4, 5],
    );
    const paths = await writeTiffSequence(dir, v, {
      spacing: [2, 0.5, 0.25],
      unit: 'um',
      compression: 'lzw',
    });
    expect(paths[11]).toMatch(/slice-0011\.tif$/);
    const back = await readTiffSequence(dir, { zSpacing: 2 });
    expect(back.data.shape).toEqual([12, 4, 5]);
    expect(Array.from(back.data.data as Float32Array)).toEqual(Array.from(v.data));
    expect(back.spacing).toEqual([2, 0.5, 0.25]);
    expect(back.unit).toBe('um');
    // unpadded names sort by number, not as text
    const dir2 = mkdtempSync(join(tmpdir(), 'io-seq2-'));
    for (const k of [10, 2, 1])
      await writeTiff(join(dir2, `img${k}.tif`), ndarray(new Uint8Array([k]), [1, 1]));
    expect(Array.from((await readTiffSequence(dir2)).data.data as Uint8Array)).toEqual([1, 2, 10]);
  });
  it('rejects slices of different shapes, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-seq3-'));
    await writeTiff(join(dir, 's0.tif'), ndarray(new Uint8Array(4), [2, 2]));
    await writeTiff(join(dir, 's1.tif'), ndarray(new Uint8Array(6), [2, 3]));
    await expect(readTiffSequence(dir)).rejects.toThrow(/slices of one shape and dtype .*s1\.tif/);
    await expect(readTiffSequence(mkdtempSync(join(tmpdir(), 'io-empty-')))).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('raw volumes', () => {
  it('reads little- and big-endian volumes after a header, from bytes and files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-raw-'));
    const values = [0, 1, -2, 30000, -32768, 32767];
    const buf = Buffer.alloc(16 + 12);
    values.forEach((v, i) => {
      buf.writeInt16BE(v, 16 + 2 * i);
    });
    writeFileSync(join(dir, 'v.raw'), buf);
    const a = await readRaw(join(dir, 'v.raw'), {
      shape: [2, 3],
      dtype: 'int16',
      byteOrder: 'big',
      offset: 16,
    });
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.data as Int16Array)).toEqual(values);
    const b = decodeRaw(new Uint8Array(buf), {
      shape: [2, 3],
      dtype: 'int16',
      byteOrder: 'big',
      offset: 16,
    });
    expect(Array.from(b.data as Int16Array)).toEqual(values);
    await expect(
      readRaw(join(dir, 'v.raw'), { shape: [1000, 1000, 1000], dtype: 'float64' }),
    ).rejects.toThrow(
      /readRaw: argument source must be a source of at least offset \+ shape x 8 bytes = 8000000000/,
    );
    expect(() =>
      decodeRaw(new Uint8Array(4), { shape: [2], dtype: 'complex64' as 'float32' }),
    ).toThrow(/options\.dtype/);
  });
});

describeNeeds(python3Has('numpy'), '/usr/bin/python3 with numpy (python3-numpy)')(
  '.npy files written by numpy',
  () => {
    it('every dtype, both byte orders, C and Fortran order, versions 1 and 2', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'io-npy-'));
      const json = execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          `
import json, numpy as np, sys, os
d = sys.argv[1]
out = {}
base = np.arange(24).reshape(2, 3, 4) * 37 - 300
for dt in ['u1', 'i1', '<u2', '>u2', '<i2', '>i2', '<u4', '>i4', '<f4', '>f4', '<f8', '>f8', '<i8', '>u8', '?']:
    a = (base.astype('f8') / 7 if dt[-2:] in ('f4', 'f8') else base).astype(dt)
    name = dt.replace('<', 'le').replace('>', 'be').replace('?', 'bool') + '.npy'
    np.save(os.path.join(d, name), a)
    out[name] = [a.astype('f8').ravel().tolist(), list(a.shape)]
f = np.asfortranarray(np.arange(24, dtype='<f4').reshape(2, 3, 4))
np.save(os.path.join(d, 'fortran.npy'), f)
out['fortran.npy'] = [f.astype('f8').ravel(order='C').tolist(), [2, 3, 4]]
v2 = np.arange(6, dtype='<i4').reshape(2, 3)
with open(os.path.join(d, 'v2.npy'), 'wb') as fh:
    np.lib.format.write_array(fh, v2, version=(2, 0))
out['v2.npy'] = [v2.astype('f8').ravel().tolist(), [2, 3]]
print(json.dumps(out))
`,
          dir,
        ],
        { encoding: 'utf8' },
      );
      const expected = JSON.parse(json) as Record<string, [number[], number[]]>;
      expect(Object.keys(expected)).toHaveLength(17);
      for (const [name, [values, shape]] of Object.entries(expected)) {
        const a = await readNpy(join(dir, name));
        expect(a.shape, name).toEqual(shape);
        const got: number[] = [];
        const idx = shape.map(() => 0);
        for (let n = 0; n < values.length; n++) {
          got.push(Number(a.get(...idx)));
          for (let d = shape.length - 1; d >= 0; d--) {
            if (++idx[d]! < shape[d]!) break;
            idx[d] = 0;
          }
        }
        expect(got, name).toEqual(values);
      }
    });
  },
);
