import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { FileError, InvalidArgumentError } from '@mgraph/core';
import { writeTiff } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { writeCompositeZarr } from '@mgraph/phantom/node';
import { prepareOutputFile } from './output-dir.js';

/** `--help` of `mgraph phantom`. */
export const PHANTOM_HELP = `Usage: mgraph phantom OUT.tif [options]
       mgraph phantom OUT_DIR --zarr [--block N] [options]

Write (creating its folder) the phase map of a 3D cathode phantom of @mgraph/phantom (codes of the cathode scheme:
0 background, 1 sse, 2 nmc, 3 graphite) as a uint8 TIFF stack with its voxel size, for
mgraph volume OUT.tif --scheme cathode. No download: the phantom is generated.

  --shape P,R,C   planes, rows, cols (default 64,128,128)
  --seed N        random seed (default 1)
  --spacing S     voxel size written into the TIFF (default 0.4)
  --unit U        its unit (default um)
  --force         replace OUT.tif if it exists
  --zarr          write OUT_DIR/phases and OUT_DIR/instances (OME-Zarr), generated block by
                  block (compositeLayout / compositeBox: any size, memory of one block)
  --block N       block = chunk side of --zarr (default 64)
  --quiet         nothing on stderr
`;

/**
 * Run `mgraph phantom`: generate a 3D composite with `generateComposite` and write its phase
 * map as a TIFF stack (ImageJ metadata with the spacing and unit).
 *
 * @param argv - the arguments after the word `phantom`
 * @param stderr - where the one-line summary goes
 * @returns the path written, or `'help'`
 * @throws InvalidArgumentError for bad flags or an existing file without `--force`
 */
export async function runPhantom(
  argv: readonly string[],
  stderr: { write(text: string): unknown },
): Promise<string> {
  const fn = 'mgraph phantom';
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new InvalidArgumentError(
      fn,
      'argv',
      argv.join(' '),
      `flags of mgraph phantom (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.zarr) return runPhantomZarr(fn, values, positionals, stderr);
  if (values.block !== undefined)
    throw new InvalidArgumentError(fn, '--block', values.block, 'used with --zarr only');
  if (positionals.length !== 1 || !/\.tiff?$/i.test(positionals[0]!))
    throw new InvalidArgumentError(
      fn,
      'OUT',
      positionals,
      'one output path ending in .tif or .tiff',
    );
  const { shape, seed } = shapeAndSeed(fn, values);
  const spacing = spacingOf(fn, values);
  const unit = values.unit ?? 'um';
  const out = positionals[0]!;
  await prepareOutputFile(fn, out, values.force ?? false);
  await FileError.wrap(fn, dirname(out), 'create directory', () =>
    mkdir(dirname(out), { recursive: true }),
  );
  const c = generateComposite({ shape, seed });
  await writeTiff(out, c.phases, {
    spacing: [spacing, spacing, spacing],
    unit,
    compression: 'deflate',
  });
  if (!values.quiet)
    stderr.write(
      `mgraph phantom: ${shape.join('x')} cathode phantom (seed ${seed}, ${c.truth.particles.length} NMC particles) -> ${out}\n`,
    );
  return out;
}

/** `mgraph phantom OUT_DIR --zarr`: {@link writeCompositeZarr} into a missing or empty directory. */
async function runPhantomZarr(
  fn: string,
  values: PhantomValues,
  positionals: string[],
  stderr: { write(text: string): unknown },
): Promise<string> {
  if (positionals.length !== 1 || /\.tiff?$/i.test(positionals[0]!))
    throw new InvalidArgumentError(fn, 'OUT_DIR', positionals, 'one output directory (not a .tif)');
  if (values.force)
    throw new InvalidArgumentError(
      fn,
      '--force',
      true,
      'not with --zarr (the directory must be missing or empty)',
    );
  const { shape, seed } = shapeAndSeed(fn, values);
  const block = Number(values.block ?? 64);
  if (!(Number.isSafeInteger(block) && block >= 1))
    throw new InvalidArgumentError(fn, '--block', values.block, 'a positive integer');
  const spacing = spacingOf(fn, values);
  const out = positionals[0]!;
  const summary = await writeCompositeZarr(out, {
    shape,
    seed,
    chunks: [block, block, block],
    spacing: [spacing, spacing, spacing],
    unit: values.unit ?? 'um',
  });
  if (!values.quiet)
    stderr.write(
      `mgraph phantom: ${shape.join('x')} block-wise cathode phantom (seed ${seed}, blocks of ${block}^3, ${summary.particles} NMC particles) -> ${out}/phases, ${out}/instances\n`,
    );
  return out;
}

type PhantomValues = ReturnType<typeof parse>['values'];

/** `--shape` (three integers >= 8) and `--seed` (an integer), checked in that order. */
function shapeAndSeed(fn: string, values: PhantomValues): { shape: number[]; seed: number } {
  const shape = (values.shape ?? '64,128,128').split(',').map(Number);
  if (shape.length !== 3 || !shape.every((s) => Number.isSafeInteger(s) && s >= 8))
    throw new InvalidArgumentError(
      fn,
      '--shape',
      values.shape,
      'three integers >= 8 (planes,rows,cols)',
    );
  const seed = Number(values.seed ?? 1);
  if (!Number.isSafeInteger(seed))
    throw new InvalidArgumentError(fn, '--seed', values.seed, 'an integer');
  return { shape, seed };
}

/** `--spacing`: a positive number (default 0.4). */
function spacingOf(fn: string, values: PhantomValues): number {
  const spacing = Number(values.spacing ?? 0.4);
  if (!(Number.isFinite(spacing) && spacing > 0))
    throw new InvalidArgumentError(fn, '--spacing', values.spacing, 'a positive number');
  return spacing;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      shape: { type: 'string' },
      seed: { type: 'string' },
      spacing: { type: 'string' },
      unit: { type: 'string' },
      force: { type: 'boolean' },
      zarr: { type: 'boolean' },
      block: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
