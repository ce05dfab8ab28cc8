// Hostile inputs for every exported function of @mgraph/watershed, one table: wrong types,
// shapes and dtypes, NaN / Infinity, views (strided, and views addressing past their data),
// option mistakes (null, misspelled keys, non-boolean booleans, wrong kinds), huge sizes and
// magnitudes. Each case asserts the typed error and a fragment of its message, or the
// correct result. Cases whose naive cost is gigabytes or minutes run here: the last test
// checks the process's peak RSS stayed under 1 GB.
import {
  CATHODE_SCHEME,
  InvalidArgumentError,
  type NdArray,
  ShapeMismatchError,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { expectPeakRss, itEachTimedCase } from '../../../test-utils/hostile.js';
import {
  convexHullImage,
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  regionProps,
  splitTouching,
  watershed,
} from '../src/index.js';

type ErrorClass = typeof InvalidArgumentError | typeof ShapeMismatchError;

interface Case {
  name: string;
  run: () => unknown;
  /** Expected typed error and message fragment; or `check` of the result. */
  error?: [ErrorClass, RegExp];
  check?: (out: unknown) => void;
  /** Wall-clock budget (ms) for cases that used to loop or allocate with a user number. */
  within?: number;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---- inputs ----
const n = 5;
const disc = ndarray(new Uint8Array(n * n), [n, n]);
for (let y = 0; y < n; y++)
  for (let x = 0; x < n; x++) if ((y - 2) ** 2 + (x - 2) ** 2 <= 4) disc.set(y, x, 1);
const image = ndarray(
  Float64Array.from({ length: n * n }, (_, i) => ((i * 7) % 5) - 2),
  [n, n],
);
const markers = ndarray(new Int32Array(n * n), [n, n]);
markers.set(0, 0, 1);
markers.set(4, 4, 2);
const labels = ndarray(Int32Array.from(disc.data), [n, n]);
const phases = ndarray(
  Uint8Array.from(disc.data, (v) => (v ? 2 : 0)),
  [n, n],
);

/** The contiguous copy of a view. */
function copy(a: NdArray): NdArray {
  const out = ndarray(new (a.data.constructor as Float64ArrayConstructor)(a.size), a.shape.slice());
  const s = a.shape;
  for (let y = 0; y < s[0]!; y++) for (let x = 0; x < s[1]!; x++) out.set(y, x, a.get(y, x));
  return out;
}

/** A view whose shape addresses past the end of its data (scijs ndarray accepts it). */
const short = (ctor: typeof Uint8Array | typeof Float64Array | typeof Int32Array) =>
  ndarray(new ctor(n * n - 3), [n, n]);

// ---- the functions: how to call each with a first argument and options ----
interface Fn {
  name: string;
  call: (first: unknown, options?: unknown) => unknown;
  good: NdArray;
  /** Data type of `good` for the short-view case. */
  ctor: typeof Uint8Array | typeof Float64Array | typeof Int32Array;
  /** A real option and a misspelling of it. */
  typo?: [string, string, unknown];
  /** What `null` options give: the defaults' result, or a typed error. */
  nullOptions?: 'defaults' | RegExp;
}

const fns: Fn[] = [
  {
    name: 'distanceTransformEdt',
    call: (m, o) => distanceTransformEdt(m as NdArray, o as never),
    good: disc,
    ctor: Uint8Array,
    typo: ['sampling', 'samplin', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'label',
    call: (m, o) => label(m as NdArray, o as never),
    good: disc,
    ctor: Uint8Array,
    typo: ['connectivity', 'conectivity', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'peakLocalMax',
    call: (m, o) => peakLocalMax(m as NdArray, o as never),
    good: image,
    ctor: Float64Array,
    typo: ['minDistance', 'min_distance', 2],
    nullOptions: 'defaults',
  },
  {
    name: 'watershed',
    call: (m, o) => watershed(m as NdArray, markers, o as never),
    good: image,
    ctor: Float64Array,
    typo: ['watershedLine', 'watershedline', true],
    nullOptions: 'defaults',
  },
  {
    name: 'regionProps',
    call: (m, o) => regionProps(m as NdArray, o as never),
    good: labels,
    ctor: Int32Array,
    typo: ['convex', 'convx', false],
    nullOptions: 'defaults',
  },
  {
    name: 'convexHullImage',
    call: (m) => convexHullImage(m as NdArray),
    good: disc,
    ctor: Uint8Array,
  },
  {
    name: 'splitTouching',
    call: (m, o) => splitTouching(m as NdArray, o as never),
    good: disc,
    ctor: Uint8Array,
    typo: ['minPieceSize', 'minPiecesize', 3],
    nullOptions: 'defaults',
  },
  {
    name: 'instanceSegmentation',
    call: (m, o) =>
      instanceSegmentation(m as never, (o === undefined ? { scheme: CATHODE_SCHEME } : o) as never),
    good: phases,
    ctor: Uint8Array,
    typo: ['minSize', 'minsize', 2],
    nullOptions: /options\.scheme must be a PhaseScheme/,
  },
];

const IAE = InvalidArgumentError;

for (const f of fns) {
  const { name, call, good } = f;
  // wrong types for the first argument
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
    add({ name: `${name}: first argument ${what}`, run: () => call(bad), error: [IAE, /ndarray/] });
  }
  // shapes
  add({
    name: `${name}: 1D input`,
    run: () => call(ndarray(new f.ctor(8), [8])),
    error: [IAE, /2D or 3D \(got 1D\)/],
  });
  add({
    name: `${name}: 4D input`,
    run: () => call(ndarray(new f.ctor(16), [2, 2, 2, 2])),
    error: [IAE, /2D or 3D \(got 4D\)/],
  });
  // dtypes
  add({
    name: `${name}: BigInt64 data`,
    run: () => call(ndarray(new BigInt64Array(n * n) as never, [n, n])),
    error: [IAE, /dtype/],
  });
  add({
    name: `${name}: plain array of strings`,
    run: () => call(ndarray(new Array(n * n).fill('1') as never, [n, n])),
    error: [IAE, /must be (a number|of dtype)/],
  });
  // views
  add({
    name: `${name}: a view shorter than its shape`,
    run: () => call(short(f.ctor)),
    error: [
      IAE,
      new RegExp(
        `^${name}: argument \\w+ must be a view inside its data \\(it addresses elements 0\\.\\.24 of a data array of length 22\\)`,
      ),
    ],
  });
  add({
    name: `${name}: a transposed view reads like its contiguous copy`,
    run: () => call(good.transpose(1, 0)),
    check: (out) => expect(out).toEqual(call(copy(good.transpose(1, 0)))),
  });
  add({
    name: `${name}: a stepped (negative stride) view reads like its contiguous copy`,
    run: () => call(good.step(-1, 1)),
    check: (out) => expect(out).toEqual(call(copy(good.step(-1, 1)))),
  });
  if (f.typo === undefined) continue;
  const [key, typo, value] = f.typo;
  // options
  if (f.nullOptions === 'defaults') {
    add({
      name: `${name}: null options = defaults`,
      run: () => call(good, null),
      check: (out) => expect(out).toEqual(call(good, {})),
    });
  } else if (f.nullOptions !== undefined) {
    add({
      name: `${name}: null options`,
      run: () => call(good, null),
      error: [IAE, f.nullOptions],
    });
  }
  add({
    name: `${name}: misspelled option ${typo}`,
    run: () =>
      call(good, {
        ...(name === 'instanceSegmentation' ? { scheme: CATHODE_SCHEME } : {}),
        [typo]: value,
      }),
    error: [
      IAE,
      new RegExp(`options\\.${typo} must be a known option \\(did you mean "${key}"\\?\\)`),
    ],
  });
  add({
    name: `${name}: unknown option far from every name`,
    run: () =>
      call(good, {
        ...(name === 'instanceSegmentation' ? { scheme: CATHODE_SCHEME } : {}),
        zzzzzzzzzz: 1,
      }),
    error: [IAE, /options\.zzzzzzzzzz must be a known option; .* knows/],
  });
  for (const [what, bad] of [
    ['a number', 5],
    ['a string', 'fast'],
    ['an array', [1, 2]],
    ['a typed array', new Uint8Array(2)],
  ] as const) {
    add({
      name: `${name}: options ${what}`,
      run: () => call(good, bad),
      error: [IAE, /argument options must be an options object/],
    });
  }
}

// ---- non-boolean booleans, callbacks, signals ----
for (const bad of ['no', 0, 1, 'false', null]) {
  add({
    name: `watershed: watershedLine ${JSON.stringify(bad)}`,
    run: () => watershed(image, markers, { watershedLine: bad as never }),
    error: [IAE, /options\.watershedLine must be true or false/],
  });
  add({
    name: `regionProps: convex ${JSON.stringify(bad)}`,
    run: () => regionProps(labels, { convex: bad as never }),
    error: [IAE, /options\.convex must be true or false/],
  });
}
add({
  name: 'watershed: onProgress not a function',
  run: () => watershed(image, markers, { onProgress: 3 as never }),
  error: [IAE, /options\.onProgress must be a function/],
});
add({
  name: 'distanceTransformEdt: onProgress not a function',
  run: () => distanceTransformEdt(disc, { onProgress: 'log' as never }),
  error: [IAE, /options\.onProgress must be a function/],
});
add({
  name: 'splitTouching: signal not an AbortSignal',
  run: () => splitTouching(disc, { signal: true as never }),
  error: [IAE, /options\.signal must be an AbortSignal/],
});
add({
  name: 'regionProps: signal not an AbortSignal',
  run: () => regionProps(labels, { signal: {} as never }),
  error: [IAE, /options\.signal must be an AbortSignal/],
});
add({
  name: 'instanceSegmentation: signal not an AbortSignal',
  run: () => instanceSegmentation(phases, { scheme: CATHODE_SCHEME, signal: 1 as never }),
  error: [IAE, /options\.signal must be an AbortSignal/],
});

// ---- option values ----
for (const [fn, call] of [
  ['label', (c: unknown) => label(disc, { connectivity: c as number })],
  ['watershed', (c: unknown) => watershed(image, markers, { connectivity: c as number })],
  ['splitTouching', (c: unknown) => splitTouching(disc, { connectivity: c as number })],
] as const) {
  for (const c of [0, 3, 1.5, Number.NaN, '1', Number.POSITIVE_INFINITY]) {
    add({
      name: `${fn}: connectivity ${String(c)}`,
      run: () => call(c),
      error: [IAE, /options\.connectivity must be an integer >= 1 <= 2/],
    });
  }
}
for (const v of [Number.NaN, Number.POSITIVE_INFINITY, -1, '2']) {
  add({
    name: `peakLocalMax: minDistance ${String(v)}`,
    run: () => peakLocalMax(image, { minDistance: v as number }),
    error: [IAE, /options\.minDistance must be an integer >= 0/],
  });
  add({
    name: `splitTouching: minDistance ${String(v)}`,
    run: () => splitTouching(disc, { minDistance: v as number }),
    error: [IAE, /options\.minDistance must be an integer >= 1/],
  });
  add({
    name: `watershed: compactness ${String(v)}`,
    run: () => watershed(image, markers, { compactness: v as number }),
    error: [IAE, /options\.compactness must be a finite number >= 0/],
  });
}
add({
  name: 'peakLocalMax: excludeBorder "yes"',
  run: () => peakLocalMax(image, { excludeBorder: 'yes' as never }),
  error: [IAE, /options\.excludeBorder must be a boolean, a non-negative integer or 2/],
});
add({
  name: 'peakLocalMax: pNorm 0.5',
  run: () => peakLocalMax(image, { pNorm: 0.5 }),
  error: [IAE, /options\.pNorm must be a number >= 1/],
});
add({
  name: 'distanceTransformEdt: sampling [1]',
  run: () => distanceTransformEdt(disc, { sampling: [1] }),
  error: [IAE, /options\.sampling must be a positive number or 2 positive numbers/],
});
add({
  name: 'instanceSegmentation: split names a phase that is not an object phase',
  run: () => instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: ['background'] }),
  error: [IAE, /"background" is not cut into objects/],
});

// ---- shapes between arguments ----
add({
  name: 'watershed: markers of another shape',
  run: () => watershed(image, ndarray(new Int32Array(12), [3, 4])),
  error: [ShapeMismatchError, /markers/],
});
add({
  name: 'watershed: mask of another shape',
  run: () => watershed(image, markers, { mask: ndarray(new Uint8Array(12), [3, 4]) }),
  error: [ShapeMismatchError, /options\.mask/],
});
add({
  name: 'peakLocalMax: labels of another shape',
  run: () => peakLocalMax(image, { labels: ndarray(new Int32Array(12), [3, 4]) }),
  error: [ShapeMismatchError, /options\.labels/],
});
add({
  name: 'regionProps: intensity of another shape',
  run: () => regionProps(labels, { intensity: ndarray(new Float64Array(12), [3, 4]) }),
  error: [ShapeMismatchError, /options\.intensity/],
});
add({
  name: 'watershed: markers a view shorter than its shape',
  run: () => watershed(image, short(Int32Array)),
  error: [IAE, /markers must be a view inside its data/],
});
add({
  name: 'watershed: mask a view shorter than its shape',
  run: () => watershed(image, markers, { mask: short(Uint8Array) }),
  error: [IAE, /options\.mask must be a view inside its data/],
});

// ---- dtypes of the other arguments ----
add({
  name: 'watershed: float markers',
  run: () => watershed(image, ndarray(new Float64Array(n * n), [n, n])),
  error: [
    IAE,
    /markers must be of dtype int8 or int16 or int32 or uint8 or uint16 or uint32 \(got float64\)/,
  ],
});
add({
  name: 'watershed: uint32 marker above 2^31 - 1',
  run: () => {
    const m = ndarray(new Uint32Array(n * n), [n, n]);
    m.set(1, 1, 2 ** 32 - 1);
    return watershed(image, m);
  },
  error: [IAE, /markers\[6\] must be a label of at most 2147483647/],
});
add({
  name: 'watershed: BigInt mask',
  run: () =>
    watershed(image, markers, { mask: ndarray(new BigInt64Array(n * n) as never, [n, n]) }),
  error: [IAE, /options\.mask must be an ndarray of numbers/],
});
add({
  name: 'regionProps: float labels',
  run: () => regionProps(ndarray(new Float64Array(n * n), [n, n])),
  error: [IAE, /labels must be of dtype/],
});
add({
  name: 'regionProps: intensity of strings',
  run: () =>
    regionProps(labels, { intensity: ndarray(new Array(n * n).fill('x') as never, [n, n]) }),
  error: [IAE, /options\.intensity\[0\] must be a number/],
});
add({
  name: 'instanceSegmentation: int32 phase map',
  run: () =>
    instanceSegmentation(ndarray(new Int32Array(n * n), [n, n]) as never, {
      scheme: CATHODE_SCHEME,
    }),
  error: [IAE, /phases must be of dtype uint8/],
});
add({
  name: 'instanceSegmentation: a code outside the scheme',
  run: () =>
    instanceSegmentation(ndarray(new Uint8Array(n * n).fill(9), [n, n]), {
      scheme: CATHODE_SCHEME,
    }),
  error: [IAE, /phases\[0\] must be a code of scheme/],
});

// ---- NaN / Infinity ----
for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
  const bad = ndarray(Float64Array.from(image.data), [n, n]);
  bad.set(2, 3, v);
  add({
    name: `watershed: image with ${v}`,
    run: () => watershed(bad, markers),
    error: [IAE, /image\[13\] must be a finite number/],
  });
  add({
    name: `peakLocalMax: image with ${v}`,
    run: () => peakLocalMax(bad),
    error: [IAE, /image\[13\] must be a finite number/],
  });
  add({
    name: `label: mask with ${v} counts as nonzero (as numpy's bool)`,
    run: () => label(ndarray(Float64Array.of(v, 0, 0, v), [2, 2])).count,
    check: (out) => expect(out).toBe(2),
  });
}

