/**
 * Hostile inputs for every export of @mgraph/io (and @mgraph/io/node): wrong types, shapes,
 * dtypes, NaN / Infinity, views, option mistakes (null options, misspelled keys,
 * non-boolean booleans), huge sizes (refused before allocation), corrupt files, and file
 * system errors (FileError naming the path). Each case asserts the typed error and a
 * fragment of its message, or the correct result; the last check is the peak RSS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, FileError, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPeakRss, runCases, type TupleCase } from '../../../test-utils/hostile.js';
import { decodeNpy, decodeRaw, decodeTiff, encodeTiff } from '../src/index.js';
import {
  readNpy,
  readRaw,
  readTiff,
  readTiffPlanes,
  readTiffSequence,
  writeTiff,
  writeTiffSequence,
} from '../src/node.js';
import { corpusBytes, manifest } from './corpus.js';

type Case = TupleCase;

/** A function as a JavaScript caller sees it: any arguments. */
const js = <F extends (...args: never[]) => unknown>(f: F) =>
  f as unknown as (...args: unknown[]) => ReturnType<F>;

/** Drain an async iterator (readTiffPlanes), returning the planes' shapes. */
async function planes(it: AsyncIterable<{ data: { shape: number[] } }>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const p of it) out.push(p.data.shape);
  return out;
}

