/**
 * The batch: either the embedded default (seeded phantom composites) or a directory of the
 * user's TIFF images. In the directory, either flat files `<name>.tif` with optional
 * companion maps `<name>.phases.tif` (uint8 phase map, used as truth for mIoU) and
 * `<name>.energy.tif` (float32 Ni K-edge energy, eV); or one sub-directory per image in the
 * layout `writeCompositeFiles` of @mgraph/phantom writes (`image.tif`, `phases.tif`,
 * `energy.tif`).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { COMPOSITE_FILES, type CompositeOptions, paperTwinOptions } from '@mgraph/phantom';
import type { ImageSource, ImageTask, PhantomPreset } from './types.js';

const TIFF = /\.tiff?$/i;
const COMPANION = /\.(phases|energy|instances)\.tiff?$/i;

/**
 * Tasks for `count` phantom composites with seeds `seed, seed + 1, ...`.
 *
 * @param count - number of images.
 * @param seed - first seed (the default workflow's seeds are disjoint from the U-Net's training seeds).
 * @param shape - image shape.
 * @param preset - `twin` (default; the paper twin) or `dense` (the generator's defaults).
 */
export function phantomTasks(
  count: number,
  seed: number,
  shape: number[],
  preset: PhantomPreset = 'twin',
): ImageTask[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    name: `phantom-${seed + index}`,
    source: { kind: 'phantom', seed: seed + index, shape, preset },
  }));
}

/**
 * The `generateComposite` options of a phantom task: the paper twin's (`paperTwinOptions`) or
 * the generator's defaults, at the task's shape and seed.
 *
 * @param source - a phantom source of {@link phantomTasks}.
 * @returns options for `generateComposite` of @mgraph/phantom.
 */
export function phantomOptions(
  source: Extract<ImageSource, { kind: 'phantom' }>,
): CompositeOptions {
  const base = source.preset === 'dense' ? {} : paperTwinOptions();
  return { ...base, shape: source.shape, seed: source.seed };
}

/**
 * Tasks for every image in `dir` (sorted by name), with its companion maps if present.
 *
 * @param dir - directory to scan (not recursive).
 * @throws InvalidArgumentError when the directory has no TIFF image.
 */
export async function directoryTasks(dir: string): Promise<ImageTask[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const found: { name: string; source: ImageTask['source'] }[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      const inner = new Set(await readdir(join(dir, entry.name)));
      if (!inner.has(COMPOSITE_FILES.image)) continue;
      const at = (f: string) => (inner.has(f) ? { path: join(dir, entry.name, f) } : null);
      const phases = at(COMPOSITE_FILES.phases);
      const energy = at(COMPOSITE_FILES.energy);
      found.push({
        name: entry.name,
        source: {
          kind: 'files',
          image: join(dir, entry.name, COMPOSITE_FILES.image),
          ...(phases ? { phases: phases.path } : {}),
          ...(energy ? { energy: energy.path } : {}),
        },
      });
    } else if (entry.isFile() && TIFF.test(entry.name) && !COMPANION.test(entry.name)) {
      const stem = entry.name.replace(TIFF, '');
      const companion = (kind: string) =>
        [`${stem}.${kind}.tif`, `${stem}.${kind}.tiff`].find((f) => files.has(f));
      const phases = companion('phases');
      const energy = companion('energy');
      found.push({
        name: stem,
        source: {
          kind: 'files',
          image: join(dir, entry.name),
          ...(phases ? { phases: join(dir, phases) } : {}),
          ...(energy ? { energy: join(dir, energy) } : {}),
        },
      });
    }
  }
  if (found.length === 0)
    throw new InvalidArgumentError(
      'directoryTasks',
      'dir',
      dir,
      'a directory with .tif/.tiff images or composite sub-directories (image.tif)',
    );
  return found.map((f, index) => ({ index, ...f }));
}
