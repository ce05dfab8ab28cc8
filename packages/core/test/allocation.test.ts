import { describe, expect, it } from 'vitest';
import { assertAllocation, formatBytes, InvalidArgumentError } from '../src/index.js';

describe('formatBytes', () => {
  it('renders bytes, then three significant digits of a binary unit', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(2 ** 33)).toBe('8.00 GiB');
    expect(formatBytes(8e12)).toBe('7.28 TiB');
    expect(formatBytes(2 ** 70)).toBe('1.02e+3 EiB');
  });
  it('says a count that is not finite is more than any memory', () => {
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('more than any memory');
    expect(formatBytes(Number.NaN)).toBe('more than any memory');
  });
});

describe('assertAllocation', () => {
  it('lets a size at the limit through', () => {
    expect(() => assertAllocation('f', 'size', 4, 4, { limit: 4 })).not.toThrow();
  });
  it('refuses a size past the limit, stating the memory it would take', () => {
    let thrown: unknown;
    try {
      assertAllocation('matmul', 'a', [2 ** 20, 1], 2 ** 40, { limit: 2 ** 27 });
    } catch (e) {
      thrown = e;
    }
    expect(InvalidArgumentError.isInstance(thrown)).toBe(true);
    expect((thrown as InvalidArgumentError).argument).toBe('a');
    expect((thrown as Error).message).toBe(
      'matmul: argument a must be a size needing at most 134217728 elements (this one needs 1099511627776 elements, 8.00 TiB), got [1048576, 1]',
    );
  });
  it('names the elements, their size and what the argument must be', () => {
    expect(() =>
      assertAllocation('segment', 'image', 0, 2 ** 33, {
        limit: 2 ** 30,
        bytesPerElement: 4,
        what: 'float32 elements',
        subject: 'an image with probabilities',
      }),
    ).toThrow(
      'argument image must be an image with probabilities needing at most 1073741824 float32 elements (this one needs 8589934592 float32 elements, 32.0 GiB)',
    );
  });
});
