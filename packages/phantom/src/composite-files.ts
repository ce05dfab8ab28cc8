import { assertNdarray, type LabelImage, type PhaseMap } from '@mgraph/core';
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
  // Node built-ins (and @mgraph/io's Node entry) are loaded on first use, so the package
  // also bundles for the browser
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { writeTiff } = await import('@mgraph/io/node');
  await mkdir(dir, { recursive: true });
  await writeTiff(join(dir, COMPOSITE_FILES.image), toUint16(composite.image));
  await writeTiff(join(dir, COMPOSITE_FILES.phases), composite.phases);
  await writeTiff(join(dir, COMPOSITE_FILES.instances), composite.instances);
  await writeTiff(join(dir, COMPOSITE_FILES.energy), composite.energy);
  const meta = {
    seed: composite.truth.seed,
    shape: composite.image.shape,
    scheme: ['background', 'sse', 'nmc', 'graphite'],
    phaseOfLabel: Array.from(composite.phaseOfLabel),
    truth: composite.truth,
  };
  await writeFile(join(dir, COMPOSITE_FILES.truth), `${JSON.stringify(meta, null, 1)}\n`);
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
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { readTiff } = await import('@mgraph/io/node');
  const meta = JSON.parse(await readFile(join(dir, COMPOSITE_FILES.truth), 'utf8')) as {
    phaseOfLabel: number[];
    truth: CompositeTruth;
  };
  return {
    image: (await readTiff(join(dir, COMPOSITE_FILES.image))).data as NdArray<Uint16Array>,
    phases: (await readTiff(join(dir, COMPOSITE_FILES.phases))).data as PhaseMap,
    instances: (await readTiff(join(dir, COMPOSITE_FILES.instances))).data as LabelImage,
    phaseOfLabel: Uint8Array.from(meta.phaseOfLabel),
    energy: (await readTiff(join(dir, COMPOSITE_FILES.energy))).data as NdArray<Float32Array>,
    truth: meta.truth,
  };
}
