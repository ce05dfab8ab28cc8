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

describe('browser-safe main entry, file helpers in @mgraph/phantom/node', () => {
  it('the main entry names no Node built-in, the /node entry has the file helpers', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dist = new URL('../dist/', import.meta.url);
    // the ESM main and every chunk it may load
    const esm = readdirSync(dist)
      .filter((f) => f === 'index.js' || /^chunk-.*\.js$/.test(f))
      .map((f) => readFileSync(new URL(f, dist), 'utf8'))
      .join('\n');
    expect(esm).not.toMatch(/["'](node:)?(fs|fs\/promises|path)["']|@mgraph\/io\/node/);
    const main = await import('@mgraph/phantom');
    expect('writeCompositeFiles' in main).toBe(false);
    const node = await import('@mgraph/phantom/node');
    expect(typeof node.writeCompositeFiles).toBe('function');
    expect(typeof node.readCompositeFiles).toBe('function');
    expect(node.generateComposite).toBe(main.generateComposite);
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
