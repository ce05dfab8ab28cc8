/**
 * The phase segmenters of the workflow, created once per worker thread: the shipped U-Net
 * (onnxruntime-node with one intra-op thread, since the pool already puts one worker on
 * each core) or the multi-level Otsu baseline.
 */
import { otsuSegmenter, type Segmenter } from '@mgraph/segment';
import { loadUNet } from '@mgraph/segment/node';
import type { SegmenterKind } from './types.js';

let cached: { key: string; segmenter: Promise<Segmenter> } | null = null;

async function create(
  kind: Exclude<SegmenterKind, 'truth'>,
  modelPath?: string,
): Promise<Segmenter> {
  if (kind === 'otsu') return otsuSegmenter();
  return loadUNet({
    ...(modelPath ? { modelPath } : {}),
    sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
}

/**
 * The segmenter of this worker (created on first use, then reused).
 *
 * @param kind - `unet` or `otsu`.
 * @param modelPath - ONNX model with its `.json` card beside it (default: the U-Net shipped
 *   with @mgraph/segment).
 * @returns the segmenter, for `analyzeImage`'s `segmenter` option.
 */
export function segmenterFor(
  kind: Exclude<SegmenterKind, 'truth'>,
  modelPath?: string,
): Promise<Segmenter> {
  const key = `${kind}:${modelPath ?? ''}`;
  if (!cached || cached.key !== key) cached = { key, segmenter: create(kind, modelPath) };
  return cached.segmenter;
}
