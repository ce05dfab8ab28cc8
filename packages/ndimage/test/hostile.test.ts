// Hostile inputs for every exported function of @mgraph/ndimage, one table: wrong types,
// dtypes, NaN / Infinity, views (strided, and views addressing past their data), option
// mistakes (null, misspelled keys, wrong kinds), huge sizes and magnitudes. Each case
// asserts the typed error and a fragment of its message, or the correct result. Cases
// whose naive cost is gigabytes or hours run here: the last test checks the process's peak
// RSS stayed under 1 GB.
import { InvalidArgumentError, type NdArray } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { type ErrorClass, expectPeakRss, itEachTimedCase } from '../../../test-utils/hostile.js';
import {
  binaryDilation,
  binaryErosion,
  binaryOpening,
  findObjects,
  gaussianFilter,
  gaussianFilter1d,
  gaussianKernel1d,
  generateBinaryStructure,
  maximumFilter,
  maximumFilter1d,
} from '../src/index.js';

interface Case {
  name: string;
  run: () => unknown;
  /** Expected message fragment of an InvalidArgumentError; or `check` of the result. */
  error?: RegExp;
  check?: (out: unknown) => void;
  /** Wall-clock budget (ms) for cases that used to loop or allocate with a user number. */
  within?: number;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

const n = 5;
const image = ndarray(
  Float64Array.from({ length: n * n }, (_, i) => ((i * 7) % 5) - 2),
  [n, n],
);
const binary = ndarray(
  Uint8Array.from({ length: n * n }, (_, i) => (i % 3 === 0 ? 0 : 1)),
  [n, n],
);
const labels = ndarray(
  Int32Array.from({ length: n * n }, (_, i) => i % 4),
  [n, n],
);

/** The contiguous copy of a 2D view. */
function copy(a: NdArray): NdArray {
  const out = ndarray(new (a.data.constructor as Float64ArrayConstructor)(a.size), a.shape.slice());
  for (let y = 0; y < a.shape[0]!; y++)
    for (let x = 0; x < a.shape[1]!; x++) out.set(y, x, a.get(y, x));
  return out;
}

/** Plain data of an ndarray result (or the result itself). */
function plain(out: unknown): unknown {
  const o = out as { data?: ArrayLike<number>; shape?: number[] };
  return o?.data !== undefined ? { shape: o.shape, data: Array.from(o.data) } : out;
}

interface Fn {
  name: string;
  call: (first: unknown, options?: unknown) => unknown;
  good: NdArray;
  ctor: typeof Float64Array | typeof Uint8Array | typeof Int32Array;
  /** A real option and a misspelling of it. */
  typo: [string, string, unknown];
  /** What `null` options give: the defaults' result, or this error. */
  nullOptions: 'defaults' | RegExp;
}

const fns: Fn[] = [
  {
    name: 'maximumFilter',
    call: (a, o) => maximumFilter(a as NdArray, (o === undefined ? { size: 3 } : o) as never),
    good: image,
    ctor: Float64Array,
    typo: ['size', 'sizes', 3],
    nullOptions: /options must be an object with size or footprint/,
  },
  {
    name: 'maximumFilter1d',
    call: (a, o) => maximumFilter1d(a as NdArray, 3, o as never),
    good: image,
    ctor: Float64Array,
    typo: ['cval', 'cvall', 1],
    nullOptions: 'defaults',
  },
  {
    name: 'binaryErosion',
    call: (a, o) => binaryErosion(a as NdArray, o as never),
    good: binary,
    ctor: Uint8Array,
    typo: ['borderValue', 'border_value', 1],
    nullOptions: 'defaults',
  },
  {
    name: 'binaryDilation',
    call: (a, o) => binaryDilation(a as NdArray, o as never),
    good: binary,
    ctor: Uint8Array,
    typo: ['iterations', 'iteration', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'binaryOpening',
    call: (a, o) => binaryOpening(a as NdArray, o as never),
    good: binary,
    ctor: Uint8Array,
    typo: ['structure', 'structur', generateBinaryStructure(2, 2)],
    nullOptions: 'defaults',
  },
  {
    name: 'findObjects',
    call: (a, o) => findObjects(a as NdArray, o as never),
    good: labels,
    ctor: Int32Array,
    typo: ['maxLabel', 'max_label', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'gaussianFilter',
    call: (a, o) => gaussianFilter(a as NdArray, 1, o as never),
    good: image,
    ctor: Float64Array,
    typo: ['truncate', 'truncat', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'gaussianFilter1d',
    call: (a, o) => gaussianFilter1d(a as NdArray, 1, o as never),
    good: image,
    ctor: Float64Array,
    typo: ['axis', 'axes', 0],
    nullOptions: 'defaults',
  },
];

for (const f of fns) {
  const { name, call, good } = f;
  for (const [what, bad] of [
    ['null', null],
    ['a number', 42],
    ['a string', 'image.png'],
    ['a plain object', { shape: [2, 2] }],
    [
      'a nested array',
      [
        [0, 1],
        [1, 0],
      ],
    ],
  ] as const) {
    add({ name: `${name}: first argument ${what}`, run: () => call(bad), error: /ndarray/ });
  }
  add({
    name: `${name}: a 0-axis ndarray`,
    run: () => call(ndarray(new f.ctor(1), [])),
    error: /(at least one axis|must be an ndarray)/,
  });
  add({
    name: `${name}: BigInt64 data`,
    run: () => call(ndarray(new BigInt64Array(n * n) as never, [n, n])),
    error: /dtype/,
  });
  add({
    name: `${name}: plain array of strings`,
    run: () => call(ndarray(new Array(n * n).fill('1') as never, [n, n])),
    error: /must be (a number|of dtype)/,
  });
  add({
    name: `${name}: a view shorter than its shape`,
    run: () => call(ndarray(new f.ctor(n * n - 3), [n, n])),
    error: new RegExp(
      `^${name}: argument input must be a view inside its data \\(it addresses elements 0\\.\\.24 of a data array of length 22\\)`,
    ),
  });
  add({
    name: `${name}: a transposed view reads like its contiguous copy`,
    run: () => plain(call(good.transpose(1, 0))),
    check: (out) => expect(out).toEqual(plain(call(copy(good.transpose(1, 0))))),
  });
  add({
    name: `${name}: a stepped (negative stride) view reads like its contiguous copy`,
    run: () => plain(call(good.step(-1, 2))),
    check: (out) => expect(out).toEqual(plain(call(copy(good.step(-1, 2))))),
  });
  add({
    name: `${name}: a 1D and a 3D input run`,
    run: () => [call(ndarray(new f.ctor(4), [4])), call(ndarray(new f.ctor(8), [2, 2, 2]))].length,
    check: (out) => expect(out).toBe(2),
  });
  const [key, typo, value] = f.typo;
  const base = name === 'maximumFilter' ? { size: 3 } : {};
  if (f.nullOptions === 'defaults') {
    add({
      name: `${name}: null options = defaults`,
      run: () => plain(call(good, null)),
      check: (out) => expect(out).toEqual(plain(call(good, {}))),
    });
  } else {
    add({ name: `${name}: null options`, run: () => call(good, null), error: f.nullOptions });
  }
  add({
    name: `${name}: misspelled option ${typo}`,
    run: () => call(good, { ...base, [typo]: value }),
    error: new RegExp(`options\\.${typo} must be a known option \\(did you mean "${key}"\\?\\)`),
  });
  add({
    name: `${name}: unknown option far from every name`,
    run: () => call(good, { ...base, zzzzzzzzzz: 1 }),
    error: /options\.zzzzzzzzzz must be a known option; .* knows/,
  });
  for (const [what, bad] of [
    ['a number', 5],
    ['a string', 'fast'],
    ['an array', [1, 2]],
  ] as const) {
    add({
      name: `${name}: options ${what}`,
      run: () => call(good, bad),
      error: /argument options must be an options object/,
    });
  }
}

// gaussianKernel1d and generateBinaryStructure take numbers first
add({
  name: 'gaussianKernel1d: null options = defaults',
  run: () => Array.from(gaussianKernel1d(1, null)),
  check: (out) => expect(out).toEqual(Array.from(gaussianKernel1d(1))),
});
add({
  name: 'gaussianKernel1d: misspelled option raduis',
  run: () => gaussianKernel1d(1, { raduis: 2 } as never),
  error: /options\.raduis must be a known option \(did you mean "radius"\?\)/,
});
add({
  name: 'gaussianKernel1d: options a string',
  run: () => gaussianKernel1d(1, 'wide' as never),
  error: /argument options must be an options object/,
});
for (const s of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) {
  add({
    name: `gaussianKernel1d: sigma ${String(s)}`,
    run: () => gaussianKernel1d(s as number),
    error: /argument sigma must be a finite number > 0/,
  });
  add({
    name: `gaussianFilter1d: sigma ${String(s)}`,
    run: () => gaussianFilter1d(image, s as number),
    error: /argument sigma must be a finite number > 0/,
  });
}
for (const [rank, conn, fragment] of [
  [0, 1, /rank must be an integer >= 1/],
  [1.5, 1, /rank must be an integer >= 1/],
  ['2', 1, /rank must be an integer >= 1/],
  [2, 0, /connectivity must be an integer >= 1/],
  [2, Number.NaN, /connectivity must be an integer >= 1/],
] as const) {
  add({
    name: `generateBinaryStructure(${String(rank)}, ${String(conn)})`,
    run: () => generateBinaryStructure(rank as number, conn as number),
    error: fragment,
  });
}

// option values
for (const m of ['Reflect', 'grid-wrap', 3, null]) {
  add({
    name: `maximumFilter: mode ${String(m)}`,
    run: () => maximumFilter(image, { size: 3, mode: m as never }),
    error: /options\.mode must be 'reflect', 'constant', 'nearest', 'mirror', 'wrap'/,
  });
  add({
    name: `gaussianFilter: mode ${String(m)}`,
    run: () => gaussianFilter(image, 1, { mode: m as never }),
    error: /options\.mode must be 'reflect'/,
  });
}
for (const v of [0, -1, 1.5, Number.NaN, '3']) {
  add({
    name: `maximumFilter1d: size ${String(v)}`,
    run: () => maximumFilter1d(image, v as number),
    error: /argument size must be an integer >= 1/,
  });
  add({
    name: `binaryErosion: iterations ${String(v)}`,
    run: () => binaryErosion(binary, { iterations: v as number }),
    error: /options\.iterations must be an integer >= 1/,
  });
}
for (const v of [2, -1, 0.5, true]) {
  add({
    name: `binaryDilation: borderValue ${String(v)}`,
    run: () => binaryDilation(binary, { borderValue: v as never }),
    error: /options\.borderValue must be an integer >= 0 <= 1/,
  });
}
add({
  name: 'maximumFilter: cval NaN',
  run: () => maximumFilter(image, { size: 3, mode: 'constant', cval: Number.NaN }),
  error: /options\.cval must be a finite number/,
});
add({
  name: 'gaussianFilter: axes repeated',
  run: () => gaussianFilter(image, 1, { axes: [0, -2] }),
  error: /options\.axes must be distinct axes/,
});
add({
  name: 'gaussianFilter1d: axis 2 of a 2D input',
  run: () => gaussianFilter1d(image, 1, { axis: 2 }),
  error: /options\.axis must be an integer >= -2 <= 1/,
});
add({
  name: 'maximumFilter: footprint of another dimension',
  run: () => maximumFilter(image, { footprint: ndarray(new Uint8Array(3).fill(1), [3]) }),
  error: /options\.footprint must be 2D like the input/,
});
add({
  name: 'maximumFilter: all-zero footprint',
  run: () => maximumFilter(image, { footprint: ndarray(new Uint8Array(9), [3, 3]) }),
  error: /options\.footprint must be a footprint with a nonzero element/,
});
add({
  name: 'binaryErosion: structure of BigInt',
  run: () => binaryErosion(binary, { structure: ndarray(new BigInt64Array(9) as never, [3, 3]) }),
  error: /options\.structure must be an ndarray of numbers/,
});
add({
  name: 'findObjects: float labels',
  run: () => findObjects(image),
  error:
    /input must be of dtype int8 or int16 or int32 or uint8 or uint16 or uint32 or uint8_clamped/,
});
add({
  name: 'findObjects: maxLabel -1',
  run: () => findObjects(labels, { maxLabel: -1 }),
  error: /options\.maxLabel must be an integer >= 0/,
});

// NaN / Infinity
for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
  const x = ndarray(Float64Array.of(0, v, 1, 2), [4]);
  add({
    name: `maximumFilter1d: ${v} in the input`,
    run: () => Array.from(maximumFilter1d(x, 3).data as ArrayLike<number>),
    // +-Infinity as scipy 1.10 ([inf, inf, inf, 2] / [0, 1, 2, 2]); NaN propagates to every
    // window holding it, where scipy skips it ([0, 1, 2, 2]): documented in the README
    check: (out) =>
      expect(out).toEqual(Number.isNaN(v) ? [v, v, v, 2] : v > 0 ? [v, v, v, 2] : [0, 1, 2, 2]),
  });
  add({
    name: `binaryErosion: ${v} is nonzero (true)`,
    run: () =>
      Array.from(binaryErosion(ndarray(Float64Array.of(v, v, v), [3]), { borderValue: 1 }).data),
    check: (out) => expect(out).toEqual([1, 1, 1]),
  });
}

// huge sizes and magnitudes: typed errors before allocation, or the right result fast
const huge = ndarray(new Int32Array(4), [2, 2]);
huge.set(1, 1, 1e8);
add({
  name: 'findObjects: a label 1e8 on 4 elements is refused before allocating (stating the size)',
  run: () => findObjects(huge),
  error: /input must be labels of at most 1048576 .* 100000000 labels would take 2\.24 GiB/,
  within: 1000,
});
add({
  name: 'findObjects: maxLabel 2^31 - 1 is refused before allocating',
  run: () => findObjects(labels, { maxLabel: 2 ** 31 - 1 }),
  error: /options\.maxLabel must be 1048576 .* would take 48\.0 GiB/,
  within: 1000,
});
add({
  name: 'findObjects: labels up to max(elements, 2^20) are accepted (scipy result)',
  run: () => {
    const l = ndarray(new Int32Array(4), [2, 2]);
    l.set(0, 1, 2 ** 20);
    const out = findObjects(l);
    return [out.length, out[2 ** 20 - 1], out[0]];
  },
  check: (out) =>
    expect(out).toEqual([
      2 ** 20,
      [
        [0, 1],
        [1, 2],
      ],
      null,
    ]),
});
add({
  name: 'maximumFilter1d: size 1e9 (window clamped to 2n + 1, same maxima)',
  run: () =>
    Array.from(
      maximumFilter1d(ndarray(Float64Array.of(1, 5, 2, 0), [4]), 1e9, {
        mode: 'constant',
        cval: -1,
      }).data as ArrayLike<number>,
    ),
  check: (out) => expect(out).toEqual([5, 5, 5, 5]),
  within: 1000,
});
add({
  name: 'maximumFilter: size [1e9, 1e9] in every mode',
  run: () =>
    (['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const).map((mode) =>
      Array.from(
        maximumFilter(image, { size: [1e9, 1e9], mode, cval: 10 }).data as ArrayLike<number>,
      ),
    ),
  check: (out) => {
    const got = out as number[][];
    expect(got[1]).toEqual(new Array(n * n).fill(10));
    for (const k of [0, 2, 3, 4]) expect(got[k]).toEqual(new Array(n * n).fill(2));
  },
  within: 1000,
});
add({
  name: 'gaussianFilter1d: sigma 1e12 (kernel radius 4e12) refused before allocating',
  run: () => gaussianFilter1d(image, 1e12),
  error:
    /options\.truncate must be a kernel radius of at most 8388608 \(radius 4000000000000 = floor\(truncate \* sigma \+ 0\.5\), sigma 1000000000000 would take 58\.2 TiB|options\.truncate must be a kernel radius of at most 8388608/,
  within: 1000,
});
add({
  name: 'gaussianFilter: radius 1e9 refused before allocating',
  run: () => gaussianFilter(image, 1, { radius: 1e9 }),
  error:
    /options\.radius must be a kernel radius of at most 8388608 \(radius 1000000000 would take 14\.9 GiB/,
  within: 1000,
});
add({
  name: 'gaussianKernel1d: sigma 1e308 (radius Infinity) refused',
  run: () => gaussianKernel1d(1e308),
  error: /kernel radius of at most 8388608 \(radius Infinity/,
});
add({
  name: 'gaussianFilter1d: a huge but allowed sigma (1e5) on a small image stays normalised',
  run: () =>
    Array.from(
      gaussianFilter1d(ndarray(Float64Array.of(1, 1, 1), [3]), 1e5, { radius: 1000 })
        .data as ArrayLike<number>,
    ),
  check: (out) => {
    for (const v of out as number[]) expect(v).toBeCloseTo(1, 12);
  },
});
add({
  name: 'generateBinaryStructure(40, 1) refused before allocating 3^40 bytes',
  run: () => generateBinaryStructure(40, 1),
  error:
    /rank must be at most 16 \(the structure has 3\^rank elements: rank 40 would take 1\.216e\+19 bytes\)/,
});
add({
  name: 'binaryErosion of a 20-axis input (default cross built as offsets, not 3^20 elements)',
  run: () =>
    Array.from(
      binaryErosion(ndarray(new Uint8Array(1).fill(1), new Array(20).fill(1)), { borderValue: 1 })
        .data,
    ),
  check: (out) => expect(out).toEqual([1]),
  within: 1000,
});
add({
  name: 'binaryErosion: iterations 1e12 stops once the result is fixed',
  run: () => Array.from(binaryErosion(binary, { iterations: 1e12 }).data),
  check: (out) => expect(out).toEqual(new Array(n * n).fill(0)),
  within: 1000,
});
add({
  name: 'binaryErosion: iterations 1e12 + 1 of an oscillating structure (period 2, odd count)',
  run: () =>
    Array.from(
      binaryErosion(ndarray(Uint8Array.of(1, 0, 1, 0, 1), [5]), {
        structure: ndarray(Uint8Array.of(1, 0, 1), [3]),
        iterations: 1e12 + 1,
        borderValue: 1,
      }).data,
    ),
  // scipy: iterations 1 and 3 give [0, 1, 0, 1, 0]; 2 and 4 give the input back
  check: (out) => expect(out).toEqual([0, 1, 0, 1, 0]),
  within: 1000,
});
add({
  name: 'binaryOpening: iterations 1e9 with a 3x3 square',
  run: () =>
    Array.from(
      binaryOpening(binary, { iterations: 1e9, structure: generateBinaryStructure(2, 2) }).data,
    ),
  check: (out) => expect(out).toEqual(new Array(n * n).fill(0)),
  within: 1000,
});

// inputs are never modified
add({
  name: 'no function modifies its inputs',
  run: () => {
    const before = [image, binary, labels].map((a) => Array.from(a.data));
    for (const f of fns) f.call(f.good);
    return [image, binary, labels].map((a, k) =>
      Array.from(a.data).every((v, i) => v === before[k]![i]),
    );
  },
  check: (out) => expect(out).toEqual([true, true, true]),
});

describe(`@mgraph/ndimage hostile inputs (${cases.length} cases)`, () => {
  itEachTimedCase(
    cases.map(({ error, ...c }) => ({
      ...c,
      error: error && ([InvalidArgumentError, error] as [ErrorClass, RegExp]),
    })),
  );

  it('peak RSS of the process stays under 1 GB (runs last)', () => {
    expectPeakRss('@mgraph/ndimage', cases.length);
  });
});
