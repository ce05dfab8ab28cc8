import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  checkOptions,
  FileError,
  InvalidArgumentError,
  ModelError,
  type OptionKeys,
} from '@mgraph/core';
import type { InferenceSession } from 'onnxruntime-common';
import type { SegmenterOptions } from './create-segmenter.js';
import {
  type CardSegmenter,
  checkUNetCard,
  segmenterFromCard,
  type UNetCard,
} from './segmenter-from-card.js';

/**
 * Which shipped model {@link loadUNet} opens: `dense` (`models/unet.onnx`, trained on the
 * generator's default phantoms) or `twin` (`models/unet-twin.onnx`, the same network
 * fine-tuned on the paper-twin preset's 96 x 96 phantoms). See `models/MODEL_CARD.md`.
 */
export type ShippedModel = 'dense' | 'twin';

/** Options of {@link loadUNet}: the tiling options of `createSegmenter` plus where to load from. */
export interface LoadUNetOptions
  extends Pick<SegmenterOptions, 'tileSize' | 'overlap' | 'batchSize' | 'augment' | 'onProgress'> {
  /** Which shipped model to open (default `dense`); not together with `modelPath`. */
  model?: ShippedModel;
  /** Path of an ONNX model with a `.json` card beside it. Default: the shipped model `model`. */
  modelPath?: string;
  /** Session options passed to `onnxruntime-node`'s `InferenceSession.create`. */
  sessionOptions?: InferenceSession.SessionOptions;
}

/** The segmenter of the shipped U-Net, with its card. */
export interface UNetSegmenter extends CardSegmenter {
  /** Absolute path of the ONNX file that was loaded. */
  readonly modelPath: string;
}

/** The shipped model files, next to `dist/` in the package. */
const SHIPPED: Readonly<Record<ShippedModel, () => URL>> = {
  dense: () => new URL('../models/unet.onnx', import.meta.url),
  twin: () => new URL('../models/unet-twin.onnx', import.meta.url),
};

const LOAD_KEYS: OptionKeys<LoadUNetOptions> = {
  model: true,
  modelPath: true,
  sessionOptions: true,
  tileSize: true,
  overlap: true,
  batchSize: true,
  augment: true,
  onProgress: true,
};

/**
 * Node helper: open a shipped dual-attention U-Net (`models/unet.onnx`, trained on
 * `@mgraph/phantom`'s default images, or with `model: 'twin'` `models/unet-twin.onnx`, tuned
 * for its paper-twin preset; see `models/MODEL_CARD.md`) with `onnxruntime-node` and wrap it
 * in `createSegmenter` with the settings of its card (input/output names, classes,
 * stride, normalisation) by {@link segmenterFromCard}. Node.js only
 * (`@mgraph/segment/node`); `onnxruntime-node` is an optional peer dependency, imported when
 * this function runs. In the browser, fetch the model and its card and call
 * {@link segmenterFromCard} with an `onnxruntime-web` session.
 *
 * @param options - `model` (`'dense'` default, or `'twin'`) or `modelPath` (another model),
 *   `sessionOptions`, and the
 *   tiling options `tileSize` (256), `overlap` (128), `batchSize` (4), `augment` ('none'),
 *   `onProgress`
 * @returns a {@link UNetSegmenter}
 * @throws InvalidArgumentError when `model` is not `'dense'` / `'twin'`, or is given with
 *   `modelPath`, or `modelPath` does not end in `.onnx`
 * @throws ModelError when `onnxruntime-node` is not installed or the model does not load or
 *   does not match its card
 */
export async function loadUNet(options: LoadUNetOptions = {}): Promise<UNetSegmenter> {
  const fn = 'loadUNet';
  options = checkOptions(fn, options, LOAD_KEYS);
  if (options.model !== undefined && !Object.hasOwn(SHIPPED, options.model)) {
    throw new InvalidArgumentError(fn, 'options.model', options.model, "'dense' or 'twin'");
  }
  if (options.model !== undefined && options.modelPath !== undefined) {
    throw new InvalidArgumentError(
      fn,
      'options.model',
      options.model,
      'left out when options.modelPath is given',
    );
  }
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
  const modelPath = options.modelPath ?? fileURLToPath(SHIPPED[options.model ?? 'dense']());
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
  checkUNetCard(fn, card, `card (${cardPath})`);
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
  const segmenter = segmenterFromCard(session, card, {
    tileSize: options.tileSize,
    overlap: options.overlap,
    batchSize: options.batchSize,
    augment: options.augment,
    onProgress: options.onProgress,
  });
  return { ...segmenter, modelPath };
}
