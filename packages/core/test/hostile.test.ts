/**
 * Hostile inputs for every export of @mgraph/core: each case asserts the typed error and a
 * fragment of its message, or the correct result. Cases that would need gigabytes assert
 * the error raised before allocation; the last test checks the peak RSS of this process.
 */
import ndarray from 'ndarray';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPeakRss, runCases, type TupleCase } from '../../../test-utils/hostile.js';
import {
  AbortError,
  applyScheme,
  argsortNumpy,
  assertBoolean,
  assertCallback,
  assertDtype,
  assertFinite,
  assertInBounds,
  assertNdarray,
  assertNdim,
  assertNumber,
  assertSameShape,
  assertSignal,
  CATHODE_SCHEME,
  checkOptions,
  checkScheme,
  createRng,
  definePhaseScheme,
  describeScheme,
  describeValue,
  FileError,
  flatData,
  forEachOffset,
  InvalidArgumentError,
  isContiguous,
  MGraphError,
  phaseCode,
  phaseName,
  rowMajorStrides,
  ShapeMismatchError,
  samePhaseScheme,
  schemeOfGraph,
  throwIfAborted,
  toContiguous,
} from '../src/index.js';

type Case = TupleCase;

/** checkOptions as a JavaScript caller sees it (any options value). */
const check = checkOptions as unknown as (fn: string, options: unknown, keys: object) => unknown;

const view = (data: number[], shape: number[], stride?: number[], offset?: number) =>
  ndarray(Float64Array.from(data), shape, stride, offset);
const short = ndarray(new Float64Array(3), [4]); // data shorter than its shape
const negativeStride = view([1, 2, 3, 4], [4], [-1], 3);
const huge = ndarray(new Uint8Array(1), [1e5, 1e5, 1e5], [0, 0, 0]); // 1e15 elements, 1 byte
const raw = ndarray(Uint8Array.from([0, 1, 2, 3]), [2, 2]);

