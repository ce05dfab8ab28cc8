import { assertNumber, InvalidArgumentError } from '@mgraph/core';

/**
 * How a filter extends the input past its edges (`scipy.ndimage`'s `mode`), shown for the
 * line `a b c d`:
 *
 * | mode        | extension                   |
 * | ----------- | --------------------------- |
 * | `'reflect'` | `d c b a \| a b c d \| d c b a` (scipy's default; `'grid-mirror'` in scipy) |
 * | `'constant'`| `k k k k \| a b c d \| k k k k` with `k = cval` (scipy's `'grid-constant'` for filters) |
 * | `'nearest'` | `a a a a \| a b c d \| d d d d` |
 * | `'mirror'`  | `d c b \| a b c d \| c b a` |
 * | `'wrap'`    | `a b c d \| a b c d \| a b c d` (`'grid-wrap'`) |
 */
export type ExtendMode = 'reflect' | 'constant' | 'nearest' | 'mirror' | 'wrap';

const MODES: readonly ExtendMode[] = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'];

/**
 * Validate a `mode` option.
 *
 * @throws InvalidArgumentError naming `fn` and `options.mode`
 * @internal
 */
export function checkMode(fn: string, mode: unknown): ExtendMode {
  if (!MODES.includes(mode as ExtendMode)) {
    throw new InvalidArgumentError(fn, 'options.mode', mode, MODES.map((m) => `'${m}'`).join(', '));
  }
  return mode as ExtendMode;
}

/**
 * Validate the `axis`, `mode` and `cval` options of a 1D filter over an array of `shape`
 * (`axis` an integer in `-ndim..ndim - 1`), in that order.
 *
 * @returns the axis, negative values counted from the end
 * @throws InvalidArgumentError naming `fn` and the option at fault
 * @internal
 */
export function checkLineOptions(
  fn: string,
  shape: readonly number[],
  axis: number,
  mode: unknown,
  cval: number,
): number {
  assertNumber(fn, 'options.axis', axis, {
    integer: true,
    min: -shape.length,
    max: shape.length - 1,
  });
  checkMode(fn, mode);
  assertNumber(fn, 'options.cval', cval);
  return axis < 0 ? axis + shape.length : axis;
}

/**
 * The index in `[0, length)` that position `i` (any integer) of a line reads under `mode`,
 * or -1 where `'constant'` reads `cval`. Repeats as scipy's `NI_ExtendLine` does for
 * extensions longer than the line.
 *
 * @internal
 */
export function extendIndex(i: number, length: number, mode: ExtendMode): number {
  if (i >= 0 && i < length) return i;
  switch (mode) {
    case 'constant':
      return -1;
    case 'nearest':
      return i < 0 ? 0 : length - 1;
    case 'wrap':
      return ((i % length) + length) % length;
    case 'mirror': {
      if (length === 1) return 0;
      const period = 2 * length - 2;
      const j = ((i % period) + period) % period;
      return j < length ? j : period - j;
    }
    default: {
      const period = 2 * length;
      const j = ((i % period) + period) % period;
      return j < length ? j : period - 1 - j;
    }
  }
}

/**
 * For a line of `length` read through a window reaching `before` elements back and `after`
 * ahead, the index each padded position `p` (element `p - before`) reads: {@link extendIndex}.
 *
 * @internal
 */
export function extendTaps(
  length: number,
  before: number,
  after: number,
  mode: ExtendMode,
): Int32Array {
  const taps = new Int32Array(length + before + after);
  for (let p = 0; p < taps.length; p++) taps[p] = extendIndex(p - before, length, mode);
  return taps;
}
