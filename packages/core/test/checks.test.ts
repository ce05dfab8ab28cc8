import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  assertDtype,
  assertFinite,
  assertNdarray,
  assertNdim,
  assertNumber,
  assertNumericData,
  assertSameShape,
  flatData,
  InvalidArgumentError,
  ShapeMismatchError,
  toContiguous,
} from '../src/index.js';

const grid = (rows: number, cols: number) =>
  ndarray(
    Float64Array.from({ length: rows * cols }, (_, i) => i),
    [rows, cols],
  );

describe('assertNdarray / assertNdim', () => {
  it('accepts 2D and 3D, rejects others with the shape in the message', () => {
    expect(() => assertNdim('f', 'image', grid(3, 4), [2, 3])).not.toThrow();
    expect(() =>
      assertNdim('f', 'image', ndarray(new Uint8Array(24), [2, 3, 4]), [2, 3]),
    ).not.toThrow();
    expect(() => assertNdim('f', 'image', ndarray(new Uint8Array(4), [4]), [2, 3])).toThrow(
      'f: argument image must be 2D or 3D (got 1D), got ndarray(uint8, shape [4])',
    );
    expect(() => assertNdim('f', 'image', grid(3, 4).pick(1, null), 2)).toThrow(
      InvalidArgumentError,
    );
  });

  it('rejects non-ndarrays', () => {
    expect(() => assertNdarray('f', 'mask', [1, 2])).toThrow('f: argument mask must be an ndarray');
    expect(() => assertNdarray('f', 'mask', null)).toThrow(InvalidArgumentError);
    expect(() => assertNdim('f', 'mask', {} as never, 2)).toThrow(InvalidArgumentError);
  });

  it('sees the shape of transposed and sliced views', () => {
    const a = grid(3, 5);
    expect(() => assertNdim('f', 'a', a.transpose(1, 0), 2)).not.toThrow();
    expect(() => assertNdim('f', 'a', a.pick(null, 2), 1)).not.toThrow();
  });
});

describe('assertSameShape', () => {
  it('passes equal shapes, including views', () => {
    const a = grid(4, 3);
    const t = grid(3, 4).transpose(1, 0);
    expect(() => assertSameShape('f', 'a', a, 'b', t)).not.toThrow();
    expect(() =>
      assertSameShape('f', 'a', a.hi(2, 2), 'b', grid(5, 5).lo(1, 1).hi(2, 2)),
    ).not.toThrow();
  });
  it('throws ShapeMismatchError naming both', () => {
    const err = (() => {
      try {
        assertSameShape('f', 'energy', grid(3, 4), 'labels', grid(4, 3));
      } catch (e) {
        return e as ShapeMismatchError;
      }
    })();
    expect(err).toBeInstanceOf(ShapeMismatchError);
    expect(err!.message).toBe('f: argument labels (vs energy) must have shape [3, 4], got [4, 3]');
    expect(() =>
      assertSameShape('f', 'a', grid(3, 4), 'b', ndarray(new Uint8Array(12), [3, 4, 1])),
    ).toThrow(ShapeMismatchError);
  });
});

describe('assertDtype', () => {
  it('checks scijs dtype strings', () => {
    expect(() =>
      assertDtype('f', 'labels', ndarray(new Int32Array(4), [2, 2]), 'int32'),
    ).not.toThrow();
    expect(() =>
      assertDtype('f', 'x', ndarray(new Float32Array(4), [2, 2]), ['float32', 'float64']),
    ).not.toThrow();
    expect(() => assertDtype('f', 'labels', ndarray(new Float32Array(4), [2, 2]), 'int32')).toThrow(
      'f: argument labels must be of dtype int32 (got float32), got ndarray(float32, shape [2, 2])',
    );
  });
  it('keeps the dtype of views', () => {
    const v = ndarray(new Uint8Array(12), [3, 4]).transpose(1, 0).step(-1, 2);
    expect(() => assertDtype('f', 'v', v, 'uint8')).not.toThrow();
  });
});

describe('assertFinite', () => {
  it('accepts finite arrays and names the first bad element by row-major index', () => {
    expect(() => assertFinite('f', 'x', [1, 2, 3])).not.toThrow();
    expect(() =>
      assertFinite('f', 'x', new Float32Array([1, Number.NaN, Number.POSITIVE_INFINITY])),
    ).toThrow('f: argument x[1] must be a finite number, got NaN');
  });
  it('visits only the elements of a view, in the view order', () => {
    const data = new Float64Array([0, 1, 2, 3, 4, 5]);
    data[5] = Number.NaN; // element (1, 2) of the 2x3 array
    const a = ndarray(data, [2, 3]);
    expect(() => assertFinite('f', 'a', a.hi(2, 2))).not.toThrow(); // sliced away
    expect(() => assertFinite('f', 'a', a)).toThrow('argument a[5] must');
    // transposed 3x2: element (2, 1) has row-major index 5 in the view
    expect(() => assertFinite('f', 'a', a.transpose(1, 0))).toThrow('argument a[5] must');
    // reversed columns: (1, 2) becomes (1, 0), row-major index 3
    expect(() => assertFinite('f', 'a', a.step(1, -1))).toThrow('argument a[3] must');
    // every other column of row 1: (1, 0) and (1, 2) -> the NaN is index 1 of the picked row
    expect(() => assertFinite('f', 'a', a.pick(1, null).step(2))).toThrow('argument a[1] must');
    data[5] = Number.NEGATIVE_INFINITY;
    expect(() => assertFinite('f', 'a', a)).toThrow('got -Infinity');
  });
});