const img = ndarray(
  Uint16Array.from({ length: 12 }, (_, i) => i * 1000),
  [3, 4],
);
const tiff = encodeTiff(img);
const stack3 = ndarray(
  Float32Array.from({ length: 24 }, (_, i) => i / 7),
  [2, 3, 4],
);
const bad = (name: string) => corpusBytes(manifest.bad.find((b) => b.file.includes(name))!.file);
const dir = mkdtempSync(join(tmpdir(), 'mgraph-io-hostile-'));
const tiffFile = join(dir, 'img.tif');
writeFileSync(tiffFile, tiff);
const rawFile = join(dir, 'img.raw');
writeFileSync(rawFile, new Uint8Array(8));
const npyFile = join(dir, 'claims.npy');
writeFileSync(npyFile, bad('1e15-voxels.npy'));
const badTiffFile = join(dir, 'bad.tif');
writeFileSync(badTiffFile, bad('claims-30000x30000'));
const slices = join(dir, 'slices');
mkdirSync(slices);
const missing = join(dir, 'missing.tif');
const aborted = (() => {
  const c = new AbortController();
  c.abort();
  return c.signal;
})();
const npyHeader = (descr: string, shape: string, extra = '') => {
  const header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }${extra}`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  const text = `${header}${' '.repeat(pad % 64)}\n`;
  const bytes = new Uint8Array(10 + text.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length & 255, text.length >> 8]);
  bytes.set(new TextEncoder().encode(text), 10);
  return bytes;
};

const cases: Case[] = [
  // ---- decodeTiff / encodeTiff: bytes and options
  [
    'decodeTiff: a string',
    () => js(decodeTiff)('II*'),
    InvalidArgumentError,
    'decodeTiff: argument bytes must be the bytes of a TIFF file',
  ],
  [
    'decodeTiff: an ArrayBuffer',
    () => js(decodeTiff)(tiff.buffer),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: empty',
    () => decodeTiff(new Uint8Array(0)),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: a PNG signature',
    () => decodeTiff(Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10])),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: truncated after the header',
    () => decodeTiff(tiff.subarray(0, 16)),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: 30000 x 30000 claimed by 114 bytes, before allocating',
    () => decodeTiff(bad('claims-30000x30000')),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: 1e15 voxels claimed (ImageJ), before allocating',
    () => decodeTiff(bad('claims-1e15-voxels-imagej')),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: an IFD loop',
    () => decodeTiff(bad('ifd-loop')),
    InvalidArgumentError,
    'decodeTiff: argument bytes',
  ],
  [
    'decodeTiff: a subarray view of a larger buffer',
    () => {
      const big = new Uint8Array(tiff.length + 7);
      big.set(tiff, 7);
      return Array.from(decodeTiff(big.subarray(7)).data.data as Uint16Array);
    },
    (r) => expect(r).toEqual(Array.from(img.data)),
  ],
  [
    'decodeTiff: null options',
    () => js(decodeTiff)(tiff, null).data.shape,
    (r) => expect(r).toEqual([3, 4]),
  ],
  [
    'decodeTiff: "pages"',
    () => js(decodeTiff)(tiff, { pages: 0 }),
    InvalidArgumentError,
    'decodeTiff: argument options.pages must be a known option (did you mean "page"?)',
  ],
  [
    'decodeTiff: page -1',
    () => decodeTiff(tiff, { page: -1 }),
    InvalidArgumentError,
    'options.page',
  ],
  [
    'decodeTiff: page 5 of 1',
    () => decodeTiff(tiff, { page: 5 }),
    InvalidArgumentError,
    'decodeTiff: argument options.page',
  ],
  [
    'decodeTiff: channel "red"',
    () => js(decodeTiff)(tiff, { channel: 'red' }),
    InvalidArgumentError,
    'options.channel',
  ],
  [
    'decodeTiff: onProgress "x"',
    () => js(decodeTiff)(tiff, { onProgress: 'x' }),
    InvalidArgumentError,
    'options.onProgress',
  ],
  [
    'decodeTiff: signal {}',
    () => js(decodeTiff)(tiff, { signal: {} }),
    InvalidArgumentError,
    'options.signal',
  ],
  [
    'decodeTiff: aborted',
    () => decodeTiff(tiff, { signal: aborted }),
    AbortError,
    'decodeTiff: aborted',
  ],
  [
    'encodeTiff: null data',
    () => js(encodeTiff)(null),
    InvalidArgumentError,
    'encodeTiff: argument data',
  ],
  [
    'encodeTiff: 1D',
    () => encodeTiff(ndarray(new Uint8Array(4), [4])),
    InvalidArgumentError,
    'encodeTiff: argument data',
  ],
  [
    'encodeTiff: a zero-length axis',
    () => encodeTiff(ndarray(new Uint8Array(0), [0, 4])),
    InvalidArgumentError,
    'none of length 0',
  ],
  [
    'encodeTiff: a plain-array ndarray',
    () => encodeTiff(ndarray([1, 2, 3, 4] as never, [2, 2])),
    InvalidArgumentError,
    'encodeTiff: argument data',
  ],
  [
    'encodeTiff: BigInt64 data',
    () => encodeTiff(ndarray(new BigInt64Array(4) as never, [2, 2])),
    InvalidArgumentError,
    'encodeTiff: argument data',
  ],
  [
    'encodeTiff: a view longer than its data',
    () => encodeTiff(ndarray(new Uint8Array(3), [2, 2])),
    InvalidArgumentError,
    'encodeTiff: argument data',
  ],
  [
    'encodeTiff: a transposed view round-trips',
    () => Array.from(decodeTiff(encodeTiff(img.transpose(1, 0))).data.data as Uint16Array),
    (r) =>
      expect(r).toEqual(Array.from({ length: 12 }, (_, k) => img.get(k % 3, Math.floor(k / 3)))),
  ],
  [
    'encodeTiff: NaN and Infinity float32 round-trip bit for bit',
    () =>
      Array.from(
        decodeTiff(
          encodeTiff(
            ndarray(Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY, -0, 3.4e38]), [2, 2]),
          ),
        ).data.data as Float32Array,
      ),
    (r) => expect(r).toEqual([Number.NaN, Number.POSITIVE_INFINITY, -0, Math.fround(3.4e38)]),
  ],
  [
    'encodeTiff: 1e10 pixels claimed by a broadcast view, refused before allocating',
    () => encodeTiff(ndarray(new Uint8Array(1), [1e5, 1e5], [0, 0])),
    InvalidArgumentError,
    'encodeTiff: argument data must be pages of at most 2147483647 pixels (100000 x 100000 = 10000000000)',
  ],
  [
    'encodeTiff: 5 GB of pixels in memory refused before allocating (writeTiff streams)',
    () => encodeTiff(ndarray(new Uint8Array(1), [5, 1e5, 1e4], [0, 0, 0])),
    InvalidArgumentError,
    'encodeTiff: argument data must be at most 4294967295 bytes of pixels to encode in memory',
  ],
  [
    'encodeTiff: null options',
    () => js(encodeTiff)(img, null).length,
    (r) => expect(r).toBe(tiff.length),
  ],
  [
    'encodeTiff: "compresion"',
    () => js(encodeTiff)(img, { compresion: 'lzw' }),
    InvalidArgumentError,
    'did you mean "compression"?',
  ],
  [
    'encodeTiff: compression "zstd"',
    () => js(encodeTiff)(img, { compression: 'zstd' }),
    InvalidArgumentError,
    'options.compression',
  ],
  [
    'encodeTiff: bilevel "yes"',
    () => js(encodeTiff)(img, { bilevel: 'yes' }),
    InvalidArgumentError,
    'options.bilevel',
  ],
  [
    'encodeTiff: bigTiff 1',
    () => js(encodeTiff)(img, { bigTiff: 1 }),
    InvalidArgumentError,
    'options.bigTiff',
  ],
  [
    'encodeTiff: spacing NaN',
    () => encodeTiff(img, { spacing: [Number.NaN, 1] }),
    InvalidArgumentError,
    'options.spacing',
  ],
  [
    'encodeTiff: spacing of the wrong length',
    () => encodeTiff(img, { spacing: [1, 1, 1, 1] }),
    InvalidArgumentError,
    'options.spacing',
  ],
  [
    'encodeTiff: tile not a multiple of 16',
    () => encodeTiff(img, { tile: [10, 10] }),
    InvalidArgumentError,
    'options.tile',
  ],
  [
    'encodeTiff: rowsPerStrip 0',
    () => encodeTiff(img, { rowsPerStrip: 0 }),
    InvalidArgumentError,
    'options.rowsPerStrip',
  ],
  [
    'encodeTiff: level 10',
    () => encodeTiff(img, { compression: 'deflate', level: 10 }),
    InvalidArgumentError,
    'options.level',
  ],
  [
    'encodeTiff: predictor float on integers',
    () => encodeTiff(img, { compression: 'lzw', predictor: 'float' }),
    InvalidArgumentError,
    'options.predictor',
  ],
  [
    'encodeTiff: byteOrder "network"',
    () => js(encodeTiff)(img, { byteOrder: 'network' }),
    InvalidArgumentError,
    'options.byteOrder',
  ],
  [
    'encodeTiff: signal 1',
    () => js(encodeTiff)(img, { signal: 1 }),
    InvalidArgumentError,
    'options.signal',
  ],
  // ---- decodeRaw / decodeNpy
  [
    'decodeRaw: no options',
    () => js(decodeRaw)(new Uint8Array(4)),
    InvalidArgumentError,
    'decodeRaw: argument options.shape',
  ],
  [
    'decodeRaw: null options',
    () => js(decodeRaw)(new Uint8Array(4), null),
    InvalidArgumentError,
    'decodeRaw: argument options.shape',
  ],
  [
    'decodeRaw: "dtpye"',
    () => js(decodeRaw)(new Uint8Array(4), { shape: [4], dtpye: 'uint8' }),
    InvalidArgumentError,
    'did you mean "dtype"?',
  ],
  [
    'decodeRaw: dtype "int64"',
    () => js(decodeRaw)(new Uint8Array(8), { shape: [1], dtype: 'int64' }),
    InvalidArgumentError,
    'options.dtype',
  ],
  [
    'decodeRaw: NaN in shape',
    () => decodeRaw(new Uint8Array(4), { shape: [Number.NaN], dtype: 'uint8' }),
    InvalidArgumentError,
    'options.shape',
  ],
  [
    'decodeRaw: 1e15 voxels from 4 bytes, before allocating',
    () => decodeRaw(new Uint8Array(4), { shape: [1e5, 1e5, 1e5], dtype: 'float32' }),
    InvalidArgumentError,
    'decodeRaw: argument bytes must be a source of at least offset + shape x 4 bytes = 4000000000000000',
  ],
  [
    'decodeRaw: offset -1',
    () => decodeRaw(new Uint8Array(4), { shape: [4], dtype: 'uint8', offset: -1 }),
    InvalidArgumentError,
    'options.offset',
  ],
  [
    'decodeRaw: big-endian float32 NaN and -0',
    () =>
      Array.from(
        decodeRaw(Uint8Array.from([0x7f, 0xc0, 0, 0, 0x80, 0, 0, 0]), {
          shape: [2],
          dtype: 'float32',
          byteOrder: 'big',
        }).data as Float32Array,
      ),
    (r) => expect(r).toEqual([Number.NaN, -0]),
  ],
  [
    'decodeRaw: an odd offset into a subarray',
    () =>
      Array.from(
        decodeRaw(Uint8Array.from([9, 1, 0, 2, 0]).subarray(1), { shape: [2], dtype: 'uint16' })
          .data as Uint16Array,
      ),
    (r) => expect(r).toEqual([1, 2]),
  ],
  [
    'decodeRaw: onProgress 3',
    () => js(decodeRaw)(new Uint8Array(4), { shape: [4], dtype: 'uint8', onProgress: 3 }),
    InvalidArgumentError,
    'options.onProgress',
  ],
  [
    'decodeNpy: not npy',
    () => decodeNpy(new Uint8Array(16)),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: a string',
    () => js(decodeNpy)('\x93NUMPY'),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: 1e15 voxels claimed, before allocating',
    () => decodeNpy(bad('1e15-voxels.npy')),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: an object dtype',
    () => decodeNpy(npyHeader('|O', '(1,)')),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: a negative dimension',
    () => decodeNpy(npyHeader('<f4', '(-1,)')),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: a shape product past 2^53',
    () => decodeNpy(npyHeader('<f4', '(4294967296, 4294967296)')),
    InvalidArgumentError,
    'decodeNpy: argument bytes',
  ],
  [
    'decodeNpy: an empty array',
    () => decodeNpy(npyHeader('<f8', '(0, 3)')).shape,
    (r) => expect(r).toEqual([0, 3]),
  ],
  // ---- files: missing, directories, corrupt
  [
    'readTiff: a missing file',
    () => readTiff(missing),
    FileError,
    `readTiff: cannot open ${JSON.stringify(missing)}: no such file or directory (ENOENT)`,
  ],
  [
    'readTiff: a directory',
    () => readTiff(dir),
    FileError,
    `readTiff: cannot read ${JSON.stringify(dir)}: it is a directory (EISDIR)`,
  ],
  [
    'readTiff: an empty path',
    () => readTiff(''),
    InvalidArgumentError,
    'readTiff: argument source must be a file path',
  ],
  [
    'readTiff: a corrupt file, before allocating',
    () => readTiff(badTiffFile),
    InvalidArgumentError,
    'readTiff: argument source',
  ],
  [
    'readTiff: "chanel"',
    () => js(readTiff)(tiffFile, { chanel: 0 }),
    InvalidArgumentError,
    'did you mean "channel"?',
  ],
  [
    'readTiff: null options',
    () => js(readTiff)(tiffFile, null).then((t) => t.data.shape),
    (r) => expect(r).toEqual([3, 4]),
  ],
  [
    'readTiffPlanes: a missing file',
    () => planes(readTiffPlanes(missing)),
    FileError,
    'readTiffPlanes: cannot open',
  ],
  ['readTiffPlanes: a directory', () => planes(readTiffPlanes(dir)), FileError, '(EISDIR)'],
  [
    'readTiffPlanes: "pgae"',
    () => planes(js(readTiffPlanes)(tiffFile, { pgae: 0 })),
    InvalidArgumentError,
    'did you mean "page"?',
  ],
  [
    'readTiffPlanes: null options',
    () => planes(js(readTiffPlanes)(tiffFile, null)),
    (r) => expect(r).toEqual([[3, 4]]),
  ],
  [
    'readRaw: a missing file',
    () => readRaw(missing, { shape: [1], dtype: 'uint8' }),
    FileError,
    'readRaw: cannot open',
  ],
  [
    'readRaw: a directory',
    () => readRaw(dir, { shape: [1], dtype: 'uint8' }),
    FileError,
    '(EISDIR)',
  ],
  [
    'readRaw: 1e15 voxels from 8 bytes, before allocating',
    () => readRaw(rawFile, { shape: [1e5, 1e5, 1e5], dtype: 'uint8' }),
    InvalidArgumentError,
    'readRaw: argument source must be a source of at least',
  ],
  [
    'readRaw: null options',
    () => js(readRaw)(rawFile, null),
    InvalidArgumentError,
    'readRaw: argument options.shape',
  ],
  [
    'readRaw: "ofset"',
    () => js(readRaw)(rawFile, { shape: [8], dtype: 'uint8', ofset: 0 }),
    InvalidArgumentError,
    'did you mean "offset"?',
  ],
  ['readNpy: a missing file', () => readNpy(missing), FileError, 'readNpy: cannot open'],
  ['readNpy: a directory', () => readNpy(dir), FileError, '(EISDIR)'],
  [
    'readNpy: 1e15 voxels claimed, before allocating',
    () => readNpy(npyFile),
    InvalidArgumentError,
    'readNpy: argument source',
  ],
  [
    'readTiffSequence: a missing directory',
    () => readTiffSequence(join(dir, 'nope')),
    FileError,
    'readTiffSequence: cannot list the directory',
  ],
  [
    'readTiffSequence: a file, not a directory',
    () => readTiffSequence(tiffFile),
    FileError,
    '(ENOTDIR)',
  ],
  [
    'readTiffSequence: an empty directory',
    () => readTiffSequence(slices),
    InvalidArgumentError,
    'readTiffSequence: argument source must be a directory holding at least one slice file',
  ],
  [
    'readTiffSequence: a list with a missing file',
    () => readTiffSequence([tiffFile, missing]),
    FileError,
    'readTiff: cannot open',
  ],
  [
    'readTiffSequence: pattern a string',
    () => js(readTiffSequence)(slices, { pattern: '*.tif' }),
    InvalidArgumentError,
    'readTiffSequence: argument options.pattern must be a RegExp',
  ],
  [
    'readTiffSequence: "zspacing"',
    () => js(readTiffSequence)(slices, { zspacing: 1 }),
    InvalidArgumentError,
    'did you mean "zSpacing"?',
  ],
  [
    'readTiffSequence: page (not a sequence option)',
    () => js(readTiffSequence)(slices, { page: 0 }),
    InvalidArgumentError,
    'readTiffSequence: argument options.page must be a known option',
  ],
  [
    'readTiffSequence: zSpacing 0',
    () => readTiffSequence([tiffFile], { zSpacing: 0 }),
    InvalidArgumentError,
    'options.zSpacing',
  ],
  [
    'readTiffSequence: null options',
    () => js(readTiffSequence)([tiffFile, tiffFile], null).then((v) => v.data.shape),
    (r) => expect(r).toEqual([2, 3, 4]),
  ],
  [
    'writeTiff: into a missing directory',
    () => writeTiff(join(dir, 'no', 'x.tif'), img),
    FileError,
    'writeTiff: cannot write',
  ],
  ['writeTiff: onto a directory', () => writeTiff(dir, img), FileError, '(EISDIR)'],
  [
    'writeTiff: bad data before the file is created',
    () => writeTiff(join(dir, 'never.tif'), null as never),
    InvalidArgumentError,
    'writeTiff: argument data',
  ],
  [
    'writeTiff: "metdata"',
    () => js(writeTiff)(join(dir, 'never.tif'), img, { metdata: 'ome' }),
    InvalidArgumentError,
    'did you mean "metadata"?',
  ],
  [
    'writeTiff: null options',
    () =>
      js(writeTiff)(join(dir, 'ok.tif'), img, null)
        .then(() => readTiff(join(dir, 'ok.tif')))
        .then((t) => t.data.shape),
    (r) => expect(r).toEqual([3, 4]),
  ],
  [
    'writeTiffSequence: onto a file',
    () => writeTiffSequence(join(tiffFile, 'sub'), stack3),
    FileError,
    'writeTiffSequence: cannot create directory',
  ],
  [
    'writeTiffSequence: 2D data',
    () => writeTiffSequence(join(dir, 'seq2'), img),
    InvalidArgumentError,
    'writeTiffSequence: argument data must be a 3D ndarray',
  ],
  [
    'writeTiffSequence: "prefx"',
    () => js(writeTiffSequence)(join(dir, 'seq3'), stack3, { prefx: 'a' }),
    InvalidArgumentError,
    'did you mean "prefix"?',
  ],
  [
    'writeTiffSequence: a prefix with a slash',
    () => writeTiffSequence(join(dir, 'seq4'), stack3, { prefix: '../x' }),
    InvalidArgumentError,
    'options.prefix',
  ],
  [
    'writeTiffSequence: null options',
    () => js(writeTiffSequence)(join(dir, 'seq5'), stack3, null).then((p) => p.length),
    (r) => expect(r).toBe(2),
  ],
  [
    'writeTiffSequence: compression "jpeg" refused before writing',
    () => js(writeTiffSequence)(join(dir, 'seq6'), stack3, { compression: 'jpeg' }),
    InvalidArgumentError,
    'options.compression',
  ],
];

describe('io: hostile inputs, every export', () => {
  runCases(cases);
  it(`has ${cases.length} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  expectPeakRss('io', cases.length);
});
