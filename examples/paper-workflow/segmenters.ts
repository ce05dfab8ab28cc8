/**
 * The phase segmenters of the workflow, created once per worker thread: a shipped U-Net
 * (onnxruntime-node with one intra-op thread, since the pool already puts one worker on
 * each core) or the multi-level Otsu baseline.
 */
import { otsuSegmenter, type Segmenter } from '@mgraph/segment';
import { loadUNet, type ShippedModel } from '@mgraph/segment/node';
import type { WorkflowOptions } from './options.js';
import type { SegmenterKind } from './types.js';

/** Which U-Net to open: a model file (`--model`) or one of the models shipped with @mgraph/segment. */
export type UNetChoice = { modelPath: string } | { model: ShippedModel };

/**
 * The U-Net a run uses: the `--model` file when given, else the shipped twin model
 * (`unet-twin.onnx`, fine-tuned on the paper-twin phantoms) for the twin preset's phantoms and
 * the shipped default model (`unet.onnx`) for the dense preset and for `--input` images.
 *
 * @param options - the run's `model`, `preset` and `input`.
 * @returns the `loadUNet` options that pick the model.
 */
export function unetChoice(
  options: Pick<WorkflowOptions, 'model' | 'preset' | 'input'>,
): UNetChoice {
  if (options.model) return { modelPath: options.model };
  return { model: options.input === null && options.preset === 'twin' ? 'twin' : 'dense' };
}

let cached: { key: string; segmenter: Promise<Segmenter> } | null = null;

async function create(kind: Exclude<SegmenterKind, 'truth'>, unet: UNetChoice): Promise<Segmenter> {
  if (kind === 'otsu') return otsuSegmenter();
  return loadUNet({ ...unet, sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
}

/**
 * The segmenter of this worker (created on first use, then reused).
 *
 * @param kind - `unet` or `otsu`.
 * @param unet - which U-Net ({@link unetChoice}; unused for `otsu`).
 * @returns the segmenter, for `analyzeImage`'s `segmenter` option.
 */
export function segmenterFor(
  kind: Exclude<SegmenterKind, 'truth'>,
  unet: UNetChoice,
): Promise<Segmenter> {
  const key = `${kind}:${JSON.stringify(unet)}`;
  if (!cached || cached.key !== key) cached = { key, segmenter: create(kind, unet) };
  return cached.segmenter;
}
