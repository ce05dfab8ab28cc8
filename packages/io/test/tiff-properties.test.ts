/**
 * Property-based test (fast-check): encodeTiff / decodeTiff round trips over random dtypes,
 * shapes (2D to 4D), values (NaN, +-Infinity, -0 and the extremes of each dtype), compressions,
 * predictors, strips / tiles, byte orders, BigTIFF, bilevel, and voxel sizes.
 */
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { decodeTiff, encodeTiff, type TiffWriteOptions } from '../src/index.js';

const DTYPES = {
  uint8: [Uint8Array, 0, 255],
  int8: [Int8Array, -128, 127],
  uint16: [Uint16Array, 0, 65535],
  int16: [Int16Array, -32768, 32767],
  uint32: [Uint32Array, 0, 4294967295],
  int32: [Int32Array, -2147483648, 2147483647],
  float32: [Float32Array, -3.4e38, 3.4e38],
  float64: [Float64Array, -1.7e308, 1.7e308],
} as const;
type Name = keyof typeof DTYPES;

const volume = fc
  .record({
    dtype: fc.constantFrom(...(Object.keys(DTYPES) as Name[])),
    shape: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })),
      fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
      ),
      fc.tuple(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
      ),
    ),
    values: fc.array(fc.double(), { minLength: 1, maxLength: 64 }),
    compression: fc.constantFrom('none', 'packbits', 'lzw', 'deflate'),
    predict: fc.boolean(),
    tile: fc.option(fc.constantFrom([16, 16], [16, 32], [32, 16]), { nil: undefined }),
    rowsPerStrip: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
    byteOrder: fc.constantFrom('little', 'big'),
    bigTiff: fc.boolean(),
    bilevel: fc.boolean(),
    spacing: fc.option(
      fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 4, maxLength: 4 }),
      { nil: undefined },
    ),
  })
  .map((c) => {
    const [Ctor, lo, hi] = DTYPES[c.dtype];
    const shape = c.shape as number[];
    const size = shape.reduce((p, s) => p * s, 1);
    const isFloat = c.dtype.startsWith('float');
    const data = new Ctor(size) as unknown as { [i: number]: number; length: number };
    for (let k = 0; k < size; k++) {
      const v = c.values[k % c.values.length]!;
      // floats: any double (NaN, +-Infinity, -0, extremes); integers: clamped and rounded
      data[k] = isFloat
        ? v
        : Number.isFinite(v)
          ? Math.round(Math.max(lo, Math.min(hi, v)))
          : v > 0
            ? hi
            : lo;
    }
    const bilevel = c.bilevel && c.dtype === 'uint8' && c.compression !== 'lzw';
    if (bilevel) for (let k = 0; k < size; k++) data[k] = data[k]! > 0 ? 1 : 0;
    const options: TiffWriteOptions = {
      compression: c.compression as TiffWriteOptions['compression'],
      byteOrder: c.byteOrder as 'little' | 'big',
      bigTiff: c.bigTiff,
      ...(bilevel ? { bilevel: true } : {}),
      ...(c.predict && c.compression !== 'none' && !bilevel
        ? { predictor: isFloat ? ('float' as const) : ('horizontal' as const) }
        : {}),
      ...(c.tile && !bilevel
        ? { tile: c.tile as [number, number] }
        : c.rowsPerStrip
          ? { rowsPerStrip: c.rowsPerStrip }
          : {}),
      ...(c.spacing && shape.length <= 3
        ? {
            spacing: c.spacing.slice(-shape.length),
          }
        : {}),
    };
    return { dtype: c.dtype, shape, data, options };
  });

describe('TIFF round trips (fast-check)', () => {
  it('encodeTiff then decodeTiff gives the array back, bit for bit', () => {
    fc.assert(
      fc.property(volume, ({ dtype, shape, data, options }) => {
        const arr = ndarray(data as never, shape);
        const back = decodeTiff(encodeTiff(arr, options));
        // the README's one stated loss: a one-plane 3D volume written with a voxel size
        // (ImageJ / OME metadata, which have no axis of size 1) reads back 2D, Z spacing gone
        const flat = options.spacing !== undefined && shape.length === 3 && shape[0] === 1;
        expect(back.data.shape).toEqual(flat ? shape.slice(1) : shape);
        expect(back.data.dtype).toBe(options.bilevel ? 'uint8' : dtype);
        expect(Array.from(back.data.data as ArrayLike<number>)).toEqual(
          Array.from(data as ArrayLike<number>),
        );
        if (options.spacing) {
          const got = back.spacing!;
          const want = flat ? options.spacing.slice(1) : options.spacing;
          expect(got.length).toBe(want.length);
          got.forEach((s, i) => {
            expect(Math.abs(s - want[i]!) / want[i]!).toBeLessThan(1e-6);
          });
        }
      }),
      { numRuns: 250, seed: 11 },
    );
  });
});
