// encodePng: PIL (Python) decodes what we write to the same pixels and mode, for gray,
// gray + alpha, RGB and RGBA, and for a strided view; chunk layout checked against the spec.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { unzlibSync } from 'fflate';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { itNeeds, python3Has } from '../../../test-utils/ci.js';
import { encodePng } from '../src/index.js';

const itPil = itNeeds(
  python3Has('PIL', 'numpy'),
  '/usr/bin/python3 with PIL and numpy (python3-pil python3-numpy)',
);

/** Pseudo-random bytes (a fixed LCG), so every sample differs from its neighbours. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const READBACK = `
import json, sys
import numpy as np
from PIL import Image
out = {}
for path in sys.argv[1:]:
    im = Image.open(path); im.load()
    out[path] = {'mode': im.mode, 'size': list(im.size), 'values': np.asarray(im).ravel().tolist()}
print(json.dumps(out))
`;

describe('encodePng', () => {
  itPil('PIL reads gray, gray + alpha, RGB and RGBA back exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-png-py-'));
    const cases = [
      { name: 'gray', shape: [5, 7], mode: 'L' },
      { name: 'gray1', shape: [3, 4, 1], mode: 'L' },
      { name: 'la', shape: [4, 3, 2], mode: 'LA' },
      { name: 'rgb', shape: [6, 5, 3], mode: 'RGB' },
      { name: 'rgba', shape: [2, 9, 4], mode: 'RGBA' },
    ];
    const files = cases.map((c, k) => {
      const data = bytes(
        c.shape.reduce((p, s) => p * s, 1),
        k + 1,
      );
      const file = join(dir, `${c.name}.png`);
      writeFileSync(file, encodePng(ndarray(data, c.shape), { level: k % 2 ? 9 : 0 }));
      return { ...c, data, file };
    });
    const res = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', READBACK, ...files.map((f) => f.file)], {
        encoding: 'utf8',
      }),
    ) as Record<string, { mode: string; size: number[]; values: number[] }>;
    for (const f of files) {
      const r = res[f.file]!;
      expect(r.mode, f.name).toBe(f.mode);
      expect(r.size, f.name).toEqual([f.shape[1], f.shape[0]]);
      expect(r.values, f.name).toEqual([...f.data]);
    }
  });

  itPil('PIL reads a strided view (a transposed RGB image) as the view, not its buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-png-py-'));
    const base = ndarray(bytes(4 * 6 * 3, 9), [4, 6, 3]);
    const view = base.transpose(1, 0, 2); // [6, 4, 3]
    const file = join(dir, 't.png');
    writeFileSync(file, encodePng(view));
    const r = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', READBACK, file], { encoding: 'utf8' }),
    )[file] as { size: number[]; values: number[] };
    const expected: number[] = [];
    for (let y = 0; y < 6; y++)
      for (let x = 0; x < 4; x++) for (let c = 0; c < 3; c++) expected.push(view.get(y, x, c));
    expect(r.size).toEqual([4, 6]);
    expect(r.values).toEqual(expected);
  });

  it('writes signature, IHDR, IDAT rows that inflate back and IEND (hand-checked bytes)', () => {
    const rgb = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 10);
    const png = encodePng(ndarray(rgb, [2, 3, 3]));
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(8)).toBe(13); // IHDR length
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([3, 2]); // width, height
    expect([...png.subarray(24, 29)]).toEqual([8, 2, 0, 0, 0]); // depth 8, RGB
    const idatLength = view.getUint32(33);
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe('IDAT');
    // each row: filter byte 0 (none), then its samples
    expect([...unzlibSync(png.subarray(41, 41 + idatLength))]).toEqual([
      0,
      ...rgb.subarray(0, 9),
      0,
      ...rgb.subarray(9),
    ]);
    // IEND: length 0, 'IEND', CRC-32 of 'IEND' = 0xAE426082 (every PNG ends with these 12 bytes)
    expect([...png.subarray(png.length - 12)]).toEqual([
      0, 0, 0, 0, 73, 69, 78, 68, 0xae, 0x42, 0x60, 0x82,
    ]);
  });

  it('refuses a bad dtype, shape, channel count and level, naming the argument', () => {
    const ok = ndarray(new Uint8Array(4), [2, 2]);
    expect(() => encodePng(ndarray(new Uint16Array(4), [2, 2]))).toThrow(/data.*uint8/s);
    expect(() => encodePng(ndarray(new Uint8Array(8), [2, 2, 2, 1]))).toThrow(InvalidArgumentError);
    expect(() => encodePng(ndarray(new Uint8Array(10), [1, 2, 5]))).toThrow(/rows, cols, 1\.\.4/);
    expect(() => encodePng(ndarray(new Uint8Array(0), [0, 3]))).toThrow(InvalidArgumentError);
    expect(() => encodePng(ok, { level: 10 })).toThrow(/options\.level/);
    expect(() => encodePng(ok, { levle: 1 } as never)).toThrow(/options\.levle/);
    expect(() => encodePng(new Uint8Array(4) as never)).toThrow(InvalidArgumentError);
  });
});
