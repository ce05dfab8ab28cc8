import { describe, expect, it } from 'vitest';
import {
  assertBoolean,
  checkOptions,
  InvalidArgumentError,
  type OptionKeys,
} from '../src/index.js';

interface LabelLike {
  connectivity?: number;
  maxEpochs?: number;
  window?: number;
  onProgress?: (done: number, total: number) => void;
}
const KEYS: OptionKeys<LabelLike> = {
  connectivity: true,
  maxEpochs: true,
  window: true,
  onProgress: true,
};

describe('checkOptions', () => {
  it('undefined and null mean defaults; a known object passes through unchanged', () => {
    expect(checkOptions<LabelLike>('f', undefined, KEYS)).toEqual({});
    expect(checkOptions<LabelLike>('f', null, KEYS)).toEqual({});
    const o = { connectivity: 2 };
    expect(checkOptions('f', o, KEYS)).toBe(o);
  });
  it('a misspelled option is an error naming the closest known one', () => {
    expect(() => checkOptions('label', { conectivity: 2 } as LabelLike, KEYS)).toThrow(
      'label: argument options.conectivity must be a known option (did you mean "connectivity"?); label knows "connectivity", "maxEpochs", "window", "onProgress", got 2',
    );
    expect(() => checkOptions('f', { windw: 3 } as LabelLike, KEYS)).toThrow(
      'did you mean "window"?',
    );
    expect(() => checkOptions('f', { max_epochs: 1 } as LabelLike, KEYS)).toThrow(
      'did you mean "maxEpochs"?',
    );
    expect(() => checkOptions('f', { zzzzzzzzz: 1 } as LabelLike, KEYS)).toThrow(
      /must be a known option; f knows/,
    );
  });
  it('anything but an object is refused', () => {
    for (const bad of [3, 'x', [1], new Uint8Array(2), true]) {
      expect(() => checkOptions('f', bad as never, KEYS)).toThrow(InvalidArgumentError);
    }
    expect(() => checkOptions('f', 3 as never, KEYS, 'settings')).toThrow(
      'f: argument settings must be an options object (or undefined), got 3',
    );
  });
});

describe('assertBoolean', () => {
  it('accepts true, false and undefined only', () => {
    for (const ok of [true, false, undefined])
      expect(() => assertBoolean('f', 'o', ok)).not.toThrow();
    for (const bad of ['no', 0, 1, null, 'false']) {
      expect(() => assertBoolean('watershed', 'options.watershedLine', bad)).toThrow(
        'watershed: argument options.watershedLine must be true or false',
      );
    }
  });
});
