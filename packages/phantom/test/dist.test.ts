import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The built package, through its `exports` map: ESM via import, CJS via require.
describe('built @mgraph/phantom', () => {
  it('loads with import (ESM build) and generates a composite', async () => {
    const esm = await import('@mgraph/phantom');
    const c = esm.generateComposite({ shape: [32, 32], seed: 1, nmcRadius: 4 });
    expect(c.phases.shape).toEqual([32, 32]);
    expect(esm.XANES_ENERGIES).toHaveLength(63);
  });
  it('loads with require (CJS build) and agrees with ESM', async () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@mgraph/phantom').endsWith('dist/index.cjs')).toBe(true);
    const cjs = require('@mgraph/phantom') as typeof import('@mgraph/phantom');
    const esm = await import('@mgraph/phantom');
    const options = { shape: [32, 32], seed: 2, nmcRadius: 4 };
    expect(Array.from(cjs.generateComposite(options).image.data)).toEqual(
      Array.from(esm.generateComposite(options).image.data),
    );
    const [a, b] = [cjs.generateComposite(options), esm.generateComposite(options)];
    expect(Array.from(a.instances.data)).toEqual(Array.from(b.instances.data));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
  });
});

describe('browser-safe bundle', () => {
  it('has no static import of Node built-ins (fs and path load on first use)', async () => {
    const { readFileSync } = await import('node:fs');
    const esm = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');
    expect(esm).not.toMatch(/^import .* from ["'](node:)?(fs|fs\/promises|path)["']/m);
    expect(esm).toContain('await import("fs/promises")');
  });
});

describe('independent of @mgraph/graph', () => {
  it('neither declares nor bundles the graph package or graphology (its truth has its own oracle)', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })).not.toContain(
      '@mgraph/graph',
    );
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(/@mgraph\/graph|graphology/);
    }
  });
});
