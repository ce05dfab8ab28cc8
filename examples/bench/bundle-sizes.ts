/**
 * Minified browser bundle sizes (esbuild, platform 'browser', no externals) of single-function
 * imports and of every package main, as JSON, with their budgets
 * (test/browser/bundle-budgets.ts; the test fails above them) and the largest inputs.
 *
 *   npm run bench -w @mgraph/examples   # after npm run build
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from 'esbuild';
import { BUDGETS, DEFAULT_MAIN_BUDGET } from '../test/browser/bundle-budgets.js';
import { measureBundleSizes } from '../test/browser/bundle-sizes.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..');
const start = performance.now();
const sizes = await measureBundleSizes(examples, join(examples, '..'));
const seconds = (performance.now() - start) / 1000;
const rows = Object.entries(sizes).map(([entry, { bytes, largest }]) => ({
  entry,
  minifiedBytes: bytes,
  budgetBytes: BUDGETS[entry] ?? DEFAULT_MAIN_BUDGET,
  largest,
}));
console.log(JSON.stringify({ tool: `esbuild ${version}`, bundleSeconds: seconds, rows }, null, 1));
