import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConvergenceError,
  describeValue,
  InvalidArgumentError,
  MGraphError,
  ModelError,
  ShapeMismatchError,
  throwIfAborted,
} from '../src/index.js';

describe('error classes', () => {
  it('InvalidArgumentError names function, argument and value', () => {
    const e = new InvalidArgumentError(
      'watershed',
      'options.connectivity',
      4,
      'an integer in 1..2',
    );
    expect(e.message).toBe(
      'watershed: argument options.connectivity must be an integer in 1..2, got 4',
    );
    expect(e.fn).toBe('watershed');
    expect(e.argument).toBe('options.connectivity');
    expect(e.value).toBe(4);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.name).toBe('InvalidArgumentError');
    expect(e).toBeInstanceOf(MGraphError);
    expect(e).toBeInstanceOf(Error);
  });

  it('ShapeMismatchError names both shapes', () => {
    const e = new ShapeMismatchError('label', 'mask', [3, 4], [4, 3]);
    expect(e.message).toBe('label: argument mask must have shape [3, 4], got [4, 3]');
    expect(e.expected).toEqual([3, 4]);
    expect(e.actual).toEqual([4, 3]);
    expect(e.name).toBe('ShapeMismatchError');
  });

  it('ConvergenceError names iterations and tolerance', () => {
    const e = new ConvergenceError('eigenvectorCentrality', 100, 1e-6, 'residual 0.3');
    expect(e.message).toBe(
      'eigenvectorCentrality: did not converge within maxIter = 100 iterations (tol = 0.000001): residual 0.3',
    );
    expect(e.iterations).toBe(100);
    expect(e.tolerance).toBe(1e-6);
  });

  it('ModelError names expected and actual', () => {
    const e = new ModelError('createSegmenter', 'input rank', 4, 3);
    expect(e.message).toBe('createSegmenter: model input rank: expected 4, got 3');
    expect(e.code).toBe('MODEL');
  });

  it('AbortError and throwIfAborted', () => {
    const c = new AbortController();
    expect(() => throwIfAborted('train', c.signal)).not.toThrow();
    expect(() => throwIfAborted('train', undefined)).not.toThrow();
    c.abort();
    expect(() => throwIfAborted('train', c.signal)).toThrow(AbortError);
    expect(() => throwIfAborted('train', c.signal)).toThrow('train: aborted by signal');
  });

  it('isInstance works on subclasses and across copies (brand, not prototype)', () => {
    const e = new ShapeMismatchError('f', 'x', [1], [2]);
    expect(MGraphError.isInstance(e)).toBe(true);
    expect(ShapeMismatchError.isInstance(e)).toBe(true);
    expect(InvalidArgumentError.isInstance(e)).toBe(false);
    expect(MGraphError.isInstance(new Error('x'))).toBe(false);
    expect(MGraphError.isInstance(null)).toBe(false);
    expect(MGraphError.isInstance('INVALID_ARGUMENT')).toBe(false);
    // an error from a duplicate install has another prototype chain but the same global brand
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    Object.defineProperty(foreign, Symbol.for('@mgraph/core/MGraphError'), {
      value: 'INVALID_ARGUMENT',
    });
    expect(foreign instanceof InvalidArgumentError).toBe(false);
    expect(InvalidArgumentError.isInstance(foreign)).toBe(true);
    expect(MGraphError.isInstance(foreign)).toBe(true);
  });

  it('a long value is cut, what was expected never is', () => {
    const long = 'x'.repeat(200);
    expect(describeValue(long)).toBe(JSON.stringify(`${'x'.repeat(57)}...`));
    const expectation = `one of ${'"a very long option name", '.repeat(8)}"the end that says what was expected"`;
    const e = new InvalidArgumentError('f', 'options.mode', long, expectation);
    expect(e.message).toBe(
      `f: argument options.mode must be ${expectation}, got ${JSON.stringify(`${'x'.repeat(57)}...`)}`,
    );
    const path = `/models/${'deep/'.repeat(20)}unet.onnx`;
    const m = new ModelError('loadUnet', 'file', `a loadable ONNX model at ${path}`, long);
    expect(m.message).toContain(`expected "a loadable ONNX model at ${path}"`);
    expect(m.message).toContain(`got "${'x'.repeat(57)}..."`);
    const names = Array.from({ length: 9 }, (_, i) => `input${i}`);
    expect(new ModelError('f', 'inputs', names, []).message).toContain(
      `expected [${names.map((n) => `"${n}"`).join(', ')}], got []`,
    );
  });

  it('describeValue renders values compactly', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, ... (8 items)]');
    expect(describeValue(new Float32Array(5))).toBe('Float32Array(5)');
    expect(describeValue({ shape: [2, 3], dtype: 'uint8' })).toBe('ndarray(uint8, shape [2, 3])');
    expect(describeValue({})).toBe('[object]');
    expect(describeValue(new Map())).toBe('[object Map]');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(57)}..."`);
  });
});
