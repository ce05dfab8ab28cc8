// esbuild for the browser test and the bundle-size table: platform 'browser', no externals,
// minified, with the metafile that says which input files made the output.
import { build, type Metafile, type Plugin } from 'esbuild';

/** One bundle: its code and which input files went into it. */
export interface Bundle {
  code: string;
  /** Minified bytes of the output. */
  bytes: number;
  /** Input files, as esbuild names them (relative to `cwd`), with the bytes each kept. */
  inputs: Record<string, number>;
  metafile: Metafile;
}

/**
 * Bundle `source` (a module text, resolved from `resolveDir`) for the browser: ESM, minified,
 * nothing external, the package.json `browser` / `module` / `main` fields and `exports`
 * conditions as esbuild applies them for platform 'browser'.
 *
 * @param source - the entry module's text (e.g. "export { pearson } from '@mgraph/stats'")
 * @param resolveDir - directory imports are resolved from
 * @param options - `minify` (true), `plugins` ([]), `alias` (esbuild's: package -> replacement)
 */
export async function bundleForBrowser(
  source: string,
  resolveDir: string,
  options: { minify?: boolean; plugins?: Plugin[]; alias?: Record<string, string> } = {},
): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    plugins: options.plugins ?? [],
    alias: options.alias ?? {},
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: resolveDir,
  });
  const output = result.outputFiles[0]!;
  const meta = Object.values(result.metafile.outputs)[0]!;
  const inputs: Record<string, number> = {};
  for (const [file, { bytesInOutput }] of Object.entries(meta.inputs)) inputs[file] = bytesInOutput;
  return { code: output.text, bytes: output.contents.length, inputs, metafile: result.metafile };
}