const cases: Case[] = [
  // ---- checkOptions / assertBoolean / assertCallback / assertSignal
  [
    'checkOptions: null means defaults',
    () => checkOptions('f', null, { a: true }),
    (r) => expect(r).toEqual({}),
  ],
  [
    'checkOptions: undefined means defaults',
    () => checkOptions('f', undefined, { a: true }),
    (r) => expect(r).toEqual({}),
  ],
  [
    'checkOptions: a misspelled key names the closest',
    () => check('f', { windw: 3 }, { window: true }),
    InvalidArgumentError,
    'argument options.windw must be a known option (did you mean "window"?)',
  ],
  [
    'checkOptions: a number is not options',
    () => check('f', 3, { a: true }),
    InvalidArgumentError,
    'f: argument options must be an options object',
  ],
  [
    'checkOptions: an array is not options',
    () => check('f', [], { a: true }),
    InvalidArgumentError,
    'an options object',
  ],
  [
    'checkOptions: a typed array is not options',
    () => check('f', new Uint8Array(2), { a: true }),
    InvalidArgumentError,
    'an options object',
  ],
  [
    'checkOptions: a string is not options',
    () => check('f', 'window', { a: true }),
    InvalidArgumentError,
    'an options object',
  ],
  [
    'assertBoolean: "no" is not a boolean',
    () => assertBoolean('f', 'options.flag', 'no'),
    InvalidArgumentError,
    'argument options.flag must be true or false, got "no"',
  ],
  [
    'assertBoolean: 1 is not a boolean',
    () => assertBoolean('f', 'options.flag', 1),
    InvalidArgumentError,
    'got 1',
  ],
  [
    'assertBoolean: undefined is the default',
    () => assertBoolean('f', 'options.flag', undefined),
    (r) => expect(r).toBeUndefined(),
  ],
  [
    'assertCallback: a string is not a function',
    () => assertCallback('f', 'options.onProgress', 'log'),
    InvalidArgumentError,
    'a function',
  ],
  [
    'assertSignal: a boolean is not a signal',
    () => assertSignal('f', 'options.signal', true),
    InvalidArgumentError,
    'an AbortSignal',
  ],
  [
    'assertSignal: an AbortController is not its signal',
    () => assertSignal('f', 'options.signal', new AbortController()),
    InvalidArgumentError,
    'an AbortSignal',
  ],
  [
    'assertSignal: a signal passes',
    () => assertSignal('f', 'options.signal', new AbortController().signal),
    (r) => expect(r).toBeUndefined(),
  ],
  // ---- assertNdarray / assertInBounds / views
  [
    'assertNdarray: null',
    () => assertNdarray('f', 'a', null),
    InvalidArgumentError,
    'f: argument a must be an ndarray',
  ],
  [
    'assertNdarray: a plain array',
    () => assertNdarray('f', 'a', [1, 2, 3]),
    InvalidArgumentError,
    'an ndarray',
  ],
  [
    'assertNdarray: a typed array',
    () => assertNdarray('f', 'a', new Float32Array(4)),
    InvalidArgumentError,
    'an ndarray',
  ],
  [
    'assertNdarray: an object with a string shape',
    () => assertNdarray('f', 'a', { data: [], shape: '2', stride: [1], offset: 0 }),
    InvalidArgumentError,
    'an ndarray',
  ],
  [
    'assertNdarray: a view longer than its data',
    () => assertNdarray('f', 'a', short),
    InvalidArgumentError,
    'f: argument a',
  ],
  [
    'assertInBounds: a view past its data',
    () => assertInBounds('f', 'a', view([1, 2], [2], [1], 1)),
    InvalidArgumentError,
    'f: argument a',
  ],
  [
    'assertInBounds: a negative-stride view in bounds',
    () => assertInBounds('f', 'a', negativeStride),
    (r) => expect(r).toBeUndefined(),
  ],
  [
    'assertInBounds: NaN stride',
    () => assertInBounds('f', 'a', view([1, 2], [2], [Number.NaN], 0)),
    InvalidArgumentError,
    'f: argument a',
  ],
  [
    'assertInBounds: fractional shape',
    () => assertInBounds('f', 'a', { ...view([1, 2], [2]), shape: [1.5] } as never),
    InvalidArgumentError,
    'f: argument a',
  ],
  [
    'assertNdim: 1D for 2D',
    () => assertNdim('f', 'a', view([1, 2], [2]), 2),
    InvalidArgumentError,
    'f: argument a',
  ],
  [
    'assertSameShape: [2] vs [3]',
    () => assertSameShape('f', 'a', view([1, 2], [2]), 'b', view([1, 2, 3], [3])),
    ShapeMismatchError,
    'must have shape [2], got [3]',
  ],
  [
    'assertDtype: float64 for uint8',
    () => assertDtype('f', 'a', view([1], [1]), ['uint8']),
    InvalidArgumentError,
    'of dtype uint8 (got float64)',
  ],
  [
    'assertFinite: NaN in a view',
    () => assertFinite('f', 'a', view([1, Number.NaN], [2])),
    InvalidArgumentError,
    'f: argument a[1] must be a finite number, got NaN',
  ],
  [
    'assertFinite: -Infinity in an array',
    () => assertFinite('f', 'a', [0, Number.NEGATIVE_INFINITY]),
    InvalidArgumentError,
    'a[1]',
  ],
  [
    'assertNumber: NaN',
    () => assertNumber('f', 'x', Number.NaN),
    InvalidArgumentError,
    'f: argument x must be a finite number, got NaN',
  ],
  [
    'assertNumber: a numeric string',
    () => assertNumber('f', 'x', '3'),
    InvalidArgumentError,
    'got "3"',
  ],
  ['assertNumber: a BigInt', () => assertNumber('f', 'x', 3n), InvalidArgumentError, 'got 3n'],
  [
    'assertNumber: 2.5 for an integer',
    () => assertNumber('f', 'x', 2.5, { integer: true }),
    InvalidArgumentError,
    'an integer',
  ],
  [
    'assertNumber: Infinity above a min',
    () => assertNumber('f', 'x', Number.POSITIVE_INFINITY, { min: 0 }),
    InvalidArgumentError,
    'a finite number >= 0',
  ],
  // ---- contiguous copies
  [
    'isContiguous: a negative-stride view is not',
    () => isContiguous(negativeStride),
    (r) => expect(r).toBe(false),
  ],
  [
    'toContiguous: a negative-stride view copied in order',
    () => Array.from(toContiguous(negativeStride).data as Float64Array),
    (r) => expect(r).toEqual([4, 3, 2, 1]),
  ],
  [
    'toContiguous: a view longer than its data',
    () => toContiguous(short),
    InvalidArgumentError,
    'toContiguous',
  ],
  [
    'flatData: a view longer than its data',
    () => flatData(short),
    InvalidArgumentError,
    'flatData',
  ],
  [
    'toContiguous: 1e15 elements over 1 byte (broadcast) refused before allocating',
    () => toContiguous(huge),
    MGraphError,
    /toContiguous|length|elements/,
  ],
  // ---- strides
  [
    'rowMajorStrides: negative size',
    () => rowMajorStrides([2, -1]),
    InvalidArgumentError,
    'rowMajorStrides',
  ],
  [
    'rowMajorStrides: NaN size',
    () => rowMajorStrides([Number.NaN]),
    InvalidArgumentError,
    'rowMajorStrides',
  ],
  [
    'rowMajorStrides: empty shape is a scalar',
    () => rowMajorStrides([]),
    (r) => expect(r).toEqual([]),
  ],
  [
    'forEachOffset: empty array visits nothing',
    () => {
      let n = 0;
      forEachOffset(view([], [0, 3]), () => {
        n++;
      });
      return n;
    },
    (r) => expect(r).toBe(0),
  ],
  // ---- argsortNumpy
  [
    'argsortNumpy: NaN sorts last, as numpy',
    () => Array.from(argsortNumpy([2, Number.NaN, 1])),
    (r) => expect(r).toEqual([2, 0, 1]),
  ],
  [
    'argsortNumpy: -0 and 0 tie, stable',
    () => Array.from(argsortNumpy([0, -0, -1])),
    (r) => expect(r).toEqual([2, 0, 1]),
  ],
  [
    'argsortNumpy: a string',
    () => argsortNumpy('abc' as never),
    InvalidArgumentError,
    'argsortNumpy',
  ],
  ['argsortNumpy: empty', () => argsortNumpy([]).length, (r) => expect(r).toBe(0)],
  // ---- createRng
  [
    'createRng: NaN seed',
    () => createRng(Number.NaN),
    InvalidArgumentError,
    'createRng: argument seed must be a finite number, got NaN',
  ],
  [
    'createRng: string seed',
    () => createRng('1' as never),
    InvalidArgumentError,
    'createRng: argument seed',
  ],
  [
    'createRng: 2^60 seed is a stream',
    () => createRng(2 ** 60).random(),
    (r) => expect(r).toBeGreaterThanOrEqual(0),
  ],
  [
    'Rng.uniform: NaN bound',
    () => createRng(1).uniform(0, Number.NaN),
    InvalidArgumentError,
    'Rng.uniform: argument high must be a finite number, got NaN',
  ],
  [
    'Rng.uniform: an infinite span',
    () => createRng(1).uniform(-Number.MAX_VALUE, Number.MAX_VALUE),
    InvalidArgumentError,
    'Rng.uniform: argument high',
  ],
  [
    'Rng.normal: negative sd',
    () => createRng(1).normal(0, -1),
    InvalidArgumentError,
    'Rng.normal: argument sd must be a finite number >= 0',
  ],
  [
    'Rng.integer: empty range',
    () => createRng(1).integer(5, 5),
    InvalidArgumentError,
    'Rng.integer: argument high',
  ],
  [
    'Rng.integer: 2^60 range stays in range',
    () => createRng(1).integer(0, 2 ** 60),
    (r) => expect(r).toBeLessThan(2 ** 60),
  ],
  [
    'Rng.shuffle: a string',
    () => createRng(1).shuffle('abc' as never),
    InvalidArgumentError,
    'Rng.shuffle: argument items must be an array',
  ],
  // ---- phase schemes
  [
    'definePhaseScheme: null',
    () => definePhaseScheme(null as never),
    InvalidArgumentError,
    'definePhaseScheme',
  ],
  [
    'definePhaseScheme: repeated phase',
    () => definePhaseScheme({ name: 'x', phases: ['a', 'a'] } as never),
    InvalidArgumentError,
    'definePhaseScheme',
  ],
  [
    'definePhaseScheme: empty phases',
    () => definePhaseScheme({ name: 'x', phases: [] } as never),
    InvalidArgumentError,
    'definePhaseScheme',
  ],
  [
    'checkScheme: a string',
    () => checkScheme('f', 'options.scheme', 'cathode'),
    InvalidArgumentError,
    'f: argument options.scheme must be a PhaseScheme',
  ],
  [
    'phaseCode: unknown phase',
    () => phaseCode(CATHODE_SCHEME, 'pore'),
    InvalidArgumentError,
    'phaseCode',
  ],
  [
    'phaseName: code out of range',
    () => phaseName(CATHODE_SCHEME, 99),
    InvalidArgumentError,
    'phaseName',
  ],
  [
    'phaseName: NaN code',
    () => phaseName(CATHODE_SCHEME, Number.NaN),
    InvalidArgumentError,
    'phaseName',
  ],
  [
    'samePhaseScheme: itself',
    () => samePhaseScheme(CATHODE_SCHEME, CATHODE_SCHEME),
    (r) => expect(r).toBe(true),
  ],
  [
    'schemeOfGraph: no scheme',
    () => schemeOfGraph('f', { getAttribute: () => undefined }),
    InvalidArgumentError,
    'f: argument graph attribute scheme',
  ],
  [
    'describeScheme: names its phases',
    () => describeScheme(CATHODE_SCHEME),
    (r) => expect(r).toContain('cathode'),
  ],
  [
    'applyScheme: a value no phase has',
    () => applyScheme(ndarray(Uint8Array.from([0, 250]), [2]), CATHODE_SCHEME),
    InvalidArgumentError,
    'applyScheme',
  ],
  [
    'applyScheme: a plain array',
    () => applyScheme([0, 1] as never, CATHODE_SCHEME),
    InvalidArgumentError,
    'applyScheme',
  ],
  [
    'applyScheme: a view longer than its data',
    () => applyScheme(ndarray(new Uint8Array(2), [5]), CATHODE_SCHEME),
    InvalidArgumentError,
    'applyScheme',
  ],
  [
    'applyScheme: NaN in float data',
    () => applyScheme(view([1, Number.NaN], [2]), CATHODE_SCHEME),
    InvalidArgumentError,
    'applyScheme',
  ],
  [
    'applyScheme: raw 2x2',
    () => applyScheme(raw, CATHODE_SCHEME).shape,
    (r) => expect(r).toEqual([2, 2]),
  ],
  // ---- errors
  [
    'describeValue: a cyclic object never throws',
    () => {
      const o: Record<string, unknown> = {};
      o.self = o;
      return describeValue(o);
    },
    (r) => expect(r).toBe('[object]'),
  ],
  ['describeValue: -0', () => describeValue(-0), (r) => expect(r).toBe('-0')],
  [
    'describeValue: a long string is cut',
    () => describeValue('x'.repeat(1e6)).length,
    (r) => expect(r).toBeLessThan(70),
  ],
  [
    'throwIfAborted: aborted',
    () => {
      const c = new AbortController();
      c.abort();
      throwIfAborted('f', c.signal);
    },
    AbortError,
    'f: aborted by signal',
  ],
  [
    'FileError: ENOENT names the path',
    () => {
      throw new FileError(
        'readX',
        '/no/such',
        Object.assign(new Error('x'), { code: 'ENOENT' }),
        'open',
      );
    },
    FileError,
    'readX: cannot open "/no/such": no such file or directory (ENOENT)',
  ],
  [
    'FileError.from: a non-system error passes through',
    () => FileError.from('f', '/p', 'read', new RangeError('r')),
    (r) => expect(r).toBeInstanceOf(RangeError),
  ],
  [
    'FileError.isInstance: not an InvalidArgumentError',
    () => InvalidArgumentError.isInstance(new FileError('f', '/p', { code: 'EISDIR' })),
    (r) => expect(r).toBe(false),
  ],
];

describe('core: hostile inputs, every export', () => {
  runCases(cases);
  it(`has ${cases.length} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
});

afterAll(() => {
  expectPeakRss('core', cases.length);
});
