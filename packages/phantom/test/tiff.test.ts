import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { decodeTiff, encodeTiff, readTiff, writeTiff } from '../src/index.js';

const cases = [
  ['uint8', Uint8Array, [0, 1, 127, 255]],
  ['uint16', Uint16Array, [0, 1, 4096, 65535]],
  ['int32', Int32Array, [0, -1, 2147483647, -2147483648]],
  ['float32', Float32Array, [0, -1.5, 8344.125, Number.NaN]],
] as const;

type Ctor = new (length: number) => Uint8Array | Uint16Array | Int32Array | Float32Array;
function fill(C: Ctor, length: number, value: (i: number) => number) {
  const out = new C(length);
  for (let i = 0; i < length; i++) out[i] = value(i);
  return out;
}

function python(code: string): string | undefined {
  try {
    return execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}
const hasTifffile = python('import tifffile, numpy') !== undefined;

describe('encodeTiff / decodeTiff', () => {
  it.each(cases)('%s round-trips in 2D and 3D', (dtype, Ctor, values) => {
    const data2 = fill(Ctor, 6 * 5, (i) => values[i % 4]!);
    const a2 = ndarray(data2, [6, 5]);
    const b2 = decodeTiff(encodeTiff(a2));
    expect(b2.dtype).toBe(dtype);
    expect(b2.shape).toEqual([6, 5]);
    expect(Array.from(b2.data)).toEqual(Array.from(data2));
    const data3 = fill(Ctor, 3 * 4 * 5, (i) => values[(i * 7) % 4]!);
    const b3 = decodeTiff(encodeTiff(ndarray(data3, [3, 4, 5])));
    expect(b3.shape).toEqual([3, 4, 5]);
    expect(Array.from(b3.data)).toEqual(Array.from(data3));
  });

  it('keeps a one-plane volume 3D and writes strided views in row-major order', () => {
    expect(decodeTiff(encodeTiff(ndarray(new Uint8Array(6), [1, 2, 3]))).shape).toEqual([1, 2, 3]);
    const base = ndarray(
      Uint16Array.from({ length: 12 }, (_, i) => i),
      [3, 4],
    );
    const t = base.transpose(1, 0);
    const back = decodeTiff(encodeTiff(t));
    expect(back.shape).toEqual([4, 3]);
    expect(Array.from(back.data)).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
  });

  it('rejects other dtypes, ndims and non-TIFF bytes', () => {
    expect(() => encodeTiff(ndarray(new Float64Array(4), [2, 2]))).toThrow(InvalidArgumentError);
    expect(() => encodeTiff(ndarray(new Uint8Array(4), [4]))).toThrow('2D or 3D');
    expect(() => decodeTiff(new Uint8Array(3))).toThrow(InvalidArgumentError);
  });

  it('writes and reads files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phantom-tiff-'));
    const a = ndarray(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    await writeTiff(join(dir, 'a.tif'), a);
    const b = await readTiff(join(dir, 'a.tif'));
    expect(Array.from(b.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.skipIf(!hasTifffile)(
    "files are read exactly by Python tifffile, and ours read tifffile's",
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'phantom-tiff-py-'));
      for (const [dtype, Ctor, values] of cases) {
        const data = fill(Ctor, 2 * 3 * 4, (i) => values[i % 4]!);
        writeFileSync(join(dir, `${dtype}.tif`), encodeTiff(ndarray(data, [2, 3, 4])));
      }
      const out = python(`
import json, numpy as np, tifffile
res = {}
for d in ['uint8', 'uint16', 'int32', 'float32']:
    a = tifffile.imread('${dir}/' + d + '.tif')
    res[d] = [str(a.dtype), list(a.shape), [None if v != v else float(v) for v in a.ravel()]]
    tifffile.imwrite('${dir}/py-' + d + '.tif', a, photometric='minisblack')
print(json.dumps(res))
`);
      const res = JSON.parse(out!) as Record<string, [string, number[], Array<number | null>]>;
      for (const [dtype, , values] of cases) {
        const [pyDtype, shape, flat] = res[dtype]!;
        expect(pyDtype).toBe(dtype);
        expect(shape).toEqual([2, 3, 4]);
        expect(flat.map((v) => (v === null ? Number.NaN : v))).toEqual(
          Array.from({ length: 24 }, (_, i) => values[i % 4]!),
        );
        const back = decodeTiff(new Uint8Array(readFileSync(join(dir, `py-${dtype}.tif`))));
        expect(back.dtype).toBe(dtype);
        expect(back.shape).toEqual([2, 3, 4]);
        expect(Array.from(back.data)).toEqual(Array.from({ length: 24 }, (_, i) => values[i % 4]!));
      }
    },
  );
});
