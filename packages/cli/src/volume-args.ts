import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@mgraph/core';
import type { IoDtype } from '@mgraph/io';

/** The `mgraph volume` command as parsed from its arguments. */
export interface VolumeCommand {
  /** Path of the volume: `.tif` / `.tiff` (a stack), `.npy`, or raw bytes (with `shape` and `dtype`). */
  file: string;
  /** `cathode`, `sofc-anode`, `li-ion-electrode`, or the path of a scheme JSON file. */
  scheme: string;
  /** Voxel size per axis `[dz, dy, dx]`, or undefined to take the file's (else 1 voxel). */
  spacing: [number, number, number] | undefined;
  /** Unit of `spacing`, or undefined to take the file's (else `voxel`). */
  unit: string | undefined;
  /** Output directory. */
  out: string;
  /** Raw files: `[planes, rows, cols]`. */
  shape: [number, number, number] | undefined;
  /** Raw files: element type. */
  dtype: IoDtype | undefined;
  /** Raw files: byte order (default little). */
  byteOrder: 'little' | 'big';
  /** Raw files: bytes to skip before the data. */
  offset: number;
  /** Objects with fewer voxels are dropped (default 10). */
  minSize: number;
  /** Adjacency window of the graph, odd (default 7). */
  window: number;
  /** Path of a JSON file of the accessibility conductivities, or undefined (1 S/unit each). */
  conductivity: string | undefined;
  /** Leave out the tortuosity solves (9 per three-phase volume). */
  skipTortuosity: boolean;
  /** Replace the files of an output directory that is not empty. */
  force: boolean;
  /** No progress on stderr. */
  quiet: boolean;
  /** Stack traces on errors. */
  verbose: boolean;
}

const FN = 'mgraph volume';
const DTYPES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'];

/** `--help` of `mgraph volume`. */
export const VOLUME_HELP = `Usage: mgraph volume FILE --scheme NAME|SCHEME.json --out DIR [options]

Analyse a 3D phase volume: apply the phase scheme (raw values -> phases), cut every object
phase into instances, build the contact graph, measure it, and write into DIR:
report.html (self-contained), one CSV and one JSON per table, summary.json, graph.graphml.

  FILE                  a TIFF stack (.tif, .tiff), a NumPy .npy, or raw bytes (--shape, --dtype)
  --scheme S            cathode | sofc-anode | li-ion-electrode | path of a scheme JSON file
                        ({ "name", "phases", "values", "objects", "active", "ionic",
                        "electronic", "tpb" } as definePhaseScheme of @mgraph/core takes it)
  --spacing Z,Y,X       voxel size per axis, or one number for all (default: the TIFF's, else 1)
  --unit U              unit of the spacing, e.g. um, nm (default: the TIFF's, else voxel)
  --out DIR             output directory (created; must be empty unless --force)
  --shape P,R,C         raw files: planes, rows, cols
  --dtype T             raw files: ${DTYPES.join(', ')}
  --byte-order B        raw files: little (default) or big
  --offset N            raw files: header bytes to skip (default 0)
  --min-size N          objects with fewer voxels are dropped (default 10)
  --window N            adjacency window of the contact graph, odd (default 7)
  --conductivity F.json conductivities (S/unit) of the per-particle accessibility:
                        { "ionic": { phase: S/unit }, "electronic": { phase: S/unit } },
                        the active phase in both (default 1 for every phase)
  --skip-tortuosity     leave out the tortuosity factor solves (one per phase and axis)
  --force               replace the files of a non-empty DIR (each file is written atomically)
  --quiet               no progress on stderr
  --verbose             print the stack trace of an error
  --help                this text
`;

function bad(argument: string, value: unknown, expected: string): never {
  throw new InvalidArgumentError(FN, argument, value, expected);
}

