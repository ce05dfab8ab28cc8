// Minified browser bundle sizes of the entries of ./bundle-budgets.ts and of every package
// main that is not Node-only: what the budget test checks and what `npm run bench -w
// @mgraph/examples` prints.
import { bundleForBrowser } from './bundle.js';
import { mainLabel, SIZE_ENTRIES } from './bundle-budgets.js';
import { NODE_ONLY, workspacePackages, workspaceSources } from './main-entries.js';

/** One measured bundle: minified bytes and the input files that weigh most. */
export interface BundleSize {
  bytes: number;
  /** Input file (node_modules/... or ../packages/...) -> bytes it kept, largest first, top 5. */
  largest: Record<string, number>;
  /** Every input file of the bundle. */
  inputs: string[];
}

/**
 * Bundle each single-function entry (through the built packages, as a user resolves them)
 * and each package main (from its source, so that packages not built yet are measured too).
 *
 * @param examples - the examples directory (where `@mgraph/*` resolve)
 * @param root - the repository root
 */
export async function measureBundleSizes(
  examples: string,
  root: string,
): Promise<Record<string, BundleSize>> {
  const packages = workspacePackages(root).filter((p) => NODE_ONLY[p.name] === undefined);
  const jobs: [string, string, boolean][] = [
    ...Object.entries(SIZE_ENTRIES).map(([label, code]): [string, string, boolean] => [
      label,
      code,
      false,
    ]),
    ...packages.map((p): [string, string, boolean] => [
      mainLabel(p.name),
      `export * from '${p.name}';`,
      true,
    ]),
  ];
  const sizes: Record<string, BundleSize> = {};
  for (const [label, code, fromSource] of jobs) {
    const bundle = await bundleForBrowser(code, examples, {
      plugins: fromSource ? [workspaceSources(packages)] : [],
    });
    const byWeight = Object.entries(bundle.inputs).sort((a, b) => b[1] - a[1]);
    sizes[label] = {
      bytes: bundle.bytes,
      largest: Object.fromEntries(
        byWeight.slice(0, 5).map(([file, n]) => [file.replace(/^.*node_modules\//, ''), n]),
      ),
      inputs: Object.keys(bundle.inputs),
    };
  }
  return sizes;
}