// ---- huge sizes and magnitudes: typed errors before allocation, or the right result fast ----
const two = ndarray(new Int32Array(n * n), [n, n]);
two.set(1, 1, 1e8);
two.set(3, 3, 2 ** 31 - 1);
add({
  name: 'regionProps: labels 1e8 and 2^31 - 1 on two pixels (tables sized by labels present)',
  run: () => regionProps(two).map((p) => [p.label, p.area, p.bbox]),
  check: (out) =>
    expect(out).toEqual([
      [1e8, 1, [1, 1, 2, 2]],
      [2 ** 31 - 1, 1, [3, 3, 4, 4]],
    ]),
  within: 1000,
});
add({
  name: 'regionProps: uint32 label 2^32 - 1',
  run: () => {
    const u = ndarray(new Uint32Array(4), [2, 2]);
    u.set(0, 1, 2 ** 32 - 1);
    return regionProps(u, { convex: false }).map((p) => p.label);
  },
  check: (out) => expect(out).toEqual([2 ** 32 - 1]),
  within: 1000,
});
add({
  name: 'peakLocalMax: labels 1e8 and 2^31 - 1 (compacted first)',
  run: () => {
    const lab = ndarray(new Int32Array(n * n), [n, n]);
    for (let x = 0; x < n; x++) {
      lab.set(0, x, 1e8);
      lab.set(1, x, 1e8);
      lab.set(3, x, 2 ** 31 - 1);
      lab.set(4, x, 2 ** 31 - 1);
    }
    const img = ndarray(new Float64Array(n * n), [n, n]);
    img.set(0, 2, 5);
    img.set(4, 1, 3);
    return peakLocalMax(img, { labels: lab, excludeBorder: false });
  },
  check: (out) =>
    expect(out).toEqual([
      [0, 2],
      [4, 1],
    ]),
  within: 1000,
});
add({
  name: 'peakLocalMax: minDistance 1e9 (window clamped to the image)',
  run: () => peakLocalMax(image, { minDistance: 1e9, excludeBorder: false }),
  check: (out) =>
    expect(out).toEqual(peakLocalMax(image, { minDistance: n, excludeBorder: false })),
  within: 1000,
});
add({
  name: 'peakLocalMax: minDistance 1e9 with labels',
  run: () => peakLocalMax(image, { minDistance: 1e9, labels, excludeBorder: false }),
  check: (out) =>
    expect(out).toEqual(peakLocalMax(image, { minDistance: n, labels, excludeBorder: false })),
  within: 1000,
});
add({
  name: 'peakLocalMax: numPeaks 1e15 and excludeBorder 1e9',
  run: () => peakLocalMax(image, { numPeaks: 1e15, excludeBorder: 1e9 }),
  check: (out) => expect(out).toEqual([]),
  within: 1000,
});
add({
  name: 'splitTouching: minDistance 1e6 (spacing loop bounded by the crop)',
  run: () => {
    const m = ndarray(new Uint8Array(40 * 40), [40, 40]);
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 40; x++)
        if ((y - 20) ** 2 + (x - 12) ** 2 < 81 || (y - 20) ** 2 + (x - 27) ** 2 < 81)
          m.set(y, x, 1);
    return [
      splitTouching(m, { minDistance: 1e6 }).count,
      splitTouching(m, { minDistance: 40 }).count,
    ];
  },
  check: (out) => {
    const [huge, bounded] = out as [number, number];
    expect(huge).toBe(bounded);
  },
  within: 5000,
});
add({
  name: 'splitTouching: minDistance 1e6 on a non-convex object that is refined (loop bounded)',
  run: () => {
    // a thick L (solidity ~0.6): the refinement tries spacings on its own crop
    const m = ndarray(new Uint8Array(36 * 36), [36, 36]);
    for (let y = 2; y < 34; y++) for (let x = 2; x < 34; x++) if (y >= 26 || x < 10) m.set(y, x, 1);
    const huge = splitTouching(m, { minDistance: 1e6 });
    const bounded = splitTouching(m, { minDistance: 36 });
    return [
      huge.count,
      huge.iterations,
      Array.from(huge.labels.data).join() === Array.from(bounded.labels.data).join(),
    ];
  },
  check: (out) => expect((out as unknown[])[2]).toBe(true),
  within: 5000,
});
add({
  name: 'splitTouching: maxIterations 1e9 and minPieceSize 1e9',
  run: () => splitTouching(disc, { maxIterations: 1e9, minPieceSize: 1e9 }).count,
  check: (out) => expect(out).toBe(1),
  within: 2000,
});
add({
  name: 'splitTouching: a tile lying inside one particle (no background) is one object',
  run: () => {
    const full = ndarray(new Uint8Array(64).fill(1), [8, 8]);
    const r = splitTouching(full);
    return [r.count, Array.from(r.labels.data).every((v) => v === 1)];
  },
  check: (out) => expect(out).toEqual([1, true]),
});
add({
  name: 'splitTouching: a 3D tile inside one particle is one object',
  run: () => splitTouching(ndarray(new Uint8Array(27).fill(1), [3, 3, 3])).count,
  check: (out) => expect(out).toBe(1),
});
add({
  name: 'instanceSegmentation: a tile entirely of a split phase (nmc) is one particle',
  run: () => {
    const r = instanceSegmentation(ndarray(new Uint8Array(36).fill(2), [6, 6]), {
      scheme: CATHODE_SCHEME,
    });
    return [r.count, r.countByPhase.nmc, Array.from(r.labels.data).every((v) => v === 1)];
  },
  check: (out) => expect(out).toEqual([1, 1, true]),
});
add({
  name: 'instanceSegmentation: minSize 1e12 drops everything',
  run: () => instanceSegmentation(phases, { scheme: CATHODE_SCHEME, minSize: 1e12 }).count,
  check: (out) => expect(out).toBe(0),
});
add({
  name: 'distanceTransformEdt: a mask without zero is Infinity everywhere (documented)',
  run: () => Array.from(distanceTransformEdt(ndarray(new Uint8Array(4).fill(1), [2, 2])).data),
  check: (out) =>
    expect(out).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]),
});
add({
  name: 'distanceTransformEdt: sampling 1e200 (squared distances overflow)',
  run: () => distanceTransformEdt(disc, { sampling: 1e200 }),
  error: [IAE, /options\.sampling must be small enough that squared distances .* stay finite/],
});
add({
  name: 'distanceTransformEdt: sampling 1e-200 (squares underflow to 0)',
  run: () => distanceTransformEdt(disc, { sampling: 1e-200 }),
  error: [
    IAE,
    /options\.sampling\[0\] must be at least .* \(its square must be a normal float64\)/,
  ],
});
add({
  name: 'watershed: compactness 1e300 stays finite ordering',
  run: () =>
    Array.from(watershed(image, markers, { compactness: 1e300 }).data).every(
      (v) => v === 1 || v === 2,
    ),
  check: (out) => expect(out).toBe(true),
});
add({
  name: 'watershed: labels -2^31 and 2^31 - 1 kept, with lines',
  run: () => {
    const m = ndarray(new Int32Array(n * n), [n, n]);
    m.set(0, 0, -(2 ** 31));
    m.set(4, 4, 2 ** 31 - 1);
    return new Set(watershed(image, m, { watershedLine: true }).data);
  },
  check: (out) =>
    expect([...(out as Set<number>)].sort()).toEqual([-(2 ** 31), 0, 2 ** 31 - 1].sort()),
});
add({
  name: 'watershed: all-zero mask',
  run: () =>
    watershed(image, ndarray(new Int32Array(n * n), [n, n]), {
      mask: ndarray(new Uint8Array(n * n), [n, n]),
    }),
  error: [IAE, /options\.mask must be a mask with a nonzero element/],
});
add({
  name: 'watershed: the smallest watershedLine case of the issue',
  run: () =>
    Array.from(
      watershed(
        ndarray(Float64Array.of(1, 0, 1), [1, 3]),
        ndarray(Int32Array.of(2, 2, 1), [1, 3]),
        { watershedLine: true },
      ).data,
    ),
  check: (out) => expect(out).toEqual([2, 2, 1]),
});
add({
  name: 'label: an empty (0 x 5) image',
  run: () => label(ndarray(new Uint8Array(0), [0, 5])).count,
  check: (out) => expect(out).toBe(0),
});

// ---- inputs are never modified ----
add({
  name: 'no function modifies its inputs',
  run: () => {
    const before = [image, markers, disc, labels, phases].map((a) => Array.from(a.data));
    for (const f of fns) f.call(f.good);
    watershed(image, markers, {
      mask: ndarray(new Uint8Array(n * n).fill(1), [n, n]),
      watershedLine: true,
      compactness: 0.5,
    });
    peakLocalMax(image, { labels, minDistance: 2 });
    regionProps(labels, { intensity: image });
    return [image, markers, disc, labels, phases].map((a, k) =>
      Array.from(a.data).every((v, i) => v === before[k]![i]),
    );
  },
  check: (out) => expect(out).toEqual([true, true, true, true, true]),
});

describe(`@mgraph/watershed hostile inputs (${cases.length} cases)`, () => {
  itEachTimedCase(cases);

  it('peak RSS of the process stays under 1 GB (runs last)', () => {
    expectPeakRss('@mgraph/watershed', cases.length);
  });
});