/** A comma-separated list of `count` positive numbers (one number stands for all). */
function numbers(argument: string, text: string, integer: boolean): [number, number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  const ok = (v: number) => Number.isFinite(v) && v > 0 && (!integer || Number.isSafeInteger(v));
  if (
    (parts.length !== 1 && parts.length !== 3) ||
    parts.some((p) => p === '') ||
    !values.every(ok)
  )
    bad(
      argument,
      text,
      `three comma-separated positive ${integer ? 'integers' : 'numbers'} (z,y,x)${integer ? '' : ' or one for all axes'}`,
    );
  if (integer && parts.length !== 3) bad(argument, text, 'three comma-separated positive integers');
  return (values.length === 1 ? [values[0], values[0], values[0]] : values) as [
    number,
    number,
    number,
  ];
}

function integer(
  argument: string,
  text: string | undefined,
  fallback: number,
  min: number,
): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < min) bad(argument, text, `an integer >= ${min}`);
  return v;
}

/**
 * Parse the arguments of `mgraph volume` (everything after the word `volume`).
 *
 * @param argv - the arguments, e.g. `['vol.tif', '--scheme', 'cathode', '--out', 'report']`
 * @returns the {@link VolumeCommand}, or `'help'` when `--help` is among them
 * @throws InvalidArgumentError naming the flag and its value for an unknown flag, a missing
 *   FILE, `--scheme` or `--out`, a spacing that is not one or three positive numbers, a
 *   shape that is not three positive integers, an unknown dtype or byte order, `--shape`
 *   without `--dtype` (or the reverse), an even or negative window
 */
export function parseVolumeArgs(argv: readonly string[]): VolumeCommand | 'help' {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    bad('argv', argv.join(' '), `flags of mgraph volume (${message}; see mgraph volume --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1)
    bad('FILE', positionals, 'exactly one volume file (see mgraph volume --help)');
  if (values.scheme === undefined)
    bad('--scheme', undefined, 'cathode, sofc-anode, li-ion-electrode or a scheme JSON file');
  if (values.out === undefined) bad('--out', undefined, 'an output directory');
  const shape = values.shape === undefined ? undefined : numbers('--shape', values.shape, true);
  const dtype = values.dtype as IoDtype | undefined;
  if (dtype !== undefined && !DTYPES.includes(dtype)) bad('--dtype', dtype, DTYPES.join(', '));
  if ((shape === undefined) !== (dtype === undefined))
    bad(
      shape === undefined ? '--shape' : '--dtype',
      undefined,
      'given with the other: a raw file needs both --shape and --dtype',
    );
  const byteOrder = values['byte-order'] ?? 'little';
  if (byteOrder !== 'little' && byteOrder !== 'big')
    bad('--byte-order', byteOrder, 'little or big');
  const window = integer('--window', values.window, 7, 1);
  if (window % 2 === 0) bad('--window', values.window, 'an odd integer >= 1');
  if (values.unit !== undefined && !/^\S+$/.test(values.unit))
    bad('--unit', values.unit, 'a unit name without spaces, e.g. um');
  return {
    file: positionals[0]!,
    scheme: values.scheme,
    spacing: values.spacing === undefined ? undefined : numbers('--spacing', values.spacing, false),
    unit: values.unit,
    out: values.out,
    shape,
    dtype,
    byteOrder,
    offset: integer('--offset', values.offset, 0, 0),
    minSize: integer('--min-size', values['min-size'], 10, 0),
    window,
    conductivity: values.conductivity,
    skipTortuosity: values['skip-tortuosity'] ?? false,
    force: values.force ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      scheme: { type: 'string' },
      spacing: { type: 'string' },
      unit: { type: 'string' },
      out: { type: 'string' },
      shape: { type: 'string' },
      dtype: { type: 'string' },
      'byte-order': { type: 'string' },
      offset: { type: 'string' },
      'min-size': { type: 'string' },
      window: { type: 'string' },
      conductivity: { type: 'string' },
      'skip-tortuosity': { type: 'boolean' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
