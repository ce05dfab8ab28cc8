// Every package of packages/* (found by listing the directory, so packages added later are
// covered) and the source of its main entry, plus an esbuild plugin that resolves
// `@mgraph/<name>` to that source: the check of browser-clean main entries then needs no
// build and sees exactly the code of `src/`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Packages that are Node-only by design, with the reason; their main entry may import Node
 * built-ins. Everything else must bundle for the browser.
 */
export const NODE_ONLY: Readonly<Record<string, string>> = {
  '@mgraph/cli': 'the `mgraph` command line reads and writes files and spawns workers',
  '@mgraph/executor':
    'worker threads (piscina) and BullMQ / Redis; the task contract it runs is in @mgraph/core',
};

/** A package of the monorepo: its name, directory and main-entry source. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  /** `src/index.ts`, the source of the `.` export. */
  main: string;
}

/** The packages under `root/packages` that have a package.json and a `src/index.ts`. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const packages = join(root, 'packages');
  return readdirSync(packages)
    .map((entry) => join(packages, entry))
    .filter(
      (dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'index.ts')),
    )
    .map((dir) => ({
      name: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name,
      dir,
      main: join(dir, 'src', 'index.ts'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * esbuild plugin: `@mgraph/<name>` and `@mgraph/<name>/node` resolve to `src/index.ts` and
 * `src/node.ts` of the workspace package; other subpaths (e.g. `/models/*`) resolve as usual.
 */
export function workspaceSources(packages: readonly WorkspacePackage[]): Plugin {
  const byName = new Map(packages.map((p) => [p.name, p]));
  return {
    name: 'mgraph-workspace-sources',
    setup(build) {
      build.onResolve({ filter: /^@mgraph\/[\w-]+(\/node)?$/ }, (args) => {
        const [scope, name, sub] = args.path.split('/');
        const p = byName.get(`${scope}/${name}`);
        if (!p) return undefined;
        return { path: join(p.dir, 'src', sub === 'node' ? 'node.ts' : 'index.ts') };
      });
    },
  };
}
