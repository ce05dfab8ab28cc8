// The bundles whose minified browser size is measured (by ../browser-bundle.test.ts, which
// fails above the budget, and by ../../bench/bundle-sizes.ts, which prints the table). One
// entry per single function a user typically imports alone, and one per package main.

/** Entry label -> the module text esbuild bundles. */
export const SIZE_ENTRIES: Readonly<Record<string, string>> = {
  "import { adjacencyCounts } from '@mgraph/graph'":
    "export { adjacencyCounts } from '@mgraph/graph';",
  "import { pearson } from '@mgraph/stats'": "export { pearson } from '@mgraph/stats';",
  "import { watershed } from '@mgraph/watershed'": "export { watershed } from '@mgraph/watershed';",
  "import { decodeTiff } from '@mgraph/io'": "export { decodeTiff } from '@mgraph/io';",
  "import { meanIoU } from '@mgraph/segment'": "export { meanIoU } from '@mgraph/segment';",
};

/** The label of the bundle of a whole package main (`export * from '<name>'`). */
export const mainLabel = (name: string) => `import * from '${name}'`;

/**
 * Budgets in bytes, minified: about 20% above the size measured when the budget was set
 * (esbuild 0.27.7, `npm run bench -w @mgraph/examples`), so that only a real regression (a
 * dependency pulled in again, tree-shaking lost) fails the test. `@mgraph/io`'s main holds
 * the Zarr codecs of numcodecs (zstd and blosc as inlined WebAssembly, 1.35 MB of it).
 */
export const BUDGETS: Readonly<Record<string, number>> = {
  "import { adjacencyCounts } from '@mgraph/graph'": 25_000, // measured 20_706
  "import { pearson } from '@mgraph/stats'": 24_000, // measured 19_526
  "import { watershed } from '@mgraph/watershed'": 35_000, // measured 28_962
  "import { decodeTiff } from '@mgraph/io'": 44_000, // measured 36_620
  "import { meanIoU } from '@mgraph/segment'": 21_000, // measured 16_896
  "import * from '@mgraph/blocks'": 113_000, // measured 93_931
  "import * from '@mgraph/core'": 31_000, // measured 25_195
  "import * from '@mgraph/electrochem'": 41_000, // measured 33_351
  "import * from '@mgraph/gnn'": 73_000, // measured 60_954 (no-graph baselines added)
  "import * from '@mgraph/graph'": 257_000, // measured 214_052
  "import * from '@mgraph/io'": 1_804_000, // measured 1_502_595
  "import * from '@mgraph/ndimage'": 30_000, // measured 24_551
  "import * from '@mgraph/phantom'": 61_000, // measured 50_764 (box-wise 3D layout, paper twin)
  "import * from '@mgraph/pipeline'": 246_000, // measured 204_313
  "import * from '@mgraph/segment'": 53_000, // measured 43_813
  "import * from '@mgraph/stats'": 41_000, // measured 33_808
  "import * from '@mgraph/watershed'": 80_000, // measured 66_593
};

/**
 * Budget of a package main not listed in {@link BUDGETS} (packages still being written, or
 * added later): a main past 100 kB minified needs a budget of its own.
 */
export const DEFAULT_MAIN_BUDGET = 100_000;
