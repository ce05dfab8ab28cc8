/**
 * Command-line options of the paper workflow (`node:util` `parseArgs`), with defaults that
 * reproduce the paper's run on the embedded phantom batch.
 */
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@mgraph/core';
import { paperTwinOptions } from '@mgraph/phantom';
import type { PhantomPreset, SegmenterKind } from './types.js';

/**
 * First phantom seed of the default batch. The U-Nets shipped with @mgraph/segment were trained
 * on phantom seeds 1000-1099 (default model) and twin seeds 200000-200399 (twin model; their
 * model card), so the demo's seeds 100000-100072 are images they have never seen.
 */
export const DEFAULT_SEED = 100_000;

/** Side of the paper twin's images, the size its counts were calibrated at (96). */
const TWIN_SIZE = paperTwinOptions().shape![0]!;

/** Everything a run needs. */
export interface WorkflowOptions {
  /** Directory of TIFF images (and `<name>.phases.tif` / `<name>.energy.tif`); null = phantoms. */
  input: string | null;
  /** Number of phantom images (default 73, the paper's count). */
  count: number;
  /**
   * Which phantoms: `twin` (default; `paperTwinOptions` of @mgraph/phantom, calibrated to the
   * paper's counts and effects) or `dense` (the generator's defaults: about 60 NMC particles
   * per 256x256 image).
   */
  preset: PhantomPreset;
  /** Phantom image side in pixels (default 96 for the twin, its calibrated size; 256 for dense). */
  size: number;
  /** Output directory (default `out`, relative to where npm was invoked). */
  out: string;
  /** First phantom seed; also seeds the GNN split and initialisation. */
  seed: number;
  /** Worker threads (default `os.availableParallelism()`). */
  workers: number;
  /**
   * ONNX model (default: a U-Net shipped with @mgraph/segment, `unet-twin.onnx` for the twin
   * preset's phantoms, `unet.onnx` otherwise).
   */
  model: string | null;
  /** `unet` (default), `otsu` (baseline) or `truth` (the phase maps given with the images). */
  segmenter: SegmenterKind;
  /** Maximum GNN training epochs (default 150; early stopping, patience 50). */
  epochs: number;
  /** Adjacency window (the paper's 7). */
  window: number;
  /** Smallest object kept by instance segmentation, in pixels. */
  minSize: number;
  /** Print progress bars. */
  progress: boolean;
}

/** Usage text of `--help`. */
export const USAGE = `Usage: npx tsx examples/paper-workflow/index.ts [options]   (or: npm run start -w examples -- [options])

The paper's workflow end to end: segment -> split particles -> graphs -> TPBs and channels ->
descriptors and metrics -> statistics -> GNN -> out/ (CSV, Markdown, GraphML/JSON, SVG, report.html).

  --input DIR        TIFF images (+ optional NAME.phases.tif, NAME.energy.tif) instead of phantoms
  --count N          phantom images (default 73)
  --preset KIND      twin | dense: phantoms calibrated to the paper's counts and effects, or
                     the generator's dense defaults (default twin)
  --size N           phantom side in pixels (default 96 for twin, 256 for dense)
  --out DIR          output directory (default out)
  --seed N           first phantom seed, GNN seed (default ${DEFAULT_SEED})
  --workers N        worker threads (default: number of cores)
  --model FILE       ONNX U-Net (default: shipped with @mgraph/segment, the twin model
                     for the twin preset, the default model otherwise)
  --segmenter KIND   unet | otsu | truth (default unet)
  --epochs N         maximum GNN epochs (default 150; early stopping, patience 50)
  --window N         adjacency window, odd (default 7)
  --min-size N       smallest object in pixels (default 10)
  --no-progress      no progress bars
  --help             this text`;

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError('parseWorkflowArgs', `--${name}`, value, `an integer >= ${min}`);
  return n;
}

/**
 * Parse command-line arguments.
 *
 * @param argv - arguments after the script (e.g. `process.argv.slice(2)`).
 * @param cwd - base of relative paths (default `INIT_CWD`, where npm was invoked, else cwd).
 * @returns the options, or `null` when `--help` was asked.
 * @throws InvalidArgumentError on an unknown option or a bad value.
 */
export function parseWorkflowArgs(
  argv: readonly string[],
  cwd = process.env.INIT_CWD ?? process.cwd(),
): WorkflowOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        input: { type: 'string' },
        count: { type: 'string' },
        preset: { type: 'string' },
        size: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        model: { type: 'string' },
        segmenter: { type: 'string' },
        epochs: { type: 'string' },
        window: { type: 'string' },
        'min-size': { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new InvalidArgumentError(
      'parseWorkflowArgs',
      'argv',
      argv.join(' '),
      (error as Error).message,
    );
  }
  if (values.help) return null;
  const str = (k: string) => values[k] as string | undefined;
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const segmenter = (str('segmenter') ?? 'unet') as SegmenterKind;
  if (!['unet', 'otsu', 'truth'].includes(segmenter))
    throw new InvalidArgumentError(
      'parseWorkflowArgs',
      '--segmenter',
      segmenter,
      "'unet', 'otsu' or 'truth'",
    );
  const preset = (str('preset') ?? 'twin') as PhantomPreset;
  if (!['twin', 'dense'].includes(preset))
    throw new InvalidArgumentError('parseWorkflowArgs', '--preset', preset, "'twin' or 'dense'");
  const window = integer('window', str('window'), 7, 1);
  if (window % 2 === 0)
    throw new InvalidArgumentError('parseWorkflowArgs', '--window', window, 'an odd integer');
  return {
    input: str('input') ? path(str('input')!) : null,
    count: integer('count', str('count'), 73, 1),
    preset,
    size: integer('size', str('size'), preset === 'twin' ? TWIN_SIZE : 256, 32),
    out: path(str('out') ?? 'out'),
    seed: integer('seed', str('seed'), DEFAULT_SEED, 0),
    workers: integer('workers', str('workers'), availableParallelism(), 1),
    model: str('model') ? path(str('model')!) : null,
    segmenter,
    epochs: integer('epochs', str('epochs'), 150, 1),
    window,
    minSize: integer('min-size', str('min-size'), 10, 1),
    progress: !values['no-progress'],
  };
}
