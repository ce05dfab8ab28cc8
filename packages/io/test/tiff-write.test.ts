// encodeTiff / writeTiff: every option round-trips through our decoder, and the files are
// read back exactly by tifffile, scikit-image and PIL (Python, run on files this test writes).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, type TypedArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { describeNeeds, onPath, python3Has } from '../../../test-utils/ci.js';
import { decodeTiff, encodeTiff, type TiffWriteOptions } from '../src/index.js';
import { readTiff, writeTiff } from '../src/node.js';

const DTYPES = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;
type Name = keyof typeof DTYPES;

/** Deterministic values with the extremes of each dtype (no NaN: its payload is not portable). */
function sample(dtype: Name, shape: number[]): ndarray.NdArray<TypedArray> {
  const n = shape.reduce((p, s) => p * s, 1);
  const data = new DTYPES[dtype](n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = dtype.startsWith('float') ? (x / 2 ** 32 - 0.5) * 1e4 : x % 251;
  }
  if (dtype.startsWith('float'))
    data.set([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 3.4e38], 0);
  else {
    const bits = DTYPES[dtype].BYTES_PER_ELEMENT * 8;
    const signed = dtype.startsWith('int');
    data.set([signed ? -(2 ** (bits - 1)) : 0, signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1], 0);
  }
  return ndarray(data, shape);
}

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const LAYOUTS: Array<[string, TiffWriteOptions]> = [
  ['strips', { rowsPerStrip: 5 }],
  ['tiles', { tile: [16, 16] }],
];
const COMPRESSIONS: Array<[string, TiffWriteOptions, (d: Name) => boolean]> = [
  ['none', {}, () => true],
  ['packbits', { compression: 'packbits' }, () => true],
  ['lzw', { compression: 'lzw' }, () => true],
  ['deflate', { compression: 'deflate' }, () => true],
  ['lzw-pred2', { compression: 'lzw', predictor: 'horizontal' }, (d) => !d.startsWith('float')],
  [
    'deflate-pred2',
    { compression: 'deflate', predictor: 'horizontal' },
    (d) => !d.startsWith('float'),
  ],
  ['deflate-pred3', { compression: 'deflate', predictor: 'float' }, (d) => d.startsWith('float')],
  ['lzw-pred3', { compression: 'lzw', predictor: 'float' }, (d) => d.startsWith('float')],
];

interface WriteCase {
  name: string;
  dtype: Name;
  shape: number[];
  options: TiffWriteOptions;
}

function grid(): WriteCase[] {
  const cases: WriteCase[] = [];
  for (const dtype of Object.keys(DTYPES) as Name[]) {
    for (const [layout, lo] of LAYOUTS) {
      for (const [comp, co, ok] of COMPRESSIONS) {
        if (!ok(dtype)) continue;
        for (const byteOrder of ['little', 'big'] as const) {
          cases.push({
            name: `${dtype}-${layout}-${comp}-${byteOrder}`,
            dtype,
            shape: [3, 17, 23],
            options: { ...lo, ...co, byteOrder },
          });
        }
      }
    }
  }
  cases.push(
    { name: 'uint16-2d', dtype: 'uint16', shape: [17, 23], options: {} },
    {
      name: 'uint16-bigtiff',
      dtype: 'uint16',
      shape: [3, 17, 23],
      options: { bigTiff: true, compression: 'deflate' },
    },
    {
      name: 'float32-bigtiff-be-tiles',
      dtype: 'float32',
      shape: [3, 17, 23],
      options: { bigTiff: true, byteOrder: 'big', tile: [16, 32] },
    },
    {
      name: 'uint16-imagej',
      dtype: 'uint16',
      shape: [3, 17, 23],
      options: { spacing: [2.5, 0.5, 0.25], unit: 'um' },
    },
    {
      name: 'float32-imagej-micro',
      dtype: 'float32',
      shape: [3, 17, 23],
      options: { spacing: [0.3, 0.1, 0.1], unit: 'µm', compression: 'deflate' },
    },
    {
      name: 'int32-ome',
      dtype: 'int32',
      shape: [3, 17, 23],
      options: { spacing: [2, 0.65, 0.65], unit: 'µm' },
    },
    {
      name: 'uint8-ome-2d',
      dtype: 'uint8',
      shape: [17, 23],
      options: { spacing: [1.25, 1.5], unit: 'nm', metadata: 'ome' },
    },
    { name: 'uint8-bilevel', dtype: 'uint8', shape: [3, 17, 23], options: { bilevel: true } },
  );
  return cases;
}

