import {
  assertNdarray,
  FileError,
  InvalidArgumentError,
  type LabelImage,
  type PhaseMap,
} from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';
import type { Composite, CompositeTruth } from './generate-composite.js';

/** File names {@link writeCompositeFiles} writes in a sample directory. */
export const COMPOSITE_FILES = Object.freeze({
  image: 'image.tif',
  phases: 'phases.tif',
  instances: 'instances.tif',
  energy: 'energy.tif',
  truth: 'truth.json',
});

/**
 * Quantise [0, 1] intensities to uint16 (`round(65535 v)`, clipped), the format of X-ray
 * detectors and of `image.tif`.
 *
 * @param image - float ndarray of intensities in [0, 1], any strides
 * @returns a new uint16 ndarray of the same shape
 */
export function toUint16(image: NdArray): NdArray<Uint16Array> {
  assertNdarray('toUint16', 'image', image);
  const out = new Uint16Array(image.size);
  const shape = image.shape.slice();
  const view = ndarray(out, shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < image.size; k++) {
    const v = image.get(...index) as number;
    out[k] = Math.round(65535 * Math.min(1, Math.max(0, Number.isNaN(v) ? 0 : v)));
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
    }
  }
  return view;
}

/**
 * Write one composite as standard files in `dir` (created if missing): `image.tif`
 * (uint16), `phases.tif` (uint8), `instances.tif` (int32), `energy.tif` (float32, NaN
 * outside NMC) and `truth.json` (`{ seed, shape, phaseOfLabel, scheme, truth }`). 3D
 * composites are multi-page TIFFs, one page per plane, written by `@mgraph/io`'s `writeTiff`.
 *
 * @param dir - output directory
 * @param composite - a result of `generateComposite`
 */
export async function writeCompositeFiles(dir: string, composite: Composite): Promise<void> {
  const fn = 'writeCompositeFiles';
  assertDir(fn, dir);
  const c = composite as Partial<Composite> | null;
  if (typeof c !== 'object' || c === null || typeof c.truth !== 'object' || c.truth === null) {
    throw new InvalidArgumentError(fn, 'composite', composite, 'a result of generateComposite');
  }
  for (const k of ['image', 'phases', 'instances', 'energy'] as const) {
    assertNdarray(fn, `composite.${k}`, c[k]);
  }
  if (!(c.phaseOfLabel instanceof Uint8Array)) {
    throw new InvalidArgumentError(fn, 'composite.phaseOfLabel', c.phaseOfLabel, 'a Uint8Array');
  }
  // Node built-ins (and @mgraph/io's Node entry) are loaded on first use, so the package
  // also bundles for the browser
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { writeTiff } = await import('@mgraph/io/node');
  await fileStep(fn, dir, () => mkdir(dir, { recursive: true }), 'create directory');
  const tiff = (name: string, image: Parameters<typeof writeTiff>[1]) => {
    const path = join(dir, name);
    return fileStep(fn, path, () => writeTiff(path, image), 'write');
  };
  await tiff(COMPOSITE_FILES.image, toUint16(composite.image));
  await tiff(COMPOSITE_FILES.phases, composite.phases);
  await tiff(COMPOSITE_FILES.instances, composite.instances);
  await tiff(COMPOSITE_FILES.energy, composite.energy);
  const meta = {
    seed: composite.truth.seed,
    shape: composite.image.shape,
    scheme: ['background', 'sse', 'nmc', 'graphite'],
    phaseOfLabel: Array.from(composite.phaseOfLabel),
    truth: composite.truth,
  };
  const truthPath = join(dir, COMPOSITE_FILES.truth);
  await fileStep(fn, truthPath, () => writeFile(truthPath, `${JSON.stringify(meta, null, 1)}\n`));
}

/** What {@link readCompositeFiles} returns. */
export interface CompositeFiles {
  /** uint16 intensities (65535 = 1). */
  image: NdArray<Uint16Array>;
  phases: PhaseMap;
  instances: LabelImage;
  phaseOfLabel: Uint8Array;
  energy: NdArray<Float32Array>;
  truth: CompositeTruth;
}

/**
 * Read a directory written by {@link writeCompositeFiles}.
 *
 * @param dir - sample directory
 */
export async function readCompositeFiles(dir: string): Promise<CompositeFiles> {
  const fn = 'readCompositeFiles';
  assertDir(fn, dir);
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { readTiff } = await import('@mgraph/io/node');
  const truthPath = join(dir, COMPOSITE_FILES.truth);
  const text = await fileStep(fn, truthPath, () => readFile(truthPath, 'utf8'), 'read');
  let meta: { phaseOfLabel?: unknown; truth?: unknown };
  try {
    meta = JSON.parse(text) as typeof meta;
  } catch (error) {
    throw new InvalidArgumentError(
      fn,
      'dir',
      dir,
      `a directory whose ${COMPOSITE_FILES.truth} is JSON (${truthPath}: ${(error as Error).message})`,
    );
  }
  const labels = meta?.phaseOfLabel;
  if (
    !Array.isArray(labels) ||
    !labels.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ||
    typeof meta.truth !== 'object' ||
    meta.truth === null
  ) {
    throw new InvalidArgumentError(
      fn,
      'dir',
      dir,
      `a directory whose ${COMPOSITE_FILES.truth} holds phaseOfLabel (phase codes 0-255) and truth (${truthPath} does not)`,
    );
  }
  const tiff = async (name: string) => {
    const path = join(dir, name);
    return (await fileStep(fn, path, () => readTiff(path), 'read')).data;
  };
  return {
    image: (await tiff(COMPOSITE_FILES.image)) as NdArray<Uint16Array>,
    phases: (await tiff(COMPOSITE_FILES.phases)) as PhaseMap,
    instances: (await tiff(COMPOSITE_FILES.instances)) as LabelImage,
    phaseOfLabel: Uint8Array.from(labels as number[]),
    energy: (await tiff(COMPOSITE_FILES.energy)) as NdArray<Float32Array>,
    truth: meta.truth as CompositeTruth,
  };
}

function assertDir(fn: string, dir: unknown): asserts dir is string {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new InvalidArgumentError(fn, 'dir', dir, 'a directory path (non-empty string)');
  }
}

/**
 * Run one file operation; Node's file-system errors (ENOENT, EISDIR, ENOTDIR, EACCES,
 * EEXIST...) become core's FileError naming the path and the code. Typed mgraph errors
 * (e.g. `@mgraph/io`'s) pass through.
 */
function fileStep<T>(
  fn: string,
  path: string,
  step: () => Promise<T>,
  action = 'open',
): Promise<T> {
  return FileError.wrap(fn, path, action, step);
}
