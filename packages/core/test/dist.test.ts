import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/core', () => {
  it('loads with import (ESM build)', async () => {
    const esm = await import('@mgraph/core');
    expect(esm.createRng(1).nextUint32()).toBe(2442144158);
    expect(new esm.InvalidArgumentError('f', 'a', 1, 'x')).toBeInstanceOf(Error);
    // class names survive bundling (tsup --keep-names): users see them in stack traces
    expect(new esm.InvalidArgumentError('f', 'a', 1, 'x').name).toBe('InvalidArgumentError');
    expect(new esm.ConvergenceError('f', 1, 1e-6).name).toBe('ConvergenceError');
    // and so do the constructors' own names, which Node prints for an uncaught error
    for (const name of [
      'MGraphError',
      'InvalidArgumentError',
      'ShapeMismatchError',
      'ConvergenceError',
      'ModelError',
      'FileError',
      'AbortError',
    ] as const) {
      expect(esm[name].name).toBe(name);
    }
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@mgraph/core');
    expect(path.endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/core') as typeof import('@mgraph/core');
    const esm = await import('@mgraph/core');
    expect(cjs.createRng(1).nextUint32()).toBe(esm.createRng(1).nextUint32());
    // errors from the two builds are distinct classes, yet isInstance recognises both
    const e = new cjs.ShapeMismatchError('f', 'a', [1], [2]);
    expect(e instanceof esm.ShapeMismatchError).toBe(false);
    expect(esm.ShapeMismatchError.isInstance(e)).toBe(true);
    expect(cjs.CATHODE_SCHEME.phases).toEqual(['background', 'sse', 'nmc', 'graphite']);
  });
  it('an uncaught error prints as InvalidArgumentError, not _InvalidArgumentError (CJS and ESM)', () => {
    for (const args of [
      ['-e', "require('@mgraph/core').assertNumber('f', 'x', 'a')"],
      [
        '--input-type=module',
        '-e',
        "import { assertNumber } from '@mgraph/core'; assertNumber('f', 'x', 'a');",
      ],
    ]) {
      const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(
        /^InvalidArgumentError: f: argument x must be a finite number, got "a"$/m,
      );
      expect(run.stderr).not.toContain('_InvalidArgumentError');
    }
  });
});
