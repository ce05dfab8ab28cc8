import {
  checkOptions,
  FileError,
  InvalidArgumentError,
  ModelError,
  type OptionKeys,
} from '@mgraph/core';
import type { InferenceSession } from 'onnxruntime-common';
import { createSegmenter, type OnnxSegmenter, type SegmenterOptions } from './create-segmenter.js';

/** What `models/unet.json` (written by `tools/unet/train.py`) says about the shipped model. */
export interface UNetCard {
  readonly name: string;
  readonly inputName: string;
  readonly outputName: string;
  readonly output: 'logits' | 'probabilities';
  readonly classes: readonly string[];
  readonly stride: number;
  readonly normalize: 'zscore' | 'none';
  readonly architecture: Readonly<Record<string, unknown>>;
  readonly training: Readonly<Record<string, unknown>>;
  /** mIoU and per-class IoU on the validation and test splits of the training data. */
  readonly metrics: Readonly<
    Record<'val' | 'test', { mIoU: number; perClass: Readonly<Record<string, number>> }>
  >;
}

/** Options of {@link loadUNet}: the tiling options of {@link createSegmenter} plus where to load from. */
export interface LoadUNetOptions
  extends Pick<SegmenterOptions, 'tileSize' | 'overlap' | 'batchSize' | 'augment' | 'onProgress'> {
  /** Path of an ONNX model with a `.json` card beside it. Default: the shipped `models/unet.onnx`. */
  modelPath?: string;
  /** Session options passed to `onnxruntime-node`'s `InferenceSession.create`. */
  sessionOptions?: InferenceSession.SessionOptions;
}

/** The segmenter of the shipped U-Net, with its card. */
export interface UNetSegmenter extends OnnxSegmenter {
  readonly card: UNetCard;
  /** Absolute path of the ONNX file that was loaded. */
  readonly modelPath: string;
}

const LOAD_KEYS: OptionKeys<LoadUNetOptions> = {
  modelPath: true,
  sessionOptions: true,
  tileSize: true,
  overlap: true,
  batchSize: true,
  augment: true,
  onProgress: true,
};

/**
 * Node helper: open the shipped dual-attention U-Net (`models/unet.onnx`, trained on
 * `@mgraph/phantom` images, see `models/MODEL_CARD.md`) with `onnxruntime-node` and wrap it
 * in {@link createSegmenter} with the settings of its card (input/output names, classes,
 * stride, normalisation). `onnxruntime-node` is an optional peer dependency, imported
 * only when this function runs, so the rest of the package stays browser-safe.
 *
 * @param options - `modelPath` (default: the shipped model), `sessionOptions`, and the
 *   tiling options `tileSize` (256), `overlap` (128), `batchSize` (4), `augment` ('none'),
 *   `onProgress`
 * @returns a {@link UNetSegmenter}
 * @throws ModelError when `onnxruntime-node` is not installed or the model does not load or
 *   does not match its card
 */
export async function loadUNet(options: LoadUNetOptions = {}): Promise<UNetSegmenter> {
  const fn = 'loadUNet';
  options = checkOptions(fn, options, LOAD_KEYS);
  if (
    options.modelPath !== undefined &&
    (typeof options.modelPath !== 'string' || !/\.onnx$/i.test(options.modelPath))
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.modelPath',
      options.modelPath,
      'a path ending in .onnx (its card is the .json beside it)',
    );
  }
  if (
    options.sessionOptions !== undefined &&
    (typeof options.sessionOptions !== 'object' || options.sessionOptions === null)
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.sessionOptions',
      options.sessionOptions,
      'an onnxruntime SessionOptions object',
    );
  }
  const { fileURLToPath } = await import('node:url');
  const { readFile, stat } = await import('node:fs/promises');
  const modelPath =
    options.modelPath ?? fileURLToPath(new URL('../models/unet.onnx', import.meta.url));
  const cardPath = modelPath.replace(/\.onnx$/i, '.json');
  // the model and its card must be files: ENOENT / EISDIR become typed errors naming the path
  for (const path of [modelPath, cardPath]) {
    const info = await FileError.wrap(fn, path, 'open', () => stat(path));
    if (!info.isFile()) {
      throw new FileError(
        fn,
        path,
        Object.assign(new Error('is a directory'), { code: 'EISDIR' }),
        'open',
      );
    }
  }
  let card: UNetCard;
  try {
    card = JSON.parse(await readFile(cardPath, 'utf8')) as UNetCard;
  } catch (error) {
    throw new ModelError(fn, 'card', `a JSON card at ${cardPath}`, String(error));
  }
  const c = card as Partial<UNetCard> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.inputName !== 'string' ||
    typeof c.outputName !== 'string' ||
    !Array.isArray(c.classes) ||
    typeof c.stride !== 'number'
  ) {
    throw new ModelError(
      fn,
      `card (${cardPath})`,
      'a JSON object with inputName, outputName, classes, stride, normalize, output',
      card,
    );
  }
  let ort: { InferenceSession: typeof InferenceSession };
  try {
    const mod = (await import('onnxruntime-node')) as unknown as {
      InferenceSession?: typeof InferenceSession;
      default?: { InferenceSession: typeof InferenceSession };
    };
    ort = { InferenceSession: (mod.InferenceSession ?? mod.default?.InferenceSession)! };
  } catch (error) {
    throw new ModelError(
      fn,
      'runtime',
      'onnxruntime-node installed (optional peer dependency of @mgraph/segment)',
      String(error),
    );
  }
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, options.sessionOptions ?? {});
  } catch (error) {
    throw new ModelError(fn, 'file', `a loadable ONNX model at ${modelPath}`, String(error));
  }
  const segmenter = createSegmenter(session, {
    inputName: card.inputName,
    outputName: card.outputName,
    classes: card.classes,
    stride: card.stride,
    normalize: card.normalize,
    output: card.output,
    tileSize: options.tileSize,
    overlap: options.overlap,
    batchSize: options.batchSize,
    augment: options.augment,
    onProgress: options.onProgress,
  });
  return { ...segmenter, card, modelPath };
}
