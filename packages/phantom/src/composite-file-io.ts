import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNdarray,
  FileError,
  InvalidArgumentError,
  type LabelImage,
  type PhaseMap,
} from '@mgraph/core';
import { readTiff, writeTiff } from '@mgraph/io/node';
import type { NdArray } from 'ndarray';
import { COMPOSITE_FILES, type CompositeFiles, toUint16 } from './composite-files.js';
import type { Composite, CompositeTruth } from './generate-composite.js';

/**
 * Write one composite as standard files in `dir` (created if missing): `image.tif`
 * (uint16), `phases.tif` (uint8), `instances.tif` (int32), `energy.tif` (float32, NaN
 * outside NMC) and `truth.json` (`{ seed, shape, phaseOfLabel, scheme, truth }`). 3D
 * composites are multi-page TIFFs, one page per plane, written by `@mgraph/io`'s `writeTiff`. Node.js only (`@mgraph/phantom/node`).
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

/**
 * Read a directory written by {@link writeCompositeFiles}. Node.js only
 * (`@mgraph/phantom/node`).
 *
 * @param dir - sample directory
 */
export async function readCompositeFiles(dir: string): Promise<CompositeFiles> {
  const fn = 'readCompositeFiles';
  assertDir(fn, dir);
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
