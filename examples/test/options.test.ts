import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseWorkflowArgs } from '../paper-workflow/options.js';

describe('parseWorkflowArgs', () => {
  it('gives the paper run by default, paths relative to the base directory', () => {
    const o = parseWorkflowArgs([], '/base')!;
    expect(o).toMatchObject({
      input: null,
      count: 73,
      preset: 'twin',
      size: 96,
      out: '/base/out',
      seed: DEFAULT_SEED,
      model: null,
      segmenter: 'unet',
      epochs: 150,
      window: 7,
      minSize: 10,
      progress: true,
    });
    expect(o.workers).toBeGreaterThanOrEqual(1);
  });
  it('reads every option', () => {
    const o = parseWorkflowArgs(
      [
        '--input',
        'imgs',
        '--out',
        '/abs/o',
        '--seed',
        '5',
        '--workers',
        '3',
        '--model',
        'm.onnx',
      ].concat(
        [
          '--segmenter',
          'otsu',
          '--epochs',
          '9',
          '--window',
          '5',
          '--min-size',
          '4',
          '--no-progress',
        ],
        ['--count', '6', '--preset', 'dense', '--size', '64'],
      ),
      '/base',
    )!;
    expect(o).toEqual({
      input: '/base/imgs',
      count: 6,
      preset: 'dense',
      size: 64,
      out: '/abs/o',
      seed: 5,
      workers: 3,
      model: '/base/m.onnx',
      segmenter: 'otsu',
      epochs: 9,
      window: 5,
      minSize: 4,
      progress: false,
    });
  });
  it('sizes the dense preset at 256 by default', () => {
    expect(parseWorkflowArgs(['--preset', 'dense'], '/')!).toMatchObject({
      preset: 'dense',
      size: 256,
    });
  });
  it('returns null for --help', () => {
    expect(parseWorkflowArgs(['--help'])).toBeNull();
  });
  it.each([
    [['--workers', '0'], /--workers/],
    [['--seed', '1.5'], /--seed/],
    [['--window', '6'], /odd/],
    [['--segmenter', 'sam'], /--segmenter/],
    [['--preset', 'sparse'], /--preset/],
    [['--bogus'], /argv/],
  ])('rejects %j with a typed error', (argv, message) => {
    let caught: unknown;
    try {
      parseWorkflowArgs(argv);
    } catch (e) {
      caught = e;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
});