describe('assertNumber', () => {
  it('enforces integer and bounds', () => {
    expect(() => assertNumber('f', 'window', 7, { integer: true, min: 1 })).not.toThrow();
    expect(() => assertNumber('f', 'window', 7.5, { integer: true, min: 1 })).toThrow(
      'f: argument window must be an integer >= 1, got 7.5',
    );
    expect(() => assertNumber('f', 'p', 1, { greaterThan: 0, lessThan: 1 })).toThrow(
      'argument p must be a finite number > 0 < 1, got 1',
    );
    expect(() => assertNumber('f', 'p', Number.NaN)).toThrow('got NaN');
    expect(() => assertNumber('f', 'p', '3')).toThrow('got "3"');
    expect(() => assertNumber('f', 'c', 3, { max: 2 })).toThrow('<= 2');
  });
});

describe('views that address elements outside their data', () => {
  it('are refused by assertNdarray, flatData and toContiguous, never zero-padded', () => {
    const short = ndarray(new Uint8Array(2), [3, 3]);
    expect(() => assertNdarray('label', 'mask', short)).toThrow(
      'label: argument mask must be a view inside its data (it addresses elements 0..8 of a data array of length 2)',
    );
    expect(() => flatData(short)).toThrow(InvalidArgumentError);
    expect(() => toContiguous(short)).toThrow('toContiguous: argument arr');
    const data = new Uint8Array(9);
    expect(() => assertNdarray('f', 'a', ndarray(data, [3, 3], [3, 1], 1))).toThrow('1..9');
    expect(() => assertNdarray('f', 'a', ndarray(data, [3, 3], [-3, 1], 5))).toThrow('-1..7');
    expect(() => assertNdarray('f', 'a', ndarray(data, [2.5, 3]))).toThrow('non-negative integers');
  });
  it('accept every view that stays inside (transposed, stepped, negative strides, empty)', () => {
    const data = Uint8Array.from({ length: 12 }, (_, i) => i);
    const a = ndarray(data, [3, 4]);
    for (const view of [a, a.transpose(1, 0), a.step(-1, 2), a.lo(1, 1), a.hi(0, 4)]) {
      expect(() => assertNdarray('f', 'a', view)).not.toThrow();
      expect(flatData(view).length).toBe(view.size);
    }
    expect(Array.from(flatData(a.step(-1, -1)))).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });
});

describe('assertNumericData', () => {
  it('accepts numeric typed arrays and plain arrays of numbers', () => {
    expect(() => assertNumericData('f', 'a', ndarray(new Uint8Array(4), [2, 2]))).not.toThrow();
    expect(() => assertNumericData('f', 'a', ndarray([1, 2, 3], [3]))).not.toThrow();
  });
  it('refuses bigint arrays and non-number elements, naming the first bad one', () => {
    expect(() => assertNumericData('f', 'a', ndarray(new BigInt64Array(2) as never, [2]))).toThrow(
      'an ndarray of numbers (a numeric typed array or a plain array of numbers; got dtype bigint64)',
    );
    expect(() => assertNumericData('f', 'a', ndarray([1, '2', 3] as never, [3]))).toThrow(
      'argument a[1] must be a number',
    );
  });
});

describe('messages that say how to fix the common mistakes', () => {
  it('a plain array says how to wrap it with ndarray(data, shape)', () => {
    const call = () =>
      assertNdarray('f', 'phases', [
        [0, 1],
        [2, 3],
      ]);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(
      "f: argument phases must be an ndarray (scijs ndarray); a plain array is not one: wrap it with ndarray(data, shape) from the 'ndarray' package",
    );
    expect(call).toThrow(
      /ndarray\(new Uint8Array\(values\), \[rows, cols\]\).*, got \[\[0, 1\], \[2, 3\]\]$/,
    );
  });

  it('a bare typed array says how to wrap it with ndarray(data, shape)', () => {
    expect(() => assertNdarray('f', 'image', new Float32Array(6))).toThrow(
      /argument image must be an ndarray \(scijs ndarray\); a bare typed array is not one: wrap it with ndarray\(data, shape\) from the 'ndarray' package.*, got Float32Array\(6\)$/,
    );
  });

  it('other values get no wrapping hint', () => {
    expect(() => assertNdarray('f', 'a', 3)).toThrow(
      'f: argument a must be an ndarray (scijs ndarray), got 3',
    );
    expect(() => assertNdarray('f', 'a', new DataView(new ArrayBuffer(4)))).toThrow(
      /must be an ndarray \(scijs ndarray\), got DataView/,
    );
  });

  it('a non-uint8 phase map says phase maps are uint8 codes and points to applyScheme', () => {
    const raw = ndarray(new Uint16Array(4), [2, 2]);
    const call = () => assertDtype('f', 'options.phases', raw, 'uint8');
    expect(call).toThrow(
      'f: argument options.phases must be of dtype uint8 (got uint16); phase maps are uint8 codes 0..n-1 of a phase scheme: convert a map of raw file values (uint16, 0/128/255...) with applyScheme(raw, scheme) of @mgraph/core, got ndarray(uint16, shape [2, 2])',
    );
    // only for phase maps: another uint8 argument keeps the plain message
    expect(() => assertDtype('f', 'mask', raw, 'uint8')).toThrow(
      'f: argument mask must be of dtype uint8 (got uint16), got ndarray(uint16, shape [2, 2])',
    );
  });
});