function expectedOf(c: WriteCase): ndarray.NdArray<TypedArray> {
  const a = sample(c.dtype, c.shape);
  if (c.options.bilevel)
    for (let i = 0; i < a.data.length; i++) a.data[i] = a.data[i]! > 127 ? 1 : 0;
  return a;
}

describe('encodeTiff round-trips through decodeTiff', () => {
  it.each(grid().map((c) => [c.name, c] as const))('%s', (_, c) => {
    const a = expectedOf(c);
    const back = decodeTiff(encodeTiff(a, c.options));
    expect(back.data.dtype).toBe(c.dtype);
    expect(back.data.shape).toEqual(c.shape);
    expect(same(back.data.data as TypedArray, a.data)).toBe(true);
    expect(back.info.bigTiff).toBe(c.options.bigTiff === true);
    expect(back.info.byteOrder).toBe(c.options.byteOrder ?? 'little');
    if (c.options.spacing) {
      expect(back.spacing).toEqual(c.options.spacing);
      expect(back.unit).toBe(c.options.unit);
    } else {
      expect(back.spacing).toBeUndefined();
    }
  });

  it('writes strided views in row-major order and keeps a one-plane volume 3D', () => {
    const base = ndarray(
      Uint16Array.from({ length: 12 }, (_, i) => i),
      [3, 4],
    );
    const back = decodeTiff(encodeTiff(base.transpose(1, 0)));
    expect(back.data.shape).toEqual([4, 3]);
    expect(Array.from(back.data.data as Uint16Array)).toEqual([
      0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11,
    ]);
    expect(decodeTiff(encodeTiff(ndarray(new Uint8Array(6), [1, 2, 3]))).data.shape).toEqual([
      1, 2, 3,
    ]);
    const v = ndarray(
      Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i),
      [2, 3, 4],
    );
    const stepped = v.step(-1, 1, 2);
    const got = decodeTiff(encodeTiff(stepped)).data;
    expect(got.shape).toEqual([2, 3, 2]);
    expect(got.get(0, 1, 1)).toBe(stepped.get(0, 1, 1));
    expect(got.get(1, 2, 0)).toBe(stepped.get(1, 2, 0));
  });

  it('keeps 4D shapes through the shaped description and never mutates its input', () => {
    const a = sample('int16', [2, 3, 5, 7]);
    const copy = (a.data as Int16Array).slice();
    const back = decodeTiff(
      encodeTiff(a, { compression: 'lzw', predictor: 'horizontal', byteOrder: 'big' }),
    );
    expect(back.data.shape).toEqual([2, 3, 5, 7]);
    expect(same(back.data.data as TypedArray, a.data)).toBe(true);
    expect(same(a.data, copy)).toBe(true);
  });

  it('chooses BigTIFF on its own only past 4 GB', () => {
    // a 4 GiB + 2 page volume of uint8, never materialised: a zero-stride view
    const huge = ndarray(new Uint8Array(1), [65537, 256, 256], [0, 0, 0]);
    expect(() => encodeTiff(huge, { bigTiff: false })).toThrow(
      /options\.bigTiff must be 'auto' or true/,
    );
    const small = decodeTiff(encodeTiff(sample('uint8', [2, 4, 4])));
    expect(small.info.bigTiff).toBe(false);
  });

  it('rejects bad data and options with typed errors naming them', () => {
    const a = sample('uint8', [4, 4]);
    const cases: Array<[unknown, TiffWriteOptions, RegExp]> = [
      [
        ndarray(new Uint8Array(4), [4]),
        {},
        /argument data must be an ndarray of 2 or more dimensions/,
      ],
      [ndarray([1, 2, 3, 4], [2, 2]), {}, /argument data must be an ndarray over uint8/],
      [a, { compression: 'jpeg' as 'lzw' }, /options\.compression/],
      [a, { predictor: 'horizontal' }, /options\.predictor must be 'none' without compression/],
      [
        a,
        { compression: 'lzw', predictor: 'float' },
        /options\.predictor must be 'horizontal' or 'none' for uint8/,
      ],
      [
        a,
        { tile: [10, 16] },
        /options\.tile must be \[rows, cols\], each a positive multiple of 16/,
      ],
      [a, { spacing: [1] }, /options\.spacing must be 2 positive finite numbers/],
      [a, { spacing: [1, 0] }, /options\.spacing/],
      [
        sample('uint32', [4, 4]),
        { metadata: 'imagej', spacing: [1, 1] },
        /ImageJ reads uint8, uint16, int16, float32/,
      ],
      [a, { metadata: 'shaped', unit: 'um' }, /options\.metadata/],
      [a, { byteOrder: 'middle' as 'big' }, /options\.byteOrder/],
      [a, { level: 11 }, /options\.level/],
    ];
    for (const [data, options, message] of cases) {
      let error: unknown;
      try {
        encodeTiff(data as ndarray.NdArray, options);
      } catch (e) {
        error = e;
      }
      expect(InvalidArgumentError.isInstance(error), String(message)).toBe(true);
      expect((error as Error).message).toMatch(/^encodeTiff: argument /);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('writes and reads files; writeTiff keeps (destination, data) order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-tiff-'));
    const a = ndarray(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    await writeTiff(join(dir, 'a.tif'), a);
    const b = await readTiff(join(dir, 'a.tif'));
    expect(Array.from(b.data.data as Int32Array)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readFileSync(join(dir, 'a.tif'))).toEqual(Buffer.from(encodeTiff(a)));
    await expect(writeTiff(join(dir, 'b.tif'), a, { tile: [3, 3] })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

// ---- Python readers on files we write ------------------------------------------------------

// tiffcp (libtiff-tools) decodes LZW / predictor 3 for Debian's codec-less tifffile
const describePython = describeNeeds(
  python3Has('tifffile', 'skimage.io', 'PIL', 'numpy') && onPath('tiffcp'),
  '/usr/bin/python3 with tifffile, scikit-image, PIL and numpy, and tiffcp (python3-tifffile python3-skimage python3-pil python3-numpy libtiff-tools)',
);

/** sha256 of the values as little-endian float64: what the Python side hashes too. */
function valueHash(data: ArrayLike<number>): string {
  return createHash('sha256')
    .update(new Uint8Array(Float64Array.from(data).buffer))
    .digest('hex');
}

const READBACK = `
import hashlib, json, os, subprocess, sys, tempfile, xml.etree.ElementTree as ET
import numpy as np, tifffile, skimage.io
from PIL import Image, ImageSequence

def vhash(a):
    return hashlib.sha256(np.asarray(a, dtype='<f8').tobytes()).hexdigest()

out = {}
for path in sys.argv[1:]:
    r = {}
    try:
        a = tifffile.imread(path); r['via'] = 'tifffile'
    except Exception as e:  # Debian's tifffile has no LZW / predictor 3 codec: libtiff decodes
        tmp = tempfile.mktemp(suffix='.tif')
        big = ['-8'] if tifffile.TiffFile(path).is_bigtiff else []
        subprocess.run(['tiffcp', '-c', 'none', *big, path, tmp], check=True, capture_output=True)
        a = tifffile.imread(tmp); r['via'] = 'tiffcp -c none + tifffile'
    r['dtype'] = str(a.dtype); r['shape'] = list(a.shape); r['tifffile'] = vhash(a)
    with tifffile.TiffFile(path) as tif:
        if tif.is_imagej:
            ij = tif.imagej_metadata; xr = tif.pages[0].tags['XResolution'].value; yr = tif.pages[0].tags['YResolution'].value
            sp = [yr[1] / yr[0], xr[1] / xr[0]]
            if a.ndim == 3: sp = [float(ij.get('spacing', 1))] + sp
            r['spacing'] = sp; r['unit'] = ij.get('unit')
        elif tif.is_ome:
            px = next(el for el in ET.fromstring(tif.ome_metadata).iter() if el.tag.endswith('Pixels')).attrib
            sp = [float(px['PhysicalSizeY']), float(px['PhysicalSizeX'])]
            if a.ndim == 3: sp = [float(px['PhysicalSizeZ'])] + sp
            r['spacing'] = sp; r['unit'] = px.get('PhysicalSizeXUnit')
    if r['via'] == 'tifffile':
        try:
            b = skimage.io.imread(path)
            # scikit-image 0.19 moves an axis of length 3 or 4 last (it takes it for colour)
            if b.shape != a.shape and b.ndim == 3 and b.shape[-1] in (3, 4):
                b = np.moveaxis(b, -1, 0)
            r['skimage'] = vhash(b)
        except Exception as e:
            r['skimage'] = 'error: ' + str(e)[:100]
    try:
        with Image.open(path) as im:
            frames = [np.array(f) for f in ImageSequence.Iterator(im)]
        r['pil'] = vhash(np.stack(frames).reshape(a.shape))
        r['pilMode'] = im.mode
    except Exception as e:
        r['pil'] = 'error: ' + str(e)[:100]
    out[os.path.basename(path)] = r
print(json.dumps(out))
`;

// PIL 9.4 (Debian 12) has no mode for int8, uint32 or float64 samples, opens no BigTIFF,
// and returns wrong values for compressed big-endian int32 / float32 (its libtiff path; the
// uncompressed ones it reads right): those are checked with tifffile and scikit-image only
function pilReads(c: WriteCase): boolean {
  if (['int8', 'uint32', 'float64'].includes(c.dtype) || c.options.bigTiff) return false;
  const compressed = (c.options.compression ?? 'none') !== 'none';
  return !(
    c.options.byteOrder === 'big' &&
    compressed &&
    (c.dtype === 'int32' || c.dtype === 'float32')
  );
}

describePython('files we write are read by tifffile, scikit-image and PIL', () => {
  it('every case of the write grid: values, dtype, shape, spacing, unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-tiff-py-'));
    const cases = grid();
    for (const c of cases)
      writeFileSync(join(dir, `${c.name}.tif`), encodeTiff(expectedOf(c), c.options));
    const json = execFileSync(
      '/usr/bin/python3',
      ['-c', READBACK, ...cases.map((c) => join(dir, `${c.name}.tif`))],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const res = JSON.parse(json) as Record<string, Record<string, unknown>>;
    const pilMisses: string[] = [];
    for (const c of cases) {
      const r = res[`${c.name}.tif`]!;
      const a = expectedOf(c);
      const hash = valueHash(a.data);
      expect(r.dtype, c.name).toBe(c.options.bilevel ? 'bool' : c.dtype);
      expect(r.shape, c.name).toEqual(c.shape);
      expect(r.tifffile, `${c.name} (tifffile)`).toBe(hash);
      if (r.via === 'tifffile') expect(r.skimage, `${c.name} (skimage)`).toBe(hash);
      if (c.options.spacing) {
        expect(r.spacing, c.name).toEqual(c.options.spacing);
        expect(r.unit, c.name).toBe(
          c.options.metadata === 'ome' || c.dtype === 'int32'
            ? c.options.unit
            : c.options.unit?.replace('µ', '\\u00B5'),
        );
      }
      if (pilReads(c)) {
        if (r.pil !== hash) pilMisses.push(`${c.name}: ${String(r.pil)}`);
      }
    }
    expect(pilMisses).toEqual([]);
  }, 120_000);
});
