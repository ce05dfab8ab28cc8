/**
 * The phase segmenters of the workflow, created once per worker thread: the shipped U-Net
 * (onnxruntime-node with one intra-op thread, since the pool already puts one worker on
 * each core) or the multi-level Otsu baseline.
 */
import type { NdArray } from '@mgraph/core';
import { loadUNet, otsuSegmenter, type Segmenter } from '@mgraph/segment';
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
 * Segment an X-ray image into the cathode phase map.
 *
 * @param image - 2D float32 image.
 * @param kind - `unet` or `otsu`.
 * @param modelPath - ONNX model with its `.json` card beside it (default: the U-Net shipped
 *   with @mgraph/segment).
 * @returns the uint8 phase map.
 */
export async function segmentImage(
  image: NdArray<Float32Array>,
  kind: Exclude<SegmenterKind, 'truth'>,
  modelPath?: string,
): Promise<NdArray<Uint8Array>> {
  const key = `${kind}:${modelPath ?? ''}`;
  if (!cached || cached.key !== key) cached = { key, segmenter: create(kind, modelPath) };
  const segmenter = await cached.segmenter;
  return (await segmenter.segment(image)).phases;
}
