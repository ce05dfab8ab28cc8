import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: both entries, ESM via import, CJS via require.
describe('built @mgraph/io', () => {
  it('loads both entries with import (ESM build)', async () => {
    const esm = await import('@mgraph/io');
    const node = await import('@mgraph/io/node');
    const a = ndarray(Uint16Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    const back = esm.decodeTiff(
      esm.encodeTiff(a, { compression: 'lzw', spacing: [0.5, 0.25], unit: 'um' }),
    );
    expect(Array.from(back.data.data as Uint16Array)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(back.spacing).toEqual([0.5, 0.25]);
    expect(typeof node.readTiffPlanes).toBe('function');
    expect(node.decodeTiff).toBe(esm.decodeTiff);
  });
  it('loads both entries with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/io').endsWith('dist/index.cjs')).toBe(true);
    expect(require.resolve('@mgraph/io/node').endsWith('dist/node.cjs')).toBe(true);
    const cjs = require('@mgraph/io') as typeof import('@mgraph/io');
    const cjsNode = require('@mgraph/io/node') as typeof import('@mgraph/io/node');
    const esm = await import('@mgraph/io');
    const a = ndarray(Float32Array.from([0.5, -1, 8344.125, 3]), [2, 2]);
    expect(Array.from(esm.decodeTiff(cjs.encodeTiff(a)).data.data as Float32Array)).toEqual([
      0.5, -1, 8344.125, 3,
    ]);
    expect(typeof cjsNode.writeTiff).toBe('function');
  });
});

describe('browser-safe main entry', () => {
  it('imports no Node built-in, statically or on first use', () => {
    for (const file of ['../dist/index.js', '../dist/index.cjs']) {
      const code = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(code, file).not.toMatch(
        /["'](node:)?(fs|fs\/promises|path|os|child_process|stream)["']/,
      );
    }
    const node = readFileSync(new URL('../dist/node.js', import.meta.url), 'utf8');
    expect(node).toMatch(/import\("(node:)?fs\/promises"\)/);
  });
});
